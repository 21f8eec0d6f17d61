// REVIEW_TYPE and FISCAL_QUARTER over date cells, ISO text, ranges and bad input.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { zoneWallClock } from "../../../src/domain/zone-wall-clock";
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

describe("FISCAL_QUARTER without a start month", () => {
  /** A Settings tab reader that counts its reads. */
  const settings = (rows: CellValue[][] | null) => {
    let reads = 0;
    return {
      read: () => {
        reads += 1;
        return rows;
      },
      reads: () => reads,
    };
  };
  const federal = () =>
    settings([
      ["Setting", "Value"],
      ["Health weights", "40/25/20/15"],
      ["Fiscal year starts", "October"],
    ]);

  it("starts the year at Settings › Fiscal year starts, read once for a whole column", () => {
    const tab = federal();
    expect(
      fiscalQuarterFunction([[d("2026-10-15")], [d("2026-09-30")]], "", readWallClockUtc, tab.read),
    ).toEqual([["FY27 Q1"], ["FY26 Q4"]]);
    expect(tab.reads()).toBe(1);
  });

  it("lets a start month given as the argument win, without reading Settings", () => {
    const tab = federal();
    expect(fiscalQuarterFunction(d("2026-10-15"), "January", readWallClockUtc, tab.read)).toBe("FY26 Q4");
    expect(tab.reads()).toBe(0);
  });

  it("reads nothing when there is no date to label", () => {
    const tab = federal();
    expect(fiscalQuarterFunction([[""], [""]], "", readWallClockUtc, tab.read)).toEqual([[""], [""]]);
    expect(tab.reads()).toBe(0);
  });

  it.each([
    ["no Settings tab", null],
    [
      "a Settings tab without the row",
      [
        ["Setting", "Value"],
        ["Scan hour", 7],
      ],
    ],
    [
      "a blank value",
      [
        ["Setting", "Value"],
        ["Fiscal year starts", ""],
      ],
    ],
    ["a tab that is not a Setting/Value table", [["Notes"], ["Fiscal year starts October"]]],
  ])("starts in January with %s", (_, rows) => {
    expect(
      fiscalQuarterFunction(
        d("2026-10-15"),
        "",
        readWallClockUtc,
        settings(rows as CellValue[][] | null).read,
      ),
    ).toBe("FY26 Q4");
  });

  it("shows an error naming the Settings cell when its value is not a month", () => {
    const tab = settings([
      ["Setting", "Value"],
      ["Fiscal year starts", "Octobr"],
    ]);
    expect(() => fiscalQuarterFunction(d("2026-10-15"), "", readWallClockUtc, tab.read)).toThrow(
      'FISCAL_QUARTER: Settings › Fiscal year starts (B2) must be a month name such as October (or 1–12), got "Octobr"; correct it there or give the start month as the second argument',
    );
  });
});

describe("date columns read with a planned wall clock", () => {
  it("read the whole column from a few exact readings", () => {
    let readings = 0;
    const clock = zoneWallClock((date) => {
      readings += 1;
      return readWallClockUtc(date);
    });
    const column = Array.from({ length: 1000 }, (_, i) => [new Date(Date.UTC(2024, 0, 1 + i))]);
    const quarters = fiscalQuarterFunction(column, 10, clock) as string[][];
    expect(quarters).toEqual(fiscalQuarterFunction(column, 10, readWallClockUtc));
    expect(quarters[0][0]).toBe("FY24 Q2");
    expect(quarters[999][0]).toBe("FY26 Q4"); // 2026-09-26
    expect(readings).toBeLessThanOrEqual(5);
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
