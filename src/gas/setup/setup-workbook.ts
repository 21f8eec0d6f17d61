// Setup workbook: creates the missing SPEC §2 tabs from a template, never touching a tab that exists, and records it.

import type { CellValue } from "../../domain/cell-value";
import { parseIsoDate } from "../../domain/civil-date";
import { countOf } from "../../domain/plural";
import { workbookLayouts } from "../../domain/setup/tab-layout";
import { type HealthProfile, healthProfileOf } from "../../domain/templates/health-rules";
import type { TemplateId, WorkbookTemplate } from "../../domain/templates/template-types";
import { withHealthProfile } from "../../domain/templates/workbook-templates";
import { dateOfCivil } from "../../domain/workbook/date-cells";
import { parseSettings } from "../../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { isAccountSheet, normalizeHeader, TAB } from "../../domain/workbook-schema";
import { presentEscalationLog } from "../escalation-log-presentation";
import { activeUserEmail } from "../platform/active-user";
import { recordAudit } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import { findTab } from "../platform/find-tab";
import { availableUi } from "../platform/ui";
import { wallClockReader } from "../platform/wall-clock";
import { refreshPortfolio } from "../refresh-portfolio";
import { chooseTemplate } from "./choose-template";
import { addMissingColumnsAndRows } from "./upgrade-tabs";
import { writeTab } from "./write-tab";

/** What Setup workbook did. */
export interface SetupSummary {
  /** The template used; null when the user cancelled. */
  template: TemplateId | null;
  /** Tabs created, in order. */
  created: string[];
  /** Tabs of the template that already existed and were left exactly as they were. */
  kept: string[];
  /** Columns and Settings rows added to tabs that existed (`KPI Catalog: column Segment (J)`). */
  added: string[];
  /** Anything else the user should know (sample tab not added, audit row not written, …). */
  notes: string[];
}

/**
 * Names of existing account tabs: tabs whose A1 is `Account`, other than KPI Steward's own tabs
 * (`Review Outcomes` and `Portfolio` also start with an Account column).
 */
function accountTabNames(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  return spreadsheet
    .getSheets()
    .filter((sheet) => isAccountSheet(sheet.getName(), [[sheet.getRange(1, 1).getValue()]]))
    .map((sheet) => sheet.getName());
}

/** The health profile of an existing Settings tab (`90/70` → three-band); four-band without one. */
function existingHealthProfile(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): HealthProfile {
  const sheet = findTab(spreadsheet, TAB.settings);
  if (!sheet) return "four-band";
  const parsed = parseSettings(sheet.getDataRange().getValues() as CellValue[][]);
  return isWorkbookProblem(parsed) ? "four-band" : healthProfileOf(parsed.settings.healthBands);
}

/** The summary as the alert shows it. */
export function describeSetup(summary: SetupSummary): string {
  if (summary.template === null) return "Setup cancelled: nothing was changed.";
  const lines = [
    summary.created.length > 0
      ? `Created: ${summary.created.join(", ")}.`
      : "Nothing to create: every KPI Steward tab is already here.",
  ];
  if (summary.added.length > 0)
    lines.push(`Added to existing tabs (at the end; nothing moved): ${summary.added.join("; ")}.`);
  if (summary.kept.length > 0) lines.push(`Kept as they were: ${summary.kept.join(", ")}.`);
  lines.push(...summary.notes);
  return lines.join("\n\n");
}

/**
 * Creates the tabs of SPEC §2 that are missing (`Settings`, `KPI Catalog`, `Escalation Rules`,
 * `Escalation Log`, `Audit Log`, `Review Outcomes`, `Portfolio`, and a sample account tab when the
 * workbook has no account tab yet), filled from the template; existing tabs are not touched. Records
 * the setup in `Audit Log`, refreshes the Portfolio, and shows the summary when there is a UI.
 */
