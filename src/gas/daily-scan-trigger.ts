// Installs and removes the one daily time-driven trigger that runs scheduledScan at the Settings' Scan hour.

import type { CellValue } from "../domain/cell-value";
import { defaultSettings, parseSettings } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import { TAB } from "../domain/workbook-schema";
import { findTab } from "./platform/find-tab";
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

/** What installing stored in Document Property `KPI_STEWARD_SCAN_TRIGGER`. */
interface StoredTrigger {
  /** `Trigger.getUniqueId()` of the trigger this spreadsheet installed. */
  id: string;
  hour: number;
  timeZone: string;
  /** The spreadsheet that installed it: a copy of the file (properties and all) does not own it. */
  spreadsheetId: string;
}

/** The stored record when it is this spreadsheet's, else null (none, unreadable, or a copy's original's). */
function readStoredTrigger(
  properties: GoogleAppsScript.Properties.Properties,
  spreadsheetId: string,
): StoredTrigger | null {
  try {
    const stored = JSON.parse(
      properties.getProperty(SCAN_PROPERTY.scanTrigger) ?? "null",
    ) as StoredTrigger | null;
    return stored && typeof stored.id === "string" && stored.spreadsheetId === spreadsheetId ? stored : null;
  } catch (_error) {
    return null;
  }
}

/**
 * This spreadsheet's daily scan triggers, found wherever Apps Script lists them:
 * `getUserTriggers(spreadsheet)` (this user's triggers "in the given spreadsheet") and
 * `getProjectTriggers()` (this user's triggers of the whole project — for an add-on, of every document
 * it is used in). Ours are the one whose unique ID we stored, any `scheduledScan` trigger listed for
 * this spreadsheet, and — in a container-bound copy, whose project belongs to this spreadsheet alone
 * (`getInstallationSource()` is NONE) — every `scheduledScan` trigger of the project. An add-on's other
 * `scheduledScan` triggers belong to other documents and are left alone.
 */
function ourScanTriggers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  stored: StoredTrigger | null,
): GoogleAppsScript.Script.Trigger[] {
  const ours = new Map<string, GoogleAppsScript.Script.Trigger>();
  for (const trigger of ScriptApp.getUserTriggers(spreadsheet)) {
    const id = trigger.getUniqueId();
    if (id === stored?.id || trigger.getHandlerFunction() === SCHEDULED_SCAN_HANDLER) ours.set(id, trigger);
  }
  const unclaimed: [string, GoogleAppsScript.Script.Trigger][] = [];
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const id = trigger.getUniqueId();
    if (ours.has(id)) continue;
    if (id === stored?.id) ours.set(id, trigger);
    else if (trigger.getHandlerFunction() === SCHEDULED_SCAN_HANDLER) unclaimed.push([id, trigger]);
  }
  if (unclaimed.length > 0 && ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE)
    for (const [id, trigger] of unclaimed) ours.set(id, trigger);
  return [...ours.values()];
}

/** The Settings tab's Scan hour (default 7 when the tab or value is missing or invalid). */
function scanHour(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): number {
  const sheet = findTab(spreadsheet, TAB.settings);
  if (!sheet) return defaultSettings().scanHour;
  const parsed = parseSettings(sheet.getDataRange().getValues() as CellValue[][]);
  return isWorkbookProblem(parsed) ? defaultSettings().scanHour : parsed.settings.scanHour;
}

function hourText(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/**
 * Makes sure exactly one daily trigger runs `scheduledScan` at the Settings' Scan hour in the
 * spreadsheet's time zone. The trigger we installed (found by the unique ID stored when installing) is
 * kept when it is already at that hour; otherwise every daily scan trigger of this spreadsheet is
 * deleted and one is created (Apps Script cannot move a trigger's hour), and its ID stored.
 */
export function installDailyScanTrigger(): DailyScanStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const spreadsheetId = spreadsheet.getId();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const hour = scanHour(spreadsheet);
  const properties = PropertiesService.getDocumentProperties();
  const stored = readStoredTrigger(properties, spreadsheetId);
  const existing = ourScanTriggers(spreadsheet, stored);
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
  const record: StoredTrigger = { id: trigger.getUniqueId(), hour, timeZone, spreadsheetId };
  properties.setProperty(SCAN_PROPERTY.scanTrigger, JSON.stringify(record));
  const verb = existing.length > 0 ? "moved to" : "installed:";
  return {
    installed: true,
    hour,
    timeZone,
    message: `Daily scan ${verb} every day at ${hourText(hour)} (${timeZone}), set by Settings › Scan hour.`,
  };
}

/** Deletes this spreadsheet's daily scan trigger(s), wherever Apps Script lists them. */
export function removeDailyScanTrigger(): DailyScanStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const properties = PropertiesService.getDocumentProperties();
  const existing = ourScanTriggers(spreadsheet, readStoredTrigger(properties, spreadsheet.getId()));
  for (const trigger of existing) ScriptApp.deleteTrigger(trigger);
  properties.deleteProperty(SCAN_PROPERTY.scanTrigger);
  return {
    installed: false,
    message:
      existing.length > 0
        ? "Daily scan removed. Scan now still works from the menu."
        : "There was no daily scan to remove.",
  };
}
