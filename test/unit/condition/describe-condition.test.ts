// Plain-English explanations for the sidebar's live check, and the unit a condition reads values in.
import { describe, expect, it } from "vitest";
import { conditionUnit, describeCondition, parseCondition } from "../../../src/domain/condition";

describe("describeCondition", () => {
  it.each([
    ["below 40%", "the latest value is below 40% (0.4 in a percent cell)"],
    ["at most 4 hours", "the latest value is at most 4 hours"],
    ["misses target", "the latest value does not meet the metric's Target"],
    ["drops by more than 20 points", "the latest value fell by more than 20 points from the previous period"],
    ["rises by 50%", "the latest value rose by at least 50% of the previous value from the previous period"],
    ["falls below 70", "the latest value is below 70 and the previous one was not (fell into that zone)"],
    [
      "below 100% for 2 consecutive periods",
      "the latest value is below 100% (1 in a percent cell), in each of the last 2 periods",
    ],
    [
      "declines for 3 consecutive months",
      "the latest value fell from the previous period, in each of the last 3 months",
    ],
    ["is Yes", "the latest entry is Yes (Yes, Y, TRUE or a ticked checkbox)"],
    ["is not blank", "the latest entry is not blank"],
    [
      "below 6 or is Yes",
      "the latest value is below 6, or the latest entry is Yes (Yes, Y, TRUE or a ticked checkbox)",
    ],
  ])("explains %s", (text, sentence) => {
    expect(describeCondition(parseCondition(text))).toBe(sentence);
  });
});

describe("conditionUnit", () => {
  it.each([
    ["below 40%", "percent"],
    ["above 4 hours for 2 consecutive periods", "hours"],
    ["drops by more than 5 pp", "percentagePoints"],
    ["drops by more than 20", "number"],
    ["rises by 50%", undefined],
    ["declines", undefined],
    ["is Yes", undefined],
    ["is Yes or above 2 days", "days"],
  ])("reads %s in %s", (text, unit) => {
    expect(conditionUnit(parseCondition(text))).toBe(unit);
  });
});
