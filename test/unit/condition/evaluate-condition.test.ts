// Checking a condition against one metric's row of monthly values, oldest to newest.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import { type EvaluationContext, evaluateCondition, parseCondition } from "../../../src/domain/condition";

function check(condition: string, series: CellValue[], context: EvaluationContext = {}) {
  return evaluateCondition(parseCondition(condition), series, context);
}

/** A Sheets duration cell (a Date on the 1899-12-30 epoch), read here on the UTC wall clock. */
function durationCell(hours: number): Date {
  return new Date(Date.UTC(1899, 11, 30, hours));
}

describe("the current period", () => {
  it("is the last non-blank cell, so months not yet entered are ignored", () => {
    const result = check("below 40%", [0.52, 0.38, "", ""]);
    expect(result).toEqual({
      matched: true,
      value: 0.38,
      periodIndex: 1,
      quantity: 0.38,
      reason: "38% is below 40%",
    });
  });

  it("does not exist for a blank row, which matches nothing", () => {
    const result = check("below 40%", ["", "", ""]);
    expect(result.matched).toBe(false);
    expect(result.periodIndex).toBe(-1);
    expect(result.value).toBe("");
    expect(result.reason).toBe("not enough data: the row has no value yet");
  });
});

describe("comparisons", () => {
  it("read a percent cell as the fraction Sheets stores", () => {
    expect(check("below 40%", [0.38]).matched).toBe(true);
    expect(check("below 40%", [0.4]).matched).toBe(false);
    expect(check("< 25%", [0.24]).matched).toBe(true);
  });

  it("treat a value at the threshold as meeting 'at least' despite floating-point noise", () => {
    expect(check("at least 99.9%", [0.999]).matched).toBe(true);
    expect(check("at least 99.9%", [0.9991]).matched).toBe(true);
    expect(check("at least 99.9%", [0.9989]).matched).toBe(false);
    expect(check("equals 100%", [1]).matched).toBe(true);
  });

  it("read a plain number in the condition's unit and convert a duration cell", () => {
    expect(check("above 4 hours", [6])).toMatchObject({
      matched: true,
      quantity: 6,
      reason: "6 hours is above 4 hours",
    });
    expect(check("above 4 hours", [durationCell(6)])).toMatchObject({ matched: true, quantity: 6 });
    expect(check("above 4 hours", [durationCell(3)]).matched).toBe(false);
    expect(check("above 240 minutes", [durationCell(6)])).toMatchObject({ matched: true, quantity: 360 });
  });

  it("read text typed into cells", () => {
    expect(check("below 40%", ["45%"])).toMatchObject({ matched: false, quantity: 0.45 });
    expect(check("above 4 hours", ["4 hrs"])).toMatchObject({ matched: false, quantity: 4 });
    expect(check("above 4 hours", ["4.5 hrs"]).matched).toBe(true);
    expect(check("above 1000", ["1,234"]).matched).toBe(true);
  });

  it("report unreadable values as a problem instead of failing or silently not matching", () => {
    const result = check("above 4 hours", [3, "abc"]);
    expect(result).toEqual({
      matched: false,
      value: "abc",
      undetermined: true,
      periodIndex: 1,
      problem: 'not a number: "abc"',
    });
    expect(check("below 40%", [true]).problem).toBe("not a number: TRUE");
  });

  it("tell an undecided condition (missing or unreadable data) from one that does not hold", () => {
    expect(check("drops by more than 20", [80]).undetermined).toBe(true);
    expect(check("drops by more than 20", [80, 75]).undetermined).toBeUndefined();
    expect(check("below 100% for 2 consecutive periods", [0.5, "", 0.5]).undetermined).toBe(true);
    expect(check("below 40%", [0.5]).undetermined).toBeUndefined();
  });

  it("include both ends of a range", () => {
    expect(check("between 60% and 80%", [0.6]).matched).toBe(true);
    expect(check("between 60% and 80%", [0.8]).matched).toBe(true);
    expect(check("between 60% and 80%", [0.81]).matched).toBe(false);
  });
});

