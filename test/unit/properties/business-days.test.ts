// Property tests of business-day arithmetic (src/domain/calendar/business-days) against an independent holiday reference, 1971–2199.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDayOnOrAfter,
} from "../../../src/domain/calendar/business-days";
import {
  addDays,
  type CivilDate,
  compareCivil,
  dayOfWeek,
  daysInMonth,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
} from "../../../src/domain/civil-date";

// Already covered in test/unit/calendar/business-days.test.ts for starts in 2020–2028: the result is a
// business day after the start, and businessDaysBetween undoes addBusinessDays. Here: an independent
// holiday reference, strict monotonicity in N, monotonicity in the start, composition, and 1971–2199.

const RUNS = { numRuns: 300 };
const FIRST = toDayNumber(parseIsoDate("1971-01-01")!);
const LAST = toDayNumber(parseIsoDate("2199-06-30")!);
const day = fc.integer({ min: FIRST, max: LAST }).map((n) => addDays({ year: 1970, month: 1, day: 1 }, n));
const count = fc.integer({ min: 1, max: 400 });
const iso = toIsoDate;

/**
 * An independent reading of 5 U.S.C. 6103 as the domain documents it (from 1971, Uniform Monday
 * Holiday Act): is `date` a day federal offices close? Fixed-date holidays move Saturday → Friday
 * and Sunday → Monday; the Monday/Thursday holidays are recognised by their day-of-month range.
 */
function isObservedHolidayReference(date: CivilDate): boolean {
  const { year, month, day: d } = date;
  const weekday = dayOfWeek(date);
  const fixed: Array<[number, number]> = [
    [1, 1],
    [7, 4],
    [12, 25],
  ];
  if (year >= 2021) fixed.push([6, 19]);
  if (year < 1971 || year > 1977) fixed.push([11, 11]);
  const observedOn = (m: number, dd: number, y: number) => {
    const actual = { year: y, month: m, day: dd };
    const w = dayOfWeek(actual);
    return w === 6 ? addDays(actual, -1) : w === 0 ? addDays(actual, 1) : actual;
  };
  for (const [m, dd] of fixed) {
    for (const y of [year - 1, year, year + 1]) {
      if (compareCivil(observedOn(m, dd, y), date) === 0) return true;
    }
  }
  const monday = weekday === 1;
  if (monday && month === 1 && d >= 15 && d <= 21 && year >= 1986) return true; // MLK Day
  if (monday && month === 2 && d >= 15 && d <= 21) return true; // Washington's Birthday
  if (monday && month === 5 && d > daysInMonth(year, 5) - 7) return true; // Memorial Day
  if (monday && month === 9 && d <= 7) return true; // Labor Day
  if (monday && month === 10 && d >= 8 && d <= 14) return true; // Columbus Day
  if (monday && month === 10 && d >= 22 && d <= 28 && year >= 1971 && year <= 1977) return true; // Veterans Day 1971–77
  if (weekday === 4 && month === 11 && d >= 22 && d <= 28) return true; // Thanksgiving
  return false;
}
const isOpenReference = (date: CivilDate) =>
  dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6 && !isObservedHolidayReference(date);

describe("business days, 1971–2199", () => {
  it("isBusinessDay agrees with an independent weekend + observed-holiday reference", () => {
    // Holidays are sparse, so aim half the runs at the days around them.
    const nearHoliday = fc
      .tuple(
        fc.integer({ min: 1971, max: 2199 }),
        fc.constantFrom(
          [1, 1],
          [1, 18],
          [2, 18],
          [5, 28],
          [6, 19],
          [7, 4],
          [9, 4],
          [10, 11],
          [10, 25],
          [11, 11],
          [11, 25],
          [12, 25],
          [12, 31],
        ),
        fc.integer({ min: -4, max: 4 }),
      )
      .map(([year, [month, d], shift]) => addDays({ year, month, day: d }, shift));
    fc.assert(
      fc.property(fc.oneof(day, nearHoliday), (date) => {
        expect(isBusinessDay(date), iso(date)).toBe(isOpenReference(date));
      }),
      { numRuns: 1500 },
    );
  });

  it("adding N ≥ 1 business days never lands on a Saturday, a Sunday or an observed federal holiday", () => {
    fc.assert(
      fc.property(day, count, (start, n) => {
        const end = addBusinessDays(start, n);
        expect([0, 6]).not.toContain(dayOfWeek(end));
        expect(isObservedHolidayReference(end), iso(end)).toBe(false);
      }),
      RUNS,
    );
  });

  it("counts exactly N business days (by the reference) after the start, the last of them being the result", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 120 }), (start, n) => {
        const end = addBusinessDays(start, n);
        let open = 0;
        for (let d = addDays(start, 1); compareCivil(d, end) <= 0; d = addDays(d, 1))
          if (isOpenReference(d)) open++;
        expect(open).toBe(n);
        expect(businessDaysBetween(start, end)).toBe(n);
      }),
      RUNS,
    );
  });

  it("is strictly increasing in N, and N + 1 is the next business day after N", () => {
    fc.assert(
      fc.property(day, count, count, (start, a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        expect(compareCivil(addBusinessDays(start, low), addBusinessDays(start, high))).toBeLessThan(0);
        const next = addBusinessDays(start, low + 1);
        const after = addBusinessDays(addBusinessDays(start, low), 1);
        expect(iso(next)).toBe(iso(after));
      }),
      RUNS,
    );
  });

  it("is non-decreasing in the start date", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 60 }), count, (start, later, n) => {
        const laterStart = addDays(start, later);
        expect(compareCivil(addBusinessDays(start, n), addBusinessDays(laterStart, n))).toBeLessThanOrEqual(
          0,
        );
      }),
      RUNS,
    );
  });

  it("composes: N ≥ 1 business days then M more is N + M business days", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 200 }), count, (start, n, m) => {
        expect(iso(addBusinessDays(addBusinessDays(start, n), m))).toBe(iso(addBusinessDays(start, n + m)));
      }),
      RUNS,
    );
  });

  it("with N = 0 gives the first business day on or after the start, skipping no business day", () => {
    fc.assert(
      fc.property(day, (start) => {
        const first = nextBusinessDayOnOrAfter(start);
        expect(iso(addBusinessDays(start, 0))).toBe(iso(first));
        expect(isOpenReference(first)).toBe(true);
        for (let d = start; compareCivil(d, first) < 0; d = addDays(d, 1))
          expect(isOpenReference(d)).toBe(false);
        expect(iso(nextBusinessDayOnOrAfter(first))).toBe(iso(first));
      }),
      RUNS,
    );
  });

  it("businessDaysBetween is antisymmetric and adds up over consecutive spans", () => {
    // Compared with ===: a reversed span without business days gives -0 (harmless: -0 === 0).
    const same = (a: number, b: number) =>
      expect(a === b, `${Object.is(a, -0) ? "-0" : a} vs ${b}`).toBe(true);
    const span = fc.integer({ min: -200, max: 200 });
    fc.assert(
      fc.property(day, span, span, (a, toB, toC) => {
        const b = addDays(a, toB);
        const c = addDays(b, toC);
        same(businessDaysBetween(b, a), -businessDaysBetween(a, b));
        same(businessDaysBetween(a, b) + businessDaysBetween(b, c), businessDaysBetween(a, c));
      }),
      RUNS,
    );
  });
});
