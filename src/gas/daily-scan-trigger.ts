// Installs and removes the one daily time-driven trigger that runs scheduledScan at the Settings' Scan hour.

import type { CellValue } from "../domain/cell-value";
import { defaultSettings, parseSettings } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import { normalizeHeader, TAB } from "../domain/workbook-schema";
import { SCAN_PROPERTY } from "./scan-store";

/** The global function the trigger calls. */
export const SCHEDULED_SCAN_HANDLER = "scheduledScan";

/** What the trigger looks like after install or removal. */
export interface DailyScanStatus {
  installed: boolean;
  /** Hour of the day (0–23) in `timeZone`, when installed. */
  hour?: number;
  timeZone?: string;
  /** True when an existing trigger was kept as it was. */
  unchanged?: boolean;
  message: string;
}

interface StoredTrigger {
  id: string;
  hour: number;
  timeZone: string;
}

function scanTriggers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === SCHEDULED_SCAN_HANDLER,
  );
}

/** The Settings tab's Scan hour (default 7 when the tab or value is missing or invalid). */
function scanHour(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const sheet = spreadsheet
    .getSheets()
    .find((s) => normalizeHeader(s.getName()) === normalizeHeader(TAB.settings));
  if (!sheet) return defaultSettings().scanHour;
  const parsed = parseSettings(sheet.getDataRange().getValues() as CellValue[][]);
  return isWorkbookProblem(parsed) ? defaultSettings().scanHour : parsed.settings.scanHour;
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/**
 * Makes sure exactly one daily trigger runs `scheduledScan` at the Settings' Scan hour in the
 * spreadsheet's time zone. A trigger already at that hour is kept; otherwise every scan trigger of
 * this user and document is deleted and one is created (Apps Script cannot move a trigger's hour).
 */
export function installDailyScanTrigger(): DailyScanStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const hour = scanHour(spreadsheet);
  const properties = PropertiesService.getDocumentProperties();
  const existing = scanTriggers(spreadsheet);
  let stored: StoredTrigger | null = null;
  try {
    stored = JSON.parse(properties.getProperty(SCAN_PROPERTY.scanTrigger) ?? "null") as StoredTrigger | null;
  } catch (_error) {
    stored = null;
  }
  if (
    existing.length === 1 &&
    stored &&
    stored.id === existing[0].getUniqueId() &&
    stored.hour === hour &&
    stored.timeZone === timeZone
  )
    return {
      installed: true,
      hour,
      timeZone,
      unchanged: true,
      message: `The daily scan is already installed: every day at ${hourText(hour)} (${timeZone}).`,
    };
  for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
  const trigger = ScriptApp.newTrigger(SCHEDULED_SCAN_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone(timeZone)
    .create();
  const record: StoredTrigger = { id: trigger.getUniqueId(), hour, timeZone };
  properties.setProperty(SCAN_PROPERTY.scanTrigger, JSON.stringify(record));
  const verb = existing.length > 0 ? "moved to" : "installed:";
  return {
    installed: true,
    hour,
    timeZone,
    message: `Daily scan ${verb} every day at ${hourText(hour)} (${timeZone}), set by Settings › Scan hour.`,
  };
}

/** Deletes the daily scan trigger(s) of this user and document. */
export function removeDailyScanTrigger(): DailyScanStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const existing = scanTriggers(spreadsheet);
  for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
  PropertiesService.getDocumentProperties().deleteProperty(SCAN_PROPERTY.scanTrigger);
  return {
    installed: false,
    message:
      existing.length > 0
        ? "Daily scan removed. Scan now still works from the menu."
        : "There was no daily scan to remove.",
  };
}
