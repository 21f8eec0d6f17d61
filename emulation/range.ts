// Range: a block of cells on a sheet; values parsed as typed, formats, notes and validation, read back like Sheets.
import { isDate } from "../src/domain/cell-value";
import { toA1 } from "./a1-notation";
import { parseCellInput } from "./cell-input";
import type { CellLayer } from "./cell-layer";
import { normalizeColor } from "./colors";
import type { DataValidation } from "./data-validation";
import { formatForDisplay } from "./display-format";
import type { EmulationContext } from "./emulation-context";
import { Filter } from "./filter";
import { FormulaCell, type StoredValue } from "./formula-cell";
import type { Sheet } from "./sheet";
import type { FormatName, SheetData } from "./sheet-data";

/** A cell value as `getValues()` returns it: blank cells are "". */
export type ReadValue = StoredValue | "";

/** Options of `Range.clear(options)`. */
export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
}

/** The emulated `Range`. Coordinates are 1-based; a new object is made for each `getRange` call. */
export class Range {
  constructor(
    readonly ctx: EmulationContext,
    readonly sheet: Sheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private get data(): SheetData {
    return this.sheet.data;
  }

  private get timeZone(): string {
    return this.sheet.spreadsheet.timeZone;
  }

  // ---- geometry ----

  /** 1-based row of the top-left cell. */
  getRow(): number {
    return this.row;
  }

  /** 1-based column of the top-left cell. */
  getColumn(): number {
    return this.column;
  }

  /** Number of rows. */
  getNumRows(): number {
    return this.numRows;
  }

  /** Number of columns. */
  getNumColumns(): number {
    return this.numColumns;
  }

  /** Same as getNumRows. */
  getHeight(): number {
    return this.numRows;
  }

  /** Same as getNumColumns. */
  getWidth(): number {
    return this.numColumns;
  }

  /** 1-based row of the bottom edge. */
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }

