// Property tests of fiscal quarters (src/domain/calendar/fiscal-quarter) for any date 1900–2200 and any fiscal start month.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fiscalQuarterOf,
  formatQuarterLabel,
  nextQuarterStart,
  parseFiscalYearStart,
  parseQuarterLabel,
  quarterMonths,
  quarterRange,
} from "../../../src/domain/calendar/fiscal-quarter";
import { MONTH_NAMES } from "../../../src/domain/calendar/month-names";
import {
  addDays,
  type CivilDate,
  compareCivil,
  daysInMonth,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
} from "../../../src/domain/civil-date";

const RUNS = { numRuns: 1000 };
const FIRST = toDayNumber(parseIsoDate("1900-01-01")!);
const LAST = toDayNumber(parseIsoDate("2200-12-31")!);
/** Any date 1900–2200, with month ends and year ends (where quarters turn over) drawn often. */
const date: fc.Arbitrary<CivilDate> = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }).map((n) => addDays({ year: 1970, month: 1, day: 1 }, n)),
  fc
    .tuple(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), fc.boolean())
    .map(([year, month, first]) => ({ year, month, day: first ? 1 : daysInMonth(year, month) })),
);
const startMonth = fc.integer({ min: 1, max: 12 });
const iso = toIsoDate;

describe("fiscalQuarterOf, 1900–2200, any fiscal start month", () => {
  it("labels the quarter FYyy Qn with n in 1–4 and yy the fiscal year's last two digits", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const q = fiscalQuarterOf(d, m);
        expect(q.label).toMatch(/^FY\d{2} Q[1-4]$/);
        expect([1, 2, 3, 4]).toContain(q.quarter);
        expect(q.label).toBe(`FY${String(q.fiscalYear % 100).padStart(2, "0")} Q${q.quarter}`);
        expect(formatQuarterLabel(q.fiscalYear, q.quarter)).toBe(q.label);
      }),
      RUNS,
    );
  });

  it("puts the date between its quarter's first and last day", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const { fiscalYear, quarter } = fiscalQuarterOf(d, m);
        const { start, end } = quarterRange(fiscalYear, quarter, m);
        expect(compareCivil(start, d), `${iso(d)} start ${m}`).toBeLessThanOrEqual(0);
        expect(compareCivil(d, end), `${iso(d)} start ${m}`).toBeLessThanOrEqual(0);
        expect(start.day).toBe(1);
        expect(end.day).toBe(daysInMonth(end.year, end.month));
        const length = toDayNumber(end) - toDayNumber(start) + 1;
        expect(length).toBeGreaterThanOrEqual(89);
        expect(length).toBeLessThanOrEqual(92);
      }),
      RUNS,
    );
  });

  it("takes the quarter from the months since the fiscal year's start month", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const monthsIn = (((d.month - m) % 12) + 12) % 12;
        expect(fiscalQuarterOf(d, m).quarter).toBe(Math.floor(monthsIn / 3) + 1);
      }),
      RUNS,
    );
  });

  it("names the fiscal year after the calendar year in which it ends", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const { fiscalYear } = fiscalQuarterOf(d, m);
        const yearStart = quarterRange(fiscalYear, 1, m).start;
        const yearEnd = quarterRange(fiscalYear, 4, m).end;
        expect(yearEnd.year).toBe(fiscalYear);
        expect(toDayNumber(addDays(yearEnd, 1)) - toDayNumber(yearStart)).toBeGreaterThanOrEqual(365);
        expect(compareCivil(yearStart, d)).toBeLessThanOrEqual(0);
        expect(compareCivil(d, yearEnd)).toBeLessThanOrEqual(0);
        // The fiscal year ends in the calendar year of the date or the next one.
        expect(fiscalYear - d.year).toBeGreaterThanOrEqual(0);
        expect(fiscalYear - d.year).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("chains quarters without gaps or overlaps: the day after a quarter's end starts the next quarter", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const { fiscalYear, quarter } = fiscalQuarterOf(d, m);
        const { end } = quarterRange(fiscalYear, quarter, m);
        const dayAfter = addDays(end, 1);
        const next =
          quarter === 4 ? { fiscalYear: fiscalYear + 1, quarter: 1 } : { fiscalYear, quarter: quarter + 1 };
        expect(fiscalQuarterOf(dayAfter, m)).toMatchObject(next);
        expect(fiscalQuarterOf(end, m)).toMatchObject({ fiscalYear, quarter });
        expect(iso(quarterRange(next.fiscalYear, next.quarter, m).start)).toBe(iso(dayAfter));
        expect(iso(nextQuarterStart(d, m))).toBe(iso(dayAfter));
      }),
      RUNS,
    );
  });

  it("lists a quarter's three months in order, each in that quarter", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const { fiscalYear, quarter } = fiscalQuarterOf(d, m);
        const months = quarterMonths(fiscalYear, quarter, m);
        expect(months).toHaveLength(3);
        months.forEach((first, i) => {
          expect(first.day).toBe(1);
          if (i > 0)
            expect(toDayNumber(first)).toBe(
              toDayNumber(addDays(months[i - 1], daysInMonth(months[i - 1].year, months[i - 1].month))),
            );
          expect(fiscalQuarterOf(first, m)).toMatchObject({ fiscalYear, quarter });
        });
        expect(months.some((first) => first.year === d.year && first.month === d.month)).toBe(true);
      }),
      RUNS,
    );
  });

  it("with a January start is the calendar quarter of the calendar year", () => {
    fc.assert(
      fc.property(date, (d) => {
        expect(fiscalQuarterOf(d, 1)).toMatchObject({ fiscalYear: d.year, quarter: Math.ceil(d.month / 3) });
      }),
      RUNS,
    );
  });

  it("reads its own labels back (FY2027 Q1 for any year, FY27 Q1 for 2000–2099)", () => {
    fc.assert(
      fc.property(date, startMonth, (d, m) => {
        const { fiscalYear, quarter, label } = fiscalQuarterOf(d, m);
        expect(parseQuarterLabel(`FY${fiscalYear} Q${quarter}`)).toEqual({ fiscalYear, quarter, label });
        if (fiscalYear >= 2000 && fiscalYear <= 2099)
          expect(parseQuarterLabel(label)).toEqual({ fiscalYear, quarter, label });
      }),
      RUNS,
    );
  });

  it("reads the start month the same by number, by name and by abbreviation", () => {
    const NAMES = [...MONTH_NAMES];
    fc.assert(
      fc.property(
        startMonth,
        fc.integer({ min: 3, max: 9 }),
        fc.constantFrom("lower", "upper", "as is"),
        (m, length, style) => {
          const name = NAMES[m - 1].slice(0, length);
          const typed =
            style === "lower" ? name.toLowerCase() : style === "upper" ? name.toUpperCase() : name;
          expect(parseFiscalYearStart(` ${typed} `)).toBe(m);
          expect(parseFiscalYearStart(String(m))).toBe(m);
          expect(parseFiscalYearStart(m)).toBe(m);
        },
      ),
      { numRuns: 200 },
    );
  });
});
