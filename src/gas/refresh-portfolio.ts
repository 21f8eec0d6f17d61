// Rebuilds the Portfolio tab (as-of line, accounts by risk, band distribution, tabs not read); called by setup and the scan.
import type { CellValue } from "../domain/cell-value";
import type { ReadWallClock } from "../domain/civil-date";
import { bandSeverity, FOUR_BAND_NAMES, THREE_BAND_NAMES } from "../domain/metrics/health-band";
import type { PortfolioPlan, PortfolioSource } from "../domain/portfolio/plan-portfolio";
import { PORTFOLIO_FIRST_ROW, PORTFOLIO_HEADER_ROW, planPortfolio } from "../domain/portfolio/plan-portfolio";
import type { PortfolioReferences } from "../domain/portfolio/portfolio-formulas";
import type { PortfolioEscalation } from "../domain/portfolio/portfolio-risk";
import { openEscalationsByAccount } from "../domain/portfolio/portfolio-risk";
import { toneColor } from "../domain/severity-colors";
import { columnLetter, quoteTabName } from "../domain/workbook/cell-address";
import { consecutiveRuns } from "../domain/workbook/consecutive-runs";
import { civilDateOf } from "../domain/workbook/date-cells";
import { parseEscalationLog } from "../domain/workbook/parse-escalation-log";
import { defaultSettings, parseSettings } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import { ACCOUNT_GRID_HEADER_ROW, isOwnTab, TAB } from "../domain/workbook-schema";
import { findTabAmong } from "./platform/find-tab";
import { wallClockReader } from "./platform/wall-clock";
import type { AccountSheetRead } from "./workbook-reader";
import { classifyAccountValues } from "./workbook-reader";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Number formats of the Portfolio's value columns (one date style: `Tue Dec 1, 2026`). */
const PORTFOLIO_FORMATS = {
  "Health score": "0",
  NRR: "0.0%",
  GRR: "0.0%",
  Overdue: "0",
  "Next review": "ddd mmm d, yyyy",
} as const;

interface SettingsRead
  extends Pick<PortfolioReferences, "healthWeightsCell" | "healthBandsCell" | "defaultSegment"> {
  weights?: readonly number[];
  cutoffs?: readonly number[];
}

function settingsCells(sheet: Sheet | null, known: CellValue[][] | null | undefined): SettingsRead {
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
    weights: parsed.settings.healthWeights,
    cutoffs: parsed.settings.healthBands,
  };
}

/** The Escalation Log's rows as the Portfolio counts them (none when the tab is missing or unreadable). */
function logEscalations(sheet: Sheet | null, readWallClock: ReadWallClock): PortfolioEscalation[] {
  if (!sheet) return [];
  const parsed = parseEscalationLog(sheet.getDataRange().getValues() as CellValue[][], { readWallClock });
  return isWorkbookProblem(parsed) ? [] : parsed.entries;
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
  /** Every Escalation Log row after the scan's changes, so the log is not read again. */
  escalations: readonly PortfolioEscalation[];
  /** When the scan ran (the as-of line). */
  asOf: Date;
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
    ? { account: name, parsed: null, values: details, problem: read.reason }
    : { account: read.tab.account, parsed: read.tab, values: details };
}

/**
 * Refreshes the Portfolio tab (creating it when missing): an as-of line, the SPEC columns in row 2,
 * one row per readable account tab sorted by risk (open Critical escalations, then overdue ones,
 * then band) with formulas over the account tab (`=HEALTH_SCORE(…)`, `=HEALTH_BAND(…)`, NRR and GRR
 * from ARR, the next review's date and `=REVIEW_TYPE(…)`) and values of the refresh (segment, the
 * health trend, open escalations by severity, overdue), the user's own columns kept with their
 * account; below, the band distribution (formulas) and the tabs not read with their reasons; the
 * band coloured by conditional format and a chart of the distribution, made once and kept. Reads
 * each tab once — or not at all when `preread` (the scan) already has it; writes in a fixed number
 * of batched calls, whatever the number of accounts.
 */
export function refreshPortfolio(spreadsheet: Spreadsheet, preread?: PortfolioPreread): void {
  const timeZone = preread?.timeZone ?? spreadsheet.getSpreadsheetTimeZone();
  const readWallClock = wallClockReader(timeZone);
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
  const asOf = preread?.asOf ?? new Date();
  const { weights, cutoffs, ...settings } = settingsCells(tabNamed(TAB.settings), preread?.settingsValues);
  const references: PortfolioReferences = {
    ...settings,
    today: civilDateOf(asOf, readWallClock),
    readWallClock,
  };
  const escalations = preread
    ? preread.escalations
    : logEscalations(tabNamed(TAB.escalationLog), readWallClock);

  const portfolio = tabNamed(TAB.portfolio) ?? addPortfolioTab(spreadsheet);
  const current = portfolio.getDataRange();
  const plan = planPortfolio(
    current.getValues() as CellValue[][],
    current.getFormulas(),
    sources,
    references,
    {
      asOf,
      refreshedBy: preread ? "scan" : "setup",
      timeZone,
      readWallClock,
      escalations: openEscalationsByAccount(escalations, asOf),
      weights,
      cutoffs,
    },
  );
  writePortfolio(portfolio, plan);
}

