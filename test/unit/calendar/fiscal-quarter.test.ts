// Tests for fiscal-year starts, FY quarter labels and quarter date ranges.

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
  parseIsoDate,
  toIsoDate,
} from "../../../src/domain/civil-date";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const labelOf = (iso: string, start: number) => fiscalQuarterOf(d(iso), start).label;
const MONTHS = MONTH_NAMES;

describe("parseFiscalYearStart", () => {
  it("reads October written as a number, numeric text, a name, an abbreviation or with spaces", () => {
    for (const value of [10, "10", "October", "oct", " October ", "OCT.", "10.0"])
      expect(parseFiscalYearStart(value)).toBe(10);
  });

  it("reads every month by number, full name and three-letter abbreviation", () => {
    MONTHS.forEach((name, i) => {
      expect(parseFiscalYearStart(i + 1)).toBe(i + 1);
      expect(parseFiscalYearStart(name)).toBe(i + 1);
      expect(parseFiscalYearStart(name.slice(0, 3).toLowerCase())).toBe(i + 1);
    });
    expect(parseFiscalYearStart("Sept")).toBe(9);
  });

  it("defaults a blank value to January", () => {
    expect(parseFiscalYearStart("")).toBe(1);
    expect(parseFiscalYearStart(undefined)).toBe(1);
  });

  it("rejects a misspelt month with a message naming the caller and the value", () => {
    expect(() => parseFiscalYearStart("Octember")).toThrow(
      'FISCAL_QUARTER: fiscal year start must be a month 1–12 or a month name, got "Octember"',
    );
    expect(() => parseFiscalYearStart("Octember", "Settings: Fiscal year starts")).toThrow(
      'Settings: Fiscal year starts: fiscal year start must be a month 1–12 or a month name, got "Octember"',
    );
  });

  it("rejects months outside 1–12, fractions, too-short names and non-month values", () => {
    for (const [value, shown] of [
      [0, "0"],
      [13, "13"],
      [10.5, "10.5"],
      ["13", '"13"'],
      ["ju", '"ju"'],
      [true, "TRUE"],
    ] as const)
      expect(() => parseFiscalYearStart(value)).toThrow(`got ${shown}`);
  });
});

describe("fiscalQuarterOf", () => {
  it("names an October-start fiscal year after the year it ends in (2026-10-15 → FY27 Q1)", () => {
    expect(fiscalQuarterOf(d("2026-10-15"), 10)).toEqual({ fiscalYear: 2027, quarter: 1, label: "FY27 Q1" });
  });

  it("turns over exactly at the October and quarter boundaries", () => {
    expect(labelOf("2026-09-30", 10)).toBe("FY26 Q4");
    expect(labelOf("2026-10-01", 10)).toBe("FY27 Q1");
    expect(labelOf("2026-12-31", 10)).toBe("FY27 Q1");
    expect(labelOf("2027-01-01", 10)).toBe("FY27 Q2");
    expect(labelOf("2027-03-31", 10)).toBe("FY27 Q2");
    expect(labelOf("2027-04-01", 10)).toBe("FY27 Q3");
    expect(labelOf("2027-07-01", 10)).toBe("FY27 Q4");
    expect(labelOf("2027-09-30", 10)).toBe("FY27 Q4");
  });

  it("with a January start uses the calendar year and calendar quarters (2026-02-01 → FY26 Q1)", () => {
    expect(labelOf("2026-02-01", 1)).toBe("FY26 Q1");
    expect(labelOf("2026-01-01", 1)).toBe("FY26 Q1");
    expect(labelOf("2026-03-31", 1)).toBe("FY26 Q1");
    expect(labelOf("2026-04-01", 1)).toBe("FY26 Q2");
    expect(labelOf("2026-12-31", 1)).toBe("FY26 Q4");
    expect(labelOf("2027-01-01", 1)).toBe("FY27 Q1");
  });

  it("for every start month: the start day opens Q1 of the fiscal year ending next calendar year", () => {
    for (let start = 2; start <= 12; start += 1) {
      const first = { year: 2026, month: start, day: 1 };
      expect(fiscalQuarterOf(first, start).label).toBe("FY27 Q1");
      expect(fiscalQuarterOf(addDays(first, -1), start).label).toBe("FY26 Q4");
    }
  });

  it("for every start month: each day of 2025–2027 lies in the range of the quarter it is given", () => {
    for (let start = 1; start <= 12; start += 1) {
      for (let day = d("2025-01-01"); day.year <= 2027; day = addDays(day, 1)) {
        const { fiscalYear, quarter } = fiscalQuarterOf(day, start);
        const range = quarterRange(fiscalYear, quarter, start);
        expect(compareCivil(range.start, day)).toBeLessThanOrEqual(0);
        expect(compareCivil(day, range.end)).toBeLessThanOrEqual(0);
      }
    }
  });

  it("rejects a start month outside 1–12", () => {
    expect(() => fiscalQuarterOf(d("2026-10-15"), 13)).toThrow(
      "fiscal year start month must be 1–12, got 13",
    );
  });
});