export function setupWorkbook(templateArgument?: unknown): SetupSummary {
  const template = chooseTemplate(templateArgument);
  const ui = availableUi();
  if (!template) {
    return { template: null, created: [], kept: [], added: [], notes: [] };
  }
  const summary = withDocumentLock({ kind: "setup", action: "Setup workbook" }, () =>
    createMissingTabs(SpreadsheetApp.getActiveSpreadsheet(), template),
  );
  // The alert waits for the user: shown after the lock is let go, so it never holds up a scan or a save.
  if (ui) ui.alert("KPI Steward: Setup workbook", describeSetup(summary), ui.ButtonSet.OK);
  return summary;
}

/** Writes every missing tab of `template`, then the audit row and the Portfolio refresh. */
function createMissingTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  template: WorkbookTemplate,
): SetupSummary {
  const summary: SetupSummary = { template: template.id, created: [], kept: [], added: [], notes: [] };
  // A workbook already on the three-band profile gets that profile's health-score rules.
  template = withHealthProfile(template, existingHealthProfile(spreadsheet));
  const readWallClock = wallClockReader(spreadsheet.getSpreadsheetTimeZone());
  const toDate = (iso: string) => {
    const day = parseIsoDate(iso);
    if (!day) throw new Error(`Setup workbook: the template's date "${iso}" is not YYYY-MM-DD`);
    return dateOfCivil(day, readWallClock);
  };
  const user = activeUserEmail();
  const layouts = workbookLayouts(template, toDate, user || undefined);
  const sampleName = template.sampleAccount.tabName;
  const existingAccounts = accountTabNames(spreadsheet);
  const active = spreadsheet.getActiveSheet();

  const existingNames = new Map(
    spreadsheet.getSheets().map((sheet) => [normalizeHeader(sheet.getName()), sheet.getName()]),
  );
  for (const layout of layouts) {
    const existing = existingNames.get(normalizeHeader(layout.name));
    if (existing !== undefined) {
      summary.kept.push(existing);
      continue;
    }
    if (layout.name === sampleName && existingAccounts.length > 0) {
      const count = existingAccounts.length;
      summary.notes.push(
        `No sample account tab was added: the workbook already has ${countOf(count, "account tab")} (${existingAccounts.join(", ")}).`,
      );
      continue;
    }
    writeTab(spreadsheet, layout);
    summary.created.push(layout.name);
  }
  if (active) spreadsheet.setActiveSheet(active);
  // Tabs made before a column or setting existed: what they lack, added after what is there.
  summary.added = addMissingColumnsAndRows(spreadsheet, template, new Set(summary.created));
  // The log's colours, Status dropdown and filter: on a new log, and brought to an older one.
  const logTab = findTab(spreadsheet, TAB.escalationLog);
  if (logTab)
    presentEscalationLog(
      logTab,
      logTab.getRange(1, 1, 1, Math.max(1, logTab.getLastColumn())).getValues()[0],
    );

  if (summary.created.length > 0 || summary.added.length > 0) {
    const changes = [
      ...(summary.created.length > 0 ? [`created: ${summary.created.join(", ")}`] : []),
      ...(summary.added.length > 0 ? [`added: ${summary.added.join("; ")}`] : []),
    ];
    const problem = recordAudit(spreadsheet.getSpreadsheetTimeZone(), [
      {
        action: `Setup workbook (${template.id} template)`,
        where: [...summary.created, ...summary.added.map((line) => line.split(":")[0])].join(", "),
        before: summary.kept.length > 0 ? `existing tabs: ${summary.kept.join(", ")}` : "",
        after: changes.join("; "),
      },
    ]);
    if (problem) summary.notes.push(`Audit Log: ${problem}.`);
    try {
      refreshPortfolio(spreadsheet);
    } catch (error) {
      summary.notes.push(`The Portfolio tab could not be refreshed: ${(error as Error).message}`);
    }
  }
  return summary;
}
