// Business-day arithmetic: weekdays that are not US federal holidays (observed dates).
import { addDays, type CivilDate, compareCivil, dayOfWeek, toDayNumber } from "../civil-date";
import { federalHolidays } from "./federal-holidays";

/** A business-day test that computes each year's holidays once (for loops over many days). */
function businessDayTest(): (date: CivilDate) => boolean {
  const holidaysByYear = new Map<number, Set<number>>();
  return (date) => {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) return false;
    let holidays = holidaysByYear.get(date.year);
    if (!holidays) {
      holidays = new Set(federalHolidays(date.year).map((h) => toDayNumber(h.date)));
      holidaysByYear.set(date.year, holidays);
    }
    return !holidays.has(toDayNumber(date));
  };
}

/** Business-day questions answered over one cache of each year's holidays (for many questions in a row). */
export interface BusinessDayCalendar {
  /** True for Monday–Friday dates that are not an observed US federal holiday. */
  isBusinessDay(date: CivilDate): boolean;
  /** `date` itself when it is a business day, else the first business day after it. */
  nextBusinessDayOnOrAfter(date: CivilDate): CivilDate;
}

/**
 * A {@link BusinessDayCalendar} that computes each year's federal holidays once, however many dates
 * it is asked about: a cadence placing many reviews, or a custom function filling a column.
 */
export function businessDayCalendar(): BusinessDayCalendar {
  const isOpen = businessDayTest();
  return {
    isBusinessDay: isOpen,
    nextBusinessDayOnOrAfter(date) {
      let day = date;
      while (!isOpen(day)) day = addDays(day, 1);
      return day;
    },
  };
}

/** True for Monday–Friday dates that are not an observed US federal holiday. */
export function isBusinessDay(date: CivilDate): boolean {
  return businessDayTest()(date);
}

/** `date` itself when it is a business day, else the first business day after it. */
export function nextBusinessDayOnOrAfter(date: CivilDate): CivilDate {
  return addBusinessDays(date, 0);
}

/**
 * The date `n` business days after `start`. The first business day after `start` is day 1, so the
 * result is always a business day; `n = 0` gives `start` when it is a business day, else the next
 * business day. `n` must be a whole number ≥ 0.
 */
export function addBusinessDays(start: CivilDate, n: number): CivilDate {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`Business days: the number of business days must be a whole number 0 or more, got ${n}`);
  const isOpen = businessDayTest();
  let date = start;
  if (n === 0) {
    while (!isOpen(date)) date = addDays(date, 1);
    return date;
  }
  let counted = 0;
  while (counted < n) {
    date = addDays(date, 1);
    if (isOpen(date)) counted += 1;
  }
  return date;
}

/**
 * Business days from `a` to `b`: the business days after `a` up to and including `b`, so
 * `businessDaysBetween(a, addBusinessDays(a, n)) === n` when `a` is a business day. Negative (the
 * same count, reversed) when `b` is before `a`; 0 when they are the same day.
 */
export function businessDaysBetween(a: CivilDate, b: CivilDate): number {
  const order = compareCivil(a, b);
  if (order > 0) return -businessDaysBetween(b, a);
  const isOpen = businessDayTest();
  const days = toDayNumber(b) - toDayNumber(a);
  let count = 0;
  for (let offset = 1; offset <= days; offset += 1) {
    if (isOpen(addDays(a, offset))) count += 1;
  }
  return count;
}