describe("parseQuarterLabel", () => {
  it("reads FY27 Q1 in the ways people type it", () => {
    for (const text of ["FY27 Q1", "fy27q1", "FY2027 Q1", "FY27-Q1", " FY 27 Q1 ", "Q1 FY27"])
      expect(parseQuarterLabel(text)).toEqual({ fiscalYear: 2027, quarter: 1, label: "FY27 Q1" });
  });

  it("rejects a quarter other than 1–4 or text that is not a quarter, naming the caller", () => {
    expect(() => parseQuarterLabel("FY27 Q5", "generateReviewTab")).toThrow(
      'generateReviewTab: quarter must look like "FY27 Q1" (fiscal year, then Q1–Q4), got "FY27 Q5"',
    );
    for (const text of ["2027 Q1", "FY27", "", "FY202 Q1"])
      expect(() => parseQuarterLabel(text)).toThrow("Quarter:");
    expect(() => parseQuarterLabel(27)).toThrow("got 27");
  });

  it("formats two-digit years with a leading zero", () => {
    expect(formatQuarterLabel(2005, 3)).toBe("FY05 Q3");
    expect(parseQuarterLabel("FY05 Q3").fiscalYear).toBe(2005);
  });
});

describe("quarterRange and quarterMonths", () => {
  it("gives FY27 Q1 with an October start as Oct 1 – Dec 31, 2026", () => {
    const range = quarterRange(2027, 1, 10);
    expect([toIsoDate(range.start), toIsoDate(range.end)]).toEqual(["2026-10-01", "2026-12-31"]);
    expect(quarterMonths(2027, 1, 10).map(toIsoDate)).toEqual(["2026-10-01", "2026-11-01", "2026-12-01"]);
  });

  it("gives the October-start Q2 and Q4 in the calendar year the fiscal year ends", () => {
    const q2 = quarterRange(2027, 2, 10);
    expect([toIsoDate(q2.start), toIsoDate(q2.end)]).toEqual(["2027-01-01", "2027-03-31"]);
    const q4 = quarterRange(2027, 4, 10);
    expect([toIsoDate(q4.start), toIsoDate(q4.end)]).toEqual(["2027-07-01", "2027-09-30"]);
  });

  it("gives calendar quarters for a January start, ending on Feb 28 or 29 correctly", () => {
    expect(toIsoDate(quarterRange(2026, 1, 1).end)).toBe("2026-03-31");
    expect(quarterMonths(2028, 1, 1).map(toIsoDate)).toEqual(["2028-01-01", "2028-02-01", "2028-03-01"]);
    expect(toIsoDate(quarterRange(2028, 4, 3).end)).toBe("2028-02-29");
  });

  it("for every start month: four quarters tile the fiscal year, which ends in the named year", () => {
    for (let start = 1; start <= 12; start += 1) {
      const ranges = [1, 2, 3, 4].map((q) => quarterRange(2027, q, start));
      expect(ranges[0].start).toEqual({ year: start === 1 ? 2027 : 2026, month: start, day: 1 });
      expect(ranges[3].end.year).toBe(2027);
      for (let q = 1; q < 4; q += 1) expect(addDays(ranges[q - 1].end, 1)).toEqual(ranges[q].start);
    }
  });

  it("rejects a quarter outside 1–4", () => {
    expect(() => quarterRange(2027, 0, 10)).toThrow("Fiscal quarter: quarter must be 1–4, got 0");
  });
});

describe("nextQuarterStart", () => {
  it("is the first day of the following fiscal quarter, even from a quarter's first day", () => {
    expect(toIsoDate(nextQuarterStart(d("2026-11-10"), 10))).toBe("2027-01-01");
    expect(toIsoDate(nextQuarterStart(d("2026-10-01"), 10))).toBe("2027-01-01");
    expect(toIsoDate(nextQuarterStart(d("2026-11-10"), 2))).toBe("2027-02-01");
  });
});
