// Calendar dates without time zones (a day on the spreadsheet's calendar) and conversions to Sheets serials.

/** A day on the calendar of the spreadsheet's time zone. `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock reading in the spreadsheet's time zone. */
export interface WallClock extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

/**
 * Reads a `Date` (an instant) as the wall clock of the spreadsheet's time zone. The Apps Script
 * adapter supplies one built on `Utilities.formatDate`; tests may use {@link readWallClockUtc}.
 */
export type ReadWallClock = (date: Date) => WallClock;

/** Reads an instant on the UTC wall clock. */
export const readWallClockUtc: ReadWallClock = (date) => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
  hour: date.getUTCHours(),
  minute: date.getUTCMinutes(),
  second: date.getUTCSeconds(),
});

const MS_PER_DAY = 86_400_000;
/** Day number of 1899-12-30, the Sheets epoch, counted from 1970-01-01. */
const SHEETS_EPOCH_DAY = -25_569;

/** Days since 1970-01-01 for a civil date (proleptic Gregorian). */
export function toDayNumber(date: CivilDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / MS_PER_DAY);
}

/** The civil date of a day number counted from 1970-01-01. */
export function fromDayNumber(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The civil date `days` days after `date` (negative goes back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The civil date `months` months after `date`, clamped to the end of the month. */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareCivil(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** `YYYY-MM-DD`. */
export function toIsoDate(date: CivilDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** A wall-clock reading as `2026-03-04 14:30` (seconds shown only when not zero). */
export function formatWallClock(clock: WallClock): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const seconds = clock.second === 0 ? "" : `:${pad(clock.second)}`;
  return `${toIsoDate(clock)} ${pad(clock.hour)}:${pad(clock.minute)}${seconds}`;
}

/** Parses `YYYY-MM-DD`; returns `null` for anything else or an impossible date. */
export function parseIsoDate(text: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month))
    return null;
  return date;
}

/** The Sheets serial number (days since 1899-12-30, fraction = time of day) of a wall-clock reading. */
export function toSerial(clock: CivilDate & Partial<WallClock>): number {
  const days = toDayNumber(clock) - SHEETS_EPOCH_DAY;
  const seconds = (clock.hour ?? 0) * 3600 + (clock.minute ?? 0) * 60 + (clock.second ?? 0);
  return days + seconds / 86_400;
}

/** The civil date of a Sheets serial number (the time of day is dropped). */
export function fromSerial(serial: number): CivilDate {
  return fromDayNumber(Math.floor(serial) + SHEETS_EPOCH_DAY);
}

/** Whole months from `from` to `to`, counting a month only once its day is reached. */
export function monthsBetween(from: CivilDate, to: CivilDate): number {
  let months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) months -= 1;
  return months;
}
