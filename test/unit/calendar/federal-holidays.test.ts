// Tests for the US federal holiday calendar on observed dates (OPM rules).
import { describe, expect, it } from "vitest";
import {
  federalHolidayOn,
  federalHolidays,
  isFederalHoliday,
} from "../../../src/domain/calendar/federal-holidays";
import { addDays, type CivilDate, dayOfWeek, parseIsoDate, toIsoDate } from "../../../src/domain/civil-date";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const listOf = (year: number) =>
  federalHolidays(year).map((h) => `${toIsoDate(h.date)} ${h.name}${h.observed ? " (observed)" : ""}`);

describe("federalHolidays", () => {
  it("lists the 2026 holidays on the days offices close, Independence Day on Friday July 3", () => {
    expect(listOf(2026)).toEqual([
      "2026-01-01 New Year's Day",
      "2026-01-19 Birthday of Martin Luther King, Jr.",
      "2026-02-16 Washington's Birthday",
      "2026-05-25 Memorial Day",
      "2026-06-19 Juneteenth National Independence Day",
      "2026-07-03 Independence Day (observed)",
      "2026-09-07 Labor Day",
      "2026-10-12 Columbus Day",
      "2026-11-11 Veterans Day",
      "2026-11-26 Thanksgiving Day",
      "2026-12-25 Christmas Day",
    ]);
  });

  it("lists 2027 with weekend holidays moved, including New Year's Day 2028 observed on Dec 31, 2027", () => {
    expect(listOf(2027)).toEqual([
      "2027-01-01 New Year's Day",
      "2027-01-18 Birthday of Martin Luther King, Jr.",
      "2027-02-15 Washington's Birthday",
      "2027-05-31 Memorial Day",
      "2027-06-18 Juneteenth National Independence Day (observed)",
      "2027-07-05 Independence Day (observed)",
      "2027-09-06 Labor Day",
      "2027-10-11 Columbus Day",
      "2027-11-11 Veterans Day",
      "2027-11-25 Thanksgiving Day",
      "2027-12-24 Christmas Day (observed)",
      "2027-12-31 New Year's Day (observed)",
    ]);
  });

  it("leaves New Year's Day out of 2028 because it is observed in 2027, and moves Veterans Day to Friday", () => {
    const names = federalHolidays(2028).map((h) => h.name);
    expect(names).not.toContain("New Year's Day");
    expect(names).toHaveLength(10);
    expect(federalHolidayOn(d("2028-11-10"))).toEqual({
      date: d("2028-11-10"),
      name: "Veterans Day",
      observed: true,
    });
  });

  it("matches OPM's published 2025 calendar", () => {
    expect(federalHolidays(2025).map((h) => toIsoDate(h.date))).toEqual([
      "2025-01-01",
      "2025-01-20",
      "2025-02-17",
      "2025-05-26",
      "2025-06-19",
      "2025-07-04",
      "2025-09-01",
      "2025-10-13",
      "2025-11-11",
      "2025-11-27",
      "2025-12-25",
    ]);
  });

  it("observes a Sunday holiday on the Monday after (New Year's Day 2023 → Jan 2)", () => {
    expect(federalHolidays(2023)[0]).toEqual({
      date: d("2023-01-02"),
      name: "New Year's Day",
      observed: true,
    });
  });

  it("has Juneteenth only from 2021, when it was first observed on Friday June 18", () => {
    expect(federalHolidays(2020).some((h) => h.name.startsWith("Juneteenth"))).toBe(false);
    expect(federalHolidayOn(d("2021-06-18"))?.name).toBe("Juneteenth National Independence Day");
  });

  it("never puts an observed holiday on a weekend and keeps each year's list in date order", () => {
    for (let year = 2021; year <= 2100; year += 1) {
      const list = federalHolidays(year);
      expect(list.length).toBeGreaterThanOrEqual(10);
      expect(list.length).toBeLessThanOrEqual(12);
      for (const h of list) {
        expect(h.date.year).toBe(year);
        expect([0, 6]).not.toContain(dayOfWeek(h.date));
      }
      const isos = list.map((h) => toIsoDate(h.date));
      expect([...isos].sort()).toEqual(isos);
    }
  });

  it("lists each of the eleven holidays exactly once across consecutive years", () => {
    for (let year = 2022; year <= 2100; year += 1) {
      // New Year's Day of `year` is either in this year's list or, if observed on Dec 31, in last year's.
      const thisYear = federalHolidays(year).filter((h) => h.name !== "New Year's Day" || h.date.month === 1);
      const lastYear = federalHolidays(year - 1).filter(
        (h) => h.name === "New Year's Day" && h.date.month === 12,
      );
      expect(new Set([...thisYear, ...lastYear].map((h) => h.name)).size).toBe(11);
      expect(thisYear.length + lastYear.length).toBe(11);
    }
  });

  it("follows the older rules for past years: no MLK Day before 1986, Veterans Day in October 1971–1977", () => {
    expect(federalHolidays(1985).some((h) => h.name.startsWith("Birthday of Martin"))).toBe(false);
    expect(federalHolidays(1986).find((h) => h.name.startsWith("Birthday of Martin"))?.date).toEqual(
      d("1986-01-20"),
    );
    expect(federalHolidays(1975).find((h) => h.name === "Veterans Day")?.date).toEqual(d("1975-10-27"));
    expect(federalHolidays(1978).find((h) => h.name === "Veterans Day")?.date).toEqual(d("1978-11-10"));
  });

  it("rejects a year that is not a whole number", () => {
    expect(() => federalHolidays(2026.5)).toThrow(
      "Federal holidays: year must be a whole number, got 2026.5",
    );
  });
});

describe("isFederalHoliday", () => {
  it("is true on observed dates and false on the weekend day the holiday itself fell on", () => {
    expect(isFederalHoliday(d("2026-07-03"))).toBe(true);
    expect(isFederalHoliday(d("2026-07-04"))).toBe(false);
    expect(isFederalHoliday(d("2027-12-31"))).toBe(true);
    expect(isFederalHoliday(d("2028-01-01"))).toBe(false);
    expect(isFederalHoliday(d("2026-11-26"))).toBe(true);
    expect(isFederalHoliday(d("2026-11-27"))).toBe(false);
  });

  it("finds exactly the listed holidays among all days of 2026", () => {
    const found: string[] = [];
    for (let day = d("2026-01-01"); day.year === 2026; day = addDays(day, 1))
      if (isFederalHoliday(day)) found.push(toIsoDate(day));
    expect(found).toEqual(federalHolidays(2026).map((h) => toIsoDate(h.date)));
  });
});
