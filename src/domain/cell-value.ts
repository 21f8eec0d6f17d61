// What a spreadsheet cell can hold as it reaches our code, and the checks every module uses on it.

/** A value as Sheets hands it over: blank cells arrive as `""`, dates and durations as `Date`. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A range argument or a `getValues()` block: rows of cells. */
export type CellGrid = CellValue[][];

/**
 * True for a `Date` from any realm. The tests and the demo run the bundle inside a Node `vm`
 * context, whose `Date` differs from the emulation's, so `instanceof Date` is not enough.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** True for a cell that holds no data: `""`, whitespace-only text, `null` or `undefined`. */
export function isBlank(value: unknown): boolean {
  return (
    value === "" ||
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "")
  );
}

/** True for a 2-D array (a range argument). */
export function isGrid(value: unknown): value is CellValue[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Longest text a message quotes whole; longer text (a cell holds up to 50,000 characters) is cut. */
const QUOTED_TEXT_LIMIT = 100;

/** Text for a message: as it is when short, else its first 60 characters and "…". */
export function shortText(text: string): string {
  return text.length <= QUOTED_TEXT_LIMIT ? text : `${text.slice(0, 60)}…`;
}

/** Describes a value for an error message the way a user would recognise it in the cell. */
export function describeValue(value: unknown): string {
  if (value === "" || value === null || value === undefined) return "a blank cell";
  if (typeof value === "string")
    return value.length <= QUOTED_TEXT_LIMIT
      ? JSON.stringify(value)
      : `${JSON.stringify(shortText(value))} (${value.length} characters)`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value))
    return Number.isNaN(value.getTime()) ? "an invalid date" : `the date ${value.toISOString().slice(0, 10)}`;
  if (Array.isArray(value)) return "a range";
  return String(value);
}
