// Reads what a scan needs from the spreadsheet: the KPI Steward tabs once each, then account tabs one batch at a time.
import type { CellValue } from "../domain/cell-value";
import type { ReadWallClock } from "../domain/civil-date";
import type { ParsedAccountTab } from "../domain/workbook/parse-account-tab";
import { parseAccountTab } from "../domain/workbook/parse-account-tab";
import type { CatalogEntry } from "../domain/workbook/parse-catalog";
import { parseCatalog } from "../domain/workbook/parse-catalog";
import type { ParsedEscalationLog } from "../domain/workbook/parse-escalation-log";
import { parseEscalationLog } from "../domain/workbook/parse-escalation-log";
import type { Incident } from "../domain/workbook/parse-incidents";
import { parseIncidents } from "../domain/workbook/parse-incidents";
import { type ParsedRoles, parseRoles } from "../domain/workbook/parse-roles";
import type { EscalationRule, UnreadableRule } from "../domain/workbook/parse-rules";
import { findRulesWithUnknownMetric, parseRules } from "../domain/workbook/parse-rules";
import type { Settings } from "../domain/workbook/parse-settings";
import { defaultSettings, parseSettings } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import {
  COLUMNS,
  ESCALATION_LOG_HEADER,
  isAccountSheet,
  isOwnTab,
  missingTabMessage,
  TAB,
} from "../domain/workbook-schema";
import { findTabAmong } from "./platform/find-tab";
import { wallClockReader } from "./platform/wall-clock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A tab that may be an account tab, with the name read once by {@link readScanWorkbook}. */
export interface CandidateTab {
  sheet: Sheet;
  name: string;
}

/** The KPI Steward tabs as a scan reads them, and the tabs that may be account tabs. */
export interface ScanWorkbook {
  spreadsheet: Spreadsheet;
  timeZone: string;
  readWallClock: ReadWallClock;
  settings: Settings;
  catalog: CatalogEntry[];
  rules: EscalationRule[];
  /** 1-based columns of the Escalation Rules tab (for cell names in messages). */
  rulesColumns: Record<string, number>;
  /** False when the Escalation Rules tab is missing or its header cannot be read. */
  rulesReadable: boolean;
  /** Problems of the rules tab's rows (rows left out). */
  ruleProblems: string[];
  /** The rule rows left out because a cell could not be read. */
  unreadableRules: UnreadableRule[];
  /**
   * Every readable incident of the Incidents tab, read once for the run; `null` when the workbook
   * has no Incidents tab (metrics `from Incidents` then keep their typed values).
   */
  incidents: Incident[] | null;
  /** The Roles tab's people by role key; `null` when the workbook has no Roles tab. */
  roles: ParsedRoles["roles"] | null;
  /** The Escalation Log (an empty one with the standard columns when the tab does not exist yet). */
  log: ParsedEscalationLog;
  /** The Escalation Log tab, `null` when it does not exist yet. */
  logSheet: Sheet | null;
  /** Rows the log's `getValues()` returned (new rows go after them). */
  logHeight: number;
  /** Set when the Escalation Log exists but cannot be read: the scan must not write anything. */
  blocking: string | null;
  /** Settings, catalog and log problems worth a look. */
  problems: string[];
  /** Tabs that may be account tabs, in tab order (KPI Steward's own tabs and review tabs left out). */
  candidates: CandidateTab[];
  /** Every tab in tab order with its name, as read at the start of the run. */
  tabs: CandidateTab[];
  /** The Settings tab's values as read (`null` when there is no Settings tab). */
  settingsValues: CellValue[][] | null;
}

/** An account tab as read: the tab, or why it is not one / cannot be read; with the values read. */
export type AccountSheetRead =
  | { kind: "not-account"; values: CellValue[][] }
  | { kind: "problem"; reason: string; values: CellValue[][] }
  | { kind: "account"; tab: ParsedAccountTab; values: CellValue[][] };

function valuesOf(sheet: Sheet | null): CellValue[][] | null {
  return sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : null;
}

/**
 * Reads Settings, KPI Catalog, Escalation Rules and Escalation Log with one `getValues()` each and
 * lists the other tabs. A missing tab is reported and read as empty (defaults for Settings); an
 * Escalation Log whose header cannot be read blocks the run, since nothing could be recorded safely.
 */
