// Keeps text written into a sheet as text: Sheets parses written strings as if typed ("=x" a formula, "45%" a number).
import type { CellValue } from "../cell-value";

/**
 * The value to write so that a string stays exactly that text: a leading apostrophe, which Sheets
 * drops and which marks the cell's content as text (so `=x`, `+1`, `@me`, `45%` or `2026-10-01`
 * never become a formula, number or date). Other values are returned as they are.
 */
export function literalText(value: CellValue): CellValue {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}
