// Writes the account-grid cells measured from the Incidents tab: one setValues and one setNotes per run of adjacent cells in a row.
import type { MeasuredCellWrite } from "../domain/scan/measured-cells-plan";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Writes each planned cell's value and note: the cells of a row whose columns follow each other are
 * one block, written with one `setValues` and one `setNotes` (never a call per cell). Numbers only
 * (or `""` to clear): nothing here is text a person typed.
 */
export function writeMeasuredCells(sheet: Sheet, writes: readonly MeasuredCellWrite[]): void {
  const sorted = [...writes].sort((a, b) => a.row - b.row || a.column - b.column);
  let start = 0;
  for (let index = 1; index <= sorted.length; index += 1) {
    const previous = sorted[index - 1];
    const next = sorted[index];
    if (next && next.row === previous.row && next.column === previous.column + 1) continue;
    const block = sorted.slice(start, index);
    const range = sheet.getRange(block[0].row, block[0].column, 1, block.length);
    range.setValues([block.map((cell) => cell.value)]);
    range.setNotes([block.map((cell) => cell.note || null)]);
    start = index;
  }
}
