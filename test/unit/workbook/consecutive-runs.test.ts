// Runs of consecutive rows or columns: what makes one write per run instead of one per cell.
import { describe, expect, it } from "vitest";
import { consecutiveRuns } from "../../../src/domain/workbook/consecutive-runs";

describe("consecutiveRuns", () => {
  it("groups sorted, unique numbers into runs", () => {
    expect(consecutiveRuns([7, 1, 2, 3, 8, 2])).toEqual([
      [1, 2, 3],
      [7, 8],
    ]);
    expect(consecutiveRuns([5])).toEqual([[5]]);
    expect(consecutiveRuns([])).toEqual([]);
    expect(consecutiveRuns([4, 2])).toEqual([[2], [4]]);
  });
});
