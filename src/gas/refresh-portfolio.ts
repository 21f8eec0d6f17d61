// Rebuilds the Portfolio tab's rows (one per account tab, formulas over the account tabs); called by setup and the scan.
import type { CellValue } from "../domain/cell-value";
import type { PortfolioSource } from "../domain/portfolio/plan-portfolio";
import { planPortfolio } from "../domain/portfolio/plan-portfolio";
import type { PortfolioReferences } from "../domain/portfolio/portfolio-formulas";
import { columnLetter, quoteTabName } from "../domain/workbook/cell-address";
import { mapHeaders } from "../domain/workbook/column-map";
import { consecutiveRuns } from "../domain/workbook/consecutive-runs";
import { civilDateOf } from "../domain/workbook/date-cells";
import { defaultSettings, parseSettings } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import { ACCOUNT_GRID_HEADER_ROW, isOwnTab, TAB } from "../domain/workbook-schema";
import { findTabAmong } from "./platform/find-tab";
import { wallClockReader } from "./platform/wall-clock";
import type { AccountSheetRead } from "./workbook-reader";
import { classifyAccountValues } from "./workbook-reader";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Number formats of the Portfolio's value columns. */
const PORTFOLIO_FORMATS = { "Health score": "0", NRR: "0.0%", "Open escalations": "0" } as const;

function settingsCells(
  sheet: Sheet | null,
  known: CellValue[][] | null | undefined,
): Pick<PortfolioReferences, "healthWeightsCell" | "healthBandsCell" | "defaultSegment"> {
  const none = {
    healthWeightsCell: null,
    healthBandsCell: null,
    defaultSegment: defaultSettings().defaultSegment,
  };
  if (!sheet) return none;
  const parsed = parseSettings(known ?? (sheet.getDataRange().getValues() as CellValue[][]));
  if (isWorkbookProblem(parsed)) return none;
  const cell = (row: number | undefined) =>
    row === undefined
      ? null
      : `${quoteTabName(TAB.settings, "always")}!$${columnLetter(parsed.columns.Value)}$${row}`;
  return {
    healthWeightsCell: cell(parsed.rows["Health weights"]),
    healthBandsCell: cell(parsed.rows["Health bands"]),
    defaultSegment: parsed.settings.defaultSegment,
  };
}

function escalationColumns(sheet: Sheet | null): PortfolioReferences["escalationLog"] {
  if (!sheet || sheet.getLastColumn() === 0) return null;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as CellValue[];
  const match = mapHeaders(header, ["Account", "Status"] as const);
  const account = match.positions.Account;
  const status = match.positions.Status;
  return account === undefined || status === undefined
    ? null
    : { tab: sheet.getName(), account: account + 1, status: status + 1 };
}

/** Adds the Portfolio tab at the end, leaving the user on the tab they were on. */
function addPortfolioTab(spreadsheet: Spreadsheet): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(TAB.portfolio, spreadsheet.getNumSheets());
  if (active) spreadsheet.setActiveSheet(active);
  return sheet;
}

/**
 * What a caller (the scan) has already read in this execution, so the refresh does not read it again.
 * Tabs missing from `accounts` are read as usual.
 */
export interface PortfolioPreread {
  /** The spreadsheet's time zone. */
  timeZone: string;
  /** Every tab in tab order with its name. */
  tabs: readonly { sheet: Sheet; name: string }[];
  /** Tabs already read: their Portfolio source, or `null` when the tab is not an account tab. */
  accounts: ReadonlyMap<Sheet, PortfolioSource | null>;
  /** The Settings tab's values, when read. */
  settingsValues: CellValue[][] | null;
  /** The Escalation Log tab as it is now (the scan may have just created it). */
  logSheet: Sheet | null;
}

/**
 * A tab's Portfolio source from how it was read: `null` when it is not an account tab. Of the values
 * it keeps the details block above the grid (rows 1–7), all the Portfolio's formulas look up, so a
 * scan holding the sources of every tab until the end of its pass does not hold every grid twice.
 */
