// Where things are on an account tab (SPEC §2): the key/value header, the row-8 grid header, period columns, metric rows.
import { isDate } from "../cell-value";
import { type CivilDate, compareCivil, toIsoDate } from "../civil-date";
import {
  ACCOUNT_GRID_COLUMNS,
  ACCOUNT_GRID_HEADER_ROW,
  ACCOUNT_HEADER_KEYS,
  headersMatch,
  normalizeHeader,
} from "../workbook-schema";

/** A period column of the grid: its 1-based column and the month it holds. */
export interface PeriodColumn {
  column: number;
  period: CivilDate;
}

/** A metric row of the grid: its 1-based row, name, category and target. */
export interface MetricRow {
  row: number;
  metric: string;
  category: string;
  target: string;
}

/** The positions the sidebar reads and writes on one account tab. */
export interface AccountGrid {
  tab: string;
  /** Values of the key/value header rows by key (`Account`, `Go-live date`, …). */
  header: Record<string, unknown>;
  /** 1-based columns of `Metric`, `Category`, `Target` in the grid header row. */
  column: Record<(typeof ACCOUNT_GRID_COLUMNS)[number], number>;
  /** Period columns in sheet order. */
  periods: PeriodColumn[];
  metrics: MetricRow[];
  /** Last column holding anything in the grid header row. */
  lastHeaderColumn: number;
}

/** True when the tab's `A1` says `Account` (the mark of an account tab). */
export function isAccountTab(topLeft: unknown): boolean {
  return headersMatch(topLeft, ACCOUNT_HEADER_KEYS[0]);
}

/**
 * Locates the header, grid columns, period columns and metric rows of an account tab from its
 * values (one `getValues()`). `toCivil` reads a `Date` cell on the spreadsheet's calendar. A tab
 * that almost matches (a missing header key or grid column) is reported with the tab's name.
 */
export function locateAccountGrid(tab: string, values: unknown[][], toCivil: (date: Date) => CivilDate): AccountGrid {
  if (!isAccountTab(values[0]?.[0]))
    throw new Error(`"${tab}" is not an account tab: its A1 must say "Account"`);
  const header: Record<string, unknown> = {};
  for (let r = 0; r < ACCOUNT_GRID_HEADER_ROW - 1; r += 1) {
    const key = values[r]?.[0];
    const known = ACCOUNT_HEADER_KEYS.find((k) => headersMatch(k, key));
    if (known) header[known] = values[r]?.[1] ?? "";
  }
  const missingKeys = ACCOUNT_HEADER_KEYS.filter((key) => !(key in header));
  if (missingKeys.length > 0)
    throw new Error(
      `"${tab}": the account header (rows 1–7, column A) lacks ${missingKeys.map((k) => `"${k}"`).join(", ")}`,
    );
  const gridHeader = values[ACCOUNT_GRID_HEADER_ROW - 1] ?? [];
  const column = {} as AccountGrid["column"];
  for (const name of ACCOUNT_GRID_COLUMNS) {
    const index = gridHeader.findIndex((cell) => headersMatch(cell, name));
    if (index < 0)
      throw new Error(
        `"${tab}": row ${ACCOUNT_GRID_HEADER_ROW} lacks the "${name}" column; expected ${ACCOUNT_GRID_COLUMNS.join(", ")}, then one column per month`,
      );
    column[name] = index + 1;
  }
  const periods: PeriodColumn[] = [];
  let lastHeaderColumn = 0;
  gridHeader.forEach((cell, index) => {
    if (normalizeHeader(cell) !== "" || isDate(cell)) lastHeaderColumn = index + 1;
    if (isDate(cell) && !Number.isNaN(cell.getTime())) periods.push({ column: index + 1, period: toCivil(cell) });
  });
  const metrics: MetricRow[] = [];
  for (let r = ACCOUNT_GRID_HEADER_ROW; r < values.length; r += 1) {
    const name = String(values[r][column.Metric - 1] ?? "").trim();
    if (name === "") continue;
    metrics.push({
      row: r + 1,
      metric: name,
      category: String(values[r][column.Category - 1] ?? "").trim(),
      target: String(values[r][column.Target - 1] ?? "").trim(),
    });
  }
  return { tab, header, column, periods, metrics, lastHeaderColumn };
}

/** The period column holding `period`'s month, if any. */
export function findPeriodColumn(grid: AccountGrid, period: CivilDate): PeriodColumn | undefined {
  return grid.periods.find((p) => p.period.year === period.year && p.period.month === period.month);
}

/**
 * The 1-based column a new period column should take so the periods stay in date order: before the
 * first later period, else right after the last period, else after the last header column.
 */
export function newPeriodColumn(grid: AccountGrid, period: CivilDate): number {
  const later = grid.periods.find((p) => compareCivil(p.period, period) > 0);
  if (later) return later.column;
  if (grid.periods.length > 0) return grid.periods[grid.periods.length - 1].column + 1;
  return Math.max(grid.lastHeaderColumn, grid.column.Metric, grid.column.Category, grid.column.Target) + 1;
}

/** `YYYY-MM-DD` of a header value that is a date (via `toCivil`), else `""`. */
export function headerDateIso(value: unknown, toCivil: (date: Date) => CivilDate): string {
  return isDate(value) && !Number.isNaN(value.getTime()) ? toIsoDate(toCivil(value)) : "";
}
