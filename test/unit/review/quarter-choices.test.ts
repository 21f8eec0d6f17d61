// The review dialog's quarter choices: quarters with period columns plus the current one, newest first.
import { describe, expect, it } from "vitest";
import { quarterChoices } from "../../../src/domain/review/quarter-choices";

const month = (year: number, m: number) => ({ year, month: m, day: 1 });

describe("quarter choices", () => {
  it("offer every quarter holding a period column and the current quarter, newest first", () => {
    const months = [month(2026, 4), month(2026, 5), month(2026, 7), month(2026, 9)];
    const choices = quarterChoices(months, { year: 2026, month: 10, day: 5 }, 10);
    expect(choices.quarters).toEqual(["FY27 Q1", "FY26 Q4", "FY26 Q3"]);
    expect(choices.defaultQuarter).toBe("FY26 Q4");
  });

  it("default to the current quarter when it already has a period column that has begun", () => {
    const choices = quarterChoices([month(2026, 9), month(2026, 10)], { year: 2026, month: 10, day: 20 }, 1);
    expect(choices.defaultQuarter).toBe("FY26 Q4");
    expect(choices.quarters).toEqual(["FY26 Q4", "FY26 Q3"]);
  });

  it("default to the current quarter for a workbook without periods", () => {
    expect(quarterChoices([], { year: 2027, month: 2, day: 1 }, 1)).toEqual({
      quarters: ["FY27 Q1"],
      defaultQuarter: "FY27 Q1",
    });
  });
});
