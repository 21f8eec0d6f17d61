// Sheet: one tab of the emulated spreadsheet, with Google's bounds, growth and naming rules.
import { parseA1 } from "./a1-notation";
import { ConditionalFormatRule } from "./conditional-format";
import { EmbeddedChart, EmbeddedChartBuilder } from "./embedded-chart";
import type { EmulationContext } from "./emulation-context";
import type { Filter } from "./filter";
import { type ClearOptions, Range, type ReadValue } from "./range";
import { RangeList } from "./range-list";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, SheetData } from "./sheet-data";
import type { Spreadsheet } from "./spreadsheet";

/** Longest tab name Sheets accepts. */
export const MAX_SHEET_NAME_LENGTH = 100;

/** The emulated `Sheet`. */
export class Sheet {
  /** The cells and layout (emulation internals). */
  readonly data: SheetData;
  /** The sheet's filter (emulation internals; see {@link Sheet.getFilter}). */
  filter_: Filter | null = null;
  /** The conditional-format rules, in priority order (emulation internals). */
  private conditionalRules_: ConditionalFormatRule[] = [];
  /** The sheet's charts, in insertion order (emulation internals). */
  private charts_: EmbeddedChart[] = [];
  private nextChartId_ = 1;

  constructor(
    readonly ctx: EmulationContext,
    readonly spreadsheet: Spreadsheet,
    /** The tab name (change it with setName). */
    public name: string,
    readonly sheetId: number,
    data?: SheetData,
  ) {
    this.data = data ?? new SheetData();
  }

  // ---- identity ----

  /** The tab name. */
  getName(): string {
    return this.name;
  }

  /** Renames the tab; throws on a duplicate (ignoring case), an empty name or more than 100 characters. */
  setName(name: string): Sheet {
    const text = String(name);
    this.spreadsheet.checkNewSheetName_(text, this);
    this.name = text;
    return this;
  }

  /** The sheet's id (`gid`). */
  getSheetId(): number {
    return this.sheetId;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }

  /** The spreadsheet holding this sheet. */
  getParent(): Spreadsheet {
    return this.spreadsheet;
  }

  /** Always "GRID". */
  getType(): string {
    return "GRID";
  }

  /** Makes this the active sheet. */
  activate(): Sheet {
    this.spreadsheet.activeSheet = this;
    this.spreadsheet.activeRange = null;
    return this;
  }

  /** Hides the tab; throws when it is the last visible one. */
  hideSheet(): Sheet {
    const visible = this.spreadsheet.sheets.filter((sheet) => !sheet.data.hidden);
    if (visible.length === 1 && visible[0] === this)
      throw this.ctx.error("You can't hide all the sheets in a document.");
    this.data.hidden = true;
    return this;
  }

  /** Shows the tab. */
  showSheet(): Sheet {
    this.data.hidden = false;
    return this;
  }

  /** True when the tab is hidden. */
  isSheetHidden(): boolean {
    return this.data.hidden;
  }

  /** Sets the tab colour (null removes it). */
  setTabColor(color: string | null): Sheet {
    this.data.tabColor = color === null || color === "" ? null : color;
    return this;
  }

  /** The tab colour, or null. */
  getTabColor(): string | null {
    return this.data.tabColor;
  }

  // ---- ranges ----

