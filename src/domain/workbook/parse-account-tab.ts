// Reads one account tab: the key/value header (rows 1–7), the grid header (row 8) and one metric per row below.
import type { CellValue } from "../cell-value";
import { describeValue, isBlank, isDate } from "../cell-value";
import type { CivilDate } from "../civil-date";
import { readSegment, type Segment } from "../segment";
import {
  ACCOUNT_GRID_COLUMNS,
  ACCOUNT_GRID_HEADER_ROW,
  ACCOUNT_HEADER_KEYS,
  ACCOUNT_OPTIONAL_KEYS,
  ACCOUNT_REQUIRED_KEYS,
  CATEGORIES,
  normalizeHeader,
} from "../workbook-schema";
import { cellAddress, columnLetter } from "./cell-address";
import { mapHeaders } from "./column-map";
import type { WorkbookReadOptions } from "./date-cells";
import { dateOfCivil, readDateCell, readMonthCell, wallClockOf } from "./date-cells";
import { formatMonth, looksLikeDate } from "./date-text";
import { isEmailAddress } from "./email-address";
import { cellText, matchChoice, readNumberCell, readWholeNumberCell } from "./read-cells";
import type { WorkbookProblem } from "./workbook-problem";
import { combineProblems, listChoices, problemAt, quoteList } from "./workbook-problem";

/** One period column of the metric grid. */
export interface AccountPeriod {
  /** 1-based sheet column. */
  column: number;
  /** Midnight starting the first day of the period's month, in the spreadsheet's time zone. */
  date: Date;
  /** The period's month as a calendar date (day 1). */
  month: CivilDate;
}

/** One metric row of the grid. */
export interface AccountMetricRow {
  /** The name in the Metric column, as typed (trimmed). */
  name: string;
  /** 1-based sheet row. */
  row: number;
  /** `Contract-facing`, `Internal`, blank, or the text as typed when it is neither (with a warning). */
  category: string;
  /** Raw condition-language text of the Target column; may be blank. */
  target: string;
  /** The row's cells under each period, aligned with `periods` (blank cells are `""`). */
  values: CellValue[];
  /** 1-based sheet column of each value (the period columns). */
  columns: number[];
}

/** An account tab as read. */
export interface ParsedAccountTab {
  tabName: string;
  account: string;
  ownerEmail: string;
  goLive: Date | null;
  provisionedUsers: number | null;
  startingArr: number | null;
  contract: string;
  /** The `Segment` row's segment; `null` when the tab has no such row or it is blank (Settings › Default segment applies). */
  segment: Segment | null;
  /** The `Renewal date` row (commercial renewal review); `null` when absent or blank. */
  renewalDate: Date | null;
  /** Period columns, oldest first. */
  periods: AccountPeriod[];
  metrics: AccountMetricRow[];
  /** 1-based sheet columns of the fixed grid columns. */
  gridColumns: { metric: number; category: number; target: number };
  /** A user's own columns in row 8 (e.g. `Notes`): left untouched and ignored. */
  extraColumns: { column: number; header: string }[];
  /** Things worth a look that do not stop the tab being read, each starting with `row N:`. */
  warnings: string[];
}

/** Why a tab that looks like an account tab cannot be read. */
export type AccountTabProblem = WorkbookProblem;

/** What Sheets shows in a cell whose formula failed (`#N/A`, `#REF!`, …): never a period or a column name. */
const SHEETS_ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/i;
const DETAIL_ROWS = ACCOUNT_GRID_HEADER_ROW - 1;
const GRID_INDEX = ACCOUNT_GRID_HEADER_ROW - 1;

const DETAIL_KEYS = [...ACCOUNT_HEADER_KEYS, ...ACCOUNT_OPTIONAL_KEYS];
type HeaderKey = (typeof DETAIL_KEYS)[number];
type GridColumn = (typeof ACCOUNT_GRID_COLUMNS)[number];

/** Collects faults (which stop the tab) and warnings while reading one tab. */
interface TabReport {
  faults: WorkbookProblem[];
  warnings: string[];
  fault(row: number, text: string): void;
  warn(row: number, text: string): void;
}

function startReport(tabName: string): TabReport {
  const faults: WorkbookProblem[] = [];
  const warnings: string[] = [];
  return {
    faults,
    warnings,
    fault: (row, text) => faults.push(problemAt(tabName, row, text)),
    warn: (row, text) => warnings.push(`row ${row}: ${text}`),
  };
}

/**
 * Reads an account tab from its `getValues()` block. Header keys (column A, rows 1–7) match case-
 * and space-insensitively in any order; grid columns `Metric`, `Category`, `Target` in any order;
 * every other non-blank row-8 cell is a period (a date, or text such as `2026-10` or `Oct 2026`) or,
 * when it is plainly not a date (`Notes`), a user column that is ignored. A tab that almost matches
 * returns a problem naming every header or cell at fault.
 */
