// Shows a cell value as the text a form field holds (dates as YYYY-MM-DD in the spreadsheet's time zone).
import { isDate } from "../../domain/cell-value";
import { dateToIso } from "../platform/spreadsheet-dates";

/** The text of a cell value for a form field or an Audit Log entry. */
export function cellText(value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return "";
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "" : dateToIso(value, timeZone);
  if (typeof value === "number") return String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}
