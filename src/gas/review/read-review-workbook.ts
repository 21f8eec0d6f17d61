// Reads what a review tab is built from: Settings, KPI Catalog, rules, Escalation Log, Review Outcomes, Incidents, account tabs (one getValues each).
import type { CellValue } from "../../domain/cell-value";
import type { CivilDate, ReadWallClock } from "../../domain/civil-date";
import { civilDateOf } from "../../domain/workbook/date-cells";
import type { ParsedAccountTab } from "../../domain/workbook/parse-account-tab";
import { parseAccountTab } from "../../domain/workbook/parse-account-tab";
import type { CatalogEntry } from "../../domain/workbook/parse-catalog";
import { parseCatalog } from "../../domain/workbook/parse-catalog";
import type { EscalationLogEntry } from "../../domain/workbook/parse-escalation-log";
import { parseEscalationLog } from "../../domain/workbook/parse-escalation-log";
import type { Incident } from "../../domain/workbook/parse-incidents";
import { parseIncidents } from "../../domain/workbook/parse-incidents";
import type { ReviewOutcome } from "../../domain/workbook/parse-review-outcomes";
import { parseReviewOutcomes } from "../../domain/workbook/parse-review-outcomes";
import type { EscalationRule } from "../../domain/workbook/parse-rules";
import { parseRules } from "../../domain/workbook/parse-rules";
import type { Settings } from "../../domain/workbook/parse-settings";
import { defaultSettings, parseSettings } from "../../domain/workbook/parse-settings";
import type { WorkbookProblem } from "../../domain/workbook/workbook-problem";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { isAccountSheet, isTableTab, missingTabMessage, TAB } from "../../domain/workbook-schema";
import { findTabAmong } from "../platform/find-tab";
import { spreadsheetTimeZone, wallClockReader } from "../platform/wall-clock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** An account tab as read. */
export interface AccountTabRead {
  sheet: Sheet;
  parsed: ParsedAccountTab;
  values: CellValue[][];
}

/** Everything a review is built from, read once. */
export interface ReviewWorkbook {
  settings: Settings;
  catalog: CatalogEntry[];
  rules: EscalationRule[];
  escalations: EscalationLogEntry[];
  outcomes: ReviewOutcome[];
  /** The Incidents tab's rows; `null` when the workbook has no Incidents tab (uptime is typed). */
  incidents: Incident[] | null;
  accounts: AccountTabRead[];
  /** Tabs whose A1 says `Account` but that cannot be read, with why. */
  unreadableAccounts: { sheet: Sheet; problem: WorkbookProblem }[];
  /** Sheets that are neither table tabs nor account tabs (review tabs and the user's own), with their values. */
  otherSheets: { sheet: Sheet; values: CellValue[][] }[];
  /** Problems of the table tabs, worded for the review's data notes. */
  problems: string[];
  readWallClock: ReadWallClock;
  /** The spreadsheet's time zone, which `readWallClock` reads. */
  timeZone: string;
  today: CivilDate;
}

/** The values of a sheet's used range in one read (`[[""]]` for an empty sheet). */
export function sheetValues(sheet: Sheet): CellValue[][] {
  return sheet.getDataRange().getValues() as CellValue[][];
}

/**
 * Reads the workbook for reviews. A missing table tab gives an empty list and a problem (run Setup
 * workbook); a table tab that cannot be read gives its problem; an account tab that cannot be read
 * is listed with its problem, never half-read.
 */
export function readReviewWorkbook(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): ReviewWorkbook {
  const timeZone = spreadsheetTimeZone();
  const readWallClock = wallClockReader(timeZone);
  const options = { readWallClock };
  const problems: string[] = [];
  const sheets = spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
  const names = sheets.map(({ name }) => name);
  const table = <T>(
    name: string,
    parse: (values: CellValue[][]) => T | WorkbookProblem,
    optional = false,
  ): T | null => {
    const sheet = findTabAmong(
      sheets.map(({ sheet }) => sheet),
      names,
      name,
    );
    if (!sheet) {
      if (!optional) problems.push(missingTabMessage(name));
      return null;
    }
    const parsed = parse(sheetValues(sheet));
    if (isWorkbookProblem(parsed)) {
      problems.push(parsed.message);
      return null;
    }
    return parsed;
  };
  const note = (list: { problems: WorkbookProblem[] } | null) => {
    for (const problem of list?.problems ?? []) problems.push(problem.message);
  };

  const settings = table(TAB.settings, parseSettings);
  note(settings);
  const catalog = table(TAB.kpiCatalog, parseCatalog);
  note(catalog);
  const rules = table(TAB.escalationRules, parseRules);
  note(rules);
  const log = table(TAB.escalationLog, (values) => parseEscalationLog(values, options));
  const outcomes = table(TAB.reviewOutcomes, (values) => parseReviewOutcomes(values, options));
  note(outcomes);
  // Incidents are optional: a workbook that types uptime by hand has no Incidents tab.
  const incidents = table(TAB.incidents, (values) => parseIncidents(values, options), true);
  note(incidents);

  const accounts: AccountTabRead[] = [];
  const unreadableAccounts: { sheet: Sheet; problem: WorkbookProblem }[] = [];
  const otherSheets: { sheet: Sheet; values: CellValue[][] }[] = [];
  for (const { sheet, name } of sheets) {
    if (isTableTab(name)) continue;
    const values = sheetValues(sheet);
    if (!isAccountSheet(name, values)) {
      otherSheets.push({ sheet, values });
      continue;
    }
    const parsed = parseAccountTab(name, values, options);
    if (isWorkbookProblem(parsed)) unreadableAccounts.push({ sheet, problem: parsed });
    else accounts.push({ sheet, parsed, values });
  }
  return {
    settings: settings?.settings ?? defaultSettings(),
    catalog: catalog?.entries ?? [],
    rules: rules?.rules ?? [],
    escalations: log?.entries ?? [],
    outcomes: outcomes?.outcomes ?? [],
    incidents: incidents ? incidents.incidents : null,
    accounts,
    unreadableAccounts,
    otherSheets,
    problems,
    readWallClock,
    timeZone,
    today: civilDateOf(new Date(), readWallClock),
  };
}