export function parseAccountTab(
  tabName: string,
  values: readonly CellValue[][],
  options?: WorkbookReadOptions,
): ParsedAccountTab | AccountTabProblem {
  const report = startReport(tabName);
  const details = readDetails(values, report, options);
  const grid = readGridHeader(values, report, options);
  if (report.faults.length > 0 || !details || !grid) {
    if (report.faults.length === 0)
      report.fault(ACCOUNT_GRID_HEADER_ROW, "the tab could not be read as an account tab");
    return combineProblems(report.faults);
  }
  const metrics = readMetricRows(values, grid, report);
  if (report.faults.length > 0) return combineProblems(report.faults);
  return {
    tabName,
    ...details,
    periods: grid.periods,
    metrics,
    gridColumns: {
      metric: grid.fixed.Metric + 1,
      category: grid.fixed.Category + 1,
      target: grid.fixed.Target + 1,
    },
    extraColumns: grid.extraColumns,
    warnings: report.warnings,
  };
}

type Details = Pick<
  ParsedAccountTab,
  | "account"
  | "ownerEmail"
  | "goLive"
  | "provisionedUsers"
  | "startingArr"
  | "contract"
  | "segment"
  | "renewalDate"
>;

/** Rows 1–7: finds every key in column A and reads its value in column B. */
function readDetails(
  values: readonly CellValue[][],
  report: TabReport,
  options: WorkbookReadOptions | undefined,
): Details | null {
  const keyCells: CellValue[] = [];
  for (let index = 0; index < DETAIL_ROWS; index += 1) keyCells.push(values[index]?.[0] ?? "");
  const match = mapHeaders(keyCells, DETAIL_KEYS);
  const required: readonly string[] = ACCOUNT_REQUIRED_KEYS;
  match.missing = match.missing.filter((key) => required.includes(key));
  for (const key of match.missing) {
    const row = ACCOUNT_HEADER_KEYS.indexOf(key as (typeof ACCOUNT_HEADER_KEYS)[number]) + 1;
    const found = keyCells[row - 1];
    const elsewhere = mapHeaders([found], ACCOUNT_HEADER_KEYS).missing.length < ACCOUNT_HEADER_KEYS.length;
    if (elsewhere)
      report.fault(
        row,
        `no "${key}" in A1:A${DETAIL_ROWS}; expected it in A${row} with its value in B${row}`,
      );
    else
      report.fault(
        row,
        `expected "${key}" in A${row}, found ${isBlank(found) ? "a blank cell" : JSON.stringify(cellText(found))}`,
      );
  }
  for (const { name, positions } of match.duplicated)
    report.fault(
      positions[1] + 1,
      `"${name}" appears more than once in column A (${positions.map((p) => `A${p + 1}`).join(", ")}); keep one`,
    );
  if (match.missing.length > 0 || match.duplicated.length > 0) return null;

  const readWallClock = wallClockOf(options);
  const rowOf = (key: HeaderKey) => (match.positions[key] as number) + 1;
  // An optional row the tab leaves out reads as a blank value.
  const detailValue = (key: HeaderKey) =>
    match.positions[key] === undefined ? "" : (values[rowOf(key) - 1]?.[1] ?? "");
  const where = (key: HeaderKey) => `"${key}" in B${rowOf(key)}`;
  const faultKey = (key: HeaderKey, expected: string) =>
    report.fault(rowOf(key), `${where(key)} must be ${expected}, got ${describeValue(detailValue(key))}`);

  const account = cellText(detailValue("Account"));
  if (account === "") faultKey("Account", "the account name");
  const ownerEmail = cellText(detailValue("Owner email"));
  if (!isEmailAddress(ownerEmail))
    faultKey("Owner email", "the owner's email address, such as name@agency.gov");

  const goLive = readDateCell(detailValue("Go-live date"), readWallClock);
  if (goLive === undefined) faultKey("Go-live date", "a date such as 2026-04-01");
  else if (goLive === null)
    report.warn(rowOf("Go-live date"), `${where("Go-live date")} is blank; months since go-live are unknown`);

  const provisionedUsers = readWholeNumberCell(detailValue("Provisioned users"));
  if (provisionedUsers === undefined || (provisionedUsers !== null && provisionedUsers < 0))
    faultKey("Provisioned users", "a whole number of users (or blank)");

  const startingArr = readNumberCell(detailValue("Starting ARR"));
  if (startingArr === undefined || (startingArr !== null && startingArr < 0))
    faultKey("Starting ARR", "an amount such as 180000 (or blank)");

  const segmentReading = readSegment(detailValue("Segment"));
  if (segmentReading && "expected" in segmentReading) faultKey("Segment", segmentReading.expected);
  const renewalDate = readDateCell(detailValue("Renewal date"), readWallClock);
  if (renewalDate === undefined) faultKey("Renewal date", "a date such as 2027-03-31 (or blank)");

  return {
    segment: segmentReading && "value" in segmentReading ? segmentReading.value : null,
    renewalDate: renewalDate ?? null,
    account,
    ownerEmail,
    goLive: goLive ?? null,
    provisionedUsers: provisionedUsers ?? null,
    startingArr: startingArr ?? null,
    contract: cellText(detailValue("Contract / CLIN")),
  };
}

