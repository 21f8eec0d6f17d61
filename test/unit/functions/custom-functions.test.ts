// Custom functions called as Sheets calls them: single values, ranges, blanks, and bad input.
import { describe, expect, it } from "vitest";
import {
  CAC_PAYBACK,
  CLV,
  EXPANSION_READY,
  GRR,
  HEALTH_BAND,
  HEALTH_SCORE,
  NPS,
  NRR,
} from "../../../src/index";

describe("range in, same-shaped array out", () => {
  it("NRR fills a column from column ranges", () => {
    const result = NRR([[100], [200], [""]], [[20], [0], [5]], [[0], [50], [0]], [[10], [0], [0]]);
    expect(result).toEqual([[1.1], [0.75], [""]]);
  });
  it("a single value applies to every row of a range", () => {
    expect(GRR([[100], [200]], 10, "")).toEqual([[0.9], [0.95]]);
  });
  it("HEALTH_SCORE over 2 rows with the default weights", () => {
    const result = HEALTH_SCORE([[80], [""]], [[60], [""]], [[70], [""]], [[50], [""]]) as number[][];
    expect(result[0][0]).toBeCloseTo(68.5);
    expect(result[1][0]).toBe("");
  });
  it("HEALTH_SCORE accepts weights as a 4-cell range", () => {
    expect(HEALTH_SCORE(100, 0, 0, 0, [[25, 25, 25, 25]])).toBe(25);
  });
  it("HEALTH_BAND names bands in a row", () => {
    expect(HEALTH_BAND([[95, 72, 55, 10]])).toEqual([["Excellent", "Good", "At Risk", "Critical"]]);
    expect(HEALTH_BAND(75, "90/70")).toBe("Yellow");
  });
  it("NPS ignores blanks and returns one score", () => {
    expect(NPS([[10], [""], [6], [9]])).toBeCloseTo(100 / 3);
  });
  it("CLV and CAC_PAYBACK", () => {
    expect(CLV(500, 0.8, 0.05)).toBeCloseTo(8000);
    expect(CAC_PAYBACK(1200, 500, 0.8)).toBeCloseTo(3);
  });
  it("EXPANSION_READY per row", () => {
    expect(EXPANSION_READY([[120], [30]], [[0.7], [0.7]], 0, 0, "Yes", true)).toEqual([
      ["Ready"],
      ["Not ready: Time since go-live (30 days since go-live; needs at least 90 days)"],
    ]);
  });
  it('reads plainly numeric text such as an exported "$1,200"', () => {
    expect(NRR("$1,000", "1,200", 0, "200")).toBeCloseTo(2);
  });
});
