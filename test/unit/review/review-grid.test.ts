// Laying a review out for one batched write, and reading the user's notes back by row key on refresh.
import { describe, expect, it } from "vitest";
import { buildReviewDocument } from "../../../src/domain/review/build-review-document";
import { readReviewNotes } from "../../../src/domain/review/read-review-notes";
import { layoutReview, REVIEW_GRID_WIDTH } from "../../../src/domain/review/review-grid";
import { federalInput } from "./review-fixture";

const document = buildReviewDocument(federalInput());

/** What the sheet would return from getValues() after the grid was written (dates as text is fine here). */
function asSheet(values: unknown[][]): unknown[][] {
  return values.map((row) => row.map((value) => (typeof value === "object" ? "date" : value)));
}

describe("review layout", () => {
  it("gives every block the same shape: one row per document row, content + Notes + hidden key columns", () => {
    const grid = layoutReview(document, new Map());
    const rows = document.rows.length;
    for (const block of [grid.values, grid.numberFormats, grid.backgrounds, grid.fontWeights, grid.wraps]) {
      expect(block).toHaveLength(rows);
      for (const row of block) expect(row).toHaveLength(REVIEW_GRID_WIDTH);
    }
    expect(grid.rowHeights).toHaveLength(rows);
    expect(grid.values[0][REVIEW_GRID_WIDTH - 1]).toBe("KPI Steward review | FY26 Q4 | Sample Agency");
  });

  it("formats text cells as text (@) so a note or a name starting with = stays text", () => {
    const grid = layoutReview(document, new Map([["contract|system uptime", "=SUM(1,2)"]]));
    const row = document.rows.findIndex((r) => r.key === "contract|system uptime");
    expect(grid.values[row][8]).toBe("=SUM(1,2)");
    expect(grid.numberFormats[row][8]).toBe("@");
    expect(grid.numberFormats[row][0]).toBe("@");
  });

  it("makes rows with wrapped long text taller than a one-line row", () => {
    const grid = layoutReview(document, new Map());
    const heights = new Set(grid.rowHeights);
    expect(heights.has(21)).toBe(true);
    expect(Math.max(...grid.rowHeights.slice(1))).toBeGreaterThan(21);
  });
});

describe("notes on refresh", () => {
  it("reads notes back by row key, even after the user inserted a column to the left", () => {
    const grid = layoutReview(document, new Map([["health|health score", "Trending up since the training"]]));
    const values = asSheet(grid.values).map((row) => ["inserted", ...row]);
    const existing = readReviewNotes(values as never);
    expect(existing.marker).toEqual({ account: "Sample Agency", quarterLabel: "FY26 Q4", kind: "review" });
    expect([...existing.notes.entries()]).toEqual([
      ["health|health score", "Trending up since the training"],
    ]);
  });

  it("keeps a note whose row is gone in a closing section under its old key, so it is never lost", () => {
    const grid = layoutReview(
      document,
      new Map([["contract|retired metric", "Dropped from the QASP in June"]]),
    );
    const last = grid.values.length - 1;
    expect(grid.keptNotes).toBe(1);
    expect(grid.values[last][0]).toBe("contract › retired metric");
    expect(grid.values[last][8]).toBe("Dropped from the QASP in June");
    expect(grid.values[last][9]).toBe("contract|retired metric");
    expect(readReviewNotes(asSheet(grid.values) as never).notes.get("contract|retired metric")).toBe(
      "Dropped from the QASP in June",
    );
  });

  it("treats a tab without the KPI Steward marker as not a review tab", () => {
    expect(readReviewNotes([["Account", "Acme"]]).marker).toBeNull();
  });
});
