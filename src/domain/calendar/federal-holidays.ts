// US federal holidays (5 U.S.C. 6103) on the dates federal offices observe them.
//
// Rules, as published by OPM (https://www.opm.gov/policy-data-oversight/pay-leave/federal-holidays/,
// "Federal Holidays" and its note on in-lieu-of holidays) and 5 U.S.C. 6103(a)–(b) / Executive
// Order 11582:
// - the eleven legal public holidays of 5 U.S.C. 6103(a); the Monday holidays follow the Uniform
//   Monday Holiday Act (in force since 1971), MLK Day since 1986, Juneteenth since 2021;
// - a holiday on a Saturday is observed on the Friday before, one on a Sunday on the Monday after.
//   So New Year's Day on a Saturday is observed on December 31 of the previous year (e.g.
//   2028-01-01 → 2027-12-31), and belongs to that year's list.
// Inauguration Day (a holiday only around Washington, DC, every fourth year) is not included.
import { addDays, type CivilDate, compareCivil, dayOfWeek } from "../civil-date";

/** One federal holiday on the date it is observed. */
export interface FederalHoliday {
  /** The observed date: the day federal offices are closed. */
  date: CivilDate;
  /** The holiday's name as OPM lists it, e.g. `Independence Day`. */
  name: string;
  /** True when `date` is an in-lieu-of day (the holiday itself falls on a weekend). */
  observed: boolean;
}

const MONDAY = 1;
const THURSDAY = 4;

/** The `nth` (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): CivilDate {
  const first: CivilDate = { year, month, day: 1 };
  const offset = (weekday - dayOfWeek(first) + 7) % 7;
  return { year, month, day: 1 + offset + (nth - 1) * 7 };
}

/** The last given weekday of a month. */
function lastWeekday(year: number, month: number, weekday: number): CivilDate {
  const last = addDays({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }, -1);
  const back = (dayOfWeek(last) - weekday + 7) % 7;
  return addDays(last, -back);
}

/** The day a holiday is observed: Saturday → Friday before, Sunday → Monday after. */
function observe(name: string, actual: CivilDate): FederalHoliday {
  const weekday = dayOfWeek(actual);
  if (weekday === 6) return { date: addDays(actual, -1), name, observed: true };
  if (weekday === 0) return { date: addDays(actual, 1), name, observed: true };
  return { date: actual, name, observed: false };
}

/** The holidays whose actual (legal) date falls in `year`, on their observed dates. */
function holidaysOfLegalYear(year: number): FederalHoliday[] {
  const fixed = (name: string, month: number, day: number) => observe(name, { year, month, day });
  const list: FederalHoliday[] = [fixed("New Year's Day", 1, 1)];
  if (year >= 1986)
    list.push({
      date: nthWeekday(year, 1, MONDAY, 3),
      name: "Birthday of Martin Luther King, Jr.",
      observed: false,
    });
  list.push(
    { date: nthWeekday(year, 2, MONDAY, 3), name: "Washington's Birthday", observed: false },
    { date: lastWeekday(year, 5, MONDAY), name: "Memorial Day", observed: false },
  );
  if (year >= 2021) list.push(fixed("Juneteenth National Independence Day", 6, 19));
  list.push(
    fixed("Independence Day", 7, 4),
    { date: nthWeekday(year, 9, MONDAY, 1), name: "Labor Day", observed: false },
    { date: nthWeekday(year, 10, MONDAY, 2), name: "Columbus Day", observed: false },
  );
  // Veterans Day moved to the fourth Monday of October for 1971–1977, then back to November 11.
  if (year >= 1971 && year <= 1977)
    list.push({ date: nthWeekday(year, 10, MONDAY, 4), name: "Veterans Day", observed: false });
  else list.push(fixed("Veterans Day", 11, 11));
  list.push(
    { date: nthWeekday(year, 11, THURSDAY, 4), name: "Thanksgiving Day", observed: false },
    fixed("Christmas Day", 12, 25),
  );
  return list;
}

/**
 * The federal holidays observed in `year`, in date order. An observed date counts in the year it
 * falls in: New Year's Day on a Saturday appears in the previous year's list as December 31.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year)) throw new Error(`Federal holidays: year must be a whole number, got ${year}`);
  const candidates = [
    ...holidaysOfLegalYear(year),
    observe("New Year's Day", { year: year + 1, month: 1, day: 1 }),
  ];
  return candidates.filter((h) => h.date.year === year).sort((a, b) => compareCivil(a.date, b.date));
}

/** The federal holiday observed on `date`, or `undefined` on an ordinary day. */
export function federalHolidayOn(date: CivilDate): FederalHoliday | undefined {
  return federalHolidays(date.year).find((h) => compareCivil(h.date, date) === 0);
}

/** True when federal offices are closed for a holiday on `date` (observed dates). */
export function isFederalHoliday(date: CivilDate): boolean {
  return federalHolidayOn(date) !== undefined;
}
