// Tests for business-day arithmetic over weekends and observed US federal holidays.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  businessDaysBetween,
  isBusinessDay,
  nextBusinessDayOnOrAfter,
} from "../../../src/domain/calendar/business-days";
import { addDays, type CivilDate, dayOfWeek, parseIsoDate, toIsoDate } from "../../../src/domain/civil-date";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const add = (iso: string, n: number) => toIsoDate(addBusinessDays(d(iso), n));

describe("isBusinessDay", () => {
  it("is false on weekends and observed federal holidays, true on other weekdays", () => {
    expect(isBusinessDay(d("2026-11-26"))).toBe(false); // Thanksgiving
    expect(isBusinessDay(d("2026-11-27"))).toBe(true); // the Friday after is a workday
    expect(isBusinessDay(d("2026-11-28"))).toBe(false); // Saturday
    expect(isBusinessDay(d("2026-11-29"))).toBe(false); // Sunday
    expect(isBusinessDay(d("2026-07-03"))).toBe(false); // Independence Day observed
    expect(isBusinessDay(d("2027-12-31"))).toBe(false); // New Year's Day 2028 observed
  });
});

describe("addBusinessDays", () => {
  it("skips Thanksgiving 2026: Wednesday + 1 is Friday, + 2 is the Monday after", () => {
    expect(add("2026-11-25", 1)).toBe("2026-11-27");
    expect(add("2026-11-25", 2)).toBe("2026-11-30");
  });

  it("counts 5 business days from the Monday of Thanksgiving week to the next Tuesday", () => {
    expect(add("2026-11-23", 5)).toBe("2026-12-01");
  });

  it("skips Christmas 2026 (Friday) and the weekend after it", () => {
    expect(add("2026-12-23", 1)).toBe("2026-12-24");
    expect(add("2026-12-23", 2)).toBe("2026-12-28");
  });

  it("skips New Year's Day 2027 (Friday) from New Year's Eve", () => {
    expect(add("2026-12-31", 1)).toBe("2027-01-04");
  });

  it("runs through 10 business days across both Christmas and New Year's Day", () => {
    expect(add("2026-12-17", 10)).toBe("2027-01-04");
  });

  it("skips Christmas and New Year's Day 2028 both observed on Fridays in December 2027", () => {
    expect(add("2027-12-23", 1)).toBe("2027-12-27");
    expect(add("2027-12-23", 5)).toBe("2028-01-03");
  });

  it("counts the first business day after a weekend start as day 1", () => {
    expect(add("2026-11-28", 1)).toBe("2026-11-30");
    expect(add("2026-11-29", 1)).toBe("2026-11-30");
  });

  it("with 0 days returns the start when it is a business day, else the next business day", () => {
    expect(add("2026-11-24", 0)).toBe("2026-11-24");
    expect(add("2026-11-26", 0)).toBe("2026-11-27");
    expect(add("2026-12-25", 0)).toBe("2026-12-28");
    expect(toIsoDate(nextBusinessDayOnOrAfter(d("2027-12-31")))).toBe("2028-01-03");
  });

  it("rejects a negative or fractional number of days", () => {
    expect(() => addBusinessDays(d("2026-11-24"), -1)).toThrow(
      "Business days: the number of business days must be a whole number 0 or more, got -1",
    );
    expect(() => addBusinessDays(d("2026-11-24"), 1.5)).toThrow("got 1.5");
  });

  it("always lands on a business day, strictly after the start when n ≥ 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 40 }), (offset, n) => {
        const start = addDays(d("2020-01-01"), offset);
        const end = addBusinessDays(start, n);
        expect(isBusinessDay(end)).toBe(true);
        expect([0, 6]).not.toContain(dayOfWeek(end));
        if (n >= 1) expect(toIsoDate(end) > toIsoDate(start)).toBe(true);
      }),
    );
  });
});

describe("businessDaysBetween", () => {
  it("counts November 2026 as 19 business days (21 weekdays less Veterans Day and Thanksgiving)", () => {
    expect(businessDaysBetween(d("2026-10-31"), d("2026-11-30"))).toBe(19);
  });

  it("is 0 for the same day and negative when the second date is earlier", () => {
    expect(businessDaysBetween(d("2026-11-25"), d("2026-11-25"))).toBe(0);
    expect(businessDaysBetween(d("2026-11-30"), d("2026-11-25"))).toBe(-2);
  });

  it("undoes addBusinessDays for any start and n ≥ 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const start = addDays(d("2020-01-01"), offset);
        expect(businessDaysBetween(start, addBusinessDays(start, n))).toBe(n);
      }),
    );
  });
});
