// Everything a sheet stores: cell values and per-cell formats as sparse layers, size, frozen panes, widths.
import { CellLayer } from "./cell-layer";
import type { DataValidation } from "./data-validation";
import { DEFAULT_NUMBER_FORMAT } from "./display-format";
import type { FormulaCell, StoredValue } from "./formula-cell";

/** Rows × columns of a new sheet, as in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
/** Columns of a new sheet. */
export const NEW_SHEET_COLUMNS = 26;
/** Width in pixels of a column nobody resized. */
export const DEFAULT_COLUMN_WIDTH = 100;
/** Height in pixels of a row nobody resized. */
export const DEFAULT_ROW_HEIGHT = 21;

/** The per-cell format layers and what an unformatted cell reads as. */
export function createFormatLayers() {
  return {
    background: new CellLayer<string>("#ffffff"),
    fontColor: new CellLayer<string>("#000000"),
    fontWeight: new CellLayer<string>("normal"),
    fontStyle: new CellLayer<string>("normal"),
    fontSize: new CellLayer<number>(10),
    fontFamily: new CellLayer<string>("Arial"),
    numberFormat: new CellLayer<string>(DEFAULT_NUMBER_FORMAT),
    horizontalAlignment: new CellLayer<string>("general"),
    verticalAlignment: new CellLayer<string>("bottom"),
    wrap: new CellLayer<boolean>(true),
  };
}

/** The format layers of a sheet. */
export type FormatLayers = ReturnType<typeof createFormatLayers>;
/** Name of one format layer (`background`, `numberFormat`, …). */
export type FormatName = keyof FormatLayers;

/** The storage behind one emulated sheet (not an Apps Script object; its methods are not counted). */
export class SheetData {
  /** Cell contents: text, numbers, booleans, dates or formulas; `undefined` is blank. */
  readonly values = new CellLayer<StoredValue | FormulaCell | undefined>(undefined);
  /** Per-cell formats. */
  readonly formats: FormatLayers = createFormatLayers();
  /** Cell notes ("" when none). */
  readonly notes = new CellLayer<string>("");
  /** Data-validation rules (null when none). */
  readonly validations = new CellLayer<DataValidation | null>(null);
  /** Column widths in pixels by 0-based column, when set. */
  columnWidths: (number | undefined)[] = [];
  /** Columns hidden with `hideColumns`, by 0-based column. */
  hiddenColumns: boolean[] = [];
  /** Row heights in pixels by 0-based row, when set. */
  rowHeights: (number | undefined)[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;

  constructor(
    public maxRows = NEW_SHEET_ROWS,
    public maxColumns = NEW_SHEET_COLUMNS,
  ) {}

  private allLayers(): CellLayer<unknown>[] {
    return [
      this.values,
      this.notes,
      this.validations,
      ...Object.values(this.formats),
    ] as CellLayer<unknown>[];
  }

  /** Inserts `count` empty rows before 0-based row `at`. */
  insertRows(at: number, count: number): void {
    for (const layer of this.allLayers()) layer.insertRows(at, count);
    if (at < this.rowHeights.length) this.rowHeights.splice(at, 0, ...new Array(count).fill(undefined));
    this.maxRows += count;
  }

  /** Deletes `count` rows from 0-based row `at`. */
  deleteRows(at: number, count: number): void {
    for (const layer of this.allLayers()) layer.deleteRows(at, count);
    this.rowHeights.splice(at, count);
    this.maxRows -= count;
    if (this.frozenRows > this.maxRows) this.frozenRows = this.maxRows;
  }

  /** Inserts `count` empty columns before 0-based column `at`. */
  insertColumns(at: number, count: number): void {
    for (const layer of this.allLayers()) layer.insertColumns(at, count);
    if (at < this.columnWidths.length) this.columnWidths.splice(at, 0, ...new Array(count).fill(undefined));
    if (at < this.hiddenColumns.length) this.hiddenColumns.splice(at, 0, ...new Array(count).fill(false));
    this.maxColumns += count;
  }

  /** Deletes `count` columns from 0-based column `at`. */
  deleteColumns(at: number, count: number): void {
    for (const layer of this.allLayers()) layer.deleteColumns(at, count);
    this.columnWidths.splice(at, count);
    this.hiddenColumns.splice(at, count);
    this.maxColumns -= count;
    if (this.frozenColumns > this.maxColumns) this.frozenColumns = this.maxColumns;
  }

  /** 1-based number of the last row with content (0 when the sheet is empty). */
  lastRow(): number {
    return this.values.lastRowIndex() + 1;
  }

  /** 1-based number of the last column with content (0 when the sheet is empty). */
  lastColumn(): number {
    return this.values.lastColumnIndex() + 1;
  }

  /** Resets every format layer in a block (0-based). */
  clearFormats(row: number, column: number, numRows: number, numColumns: number): void {
    for (const layer of Object.values(this.formats) as CellLayer<unknown>[])
      layer.fill(row, column, numRows, numColumns, undefined);
  }
}