interface GridHeader {
  /** 0-based positions of Metric, Category, Target. */
  fixed: Record<GridColumn, number>;
  periods: AccountPeriod[];
  extraColumns: { column: number; header: string }[];
  /** 0-based positions of blank row-8 cells (after the fixed columns are taken out). */
  blankColumns: number[];
}

/** Row 8: the fixed columns, then the period columns (checked for duplicates and order). */
function readGridHeader(
  values: readonly CellValue[][],
  report: TabReport,
  options: WorkbookReadOptions | undefined,
): GridHeader | null {
  const row = ACCOUNT_GRID_HEADER_ROW;
  const header = values[GRID_INDEX] ?? [];
  const match = mapHeaders(header, ACCOUNT_GRID_COLUMNS);
  if (match.missing.length > 0) {
    const noun = match.missing.length === 1 ? "column" : "columns";
    report.fault(
      row,
      `no ${quoteList(match.missing)} ${noun} in the grid header${hint(values, match.missing[0])}`,
    );
  }
  for (const { name, positions } of match.duplicated)
    report.fault(
      row,
      `"${name}" appears more than once in the grid header (${positions.map((p) => cellAddress(row, p + 1)).join(", ")})`,
    );
  if (match.missing.length > 0 || match.duplicated.length > 0) return null;
  const fixed = match.positions as Record<GridColumn, number>;

  const readWallClock = wallClockOf(options);
  const periods: AccountPeriod[] = [];
  const extraColumns: { column: number; header: string }[] = [];
  const blankColumns: number[] = [];
  const expected = 'expected a month as a date (e.g. 2026-10-01) or text such as "Oct 2026"';
  for (const position of match.unmatched.concat(blankPositions(header, fixed))) {
    const cell = header[position];
    const address = cellAddress(row, position + 1);
    if (isBlank(cell)) {
      blankColumns.push(position);
      continue;
    }
    const day = readMonthCell(cell, readWallClock);
    if (day) {
      if (day.day !== 1)
        report.warn(
          row,
          `period header ${JSON.stringify(cellText(cell))} in ${address} is not the first day of a month; ` +
            `read as ${formatMonth(day)}`,
        );
      const month = { year: day.year, month: day.month, day: 1 };
      const date = isDate(cell) && day.day === 1 ? cell : dateOfCivil(month, readWallClock);
      periods.push({ column: position + 1, date, month });
    } else if (typeof cell === "string" && SHEETS_ERROR.test(cell.trim())) {
      report.fault(
        row,
        `period header ${describeValue(cell)} in ${address} is an error, not a month; fix its formula or type the month (e.g. 2026-10-01)`,
      );
    } else if (typeof cell === "string" && !looksLikeDate(cell)) {
      extraColumns.push({ column: position + 1, header: cellText(cell) });
    } else {
      const advice = typeof cell === "number" ? " (format the cell as a date)" : "";
      report.fault(
        row,
        `period header ${describeValue(cell)} in ${address} is not a month${advice}; ${expected}`,
      );
    }
  }
  periods.sort((a, b) => a.column - b.column);
  extraColumns.sort((a, b) => a.column - b.column);
  blankColumns.sort((a, b) => a - b);
  checkPeriodOrder(periods, report);
  if (periods.length === 0)
    report.warn(row, 'no period columns yet; add one column per month after "Target" (e.g. 2026-10-01)');
  return { fixed, periods, extraColumns, blankColumns };
}

/** 0-based positions of blank row-8 cells that are not fixed columns (mapHeaders skips blanks). */
function blankPositions(header: readonly CellValue[], fixed: Record<GridColumn, number>): number[] {
  const taken = new Set(Object.values(fixed));
  const positions: number[] = [];
  header.forEach((cell, position) => {
    if (isBlank(cell) && !taken.has(position)) positions.push(position);
  });
  return positions;
}

function monthIndex(month: CivilDate): number {
  return month.year * 12 + (month.month - 1);
}

