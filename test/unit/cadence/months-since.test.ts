// Tests for months since go-live and the `From month` column of Escalation Rules.
import { describe, expect, it } from "vitest";
import {
  fromMonthReached,
  monthsSinceGoLive,
  parseFromMonth,
} from "../../../src/domain/cadence/months-since";
import { type CivilDate, parseIsoDate } from "../../../src/domain/civil-date";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const goLive = d("2026-01-15");

describe("monthsSinceGoLive", () => {
  it("counts a month once its day is reached, and is negative before go-live", () => {
    expect(monthsSinceGoLive(goLive, d("2026-01-15"))).toBe(0);
    expect(monthsSinceGoLive(goLive, d("2026-04-14"))).toBe(2);
    expect(monthsSinceGoLive(goLive, d("2026-04-15"))).toBe(3);
    expect(monthsSinceGoLive(goLive, d("2027-01-15"))).toBe(12);
    expect(monthsSinceGoLive(goLive, d("2026-01-01"))).toBe(-1);
  });
});

describe("parseFromMonth", () => {
  it("reads blank as always and the ways people write Month 3+", () => {
    expect(parseFromMonth("")).toBeNull();
    expect(parseFromMonth(null)).toBeNull();
    for (const value of [3, "3", "3+", "Month 3", "month 3+", " Month 3 + "])
      expect(parseFromMonth(value)).toBe(3);
    expect(parseFromMonth(0)).toBe(0);
  });

  it("rejects anything that is not a whole month count, naming the column and value", () => {
    expect(() => parseFromMonth("soon")).toThrow(
      'From month: must be the number of months since go-live (e.g. 3 or "Month 3+"), or blank for always; got "soon"',
    );
    for (const value of [-1, 2.5, "Q1", true]) expect(() => parseFromMonth(value)).toThrow("From month:");
  });
});

describe("fromMonthReached", () => {
  it("applies a Month 3+ rule from the third monthly anniversary of go-live", () => {
    expect(fromMonthReached(3, goLive, d("2026-04-14"))).toBe(false);
    expect(fromMonthReached(3, goLive, d("2026-04-15"))).toBe(true);
  });

  it("always applies a rule without From month, and never one with it when go-live is unknown", () => {
    expect(fromMonthReached(null, null, d("2026-04-15"))).toBe(true);
    expect(fromMonthReached(3, null, d("2030-01-01"))).toBe(false);
  });
});