  /** 1-based column of the right edge. */
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }

  /** "B3" or "B3:D7". */
  getA1Notation(): string {
    return toA1(this.row, this.column, this.numRows, this.numColumns);
  }

  /** The sheet this range is on. */
  getSheet(): Sheet {
    return this.sheet;
  }

  /** The sheet's id. */
  getGridId(): number {
    return this.sheet.sheetId;
  }

  /** A range shifted by the offsets, optionally resized; throws when it falls off the sheet. */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.sheet.range_(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  /** One cell of this range, 1-based within it. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numColumns)
      throw this.ctx.error("Cell reference out of range");
    return this.sheet.range_(this.row + row - 1, this.column + column - 1, 1, 1);
  }

  /** Makes this the active range (and its sheet the active sheet). */
  activate(): Range {
    this.sheet.spreadsheet.activeSheet = this.sheet;
    this.sheet.spreadsheet.activeRange = this;
    return this;
  }

  /** True when no cell of the range has a value or formula. */
  isBlank(): boolean {
    for (let r = 0; r < this.numRows; r++) {
      const cells = this.data.values.rowAt(this.row - 1 + r);
      if (!cells) continue;
      for (let c = 0; c < this.numColumns; c++) if (cells[this.column - 1 + c] !== undefined) return false;
    }
    return true;
  }

  // ---- values ----

  /** The values as rows: blank cells "", dates as new `Date` copies, formulas as their computed value. */
  getValues(): ReadValue[][] {
    const out: ReadValue[][] = new Array(this.numRows);
    for (let r = 0; r < this.numRows; r++) {
      const cells = this.data.values.rowAt(this.row - 1 + r);
      const line: ReadValue[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++)
        line[c] = this.readCell_(cells?.[this.column - 1 + c], this.row + r, this.column + c);
      out[r] = line;
    }
    return out;
  }

  /** The top-left cell's value. */
  getValue(): ReadValue {
    return this.readCell_(this.data.values.raw(this.row - 1, this.column - 1), this.row, this.column);
  }

  /**
   * Writes rows of values, each parsed as if typed into its cell (see `parseCellInput`). Throws with
   * Sheets' message when the data's shape differs from the range's, and writes nothing then.
   */
  setValues(values: unknown[][]): Range {
    this.checkShape_(values, "setValues");
    this.writeInputs_((r, c) => values[r][c]);
    return this;
  }

  /** Writes one value into every cell of the range, parsed as if typed. */
  setValue(value: unknown): Range {
    this.writeInputs_(() => value);
    return this;
  }

  /** The values as Sheets displays them under each cell's number format. */
  getDisplayValues(): string[][] {
    const values = this.getValues();
    const formats = this.data.formats.numberFormat.read(
      this.row - 1,
      this.column - 1,
      this.numRows,
      this.numColumns,
    );
    return values.map((line, r) =>
      line.map((value, c) => formatForDisplay(value, formats[r][c], this.timeZone)),
    );
  }

  /** The top-left cell as displayed. */
  getDisplayValue(): string {
    return this.getDisplayValues()[0][0];
  }

  /** Formulas as rows ("" for cells without one). */
  getFormulas(): string[][] {
    return this.data.values.read(this.row - 1, this.column - 1, this.numRows, this.numColumns, (value) =>
      value instanceof FormulaCell ? value.formula : "",
    );
  }

  /** The top-left cell's formula, or "". */
  getFormula(): string {
    const value = this.data.values.raw(this.row - 1, this.column - 1);
    return value instanceof FormulaCell ? value.formula : "";
  }

  /** Writes formulas (text not starting with "=" is written as a typed value). */
  setFormulas(formulas: string[][]): Range {
    this.checkShape_(formulas, "setFormulas");
    this.writeInputs_((r, c) => formulas[r][c]);
    return this;
  }

  /** Writes one formula into every cell. */
  setFormula(formula: string): Range {
    this.writeInputs_(() => formula);
    return this;
  }

  // ---- formats ----

  /** Background colours as rows ("#ffffff" when unset). */
  getBackgrounds(): string[][] {
    return this.readLayer_(this.data.formats.background);
  }

  /** The top-left cell's background colour. */
  getBackground(): string {
    return this.firstOf_(this.data.formats.background);
  }

  /** Sets every cell's background; null resets it to white. */
  setBackground(color: string | null): Range {
    this.fillLayer_("background", color, normalizeColor);
    return this;
  }

  /** Sets the background of each cell (null resets). */
  setBackgrounds(colors: (string | null)[][]): Range {
    this.writeLayer_("background", colors, "setBackgrounds", normalizeColor);
    return this;
  }

  /** Sets every cell's background from red, green, blue (0–255). */
  setBackgroundRGB(red: number, green: number, blue: number): Range {
    const hex = [red, green, blue].map((n) =>
      Math.max(0, Math.min(255, n | 0))
        .toString(16)
        .padStart(2, "0"),
    );
    return this.setBackground(`#${hex.join("")}`);
  }

  /** Font colours as rows ("#000000" when unset). */
  getFontColors(): string[][] {
    return this.readLayer_(this.data.formats.fontColor);
  }

  /** The top-left cell's font colour. */
  getFontColor(): string {
    return this.firstOf_(this.data.formats.fontColor);
  }

  /** Sets every cell's font colour; null resets it. */
  setFontColor(color: string | null): Range {
    this.fillLayer_("fontColor", color, normalizeColor);
    return this;
  }

  /** Sets each cell's font colour. */
  setFontColors(colors: (string | null)[][]): Range {
    this.writeLayer_("fontColor", colors, "setFontColors", normalizeColor);
    return this;
  }

  /** Font weights as rows ("normal" or "bold"). */
  getFontWeights(): string[][] {
    return this.readLayer_(this.data.formats.fontWeight);
  }

  /** The top-left cell's font weight. */
  getFontWeight(): string {
    return this.firstOf_(this.data.formats.fontWeight);
  }

  /** Sets every cell's font weight ("bold", "normal" or null). */
  setFontWeight(fontWeight: string | null): Range {
    this.fillLayer_("fontWeight", fontWeight, (w) => w.toLowerCase());
    return this;
  }

  /** Sets each cell's font weight. */
  setFontWeights(fontWeights: (string | null)[][]): Range {
    this.writeLayer_("fontWeight", fontWeights, "setFontWeights", (w) => w.toLowerCase());
    return this;
  }

  /** Font styles as rows ("normal" or "italic"). */
  getFontStyles(): string[][] {
    return this.readLayer_(this.data.formats.fontStyle);
  }

  /** The top-left cell's font style. */
  getFontStyle(): string {
    return this.firstOf_(this.data.formats.fontStyle);
  }

  /** Sets every cell's font style ("italic", "normal" or null). */
  setFontStyle(fontStyle: string | null): Range {
    this.fillLayer_("fontStyle", fontStyle, (s) => s.toLowerCase());
    return this;
  }

  /** Font sizes as rows (10 when unset). */
  getFontSizes(): number[][] {
    return this.readLayer_(this.data.formats.fontSize);
  }

  /** The top-left cell's font size. */
  getFontSize(): number {
    return this.firstOf_(this.data.formats.fontSize);
  }

  /** Sets every cell's font size in points. */
  setFontSize(size: number): Range {
    this.fillLayer_("fontSize", size, (n) => n);
    return this;
  }

  /** The top-left cell's font family. */
  getFontFamily(): string {
    return this.firstOf_(this.data.formats.fontFamily);
  }

  /** Sets every cell's font family; null resets it. */
  setFontFamily(fontFamily: string | null): Range {
    this.fillLayer_("fontFamily", fontFamily, (f) => f);
    return this;
  }

  /** Number formats as rows (`"0.###############"` when unset). */
  getNumberFormats(): string[][] {
    return this.readLayer_(this.data.formats.numberFormat);
  }

  /** The top-left cell's number format. */
  getNumberFormat(): string {
    return this.firstOf_(this.data.formats.numberFormat);
  }

  /** Sets every cell's number format (`"@"` keeps later input as text, `"0.0%"`, `"yyyy-mm-dd"`, …). */
  setNumberFormat(numberFormat: string): Range {
    this.fillLayer_("numberFormat", numberFormat, (f) => f);
    return this;
  }

  /** Sets each cell's number format. */
  setNumberFormats(numberFormats: string[][]): Range {
    this.writeLayer_("numberFormat", numberFormats, "setNumberFormats", (f) => f);
    return this;
  }

  /** Horizontal alignments as rows ("general" when unset). */
  getHorizontalAlignments(): string[][] {
    return this.readLayer_(this.data.formats.horizontalAlignment);
  }

  /** The top-left cell's horizontal alignment. */
  getHorizontalAlignment(): string {
    return this.firstOf_(this.data.formats.horizontalAlignment);
  }

  /** Sets every cell's horizontal alignment ("left", "center", "right"; "normal" or null resets). */
  setHorizontalAlignment(alignment: string | null): Range {
    this.fillLayer_("horizontalAlignment", alignment, alignmentValue);
    return this;
  }

  /** Sets each cell's horizontal alignment. */
  setHorizontalAlignments(alignments: (string | null)[][]): Range {
    this.writeLayer_("horizontalAlignment", alignments, "setHorizontalAlignments", alignmentValue);
    return this;
  }

  /** The top-left cell's vertical alignment ("bottom" when unset). */
  getVerticalAlignment(): string {
    return this.firstOf_(this.data.formats.verticalAlignment);
  }

  /** Sets every cell's vertical alignment ("top", "middle", "bottom"; null resets). */
  setVerticalAlignment(alignment: string | null): Range {
    this.fillLayer_("verticalAlignment", alignment, (a) => a.toLowerCase());
    return this;
  }

  /** Wrap flags as rows. */
  getWraps(): boolean[][] {
    return this.readLayer_(this.data.formats.wrap);
  }

  /** The top-left cell's wrap flag. */
  getWrap(): boolean {
    return this.firstOf_(this.data.formats.wrap);
  }

  /** Sets every cell's wrap flag. */
  setWrap(isWrapEnabled: boolean): Range {
    this.fillLayer_("wrap", Boolean(isWrapEnabled), (w) => w);
    return this;
  }

  /** Sets each cell's wrap flag. */
  setWraps(isWrapEnabled: boolean[][]): Range {
    this.writeLayer_("wrap", isWrapEnabled, "setWraps", (w) => Boolean(w));
    return this;
  }

  /** Borders are not stored by the emulation; accepted for chaining. */
  setBorder(..._args: unknown[]): Range {
    return this;
  }

  /** Merging is not modelled; accepted for chaining. */
  merge(): Range {
    return this;
  }

  /** Merging is not modelled; accepted for chaining. */
  mergeAcross(): Range {
    return this;
  }

  /** Merging is not modelled; accepted for chaining. */
  mergeVertically(): Range {
    return this;
  }

  /** Merging is not modelled; accepted for chaining. */
  breakApart(): Range {
    return this;
  }

  // ---- notes ----

  /** Notes as rows ("" when none). */
  getNotes(): string[][] {
    return this.readLayer_(this.data.notes);
  }

  /** The top-left cell's note. */
  getNote(): string {
    return this.firstOf_(this.data.notes);
  }

  /** Sets every cell's note; "" or null removes it. */
  setNote(note: string | null): Range {
    const text = note === null || note === undefined ? undefined : String(note);
    this.data.notes.fill(this.row - 1, this.column - 1, this.numRows, this.numColumns, text || undefined);
    return this;
  }

  /** Sets each cell's note. */
  setNotes(notes: (string | null)[][]): Range {
    this.checkShape_(notes, "setNotes");
    this.data.notes.write(
      this.row - 1,
      this.column - 1,
      notes.map((line) =>
        line.map((note) => (note === null || note === undefined || note === "" ? undefined : String(note))),
      ),
    );
    return this;
  }

  /** Removes the notes. */
  clearNote(): Range {
    this.data.notes.fill(this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    return this;
  }

  // ---- data validation ----

  /** The top-left cell's rule, or null. */
  getDataValidation(): DataValidation | null {
    return this.data.validations.get(this.row - 1, this.column - 1);
  }

  /** Rules as rows (null where none). */
  getDataValidations(): (DataValidation | null)[][] {
    return this.readLayer_(this.data.validations);
  }

  /** Sets (or with null removes) the rule of every cell. */
  setDataValidation(rule: DataValidation | null): Range {
    this.data.validations.fill(
      this.row - 1,
      this.column - 1,
      this.numRows,
      this.numColumns,
      rule ?? undefined,
    );
    return this;
  }

  /** Sets each cell's rule. */
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.checkShape_(rules, "setDataValidations");
    this.data.validations.write(
      this.row - 1,
      this.column - 1,
      rules.map((line) => line.map((rule) => rule ?? undefined)),
    );
    return this;
  }

  /** Removes the rules. */
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }

  // ---- filter ----

  /**
   * Creates the sheet's filter over this range (spreadsheet/range#createFilter). A sheet has at most
   * one: creating a second throws, as in Sheets.
   */
  createFilter(): Filter {
    if (this.sheet.filter_)
      throw this.ctx.error("You can't create a filter in a sheet that already has a filter.");
    this.sheet.filter_ = new Filter(this.ctx, this.sheet, this);
    return this.sheet.filter_;
  }

  /** The sheet's filter when it overlaps this range, else null (spreadsheet/range#getFilter). */
  getFilter(): Filter | null {
    const filter = this.sheet.filter_;
    if (!filter) return null;
    const other = filter.getRange();
    const overlaps =
      other.row <= this.row + this.numRows - 1 &&
      this.row <= other.row + other.numRows - 1 &&
      other.column <= this.column + this.numColumns - 1 &&
      this.column <= other.column + other.numColumns - 1;
    return overlaps ? filter : null;
  }

  // ---- clearing ----

  /** Clears contents and formats, or what `options` names. Notes and rules stay unless asked. */
  clear(options?: ClearOptions): Range {
    const box = [this.row - 1, this.column - 1, this.numRows, this.numColumns] as const;
    const only =
      options &&
      (options.contentsOnly || options.formatOnly || options.validationsOnly || options.commentsOnly);
    if (!only || options.contentsOnly) this.data.values.fill(...box, undefined);
    if (!only || options.formatOnly) this.data.clearFormats(...box);
    if (options?.validationsOnly) this.data.validations.fill(...box, undefined);
    if (options?.commentsOnly) this.data.notes.fill(...box, undefined);
    return this;
  }

  /** Clears values and formulas, keeping formats, notes and rules. */
  clearContent(): Range {
    this.data.values.fill(this.row - 1, this.column - 1, this.numRows, this.numColumns, undefined);
    return this;
  }

  /** Clears formats (colours, fonts, number formats, alignment, wrap), keeping values. */
  clearFormat(): Range {
    this.data.clearFormats(this.row - 1, this.column - 1, this.numRows, this.numColumns);
    return this;
  }

  // ---- internals (not Apps Script API; not counted) ----

  /** Reads one stored cell as `getValues` returns it. */
  readCell_(stored: StoredValue | FormulaCell | undefined, row: number, column: number): ReadValue {
    if (stored === undefined) return "";
    if (isDate(stored)) return new Date(stored.getTime());
    if (stored instanceof FormulaCell) return this.evaluate_(stored, row, column);
    return stored;
  }

  private evaluate_(cell: FormulaCell, row: number, column: number): ReadValue {
    const evaluator = this.ctx.formulaEvaluator;
    if (evaluator) {
      let result: unknown;
      try {
        result = evaluator(cell.formula, {
          spreadsheet: this.sheet.spreadsheet,
          sheet: this.sheet,
          row,
          column,
        });
      } catch {
        result = "#ERROR!";
      }
      while (Array.isArray(result)) result = result[0];
      if (result === null || result === undefined || result === "") cell.lastValue = undefined;
      else if (isDate(result)) cell.lastValue = new Date(result.getTime());
      else if (typeof result === "number" || typeof result === "boolean" || typeof result === "string")
        cell.lastValue = result;
      else cell.lastValue = String(result);
    }
    const value = cell.lastValue;
    if (value === undefined) return "";
    return isDate(value) ? new Date(value.getTime()) : value;
  }

  private checkShape_(grid: unknown, method: string): void {
    if (!Array.isArray(grid) || !grid.every((line) => Array.isArray(line)))
      throw this.ctx.error(
        `The parameters (${describeArgument(grid)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    if (grid.length !== this.numRows)
      throw this.ctx.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.numRows}.`,
      );
    for (const line of grid as unknown[][]) {
      if (line.length !== this.numColumns)
        throw this.ctx.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${this.numColumns}.`,
        );
    }
  }

  /** Parses every input first (so a rejected cell leaves the range untouched), then writes. */
  private writeInputs_(inputAt: (r: number, c: number) => unknown): void {
    const { values, formats, validations } = this.data;
    const numberFormats = formats.numberFormat;
    const parsed: (StoredValue | FormulaCell | undefined)[][] = new Array(this.numRows);
    const newFormats: (string | undefined)[][] = new Array(this.numRows);
    for (let r = 0; r < this.numRows; r++) {
      const line: (StoredValue | FormulaCell | undefined)[] = new Array(this.numColumns);
      const formatLine: (string | undefined)[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) {
        const row0 = this.row - 1 + r;
        const column0 = this.column - 1 + c;
        const currentFormat = numberFormats.raw(row0, column0);
        const result = parseCellInput(inputAt(r, c), currentFormat ?? numberFormats.fallback, this.timeZone);
        const rule = validations.raw(row0, column0);
        if (
          rule &&
          !rule.getAllowInvalid() &&
          !(result.value instanceof FormulaCell) &&
          !rule.accepts_(result.value)
        )
          throw this.ctx.error(
            `The data you entered in cell ${toA1(row0 + 1, column0 + 1)} violates the data validation rules set on this cell.`,
          );
        line[c] = result.value;
        if (result.numberFormat && currentFormat === undefined) formatLine[c] = result.numberFormat;
      }
      parsed[r] = line;
      newFormats[r] = formatLine;
    }
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        values.set(this.row - 1 + r, this.column - 1 + c, parsed[r][c]);
        const format = newFormats[r][c];
        if (format) numberFormats.set(this.row - 1 + r, this.column - 1 + c, format);
      }
    }
  }

  private readLayer_<T>(layer: CellLayer<T>): T[][] {
    return layer.read(this.row - 1, this.column - 1, this.numRows, this.numColumns);
  }

  private firstOf_<T>(layer: CellLayer<T>): T {
    return layer.get(this.row - 1, this.column - 1);
  }

  private fillLayer_<K extends FormatName, V>(
    name: K,
    value: V | null,
    normalize: (value: V) => unknown,
  ): void {
    const stored = value === null || value === undefined || value === "" ? undefined : normalize(value);
    (this.data.formats[name] as CellLayer<unknown>).fill(
      this.row - 1,
      this.column - 1,
      this.numRows,
      this.numColumns,
      stored,
    );
  }

  private writeLayer_<K extends FormatName, V>(
    name: K,
    grid: (V | null)[][],
    method: string,
    normalize: (value: V) => unknown,
  ): void {
    this.checkShape_(grid, method);
    const stored = grid.map((line) =>
      line.map((value) =>
        value === null || value === undefined || value === "" ? undefined : normalize(value),
      ),
    );
    (this.data.formats[name] as CellLayer<unknown>).write(this.row - 1, this.column - 1, stored);
  }
}

function alignmentValue(alignment: string): string | undefined {
  const lower = alignment.toLowerCase();
  return lower === "normal" || lower === "general" ? undefined : lower;
}

/** How Apps Script names an argument's type in a signature error. */
function describeArgument(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "number[]";
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "number";
  return typeof value === "object" ? "Object" : typeof value;
}