  /**
   * A range by A1 notation (`"B2:D9"`, `"A:A"`, `"'Other tab'!A1"`) or by 1-based row, column and
   * optional size. Throws "The coordinates of the range are outside the dimensions of the sheet." past
   * the sheet's rows or columns.
   */
  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a1OrRow === "string") return this.rangeByA1_(a1OrRow);
    if (column === undefined)
      throw this.ctx.error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    return this.range_(Number(a1OrRow), Number(column), numRows ?? 1, numColumns ?? 1);
  }

  /** Several ranges of this sheet at once, by A1 notation. */
  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations))
      throw this.ctx.error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
      );
    return new RangeList(
      this.ctx,
      a1Notations.map((a1) => this.rangeByA1_(a1)),
    );
  }

  /** The block from A1 to the last row and column with content (A1 alone on an empty sheet). */
  getDataRange(): Range {
    return this.range_(1, 1, Math.max(1, this.data.lastRow()), Math.max(1, this.data.lastColumn()));
  }

  /**
   * The values of a block in one call, like `getRange(...).getValues()`. As in Apps Script, `-1` for a
   * position or a size means "up to the last row / column with content", so `getSheetValues(1, 1, -1, -1)`
   * is the data range's values. On an empty sheet that block has no rows and this throws the message
   * `getRange` gives for zero rows (callers fall back to `getDataRange()`).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): ReadValue[][] {
    const row = Number(startRow) === -1 ? this.data.lastRow() : Number(startRow);
    const column = Number(startColumn) === -1 ? this.data.lastColumn() : Number(startColumn);
    const rows = Number(numRows) === -1 ? this.data.lastRow() - row + 1 : Number(numRows);
    const columns = Number(numColumns) === -1 ? this.data.lastColumn() - column + 1 : Number(numColumns);
    return this.range_(row, column, rows, columns).getValues();
  }

  /** Last row with content (0 when empty). */
  getLastRow(): number {
    return this.data.lastRow();
  }

  /** Last column with content (0 when empty). */
  getLastColumn(): number {
    return this.data.lastColumn();
  }

  /** Number of rows, filled or not. */
  getMaxRows(): number {
    return this.data.maxRows;
  }

  /** Number of columns, filled or not. */
  getMaxColumns(): number {
    return this.data.maxColumns;
  }

  // ---- rows and columns ----

  /** Appends a row after the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: unknown[]): Sheet {
    if (!Array.isArray(rowContents))
      throw this.ctx.error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    if (rowContents.length === 0) return this;
    const row = this.data.lastRow() + 1;
    if (row > this.data.maxRows) this.data.insertRows(this.data.maxRows, row - this.data.maxRows);
    if (rowContents.length > this.data.maxColumns)
      this.data.insertColumns(this.data.maxColumns, rowContents.length - this.data.maxColumns);
    this.range_(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  /** Inserts `howMany` rows after row `afterPosition`. */
  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.checkRowPosition_(afterPosition);
    this.checkCount_(howMany);
    this.data.insertRows(afterPosition, howMany);
    return this;
  }

  /** Inserts `howMany` rows before row `beforePosition`. */
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.checkRowPosition_(beforePosition);
    this.checkCount_(howMany);
    this.data.insertRows(beforePosition - 1, howMany);
    return this;
  }

  /** Inserts a row after row `afterPosition`. */
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }

  /** Inserts a row before row `beforePosition`. */
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }

  /** Inserts `numRows` (default 1) rows before row `rowIndex`. */
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }

  /** Inserts `howMany` columns after column `afterPosition`. */
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.checkColumnPosition_(afterPosition);
    this.checkCount_(howMany);
    this.data.insertColumns(afterPosition, howMany);
    return this;
  }

  /** Inserts `howMany` columns before column `beforePosition`. */
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.checkColumnPosition_(beforePosition);
    this.checkCount_(howMany);
    this.data.insertColumns(beforePosition - 1, howMany);
    return this;
  }

  /** Inserts a column after column `afterPosition`. */
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  /** Inserts a column before column `beforePosition`. */
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  /** Inserts `numColumns` (default 1) columns before column `columnIndex`. */
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }

  /** Deletes row `rowPosition`. */
  deleteRow(rowPosition: number): Sheet {
    return this.deleteRows(rowPosition, 1);
  }

  /** Deletes `howMany` rows from `rowPosition`; Sheets refuses to delete every non-frozen row. */
  deleteRows(rowPosition: number, howMany: number): Sheet {
    this.checkCount_(howMany);
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.data.maxRows)
      throw this.ctx.error("Those rows are out of bounds.");
    if (this.data.maxRows - howMany < Math.max(1, this.data.frozenRows + 1))
      throw this.ctx.error("Sorry, it is not possible to delete all non-frozen rows.");
    this.data.deleteRows(rowPosition - 1, howMany);
    return this;
  }

  /** Deletes column `columnPosition`. */
  deleteColumn(columnPosition: number): Sheet {
    return this.deleteColumns(columnPosition, 1);
  }

  /** Deletes `howMany` columns from `columnPosition`. */
  deleteColumns(columnPosition: number, howMany: number): Sheet {
    this.checkCount_(howMany);
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.data.maxColumns)
      throw this.ctx.error("Those columns are out of bounds.");
    if (this.data.maxColumns - howMany < Math.max(1, this.data.frozenColumns + 1))
      throw this.ctx.error("Sorry, it is not possible to delete all non-frozen columns.");
    this.data.deleteColumns(columnPosition - 1, howMany);
    return this;
  }

  /** Freezes the top `rows` rows. */
  setFrozenRows(rows: number): void {
    if (!(rows >= 0) || rows > this.data.maxRows)
      throw this.ctx.error("The coordinates of the range are outside the dimensions of the sheet.");
    this.data.frozenRows = Math.floor(rows);
  }

  /** Number of frozen rows. */
  getFrozenRows(): number {
    return this.data.frozenRows;
  }

  /** Freezes the left `columns` columns. */
  setFrozenColumns(columns: number): void {
    if (!(columns >= 0) || columns > this.data.maxColumns)
      throw this.ctx.error("The coordinates of the range are outside the dimensions of the sheet.");
    this.data.frozenColumns = Math.floor(columns);
  }

  /** Number of frozen columns. */
  getFrozenColumns(): number {
    return this.data.frozenColumns;
  }

  /** Sets a column's width in pixels. */
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.checkColumnPosition_(columnPosition);
    this.data.columnWidths[columnPosition - 1] = width;
    return this;
  }

  /** Sets the width of `numColumns` columns from `startColumn`. */
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    for (let c = 0; c < numColumns; c++) this.setColumnWidth(startColumn + c, width);
    return this;
  }

  /** A column's width in pixels (100 unless set). */
  /** Hides `numColumns` columns from `columnIndex` (Apps Script `hideColumns(columnIndex, numColumns?)`). */
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.setColumnsHidden_(columnIndex, numColumns, true);
  }

  /** Shows `numColumns` columns from `columnIndex` again. */
  showColumns(columnIndex: number, numColumns = 1): void {
    this.setColumnsHidden_(columnIndex, numColumns, false);
  }

  /** True when the user (or a script) hid the column. */
  isColumnHiddenByUser(columnPosition: number): boolean {
    this.checkColumnPosition_(columnPosition);
    return this.data.hiddenColumns[columnPosition - 1] === true;
  }

  private setColumnsHidden_(columnIndex: number, numColumns: number, hidden: boolean): void {
    this.checkCount_(numColumns);
    this.checkColumnPosition_(columnIndex);
    this.checkColumnPosition_(columnIndex + numColumns - 1);
    for (let c = 0; c < numColumns; c++) this.data.hiddenColumns[columnIndex - 1 + c] = hidden;
  }

  getColumnWidth(columnPosition: number): number {
    this.checkColumnPosition_(columnPosition);
    return this.data.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Sets a row's height in pixels. */
  setRowHeight(rowPosition: number, height: number): Sheet {
    this.checkRowPosition_(rowPosition);
    this.data.rowHeights[rowPosition - 1] = height;
    return this;
  }

  /** Sets the height of `numRows` rows from `startRow`. */
  setRowHeights(startRow: number, numRows: number, height: number): Sheet {
    for (let r = 0; r < numRows; r++) this.setRowHeight(startRow + r, height);
    return this;
  }

  /** A row's height in pixels (21 unless set). */
  getRowHeight(rowPosition: number): number {
    this.checkRowPosition_(rowPosition);
    return this.data.rowHeights[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }

  /** Fits columns to their longest displayed text (about 7 px a character). */
  autoResizeColumns(startColumn: number, numColumns: number): Sheet {
    this.checkColumnPosition_(startColumn);
    this.checkColumnPosition_(startColumn + numColumns - 1);
    const lastRow = this.data.lastRow();
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      if (lastRow > 0) {
        const range = this.range_(1, c, lastRow, 1);
        for (const [text] of range.getDisplayValues()) longest = Math.max(longest, text.length);
      }
      this.data.columnWidths[c - 1] = longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.max(24, longest * 7 + 10);
    }
    return this;
  }

  /**
   * Fits rows to their content in Sheets. The emulation cannot measure text, so heights set with
   * `setRowHeight(s)` stay as they are (a script that estimates heights first exports them unchanged).
   */
  autoResizeRows(startRow: number, numRows: number): Sheet {
    this.checkCount_(numRows);
    this.checkRowPosition_(startRow);
    this.checkRowPosition_(startRow + numRows - 1);
    return this;
  }

  /** Fits one column to its content. */
  autoResizeColumn(columnPosition: number): Sheet {
    return this.autoResizeColumns(columnPosition, 1);
  }

  // ---- clearing ----

  /** Clears the whole sheet's contents and formats (or what `options` names). */
  clear(options?: ClearOptions): Sheet {
    this.range_(1, 1, this.data.maxRows, this.data.maxColumns).clear(options);
    return this;
  }

  /** Clears every value, keeping formats. */
  clearContents(): Sheet {
    this.data.values.clearAll();
    return this;
  }

  /** Clears every format, keeping values. */
  clearFormats(): Sheet {
    for (const layer of Object.values(this.data.formats)) layer.clearAll();
    return this;
  }

  /** Removes every note. */
  clearNotes(): Sheet {
    this.data.notes.clearAll();
    return this;
  }

  // ---- conditional formats and filter ----

  /**
   * The sheet's conditional-format rules in priority order (spreadsheet/sheet#getConditionalFormatRules).
   * Their ranges are kept as set: the emulation does not move them when rows or columns are inserted
   * or deleted (KPI Steward only appends after them).
   */
  getConditionalFormatRules(): ConditionalFormatRule[] {
    return [...this.conditionalRules_];
  }

  /**
   * Replaces every conditional-format rule of the sheet with `rules` (spreadsheet/sheet#setConditionalFormatRules:
   * "Replaces all currently existing conditional format rules in the sheet with the input rules").
   * Strict: a rule with a range on another sheet throws.
   */
  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    if (!Array.isArray(rules) || rules.some((rule) => !(rule instanceof ConditionalFormatRule)))
      throw this.ctx.error(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    for (const rule of rules)
      if (rule.getRanges().some((range) => range.getSheet() !== this))
        throw this.ctx.error("The ranges of a conditional format rule must be on the sheet it is set on.");
    this.conditionalRules_ = [...rules];
  }

  /** A builder for a chart on this sheet (spreadsheet/sheet#newChart); `insertChart` adds it. */
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.ctx);
  }

  /** Adds a built chart (spreadsheet/sheet#insertChart); strict: one already on the sheet throws. */
  insertChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart))
      throw this.ctx.error(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      );
    if (chart.spec_.chartId !== null)
      throw this.ctx.error("This chart is already on a sheet: use updateChart.");
    const inserted = new EmbeddedChart(this.ctx, { ...chart.spec_, chartId: this.nextChartId_++ });
    this.charts_.push(inserted);
  }

  /** The charts on this sheet (spreadsheet/sheet#getCharts). */
  getCharts(): EmbeddedChart[] {
    return [...this.charts_];
  }

  /**
   * Replaces the chart with the same id by `chart` (spreadsheet/sheet#updateChart: "Updates the chart
   * on this sheet"); strict: a chart that is not on this sheet throws.
   */
  updateChart(chart: EmbeddedChart): void {
    const index = this.charts_.findIndex(
      (c) => c.spec_.chartId !== null && c.spec_.chartId === chart?.spec_?.chartId,
    );
    if (index < 0) throw this.ctx.error("The chart is not on this sheet.");
    this.charts_[index] = new EmbeddedChart(this.ctx, { ...chart.spec_ });
  }

  /** Removes a chart from the sheet (spreadsheet/sheet#removeChart). */
  removeChart(chart: EmbeddedChart): void {
    this.charts_ = this.charts_.filter((c) => c.spec_.chartId !== chart?.spec_?.chartId);
  }

  /** The sheet's filter, or null (spreadsheet/sheet#getFilter). */
  getFilter(): Filter | null {
    return this.filter_;
  }

  // ---- internals (not Apps Script API; not counted) ----

  /** A range by 1-based coordinates, with Google's bounds errors. */
  range_(row: number, column: number, numRows: number, numColumns: number): Range {
    if (!(row >= 1)) throw this.ctx.error("The starting row of the range is too small.");
    if (!(column >= 1)) throw this.ctx.error("The starting column of the range is too small.");
    if (!(numRows >= 1)) throw this.ctx.error("The number of rows in the range must be at least 1.");
    if (!(numColumns >= 1)) throw this.ctx.error("The number of columns in the range must be at least 1.");
    const r = Math.floor(row);
    const c = Math.floor(column);
    const nr = Math.floor(numRows);
    const nc = Math.floor(numColumns);
    if (r + nr - 1 > this.data.maxRows || c + nc - 1 > this.data.maxColumns)
      throw this.ctx.error("The coordinates of the range are outside the dimensions of the sheet.");
    return new Range(this.ctx, this, r, c, nr, nc);
  }

  /** A range by A1 notation on this sheet (or on the tab the notation names). */
  rangeByA1_(a1: string): Range {
    const ref = parseA1(a1);
    if (!ref) throw this.ctx.error("Range not found");
    const sheet =
      ref.sheetName === null ? this : this.spreadsheet.sheets.find((s) => s.name === ref.sheetName);
    if (!sheet) throw this.ctx.error("Range not found");
    const startRow = ref.startRow ?? 1;
    const startColumn = ref.startColumn ?? 1;
    const endRow = ref.endRow ?? sheet.data.maxRows;
    const endColumn = ref.endColumn ?? sheet.data.maxColumns;
    const top = Math.min(startRow, endRow);
    const left = Math.min(startColumn, endColumn);
    return sheet.range_(top, left, Math.abs(endRow - startRow) + 1, Math.abs(endColumn - startColumn) + 1);
  }

  private checkRowPosition_(position: number): void {
    if (!(position >= 1) || position > this.data.maxRows)
      throw this.ctx.error("Those rows are out of bounds.");
  }

  private checkColumnPosition_(position: number): void {
    if (!(position >= 1) || position > this.data.maxColumns)
      throw this.ctx.error("Those columns are out of bounds.");
  }

  private checkCount_(count: number): void {
    if (!(count >= 1))
      throw this.ctx.error("The number of rows or columns to insert or delete must be at least 1.");
  }
}
