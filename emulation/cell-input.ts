// Turns what a script writes with setValue(s) into what the cell holds, parsing strings as if typed.
import { isDate } from "../src/domain/cell-value";
import { FormulaCell, type StoredValue } from "./formula-cell";
import { zonedTimeToMillis } from "./time-zone";

/** The number format that keeps a cell's input as text. */
export const PLAIN_TEXT_FORMAT = "@";

/** What a cell holds after a write, and the number format that typing it would give the cell. */
export interface ParsedInput {
  /** `undefined` is a blank cell. */
  value: StoredValue | FormulaCell | undefined;
  /** Set when Sheets would pick a format for the typed text (`"45%"` → `"0%"`). */
  numberFormat?: string;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const NUMBER_CORE = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+`;
const PLAIN_NUMBER = new RegExp(String.raw`^([+-]?)(${NUMBER_CORE})(?:[eE]([+-]?\d+))?$`);
const PERCENT = new RegExp(String.raw`^([+-]?)(${NUMBER_CORE})\s*%$`);
const CURRENCY = new RegExp(String.raw`^([+-]?)\$\s*(${NUMBER_CORE})$`);
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const NAMED_MONTH_FIRST = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const NAMED_DAY_FIRST = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/;
const TIME = /^(\d{1,3}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

function toNumber(sign: string, digits: string, exponent?: string): number {
  const value = Number(digits.replace(/,/g, "") + (exponent ? `e${exponent}` : ""));
  return sign === "-" ? -value : value;
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase();
  const index = MONTH_NAMES.indexOf(lower.slice(0, 3));
  if (index < 0) return -1;
  const full = new Date(Date.UTC(2000, index, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
  return lower.length === 3 || full.toLowerCase().startsWith(lower) ? index : -1;
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dateInZone(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  time?: { hour: number; minute: number; second: number },
): Date | null {
  if (!validDay(year, month, day)) return null;
  if (time && (time.hour > 23 || time.minute > 59 || time.second > 59)) return null;
  return new Date(zonedTimeToMillis({ year, month, day, ...time }, timeZone));
}

function readTime(hour?: string, minute?: string, second?: string) {
  if (hour === undefined) return undefined;
  return { hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
}

/**
 * Parses text the way Sheets reads what a user types into a cell with an automatic format: numbers
 * (`1,234`, `1e3`, `$5`), percents (`45%` → 0.45), booleans, dates (`2026-10-01`, `10/1/2026`,
 * `Oct 1, 2026`) and times/durations (`14:30`, `48:00:00`) in `timeZone`; anything else stays text.
 */
export function parseTypedText(text: string, timeZone: string): ParsedInput {
  const trimmed = text.trim();
  if (trimmed === "") return { value: text === "" ? undefined : text };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };

  let m = PLAIN_NUMBER.exec(trimmed);
  if (m) {
    const value = toNumber(m[1], m[2], m[3]);
    if (m[3] !== undefined) return { value, numberFormat: "0.00E+00" };
    if (m[2].includes(",")) return { value, numberFormat: m[2].includes(".") ? "#,##0.00" : "#,##0" };
    return { value };
  }
  m = PERCENT.exec(trimmed);
  if (m) {
    const value = toNumber(m[1], m[2]) / 100;
    return { value, numberFormat: /\.\d/.test(m[2]) ? "0.00%" : "0%" };
  }
  m = CURRENCY.exec(trimmed);
  if (m) return { value: toNumber(m[1], m[2]), numberFormat: "$#,##0.00" };

  m = ISO_DATE.exec(trimmed);
  if (m) {
    const time = readTime(m[4], m[5], m[6]);
    const date = dateInZone(timeZone, Number(m[1]), Number(m[2]), Number(m[3]), time);
    if (date) return { value: date, numberFormat: time ? "yyyy-mm-dd h:mm:ss" : "yyyy-mm-dd" };
  }
  m = US_DATE.exec(trimmed);
  if (m) {
    let year = Number(m[3]);
    if (m[3].length === 2) year += year < 30 ? 2000 : 1900;
    const time = readTime(m[4], m[5], m[6]);
    const date = dateInZone(timeZone, year, Number(m[1]), Number(m[2]), time);
    if (date) return { value: date, numberFormat: time ? "m/d/yyyy h:mm:ss" : "m/d/yyyy" };
  }
  m = NAMED_MONTH_FIRST.exec(trimmed);
  if (m && monthIndex(m[1]) >= 0) {
    const date = dateInZone(timeZone, Number(m[3]), monthIndex(m[1]) + 1, Number(m[2]));
    if (date) return { value: date, numberFormat: "mmm d, yyyy" };
  }
  m = NAMED_DAY_FIRST.exec(trimmed);
  if (m && monthIndex(m[2]) >= 0) {
    const date = dateInZone(timeZone, Number(m[3]), monthIndex(m[2]) + 1, Number(m[1]));
    if (date) return { value: date, numberFormat: "d mmm yyyy" };
  }
  m = TIME.exec(trimmed);
  if (m) {
    let hour = Number(m[1]);
    const minute = Number(m[2]);
    const second = Number(m[3] ?? 0);
    const meridiem = m[4]?.toLowerCase();
    const valid = minute < 60 && second < 60 && (!meridiem || (hour >= 1 && hour <= 12));
    if (valid) {
      if (meridiem) hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
      const value = new Date(
        zonedTimeToMillis({ year: 1899, month: 12, day: 30, hour, minute, second }, timeZone),
      );
      let numberFormat = m[3] === undefined ? "h:mm" : "h:mm:ss";
      if (meridiem) numberFormat += " am/pm";
      else if (hour > 23) numberFormat = "[h]:mm:ss";
      return { value, numberFormat };
    }
  }
  return { value: text };
}

/**
 * What a cell holds after `setValue(input)`: a string starting with "=" is a formula; a leading
 * apostrophe is dropped and the rest kept as text; with the plain-text format `@` a string is kept as
 * written; other strings are parsed as typed ({@link parseTypedText}). Dates (from any realm) are
 * copied, `null`/`undefined`/`""` blank the cell, other objects are written as their text.
 */
export function parseCellInput(input: unknown, currentFormat: string, timeZone: string): ParsedInput {
  if (input === null || input === undefined || input === "") return { value: undefined };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  if (typeof input !== "string") return { value: String(input) };
  if (currentFormat === PLAIN_TEXT_FORMAT) return { value: input };
  if (input.startsWith("'")) return { value: input.length > 1 ? input.slice(1) : undefined };
  if (input.startsWith("=") && input.length > 1) return { value: new FormulaCell(input) };
  return parseTypedText(input, timeZone);
}
