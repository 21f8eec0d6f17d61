// Turns date cells (a Date from any realm, or date text) into Dates and calendar days in the spreadsheet's time zone.
import type { CellValue } from "../cell-value";
import { isBlank, isDate } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { readWallClockUtc, toSerial } from "../civil-date";
import { parseDateText, parseMonthText } from "./date-text";

/** How the parsers read dates. */
export interface WorkbookReadOptions {
  /**
   * Reads a `Date` on the spreadsheet's wall clock. The Apps Script adapter passes one built on
   * the spreadsheet's time zone; the default reads UTC (tests, the emulation).
   */
  readWallClock?: ReadWallClock;
}

/** The wall-clock reader of `options`, defaulting to UTC. */
export function wallClockOf(options: WorkbookReadOptions | undefined): ReadWallClock {
  return options?.readWallClock ?? readWallClockUtc;
}

/** The calendar day of a `Date` on the spreadsheet's wall clock. */
export function civilDateOf(date: Date, readWallClock: ReadWallClock): CivilDate {
  const { year, month, day } = readWallClock(date);
  return { year, month, day };
}

/**
 * The `Date` of midnight at the start of `day` in the spreadsheet's time zone: what a date cell
 * holding that day returns from `getValues()`. Found by correcting a UTC guess with the wall clock.
 */
export function dateOfCivil(day: CivilDate, readWallClock: ReadWallClock): Date {
  const wanted = toSerial(day);
  let time = Date.UTC(day.year, day.month - 1, day.day);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const offsetDays = toSerial(readWallClock(new Date(time))) - wanted;
    if (offsetDays === 0) break;
    time -= Math.round(offsetDays * 86_400_000);
  }
  return new Date(time);
}

/** A valid `Date` (any realm). */
function isValidDate(value: unknown): value is Date {
  return isDate(value) && !Number.isNaN(value.getTime());
}

/**
 * Reads a date cell: a `Date` as it is, date text (`2026-10-01`, `10/1/2026`, `Oct 1, 2026`) as
 * midnight of that day; `null` for a blank cell, `undefined` for anything unreadable.
 */
export function readDateCell(value: CellValue, readWallClock: ReadWallClock): Date | null | undefined {
  if (isBlank(value)) return null;
  if (isValidDate(value)) return value;
  if (typeof value !== "string") return undefined;
  const day = parseDateText(value);
  return day ? dateOfCivil(day, readWallClock) : undefined;
}

/**
 * Reads a period (month) cell: a `Date`, or text such as `2026-10`, `Oct 2026`, `2026-10-01`.
 * Returns the calendar day it names (day 1 for month text), `null` for blank, `undefined` when
 * unreadable.
 */
export function readMonthCell(value: CellValue, readWallClock: ReadWallClock): CivilDate | null | undefined {
  if (isBlank(value)) return null;
  if (isValidDate(value)) return civilDateOf(value, readWallClock);
  if (typeof value !== "string") return undefined;
  return parseMonthText(value) ?? undefined;
}
