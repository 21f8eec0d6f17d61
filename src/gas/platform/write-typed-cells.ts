// Writes typed cells in one block: number formats first (text as "@"), then values, so text never becomes a formula.
import { formatFor, type TypedCell } from "../../domain/sidebar/typed-cell";
import { civilDateToDate } from "./spreadsheet-dates";

/** The value handed to `setValues` for a typed cell. */
export function cellValue(cell: TypedCell, timeZone: string): string | number | Date {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "number":
      return cell.value;
    case "date":
      return civilDateToDate(cell.date, timeZone);
    case "timestamp":
      return cell.date;
    case "blank":
      return "";
  }
}

/**
 * Writes `cells` (a rectangle) with its top-left at `row`, `column` (1-based): one read of the
 * current number formats, one `setNumberFormats`, one `setValues`.
 */
export function writeTypedBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  column: number,
  cells: TypedCell[][],
  timeZone: string,
): void {
  if (cells.length === 0 || cells[0].length === 0) return;
  const range = sheet.getRange(row, column, cells.length, cells[0].length);
  const current = range.getNumberFormats();
  range.setNumberFormats(
    cells.map((line, r) => line.map((cell, c) => formatFor(cell, current[r]?.[c] ?? ""))),
  );
  range.setValues(cells.map((line) => line.map((cell) => cellValue(cell, timeZone))));
}

/** Makes sure the sheet has at least `rows` rows (writing past the end throws in Sheets). */
export function ensureRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}

/** Makes sure the sheet has at least `columns` columns. */
export function ensureColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (columns > max) sheet.insertColumnsAfter(max, columns - max);
}
