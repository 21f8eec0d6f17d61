// Writes a laid-out review to its sheet in batched calls: formats, values, colours, weights, wraps, then the sheet layout.
import type { CivilDate, ReadWallClock } from "../../domain/civil-date";
import type { GridValue, ReviewGrid } from "../../domain/review/review-grid";
import { dateOfCivil } from "../../domain/workbook/date-cells";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Font size of the tab's title (A1). */
const TITLE_FONT_SIZE = 14;

function isCivilDate(value: GridValue): value is CivilDate {
  return typeof value === "object" && value !== null && "year" in value;
}

/** Grows the sheet to at least `rows` × `columns` (a new tab is 1000 × 26; addressing past it throws). */
function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Replaces the sheet's content with `grid`. Number formats go first so text cells (`@`) keep user
 * text as text (a note starting with `=` never becomes a formula); every block is one call.
 */
export function writeReviewTab(sheet: Sheet, grid: ReviewGrid, readWallClock: ReadWallClock): void {
  const rows = grid.values.length;
  const columns = grid.values[0].length;
  sheet.clear();
  ensureSize(sheet, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setNumberFormats(grid.numberFormats);
  range.setValues(
    grid.values.map((row) =>
      row.map((value) => (isCivilDate(value) ? dateOfCivil(value, readWallClock) : value)),
    ),
  );
  range.setBackgrounds(grid.backgrounds as string[][]);
  range.setFontWeights(grid.fontWeights);
  range.setFontColors(grid.fontColors);
  range.setWraps(grid.wraps);
  range.setHorizontalAlignments(grid.horizontalAlignments);
  range.setVerticalAlignment("top");
  sheet.getRange(1, 1).setFontSize(TITLE_FONT_SIZE);
  sheet.setFrozenRows(grid.frozenRows);
  grid.columnWidths.forEach((width, index) => {
    sheet.setColumnWidth(index + 1, width);
  });
  sheet.hideColumns(grid.keyColumn);
  setRowHeights(sheet, grid.rowHeights);
  sheet.autoResizeRows(2, rows - 1);
}

/**
 * Sets the estimated row heights, one call per run of rows of the same height. Sheets then fits
 * them to the text exactly (autoResizeRows); a copy exported elsewhere keeps the estimates.
 */
function setRowHeights(sheet: Sheet, heights: readonly number[]): void {
  let start = 0;
  for (let index = 1; index <= heights.length; index += 1) {
    if (index < heights.length && heights[index] === heights[start]) continue;
    sheet.setRowHeights(start + 1, index - start, heights[start]);
    start = index;
  }
}