/** Periods must run oldest to newest, each month once; a skipped month is only a warning. */
function checkPeriodOrder(periods: readonly AccountPeriod[], report: TabReport): void {
  const row = ACCOUNT_GRID_HEADER_ROW;
  const address = (period: AccountPeriod) => cellAddress(row, period.column);
  const firstColumn = new Map<number, AccountPeriod>();
  let orderReported = false;
  periods.forEach((period, index) => {
    const key = monthIndex(period.month);
    const earlier = firstColumn.get(key);
    if (earlier) {
      report.fault(
        row,
        `period ${formatMonth(period.month)} appears twice (${address(earlier)} and ${address(period)}); keep one column per month`,
      );
      return;
    }
    firstColumn.set(key, period);
    const previous = periods[index - 1];
    if (!orderReported && previous && monthIndex(previous.month) > key) {
      orderReported = true;
      report.fault(
        row,
        `periods must run oldest to newest from left to right, but ${formatMonth(period.month)} in ` +
          `${address(period)} comes after ${formatMonth(previous.month)} in ${address(previous)}`,
      );
    }
  });
  for (let index = 1; index < periods.length; index += 1) {
    const [before, after] = [periods[index - 1], periods[index]];
    const gap = monthIndex(after.month) - monthIndex(before.month) - 1;
    if (gap <= 0) continue;
    const first = formatMonth(nextMonth(before.month));
    const missing = gap === 1 ? first : `${gap} months from ${first}`;
    report.warn(row, `no column for ${missing} between ${address(before)} and ${address(after)}`);
  }
}

function nextMonth(month: CivilDate): CivilDate {
  const index = monthIndex(month) + 1;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** `; found "Metric" in A9 — …` when the missing grid header sits in another row. */
function hint(values: readonly CellValue[][], name: GridColumn): string {
  for (let index = 0; index < Math.min(values.length, GRID_INDEX + 8); index += 1) {
    if (index === GRID_INDEX) continue;
    const position = mapHeaders(values[index] ?? [], [name]).positions[name];
    if (position !== undefined)
      return (
        `; found "${name}" in ${cellAddress(index + 1, position + 1)}, but the grid header must be row ` +
        `${ACCOUNT_GRID_HEADER_ROW} (rows 1–${DETAIL_ROWS} hold the account details)`
      );
  }
  return ` (row ${ACCOUNT_GRID_HEADER_ROW} must hold ${ACCOUNT_GRID_COLUMNS.map((c) => `"${c}"`).join(", ")} and one column per month)`;
}

/** Rows 9+: one metric per row; blank rows are skipped and a metric may appear only once. */
function readMetricRows(
  values: readonly CellValue[][],
  grid: GridHeader,
  report: TabReport,
): AccountMetricRow[] {
  const metrics: AccountMetricRow[] = [];
  const rowOfName = new Map<string, number>();
  const strayColumns = new Set<number>();
  const { fixed, periods } = grid;
  for (let index = GRID_INDEX + 1; index < values.length; index += 1) {
    const cells = values[index] ?? [];
    const row = index + 1;
    const at = (position: number): CellValue => cells[position] ?? "";
    const periodValues = periods.map((period) => at(period.column - 1));
    for (const position of grid.blankColumns) if (!isBlank(at(position))) strayColumns.add(position);
    const name = cellText(at(fixed.Metric));
    const used = [at(fixed.Category), at(fixed.Target), ...periodValues].some((cell) => !isBlank(cell));
    if (name === "") {
      if (used)
        report.warn(row, `no metric name in ${cellAddress(row, fixed.Metric + 1)}; the row is ignored`);
      continue;
    }
    const earlier = rowOfName.get(normalizeHeader(name));
    if (earlier !== undefined) {
      report.fault(
        row,
        `metric "${name}" appears in both ${cellAddress(earlier, fixed.Metric + 1)} and ` +
          `${cellAddress(row, fixed.Metric + 1)}; keep one row per metric`,
      );
      continue;
    }
    rowOfName.set(normalizeHeader(name), row);
    const categoryText = cellText(at(fixed.Category));
    const category = matchChoice(categoryText, CATEGORIES);
    if (categoryText !== "" && category === undefined)
      report.warn(
        row,
        `Category ${JSON.stringify(categoryText)} in ${cellAddress(row, fixed.Category + 1)} is not ` +
          `${listChoices(CATEGORIES)}`,
      );
    metrics.push({
      name,
      row,
      category: category ?? categoryText,
      target: cellText(at(fixed.Target)),
      values: periodValues,
      columns: periods.map((period) => period.column),
    });
  }
  for (const position of [...strayColumns].sort((a, b) => a - b))
    report.warn(
      ACCOUNT_GRID_HEADER_ROW,
      `column ${columnLetter(position + 1)} has values but no period in ${cellAddress(ACCOUNT_GRID_HEADER_ROW, position + 1)}; they are ignored`,
    );
  return metrics;
}
