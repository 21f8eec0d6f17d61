// Plans the Portfolio tab: an as-of line, one row per account sorted by risk, the band distribution and the tabs not read.
import { shortMonthName } from "../calendar/month-names";
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { ReadWallClock, WallClock } from "../civil-date";
import { dayOfWeek } from "../civil-date";
import { FOUR_BAND_NAMES, THREE_BAND_NAMES } from "../metrics/health-band";
import { columnLetter } from "../workbook/cell-address";
import type { ParsedAccountTab } from "../workbook/parse-account-tab";
import { COLUMNS, normalizeHeader, RETIRED_PORTFOLIO_COLUMNS } from "../workbook-schema";
import { healthSeries, latestScore, trendText } from "./health-trend";
import type { PortfolioColumn, PortfolioReferences } from "./portfolio-formulas";
import { PORTFOLIO_FORMULA_COLUMNS, portfolioFormulas } from "./portfolio-formulas";
import type { OpenEscalations } from "./portfolio-risk";
import { compareRisk, openBySeverityText, openEscalationsOf } from "./portfolio-risk";

/** One account tab as the Portfolio sees it; `parsed` is `null` when the tab cannot be read. */
export interface PortfolioSource {
  /** The account name (B1), or the tab name when the tab cannot be read. */
  account: string;
  parsed: ParsedAccountTab | null;
  values: CellValue[][];
  /** Why the tab could not be read (with `parsed` null). */
  problem?: string;
}

/** What the refresh knows besides the tabs. */
export interface PortfolioContext {
  /** When the Portfolio is refreshed (the scan's time, or Setup's). */
  asOf: Date;
  /** What refreshed it, for the as-of line. */
  refreshedBy: "scan" | "setup";
  /** The spreadsheet's time zone, named on the as-of line. */
  timeZone: string;
  /** Reads `asOf` on the spreadsheet's wall clock. */
  readWallClock: ReadWallClock;
  /** Unresolved escalations per account key (see `openEscalationsByAccount`). */
  escalations: ReadonlyMap<string, OpenEscalations>;
  /** Settings › Health weights and Health bands (defaults when absent). */
  weights?: readonly number[];
  cutoffs?: readonly number[];
}

/** A block of rows below the accounts: values (text as text), formulas in its second column where given. */
export interface PortfolioBlock {
  /** 1-based sheet row of its first line. */
  row: number;
  /** Two columns (A:B) per line. */
  values: CellValue[][];
  /** Per line, the formula of column B (`""` for none). */
  formulas: string[];
  /** Per line, true for a bold line (titles and headers). */
  bold: boolean[];
  /** Lines (0-based, within `values`) of the band table the chart shows: its header and one line per band. */
  chartLines: { first: number; count: number };
}

/** What to write. Rows and columns are 1-based in sheet terms; arrays are full-width. */
export interface PortfolioPlan {
  width: number;
  /** Row 1: the as-of line, one text cell (`As of Mon Nov 23, 2026, 12:00 PM (America/New_York), last scan · …`). */
  asOf: string;
  /** Row 2. */
  header: string[];
  /** Rows 3…: values (account, segment, trend, counts, the user's own columns); formula columns blank. */
  rows: CellValue[][];
  /** 1-based columns that get formulas, in order. */
  formulaColumns: number[];
  /** Per row, the formula of each of `formulaColumns` (`""` for none). */
  formulas: string[][];
  /** 1-based column of each Portfolio header. */
  columns: Record<PortfolioColumn, number>;
  /** The band distribution and the tabs not read. */
  below: PortfolioBlock;
  /** Rows of the old tab below the new content, to clear (0 when none). */
  staleRows: number;
  /** The band names of the workbook's profile, best first. */
  bands: readonly string[];
}

/** 1-based row of the Portfolio's header row, and of its first account. */
export const PORTFOLIO_HEADER_ROW = 2;
export const PORTFOLIO_FIRST_ROW = 3;

/** A user's cell carried to its account's new row: its formula if it has one, else its value kept as typed. */
function carry(value: CellValue, formula: string | undefined): CellValue {
  if (formula?.startsWith("=")) return formula;
  return text(value);
}

/** Text that would read as a formula kept as text. */
function text(value: CellValue): CellValue {
  if (typeof value === "string" && /^[=+\-@]/.test(value)) return `'${value}`;
  return value;
}

/** Where the old tab's header is: row 2 under an as-of line, row 1 in a Portfolio made before it. */
function oldHeaderIndex(values: readonly CellValue[][]): number {
  return /^\s*as of\b/i.test(String(values[0]?.[0] ?? "")) ? 1 : 0;
}

/**
 * Plans the Portfolio from its current content (`values`, `formulas`: `getValues`/`getFormulas` of
 * its data range; empty for a new tab) and the account tabs. The SPEC columns come first in their
 * order; any other column of the old header is the user's and moves with its account's row, after
 * ours; rows of accounts that no longer have a tab are dropped. Accounts are sorted by risk
 * (`compareRisk`); tabs that could not be read are listed below with their reason, after the band
 * distribution.
 */
