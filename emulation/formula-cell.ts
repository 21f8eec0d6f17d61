// A cell holding a formula: its text, its last computed value, and the hook that computes formulas.
import type { Sheet } from "./sheet";
import type { Spreadsheet } from "./spreadsheet";

/** A value a cell can hold once parsed: text, number, boolean or date (blank cells hold nothing). */
export type StoredValue = string | number | boolean | Date;

/** A formula cell. Without an evaluator its value is the last one computed, or blank. */
export class FormulaCell {
  constructor(
    /** The formula as written, starting with "=". */
    readonly formula: string,
    /** The last computed value; `undefined` reads as "". */
    public lastValue: StoredValue | undefined = undefined,
  ) {}
}

/** Where a formula lives, handed to the evaluator. `row`/`column` are 1-based. */
export interface FormulaLocation {
  spreadsheet: Spreadsheet;
  sheet: Sheet;
  row: number;
  column: number;
}

/**
 * Computes a formula cell when it is read (`getValues`, `getDisplayValues`). The bundle tests plug one
 * in to run custom functions; returning `undefined` keeps the cell blank. A thrown error becomes the
 * cell's value `#ERROR!`, as Sheets shows a formula that fails.
 */
export type FormulaEvaluator = (formula: string, location: FormulaLocation) => unknown;
