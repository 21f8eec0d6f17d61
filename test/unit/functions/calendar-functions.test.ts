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
  const review = (goLive: unknown, date: unknown, segment?: unknown, renewal?: unknown) =>
    reviewTypeFunction(goLive, date, segment, renewal, readWallClockUtc);

  it("follows the federal calendar by months since go-live when no segment is given", () => {
    expect(review(d("2026-01-15"), d("2026-02-20"))).toBe("Go-live review");
    expect(review(d("2026-01-15"), d("2026-04-20"))).toBe("Q1 outcome review");
    expect(review(d("2026-01-15"), d("2026-07-20"))).toBe("Mid-year review + ISSO security check");
  });

  it("reads Federal and Commercial in any case, with spaces around", () => {
    expect(review(d("2026-01-15"), d("2026-07-20"), " federal ")).toBe(
      "Mid-year review + ISSO security check",
    );
    expect(review(d("2026-01-15"), d("2026-07-20"), "COMMERCIAL")).toBe("Quarterly business review");
  });

  it("gives a commercial account its lifecycle: 30/60/90-day check-ins, business reviews, the renewal review", () => {
    const goLive = d("2026-01-15");
    const commercial = (iso: string) => review(goLive, d(iso), "Commercial");
    expect(commercial("2026-02-17")).toBe("30-day onboarding check-in");
    expect(commercial("2026-03-16")).toBe("60-day onboarding check-in");
    expect(commercial("2026-04-15")).toBe("90-day onboarding check-in");
    expect(commercial("2026-07-15")).toBe("Quarterly business review");
    // No Renewal date: the renewal review is 90 days before go-live's anniversary (2026-10-17, a Saturday).
    expect(commercial("2026-10-19")).toBe("Renewal review");
    expect(commercial("2027-01-15")).toBe("Quarterly business review");
    expect(commercial("2026-01-14")).toBe("Pre-go-live");
  });

  it("places the renewal review 90 days before the renewal date when one is given", () => {
    const goLive = d("2026-01-15");
    // Renewal on 2026-08-31: the renewal review is due 2026-06-02, a Tuesday.
    expect(review(goLive, d("2026-06-02"), "Commercial", d("2026-08-31"))).toBe("Renewal review");
    expect(review(goLive, d("2026-06-02"), "Commercial")).toBe("Quarterly business review");
    // The federal calendar follows the contract year from go-live: a renewal date changes nothing.
    expect(review(goLive, d("2026-06-02"), "Federal", d("2026-08-31"))).toBe("Q1 outcome review");
  });

  it("fills a column with one type per row, segments and renewal dates given per row", () => {
    const goLive = d("2026-01-15");
    expect(
      review(
        goLive,
        [[d("2026-04-15")], [d("2026-04-15")], [""], [d("2026-10-02")]],
        [["Federal"], ["Commercial"], ["Commercial"], ["commercial"]],
        [[""], [""], [""], [d("2026-12-31")]],
      ),
    ).toEqual([["Q1 outcome review"], ["90-day onboarding check-in"], [""], ["Renewal review"]]);
  });

  it("rejects a number where a date belongs", () => {
    expect(() => review(45, d("2026-07-20"))).toThrow(
      "REVIEW_TYPE: go-live date must be a date (a date cell or text like 2026-10-15), got 45",
    );
  });

  it("rejects a segment it does not know, naming the argument and the value, rather than guessing", () => {
    expect(() => review(d("2026-01-15"), d("2026-07-20"), "Comercial")).toThrow(
      'REVIEW_TYPE: segment must be Federal or Commercial (or blank for Federal), got "Comercial"',
    );
    expect(() =>
      review(d("2026-01-15"), [[d("2026-07-20")], [d("2026-08-20")]], [["Federal"], ["SMB"]]),
    ).toThrow(
      'REVIEW_TYPE: segment must be Federal or Commercial (or blank for Federal), got "SMB" (row 2 of the range)',
    );
  });

  it("rejects a renewal date that is not a date", () => {
    expect(() => review(d("2026-01-15"), d("2026-07-20"), "Commercial", "next year")).toThrow(
      'REVIEW_TYPE: renewal date must be a date (a date cell or text like 2026-10-15), got "next year"',
    );
  });
});

describe("REVIEW_TYPE over a column read with a planned wall clock", () => {
  it("reads a commercial column of 1,000 dates from a few exact readings and agrees with the plain clock", () => {
    let readings = 0;
    const clock = zoneWallClock((date) => {
      readings += 1;
      return readWallClockUtc(date);
    });
    const column = Array.from({ length: 1000 }, (_, i) => [new Date(Date.UTC(2024, 0, 1 + i))]);
    const goLive = new Date(Date.UTC(2024, 0, 10));
    const renewal = new Date(Date.UTC(2024, 11, 31));
    const types = reviewTypeFunction(goLive, column, "Commercial", renewal, clock);
    expect(types).toEqual(reviewTypeFunction(goLive, column, "Commercial", renewal, readWallClockUtc));
    expect(readings).toBeLessThanOrEqual(5);
  });
});
