// Creates one tab from its layout: formats first (text stays text), then one setValues, bold header, frozen panes, widths, dropdowns.

import type { DropdownPlan, TabLayout } from "../../domain/setup/tab-layout";
import { columnLetter } from "../../domain/workbook/cell-address";

/** Consecutive columns sharing a width, so each run costs one setColumnWidths call. */
function widthRuns(widths: readonly number[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, index) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.start + last.count === index + 1) last.count += 1;
    else runs.push({ start: index + 1, count: 1, width });
  });
  return runs;
}

/**
 * Inserts the tab at the end of the workbook and writes its layout. The number formats go on before
 * the values, so a text cell (format `@`) keeps what setup writes as text even if it starts with `=`.
 */
export function writeTab(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout: TabLayout,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.insertSheet(layout.name, spreadsheet.getNumSheets());
  const height = layout.values.length;
  const width = Math.max(layout.values[0]?.length ?? 0, layout.columnWidths.length);
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());

  const columns = layout.values[0]?.length ?? 0;
  if (height > 0 && columns > 0) {
    const block = sheet.getRange(1, 1, height, columns);
    block.setNumberFormats(layout.numberFormats);
    block.setValues(layout.values);
    block.setFontWeights(layout.bold.map((row) => row.map((bold) => (bold ? "bold" : "normal"))));
  }
  if (layout.frozenRows > 0) sheet.setFrozenRows(layout.frozenRows);
  if (layout.frozenColumns > 0) sheet.setFrozenColumns(layout.frozenColumns);
  for (const run of widthRuns(layout.columnWidths)) sheet.setColumnWidths(run.start, run.count, run.width);
  if (layout.wrapColumns.length > 0)
    sheet
      .getRangeList(layout.wrapColumns.map((column) => `${columnLetter(column)}:${columnLetter(column)}`))
      .setWrap(true);
  if (layout.centredColumns.length > 0)
    sheet
      .getRangeList(layout.centredColumns.map((column) => `${columnLetter(column)}:${columnLetter(column)}`))
      .setHorizontalAlignment("center");

  for (const block of layout.alignments)
    sheet
      .getRange(block.row, block.column, block.numRows, block.numColumns)
      .setHorizontalAlignment(block.alignment);

  for (const dropdown of layout.dropdowns) applyDropdown(sheet, dropdown);
  return sheet;
}

/** Puts a dropdown (list of values, help text) on a column from `fromRow` to the sheet's last row. */
export function applyDropdown(sheet: GoogleAppsScript.Spreadsheet.Sheet, dropdown: DropdownPlan): void {
  const maxRows = sheet.getMaxRows();
  if (dropdown.fromRow > maxRows) return;
  const rule = SpreadsheetApp.newDataValidation()
    .requireValueInList([...dropdown.values], true)
    .setAllowInvalid(false)
    .setHelpText(dropdown.helpText)
    .build();
  sheet
    .getRange(dropdown.fromRow, dropdown.column, maxRows - dropdown.fromRow + 1, 1)
    .setDataValidation(rule);
}