describe("misses target / meets target", () => {
  const target = parseCondition("at least 99.9%");

  it("compares the value with the catalog's Target", () => {
    expect(check("misses target", [0.9985], { target })).toMatchObject({
      matched: true,
      reason: 'misses the target "at least 99.9%" (99.85% is not at least 99.9%)',
    });
    expect(check("misses target", [0.9995], { target }).matched).toBe(false);
    expect(check("meets target", [0.9995], { target }).matched).toBe(true);
  });

  it("reports a missing Target rather than guessing", () => {
    const result = check("misses target", [0.5]);
    expect(result.matched).toBe(false);
    expect(result.problem).toBe(`"misses target" needs the metric's Target, and none is set`);
  });

  it("does not call an unreadable value a miss", () => {
    const result = check("misses target", ["n/a"], { target });
    expect(result.matched).toBe(false);
    expect(result.problem).toBe('not a number: "n/a"');
  });
});

describe("changes from the previous period", () => {
  it("measure a plain amount as an absolute difference", () => {
    expect(check("drops by more than 20", [80, 59])).toMatchObject({
      matched: true,
      quantity: 21,
      reason: "went from 80 to 59 (down 21)",
    });
    expect(check("drops by more than 20", [80, 60]).matched).toBe(false);
    expect(check("drops by 20 or more", [80, 60]).matched).toBe(true);
    expect(check("increases by more than 0.1", [0.5, 0.65]).matched).toBe(true);
  });

  it("measure a % amount relative to the previous value", () => {
    expect(check("rises by 50%", [40, 60])).toMatchObject({ matched: true, quantity: 0.5 });
    expect(check("rises by 50%", [40, 59]).matched).toBe(false);
    expect(check("rises by 50%", [0, 5])).toMatchObject({ matched: false });
    expect(check("rises by 50%", [0, 5]).reason).toMatch(/^not enough data: .*previous value of 0/);
  });

  it("measure percentage points on percent cells", () => {
    expect(check("drops by more than 5 percentage points", [0.38, 0.3]).matched).toBe(true);
    expect(check("drops by more than 5 pp", [0.38, 0.34]).matched).toBe(false);
  });

  it("only count a move in the named direction", () => {
    expect(check("drops by at most 5", [70, 72]).matched).toBe(false);
    expect(check("drops by at most 5", [70, 68]).matched).toBe(true);
    expect(check("rises", [3.1, 3.4]).matched).toBe(true);
    expect(check("rises", [3.4, 3.4]).matched).toBe(false);
    expect(check("declines", [3.4, 3.1]).matched).toBe(true);
  });

  it("need a value in the previous period", () => {
    expect(check("drops by more than 20", [80, "", 50])).toMatchObject({
      matched: false,
      periodIndex: 2,
      reason: "not enough data: the previous period is blank",
    });
    expect(check("drops by more than 20", [50]).reason).toBe(
      "not enough data: there is no previous period to compare with",
    );
  });

  it("compare duration cells with each other", () => {
    expect(check("rises by more than 1 hour", [durationCell(3), durationCell(5)]).matched).toBe(true);
    expect(check("rises", [durationCell(3), durationCell(5)]).matched).toBe(true);
  });

  it("report which value could not be read", () => {
    expect(check("declines", ["n/a", 5]).problem).toBe('previous period: not a number: "n/a"');
  });
});

describe("entering a zone", () => {
  it("matches only when the previous period was outside it", () => {
    expect(check("falls below 70", [72, 66]).matched).toBe(true);
    expect(check("falls below 70", [68, 66])).toMatchObject({
      matched: false,
      reason: "went from 68 to 66 (already below 70 before)",
    });
    expect(check("rises above 90", [88, 91]).matched).toBe(true);
    expect(check("falls to at most 49", [50, 49]).matched).toBe(true);
  });
});