export function planPortfolio(
  values: readonly CellValue[][],
  formulas: readonly string[][],
  sources: readonly PortfolioSource[],
  references: PortfolioReferences,
  context: PortfolioContext,
): PortfolioPlan {
  const headerIndex = oldHeaderIndex(values);
  const oldHeader = values[headerIndex] ?? [];
  const ours = new Set<string>([...COLUMNS.portfolio, ...RETIRED_PORTFOLIO_COLUMNS].map(normalizeHeader));
  const userColumns: { index: number; name: string }[] = [];
  oldHeader.forEach((cell, index) => {
    if (!isBlank(cell) && !ours.has(normalizeHeader(cell))) userColumns.push({ index, name: String(cell) });
  });
  const columns = {} as Record<PortfolioColumn, number>;
  COLUMNS.portfolio.forEach((name, index) => {
    columns[name] = index + 1;
  });
  const width = COLUMNS.portfolio.length + userColumns.length;
  const header = [...COLUMNS.portfolio, ...userColumns.map((column) => column.name)];

  const oldAccountColumn = oldHeader.findIndex(
    (cell) => normalizeHeader(cell) === normalizeHeader("Account"),
  );
  const previous = new Map<string, number>();
  for (let index = headerIndex + 1; index < values.length; index += 1) {
    const account = oldAccountColumn < 0 ? "" : values[index]?.[oldAccountColumn];
    if (!isBlank(account) && !previous.has(normalizeHeader(account)))
      previous.set(normalizeHeader(account), index);
  }

  const readable = sources.filter((source) => source.parsed !== null);
  const facts = readable.map((source) => {
    const series = healthSeries(source.parsed as ParsedAccountTab, context.weights);
    return {
      source,
      series,
      risk: {
        account: source.account,
        open: openEscalationsOf(context.escalations, source.account),
        score: latestScore(series),
      },
    };
  });
  facts.sort((a, b) => compareRisk(a.risk, b.risk, context.cutoffs));

  const formulaColumns = PORTFOLIO_FORMULA_COLUMNS.map((name) => columns[name]);
  const rows: CellValue[][] = [];
  const rowFormulas: string[][] = [];
  facts.forEach(({ source, series, risk }, position) => {
    const sheetRow = PORTFOLIO_FIRST_ROW + position;
    const tab = source.parsed as ParsedAccountTab;
    const cells: CellValue[] = new Array(width).fill("");
    cells[columns.Account - 1] = text(source.account);
    cells[columns.Segment - 1] = tab.segment ?? references.defaultSegment;
    cells[columns.Trend - 1] = trendText(series);
    cells[columns["Open by severity"] - 1] = openBySeverityText(risk.open);
    cells[columns.Overdue - 1] = risk.open.overdue;
    const old = previous.get(normalizeHeader(source.account));
    userColumns.forEach((column, offset) => {
      if (old !== undefined)
        cells[COLUMNS.portfolio.length + offset] = carry(
          values[old]?.[column.index] ?? "",
          formulas[old]?.[column.index],
        );
    });
    rows.push(cells);
    const built = portfolioFormulas(tab, source.values, sheetRow, columns, references);
    rowFormulas.push(PORTFOLIO_FORMULA_COLUMNS.map((name) => built[name]));
  });

  const lastAccountRow = PORTFOLIO_FIRST_ROW + rows.length - 1;
  const below = belowBlock(
    lastAccountRow + 2,
    rows.length > 0 ? { column: columns.Band, first: PORTFOLIO_FIRST_ROW, last: lastAccountRow } : null,
    context.cutoffs?.length === 2 ? THREE_BAND_NAMES : FOUR_BAND_NAMES,
    sources.filter((source) => source.parsed === null),
  );
  const lastNew = below.row + below.values.length - 1;
  let lastOld = 0;
  values.forEach((row, index) => {
    if (row.some((cell) => !isBlank(cell))) lastOld = index + 1;
  });
  return {
    width,
    asOf: asOfLine(context),
    header,
    rows,
    formulaColumns,
    formulas: rowFormulas,
    columns,
    below,
    staleRows: Math.max(0, lastOld - lastNew),
    bands: context.cutoffs?.length === 2 ? THREE_BAND_NAMES : FOUR_BAND_NAMES,
  };
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** A time as people read it: `Mon Nov 23, 2026, 12:00 PM`. */
export function formatReadableTime(clock: WallClock): string {
  const hour = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  const minute = String(clock.minute).padStart(2, "0");
  return (
    `${WEEKDAYS[dayOfWeek(clock)]} ${shortMonthName(clock.month)} ${clock.day}, ${clock.year}, ` +
    `${hour}:${minute} ${clock.hour < 12 ? "AM" : "PM"}`
  );
}

function asOfLine(context: PortfolioContext): string {
  const by = context.refreshedBy === "scan" ? "last scan" : "Setup workbook";
  return (
    `As of ${formatReadableTime(context.readWallClock(context.asOf))} (${context.timeZone}), ${by} · ` +
    "sorted by risk: open Critical escalations, then overdue ones, then health band"
  );
}

/** The band distribution (counted by formula over the Band column) and the tabs not read, with reasons. */
function belowBlock(
  row: number,
  band: { column: number; first: number; last: number } | null,
  names: readonly string[],
  unread: readonly PortfolioSource[],
): PortfolioBlock {
  const values: CellValue[][] = [];
  const formulas: string[] = [];
  const bold: boolean[] = [];
  const line = (cells: CellValue[], formula = "", isBold = false) => {
    values.push(cells);
    formulas.push(formula);
    bold.push(isBold);
  };
  line(["Band distribution", ""], "", true);
  const chartFirst = values.length;
  line(["Band", "Accounts"], "", true);
  const letter = band ? columnLetter(band.column) : "";
  for (const name of names)
    line(
      [name, band ? "" : 0],
      band ? `=COUNTIFS($${letter}$${band.first}:$${letter}$${band.last},"${name}")` : "",
    );
  const chartLines = { first: chartFirst, count: names.length + 1 };
  line(["", ""]);
  line(["Tabs not read", ""], "", true);
  if (unread.length === 0) line(["(none)", "Every account tab was read."]);
  else {
    line(["Tab", "Reason"], "", true);
    for (const source of unread)
      line([text(source.account), text(source.problem ?? "the tab could not be read")]);
  }
  return { row, values, formulas, bold, chartLines };
}