/** Writes the plan: a fixed number of batched calls whatever the number of accounts. */
function writePortfolio(portfolio: Sheet, plan: PortfolioPlan): void {
  const { below } = plan;
  const height = Math.max(below.row + below.values.length - 1 + plan.staleRows, PORTFOLIO_HEADER_ROW);
  if (portfolio.getMaxRows() < height)
    portfolio.insertRowsAfter(portfolio.getMaxRows(), height - portfolio.getMaxRows());
  const width = plan.width;
  if (portfolio.getMaxColumns() < width)
    portfolio.insertColumnsAfter(portfolio.getMaxColumns(), width - portfolio.getMaxColumns());

  // Everything under the old header goes first, so nothing of an earlier layout is left behind.
  const used = Math.max(portfolio.getLastRow(), 1);
  portfolio
    .getRange(1, 1, used, Math.max(width, portfolio.getLastColumn(), 1))
    .clearContent()
    .setFontWeight("normal");

  portfolio.getRange(1, 1).setNumberFormat("@").setValue(plan.asOf).setFontStyle("italic");
  portfolio
    .getRange(PORTFOLIO_HEADER_ROW, 1, 1, plan.width)
    .setNumberFormat("@")
    .setValues([plan.header])
    .setFontWeight("bold");
  portfolio.setFrozenRows(PORTFOLIO_HEADER_ROW);
  const count = plan.rows.length;
  if (count > 0) {
    // Account names and the refresh's text are text even when they look like a number or a formula.
    for (const name of ["Account", "Segment", "Trend", "Open by severity"] as const)
      portfolio.getRange(PORTFOLIO_FIRST_ROW, plan.columns[name], count, 1).setNumberFormat("@");
    portfolio.getRange(PORTFOLIO_FIRST_ROW, 1, count, plan.width).setValues(plan.rows);
    for (const run of consecutiveRuns(plan.formulaColumns)) {
      const [start, length] = [run[0], run.length];
      const positions = Array.from({ length }, (_, i) => plan.formulaColumns.indexOf(start + i));
      const block = plan.formulas.map((row) => positions.map((position) => row[position]));
      portfolio.getRange(PORTFOLIO_FIRST_ROW, start, count, length).setFormulas(block);
    }
    for (const [name, format] of Object.entries(PORTFOLIO_FORMATS))
      portfolio
        .getRange(PORTFOLIO_FIRST_ROW, plan.columns[name as keyof typeof PORTFOLIO_FORMATS], count, 1)
        .setNumberFormat(format);
  }

  const lines = below.values.length;
  const block = portfolio.getRange(below.row, 1, lines, 2);
  block.setNumberFormats(
    below.values.map((line, index) =>
      line.map((_, column) => (column === 1 && below.formulas[index] ? "0" : "@")),
    ),
  );
  block.setValues(below.values);
  // The band counts: one formula per band, on consecutive lines below the band table's header.
  const bandLines = below.formulas.flatMap((formula, index) => (formula ? [index] : []));
  if (bandLines.length > 0)
    portfolio
      .getRange(below.row + bandLines[0], 2, bandLines.length, 1)
      .setFormulas(bandLines.map((index) => [below.formulas[index]]));
  block.setFontWeights(
    below.values.map((line, index) => line.map(() => (below.bold[index] ? "bold" : "normal"))),
  );

  colourBands(portfolio, plan);
  keepChart(portfolio, plan);
}

/** Our band rules: one text test per band name on the Band column (a user's own rules are kept). */
function isBandRule(
  rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  column: number,
  bands: readonly string[],
): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const [text] = condition.getCriteriaValues() as unknown[];
  return (
    bands.includes(String(text)) &&
    rule.getRanges().every((range) => range.getColumn() === column && range.getNumColumns() === 1)
  );
}

/**
 * Colours the Band column by conditional format, in the scan's severity colours (the best band
 * green): the colour follows the band when the score changes or the rows are sorted.
 */
function colourBands(portfolio: Sheet, plan: PortfolioPlan): void {
  const column = plan.columns.Band;
  const rows = portfolio.getMaxRows() - PORTFOLIO_FIRST_ROW + 1;
  if (rows < 1) return;
  const allBands = [...FOUR_BAND_NAMES, ...THREE_BAND_NAMES] as string[];
  const rules = portfolio.getConditionalFormatRules().filter((rule) => !isBandRule(rule, column, allBands));
  const range = portfolio.getRange(PORTFOLIO_FIRST_ROW, column, rows, 1);
  for (const band of plan.bands) {
    const severity = bandSeverity(band);
    rules.push(
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(band)
        .setBackground(toneColor(severity === "ok" ? "OK" : severity))
        .setRanges([range])
        .build(),
    );
  }
  portfolio.setConditionalFormatRules(rules);
}

/**
 * The band distribution's column chart: inserted the first time, then kept (the user may restyle
 * or move it); only its data range follows the table when the number of accounts moves it.
 */
function keepChart(portfolio: Sheet, plan: PortfolioPlan): void {
  const { below } = plan;
  const range = portfolio.getRange(below.row + below.chartLines.first, 1, below.chartLines.count, 2);
  const charts = portfolio.getCharts();
  if (charts.length === 0) {
    portfolio.insertChart(
      portfolio
        .newChart()
        .asColumnChart()
        .addRange(range)
        .setOption("title", "Accounts by health band")
        .setOption("legend", { position: "none" })
        .setPosition(below.row, 4, 0, 0)
        .build(),
    );
    return;
  }
  const chart = charts[0];
  const ranges = chart.getRanges();
  if (ranges.length === 1 && ranges[0].getA1Notation() === range.getA1Notation()) return;
  portfolio.updateChart(chart.modify().clearRanges().addRange(range).build());
}
