// Puts the sample portfolio into an emulated spreadsheet as a user would have it: values, formats, bold header, colours, notes.
import type { GasEnvironment, Sheet } from "../../emulation/index";
import type { SampleTab } from "./sample-portfolio";

const SHEETS_AUTOMATIC = "0.###############";

/** Writes one sample tab (creating it, or refilling the tab of that name), not counted as the add-in's calls. */
export function loadSampleTab(env: GasEnvironment, tab: SampleTab): Sheet {
  return env.counter.uncounted(() => {
    const spreadsheet = env.spreadsheet;
    let sheet = spreadsheet.getSheetByName(tab.name);
    if (sheet) sheet.clear();
    else sheet = spreadsheet.insertSheet(tab.name, spreadsheet.getNumSheets());
    const height = tab.rows.length;
    const width = Math.max(...tab.rows.map((row) => row.length));
    if (width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
    const pad = <T>(row: readonly T[], fill: T) => [...row, ...Array<T>(width - row.length).fill(fill)];
    const range = sheet.getRange(1, 1, height, width);
    range.setNumberFormats(
      tab.numberFormats.map((row) => pad(row, null).map((format) => format ?? SHEETS_AUTOMATIC)),
    );
    range.setValues(tab.rows.map((row) => pad(row, "")));
    for (const row of tab.boldRows) sheet.getRange(row, 1, 1, width).setFontWeight("bold");
    if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
    tab.columnWidths.forEach((pixels, index) => {
      sheet.setColumnWidth(index + 1, pixels);
    });
    for (const [a1, colour] of Object.entries(tab.backgrounds)) sheet.getRange(a1).setBackground(colour);
    for (const [a1, note] of Object.entries(tab.notes)) sheet.getRange(a1).setNote(note);
    for (const a1 of tab.rightAligned) sheet.getRange(a1).setHorizontalAlignment("right");
    return sheet;
  });
}

/** Loads every tab of the sample, in order; the spreadsheet's first tab is reused when it has the first tab's name. */
export function loadSample(env: GasEnvironment, tabs: readonly SampleTab[]): void {
  for (const tab of tabs) loadSampleTab(env, tab);
}
