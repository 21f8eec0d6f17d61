// Header matching shared by every workbook parser: any order, any case or spacing, extra and repeated headers.
import { describe, expect, it } from "vitest";
import { mapHeaders } from "../../../src/domain/workbook/column-map";

describe("mapHeaders", () => {
  it("finds headers typed in another case, with extra spaces and in another order", () => {
    const match = mapHeaders(["  target ", "METRIC", "Cate gory"], ["Metric", "Category", "Target"]);
    expect(match.positions).toEqual({ Metric: 1, Category: 2, Target: 0 });
    expect(match.missing).toEqual([]);
  });

  it("lists a user's own columns as unmatched and ignores blank cells", () => {
    const match = mapHeaders(
      ["Metric", "", "Notes", "Category", null, "Target"],
      ["Metric", "Category", "Target"],
    );
    expect(match.unmatched).toEqual([2]);
    expect(match.missing).toEqual([]);
  });

  it("reports missing headers in the order they were asked for", () => {
    const match = mapHeaders(["Metric"], ["Metric", "Category", "Target"]);
    expect(match.missing).toEqual(["Category", "Target"]);
  });

  it("reports a header that appears twice instead of picking one", () => {
    const match = mapHeaders(["Metric", "Target", "metric"], ["Metric", "Target"]);
    expect(match.duplicated).toEqual([{ name: "Metric", positions: [0, 2] }]);
    expect(match.positions.Metric).toBeUndefined();
    expect(match.positions.Target).toBe(1);
  });
});