export function readScanWorkbook(spreadsheet: Spreadsheet): ScanWorkbook {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const readWallClock = wallClockReader(timeZone);
  const sheets = spreadsheet.getSheets();
  const names = sheets.map((sheet) => sheet.getName());
  const problems: string[] = [];
  const missingTab = (name: string) => problems.push(missingTabMessage(name));

  let settings = defaultSettings();
  const settingsValues = valuesOf(findTabAmong(sheets, names, TAB.settings));
  if (!settingsValues) missingTab(TAB.settings);
  else {
    const parsed = parseSettings(settingsValues);
    if (isWorkbookProblem(parsed)) problems.push(`${parsed.message}; defaults are used`);
    else {
      settings = parsed.settings;
      problems.push(...parsed.problems.map((problem) => problem.message));
    }
  }

  let catalog: CatalogEntry[] = [];
  const catalogValues = valuesOf(findTabAmong(sheets, names, TAB.kpiCatalog));
  if (!catalogValues) missingTab(TAB.kpiCatalog);
  else {
    const parsed = parseCatalog(catalogValues);
    if (isWorkbookProblem(parsed)) problems.push(parsed.message);
    else {
      catalog = parsed.entries;
      problems.push(...parsed.problems.map((problem) => problem.message));
    }
  }

  let rules: EscalationRule[] = [];
  let rulesColumns: Record<string, number> = {};
  let rulesReadable = false;
  const ruleProblems: string[] = [];
  let unreadableRules: UnreadableRule[] = [];
  const rulesValues = valuesOf(findTabAmong(sheets, names, TAB.escalationRules));
  if (!rulesValues) ruleProblems.push(missingTabMessage(TAB.escalationRules));
  else {
    const parsed = parseRules(rulesValues);
    if (isWorkbookProblem(parsed)) ruleProblems.push(`${parsed.message}; no rule is applied`);
    else {
      rules = parsed.rules;
      rulesColumns = parsed.columns;
      rulesReadable = true;
      unreadableRules = parsed.unreadable;
      ruleProblems.push(...parsed.problems.map((problem) => problem.message));
      if (catalog.length > 0)
        problems.push(...findRulesWithUnknownMetric(rules, catalog).map((problem) => problem.message));
    }
  }

  const logSheet = findTabAmong(sheets, names, TAB.escalationLog);
  const logValues = valuesOf(logSheet);
  let log: ParsedEscalationLog = emptyLog();
  let blocking: string | null = null;
  let logHeight = 1;
  if (logValues) {
    const parsed = parseEscalationLog(logValues, { readWallClock });
    if (isWorkbookProblem(parsed))
      blocking = `${parsed.message}; fix the header so escalations can be recorded`;
    else {
      log = parsed;
      logHeight = Math.max(1, lastNonBlankRow(logValues));
      problems.push(...parsed.problems.map((problem) => problem.message));
    }
  }

  // Roles: read only when the tab exists (workbooks made before it have none; a rule naming a role then says so).
  let roles: ParsedRoles["roles"] | null = null;
  const rolesValues = valuesOf(findTabAmong(sheets, names, TAB.roles));
  if (rolesValues) {
    const parsed = parseRoles(rolesValues);
    if (isWorkbookProblem(parsed)) problems.push(`${parsed.message}; only account owners are told`);
    else {
      roles = parsed.roles;
      problems.push(...parsed.problems.map((problem) => problem.message));
    }
  }

  // Incidents: one read for the whole run, shared by every account tab (workbooks made before it have none).
  let incidents: Incident[] | null = null;
  const incidentValues = valuesOf(findTabAmong(sheets, names, TAB.incidents));
  if (incidentValues) {
    const parsed = parseIncidents(incidentValues, { readWallClock });
    if (isWorkbookProblem(parsed))
      problems.push(`${parsed.message}; metrics from Incidents keep their typed values`);
    else {
      incidents = parsed.incidents;
      problems.push(...parsed.problems.map((problem) => problem.message));
    }
  }

  const tabs = sheets.map((sheet, index) => ({ sheet, name: names[index] }));
  const candidates = tabs.filter((tab) => !isOwnTab(tab.name));
  return {
    spreadsheet,
    timeZone,
    readWallClock,
    settings,
    catalog,
    rules,
    rulesColumns,
    rulesReadable,
    ruleProblems,
    unreadableRules,
    incidents,
    roles,
    log,
    logSheet,
    logHeight,
    blocking,
    problems,
    candidates,
    tabs,
    settingsValues,
  };
}

/** The Escalation Log of a workbook that has none yet: the columns of a new log, no rows. */
function emptyLog(): ParsedEscalationLog {
  const position = (name: string) => (ESCALATION_LOG_HEADER as readonly string[]).indexOf(name) + 1;
  const columns = {} as ParsedEscalationLog["columns"];
  for (const name of [...COLUMNS.escalationLog, "Latest period" as const]) columns[name] = position(name);
  // The scan creates the tab with the header of a new log (Notified last).
  return {
    tabName: TAB.escalationLog,
    columns,
    width: ESCALATION_LOG_HEADER.length,
    missingHeaders: [],
    notifiedColumn: position("Notified"),
    followUpColumn: position("Follow-up due"),
    incidentColumn: position("Incident"),
    entries: [],
    problems: [],
  };
}

function lastNonBlankRow(values: readonly CellValue[][]): number {
  for (let index = values.length - 1; index >= 0; index -= 1)
    if (values[index].some((cell) => cell !== "" && cell !== null && cell !== undefined)) return index + 1;
  return 0;
}

/**
 * A whole tab's values in one call: `getSheetValues(1, 1, -1, -1)` (-1: to the last row / column with
 * content), the same block as `getDataRange().getValues()` in half the calls. A tab with no content at
 * all has no such block; for it (an error, or no rows) the data range is read instead.
 */
export function readWholeSheet(sheet: Sheet): CellValue[][] {
  try {
    const values = sheet.getSheetValues(1, 1, -1, -1) as CellValue[][];
    if (Array.isArray(values) && values.length > 0) return values;
  } catch (_error) {
    // An empty tab: fall through to the data range (A1 alone).
  }
  return sheet.getDataRange().getValues() as CellValue[][];
}

/**
 * Reads one tab in one batch ({@link readWholeSheet}): not an account tab unless A1 is `Account`; an
 * account tab that cannot be read gives the reason (which header, which row).
 */
export function readAccountSheet(
  sheet: Sheet,
  tabName: string,
  readWallClock: ReadWallClock,
): AccountSheetRead {
  return classifyAccountValues(tabName, readWholeSheet(sheet), readWallClock);
}

/** A tab's values (already read) as an account tab, a tab that is not one, or the reason it cannot be read. */
export function classifyAccountValues(
  tabName: string,
  values: CellValue[][],
  readWallClock: ReadWallClock,
): AccountSheetRead {
  if (!isAccountSheet(tabName, values)) return { kind: "not-account", values };
  const parsed = parseAccountTab(tabName, values, { readWallClock });
  if (isWorkbookProblem(parsed)) return { kind: "problem", reason: parsed.reason, values };
  return { kind: "account", tab: parsed, values };
}
