// REVIEW_TYPE and FISCAL_QUARTER over date cells, ISO text, ranges and bad input.
import { describe, expect, it } from "vitest";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { fiscalQuarterFunction, reviewTypeFunction } from "../../../src/functions/calendar-functions";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("FISCAL_QUARTER", () => {
  it("names the fiscal year after the calendar year in which it ends", () => {
    expect(fiscalQuarterFunction(d("2026-10-15"), "October", readWallClockUtc)).toBe("FY27 Q1");
    expect(fiscalQuarterFunction(d("2026-10-15"), 10, readWallClockUtc)).toBe("FY27 Q1");
    expect(fiscalQuarterFunction(d("2026-02-01"), "", readWallClockUtc)).toBe("FY26 Q1");
  });
  it("fills a column and leaves blanks blank", () => {
    expect(fiscalQuarterFunction([[d("2026-09-30")], [""], ["2027-01-01"]], "Oct", readWallClockUtc)).toEqual(
      [["FY26 Q4"], [""], ["FY27 Q2"]],
    );
  });
  it("rejects a month that does not exist", () => {
    expect(() => fiscalQuarterFunction(d("2026-10-15"), "Octember", readWallClockUtc)).toThrow(
      'FISCAL_QUARTER: fiscal year start must be a month 1–12 or a month name, got "Octember"',
    );
  });
});

describe("REVIEW_TYPE", () => {
  it("follows the seed 000 cadence by months since go-live", () => {
    expect(reviewTypeFunction(d("2026-01-15"), d("2026-02-20"), readWallClockUtc)).toBe("Go-live review");
    expect(reviewTypeFunction(d("2026-01-15"), d("2026-04-20"), readWallClockUtc)).toBe("Q1 outcome review");
    expect(reviewTypeFunction(d("2026-01-15"), d("2026-07-20"), readWallClockUtc)).toBe(
      "Mid-year review + ISSO security check",
    );
  });
  it("rejects a number where a date belongs", () => {
    expect(() => reviewTypeFunction(45, d("2026-07-20"), readWallClockUtc)).toThrow(
      "REVIEW_TYPE: go-live date must be a date (a date cell or text like 2026-10-15), got 45",
    );
  });
});
