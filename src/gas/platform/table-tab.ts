// A header-row table tab (KPI Catalog, Escalation Log, Audit Log…): read once, find columns by header, append rows.

import type { CellValue } from "../../domain/cell-value";
import type { TypedCell } from "../../domain/sidebar/typed-cell";
import { consecutiveRuns } from "../../domain/workbook/consecutive-runs";
import { readTable } from "../../domain/workbook/read-table";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { findTab } from "./find-tab";
import { cellValue, ensureColumns, ensureRows, writeTypedBlock } from "./write-typed-cells";

/** A table tab read in one batch: its sheet, every row (header first) and the 1-based column of each header. */
export interface TableTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  name: string;
  rows: unknown[][];
  /** 1-based column of each expected header. */
  column: Record<string, number>;
}

/**
 * Opens tab `name` (found by the shared rule of {@link findTab}) and locates `headers` in row 1 (case- and whitespace-insensitive, any order,
 * extra columns kept; `optional` ones located when present). A missing tab is created with the
 * headers when `create` is set, else `null`.
 * A tab lacking one of the headers is reported, never half-written.
 */
export function openTable(
  name: string,
  headers: readonly string[],
  create: boolean,
  optional: readonly string[] = [],
): TableTab | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  let sheet = findTab(spreadsheet, name);
  if (!sheet) {
    if (!create) return null;
    sheet = spreadsheet.insertSheet(name);
    const header = sheet.getRange(1, 1, 1, headers.length);
    header.setNumberFormat("@");
    header.setValues([headers.slice()]);
    header.setFontWeight("bold");
    sheet.setFrozenRows(1);
  }
  const actualName = sheet.getName();
  const rows = sheet.getDataRange().getValues();
  const read = readTable(actualName, rows as CellValue[][], headers, optional);
  if (isWorkbookProblem(read)) throw new Error(`${read.message}. Nothing was saved.`);
  const column: Record<string, number> = { ...read.columns };
  return { sheet, name: actualName, rows, column };
}

/** The cell of `header` in a data row (0-based row index into `table.rows`). */
export function cellOf(table: TableTab, rowIndex: number, header: string): unknown {
  return table.rows[rowIndex]?.[table.column[header] - 1] ?? "";
}

/** The number of the last row holding anything (the header row counts). */
export function lastUsedRow(table: TableTab): number {
  for (let r = table.rows.length - 1; r >= 0; r -= 1) {
    if (table.rows[r].some((cell) => cell !== "" && cell !== null)) return r + 1;
  }
  return 0;
}

/**
 * Writes `row` (header → typed cell) at 1-based sheet row `at`, one block spanning the table's
 * columns; cells of columns not named in `row` are left as they are.
 */
export function writeTableRow(
  table: TableTab,
  at: number,
  row: Partial<Record<string, TypedCell>>,
  timeZone: string,
): void {
  const byColumn = new Map(Object.entries(row).map(([header, cell]) => [table.column[header], cell!]));
  // One block per run of consecutive known columns, so extra columns between them keep their contents.
  for (const run of consecutiveRuns([...byColumn.keys()]))
    writeTypedBlock(table.sheet, at, run[0], [run.map((column) => byColumn.get(column)!)], timeZone);
}

/**
 * Appends rows after the last used row in one block (call under the document lock so two saves
 * never pick the same row). Columns not named stay blank. Returns the first new row number.
 */
export function appendTableRows(
  table: TableTab,
  rows: Partial<Record<string, TypedCell>>[],
  timeZone: string,
): number {
  const first = lastUsedRow(table) + 1;
  if (rows.length === 0) return first;
  const width = Math.max(...Object.values(table.column));
  ensureRows(table.sheet, first + rows.length - 1);
  ensureColumns(table.sheet, width);
  const block: TypedCell[][] = rows.map((row) => {
    const line: TypedCell[] = Array.from({ length: width }, () => ({ kind: "blank" }) as TypedCell);
    for (const [header, cell] of Object.entries(row)) line[table.column[header] - 1] = cell!;
    return line;
  });
  writeTypedBlock(table.sheet, first, 1, block, timeZone);
  for (const [index, row] of rows.entries()) {
    const cells: unknown[] = Array.from({ length: width }, () => "");
    for (const [header, cell] of Object.entries(row))
      cells[table.column[header] - 1] = cellValue(cell!, timeZone);
    table.rows[first - 1 + index] = cells;
  }
  return first;
}
