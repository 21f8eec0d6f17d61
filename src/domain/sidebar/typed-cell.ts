// What the sidebar writes into a cell, typed: text stays text (never a formula), numbers numbers, dates dates.
import { type CivilDate, toIsoDate } from "../civil-date";

/** A value to write, with the kind that decides its number format. */
export type TypedCell =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; percent?: boolean }
  | { kind: "date"; date: CivilDate }
  | { kind: "timestamp"; date: Date }
  | { kind: "blank" };

/** Number format that makes Sheets store whatever is written as literal text (`=1+1` stays `=1+1`). */
export const TEXT_FORMAT = "@";
/** Format of calendar dates written by the sidebar. */
export const DATE_FORMAT = "yyyy-mm-dd";
/** Format of audit timestamps. */
export const TIMESTAMP_FORMAT = "yyyy-mm-dd hh:mm:ss";
/** Format of a number typed as a percent into a cell that had no percent format. */
export const PERCENT_FORMAT = "0.0#%";
/** Sheets' automatic number format, used when a number goes into a cell formatted as text. */
export const NUMBER_FORMAT = "0.###############";

/** Text cell. */
export function text(value: string): TypedCell {
  return { kind: "text", text: value };
}

/** Date cell, or blank for `null`. */
export function dateCell(date: CivilDate | null): TypedCell {
  return date ? { kind: "date", date } : { kind: "blank" };
}

/**
 * The number format to set for a cell given the format it has now: text gets `@`, dates the date
 * format, a number keeps a numeric format the user chose (a percent typed into a non-percent cell
 * gets a percent format; a number in a text-formatted cell gets the automatic format), a blank
 * keeps whatever the cell had.
 */
export function formatFor(cell: TypedCell, currentFormat: string): string {
  switch (cell.kind) {
    case "text":
      return TEXT_FORMAT;
    case "date":
      return DATE_FORMAT;
    case "timestamp":
      return TIMESTAMP_FORMAT;
    case "blank":
      return currentFormat;
    case "number": {
      const isText = currentFormat === TEXT_FORMAT;
      const isPercent = currentFormat.includes("%");
      const isDate = /[dy]/i.test(currentFormat.replace(/"[^"]*"/g, "")) && !currentFormat.includes("0");
      if (cell.percent) return isPercent ? currentFormat : PERCENT_FORMAT;
      if (isText || isDate || currentFormat === "") return NUMBER_FORMAT;
      return currentFormat;
    }
  }
}

/** A short, readable rendering of a typed cell for the Audit Log's Before/After columns. */
export function describeTypedCell(cell: TypedCell, toIso: (date: Date) => string): string {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "number":
      return cell.percent ? `${Number((cell.value * 100).toPrecision(12))}%` : String(cell.value);
    case "date":
      return toIsoDate(cell.date);
    case "timestamp":
      return toIso(cell.date);
    case "blank":
      return "";
  }
}