export function portfolioSource(name: string, read: AccountSheetRead): PortfolioSource | null {
  if (read.kind === "not-account") return null;
  const details = read.values.slice(0, ACCOUNT_GRID_HEADER_ROW - 1);
  return read.kind === "problem"
    ? { account: name, parsed: null, values: details }
    : { account: read.tab.account, parsed: read.tab, values: details };
}

/**
 * Refreshes the Portfolio tab (creating it when missing): a header of the SPEC columns, one row per
 * readable account tab in tab order with formulas (`=HEALTH_SCORE(…)`, `=HEALTH_BAND(…)`, NRR as
 * latest ARR ÷ Starting ARR, `=COUNTIFS(…)` over the Escalation Log, the next cadence review with
 * `=REVIEW_TYPE(…)`), rows of removed accounts dropped, the user's own columns kept with their
 * account. Reads each tab once — or not at all when `preread` (the scan) already has it; writes in a
 * few batched calls.
 */
export function refreshPortfolio(spreadsheet: Spreadsheet, preread?: PortfolioPreread): void {
  const readWallClock = wallClockReader(preread?.timeZone ?? spreadsheet.getSpreadsheetTimeZone());
  const sheets = preread?.tabs ?? spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
  const tabNamed = (name: string) =>
    findTabAmong(
      sheets.map(({ sheet }) => sheet),
      sheets.map(({ name }) => name),
      name,
    );
  const sources: PortfolioSource[] = [];
  for (const { sheet, name } of sheets) {
    if (isOwnTab(name)) continue;
    const known = preread?.accounts.get(sheet);
    const values = known === undefined ? (sheet.getDataRange().getValues() as CellValue[][]) : null;
    const source = values ? portfolioSource(name, classifyAccountValues(name, values, readWallClock)) : known;
    if (source) sources.push(source);
  }
  const logSheet = preread ? preread.logSheet : tabNamed(TAB.escalationLog);
  const references: PortfolioReferences = {
    ...settingsCells(tabNamed(TAB.settings), preread?.settingsValues),
    escalationLog: escalationColumns(logSheet),
    today: civilDateOf(new Date(), readWallClock),
    readWallClock,
  };

  const portfolio = tabNamed(TAB.portfolio) ?? addPortfolioTab(spreadsheet);
  const current = portfolio.getDataRange();
  const plan = planPortfolio(
    current.getValues() as CellValue[][],
    current.getFormulas(),
    sources,
    references,
  );
  const height = plan.rows.length + 1 + plan.staleRows;
  if (portfolio.getMaxRows() < height)
    portfolio.insertRowsAfter(portfolio.getMaxRows(), height - portfolio.getMaxRows());
  if (portfolio.getMaxColumns() < plan.width)
    portfolio.insertColumnsAfter(portfolio.getMaxColumns(), plan.width - portfolio.getMaxColumns());

  portfolio.getRange(1, 1, 1, plan.width).setNumberFormat("@").setValues([plan.header]).setFontWeight("bold");
  portfolio.setFrozenRows(1);
  const count = plan.rows.length;
  if (count > 0) {
    // Account names are text even when they look like a number or a formula.
    portfolio.getRange(2, plan.columns.Account, count, 1).setNumberFormat("@");
    portfolio.getRange(2, 1, count, plan.width).setValues(plan.rows);
    for (const run of consecutiveRuns(plan.formulaColumns)) {
      const [start, length] = [run[0], run.length];
      const positions = Array.from({ length }, (_, i) => plan.formulaColumns.indexOf(start + i));
      const block = plan.formulas.map((row) => positions.map((position) => row[position]));
      portfolio.getRange(2, start, count, length).setFormulas(block);
    }
    for (const [name, format] of Object.entries(PORTFOLIO_FORMATS))
      portfolio
        .getRange(2, plan.columns[name as keyof typeof PORTFOLIO_FORMATS], count, 1)
        .setNumberFormat(format);
  }
  if (plan.staleRows > 0) portfolio.getRange(count + 2, 1, plan.staleRows, plan.width).clearContent();
}