describe("streaks", () => {
  it("need the clause to hold in each of the last N periods", () => {
    expect(check("below 100% for 2 consecutive periods", [1, 0.5, 0.5])).toMatchObject({
      matched: true,
      periodIndex: 2,
      reason: "below 100% in each of the last 2 periods",
    });
    expect(check("below 100% for 2 consecutive periods", [0.5, 1, 0.5])).toMatchObject({
      matched: false,
      reason: "the previous period: 100% is not below 100%",
    });
  });

  it("count N period-over-period changes for declines and rises", () => {
    expect(check("declines for 3 consecutive periods", [80, 75, 70, 66]).matched).toBe(true);
    expect(check("declines for 3 consecutive periods", [80, 75, 75, 66]).matched).toBe(false);
    expect(check("declines for 3 consecutive periods", [75, 70, 66])).toMatchObject({
      matched: false,
      reason: "not enough data: needs 4 values in a row, and the row has 3",
    });
    expect(check("rises for 2 consecutive months", [10, 12, 15]).matched).toBe(true);
  });

  it("report a blank inside the window as not enough data", () => {
    expect(check("below 100% for 2 consecutive periods", ["", 0.5]).reason).toBe(
      "not enough data: the previous period is blank",
    );
    expect(check("declines for 3 consecutive periods", [80, 75, "", 70, 66]).reason).toBe(
      "not enough data: the period 2 before the current one is blank",
    );
  });

  it("stop at a period that clearly fails before worrying about older gaps", () => {
    expect(check("below 100% for 2 consecutive periods", ["", 1])).toMatchObject({
      matched: false,
      reason: "100% is not below 100%",
    });
  });

  it("work with duration cells and targets", () => {
    expect(check("above 4 hours for 2 consecutive periods", [6, durationCell(5)]).matched).toBe(true);
    const target = parseCondition("at least 99.9%");
    expect(check("misses target for 2 consecutive months", [0.99, 0.98], { target }).matched).toBe(true);
    expect(check("misses target for 2 consecutive months", [0.9995, 0.98], { target }).matched).toBe(false);
  });
});

describe("Yes/No and text events", () => {
  it("accept checkboxes and typed Yes/No, Y/N, true/false", () => {
    for (const yes of [true, "Yes", "y", "TRUE", " yes "]) expect(check("is Yes", [yes]).matched).toBe(true);
    for (const no of [false, "No", "N", "false"]) expect(check("is Yes", [no]).matched).toBe(false);
    expect(check("is No", [false]).matched).toBe(true);
    expect(check("is not Yes", ["No"]).matched).toBe(true);
  });

  it("look at the latest entry only", () => {
    expect(check("is Yes", ["No", "Yes", ""]).matched).toBe(true);
    expect(check("is Yes", ["Yes", "No"]).matched).toBe(false);
  });

  it("report an answer that is neither Yes nor No", () => {
    expect(check("is Yes", ["maybe"]).problem).toBe('not Yes or No: "maybe"');
  });

  it("match text ignoring case and extra spaces", () => {
    expect(check('is "Change detected"', ["  change   DETECTED "]).matched).toBe(true);
    expect(check('is not "Change detected"', ["none"]).matched).toBe(true);
  });

  it("treat a row with any entry as not blank, and only an empty row as blank", () => {
    expect(check("is not blank", ["", "reverted", ""]).matched).toBe(true);
    expect(check("is not blank", ["", ""]).matched).toBe(false);
    expect(check("is blank", ["", ""]).matched).toBe(true);
    expect(check("is blank", ["x", ""]).matched).toBe(false);
  });
});

describe("and / or", () => {
  it("combine clauses on the same row", () => {
    expect(check("below 40% and drops by more than 5 pp", [0.45, 0.35]).matched).toBe(true);
    expect(check("below 40% and drops by more than 5 pp", [0.38, 0.35]).matched).toBe(false);
    expect(check("below 5 or above 10", [11]).matched).toBe(true);
    expect(check("below 5 or above 10", [7]).matched).toBe(false);
  });

  it("explain every clause, and match 'or' even when another clause lacks data", () => {
    expect(check("above 50% and declines", [0.4]).reason).toBe(
      "40% is not above 50%; not enough data: there is no previous period to compare with",
    );
    expect(check("above 50% or declines", [0.6])).toMatchObject({
      matched: true,
      reason: "60% is above 50%",
    });
  });
});
