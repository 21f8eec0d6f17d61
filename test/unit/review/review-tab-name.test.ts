// Review tab names: `Review FY27 Q1 · <Account>`, at most 100 characters, never clashing with another tab.
import { describe, expect, it } from "vitest";
import {
  reviewTabName,
  uniqueCoReportTabName,
  uniqueReviewTabName,
} from "../../../src/domain/review/review-tab-name";
import { isOwnTab } from "../../../src/domain/workbook-schema";

describe("review tab names", () => {
  it("are Review <quarter> · <account> for ordinary names", () => {
    expect(reviewTabName("FY27 Q1", "  Dept of   Energy ")).toBe("Review FY27 Q1 · Dept of Energy");
  });

  it("cut a long account name to fit 100 characters and end it with …", () => {
    const name = reviewTabName("FY27 Q1", "A".repeat(150));
    expect(name).toHaveLength(100);
    expect(name.startsWith("Review FY27 Q1 · AAA")).toBe(true);
    expect(name.endsWith("A…")).toBe(true);
  });

  it("never cut an emoji (a surrogate pair) in half", () => {
    const name = reviewTabName("FY27 Q1", `${"B".repeat(81)}😀😀😀`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).not.toMatch(/[\uD800-\uDBFF]…/);
  });

  it("add (2), (3) … when the name is taken, ignoring case, still within 100 characters", () => {
    const long = "C".repeat(120);
    const first = uniqueReviewTabName("FY27 Q1", long, []);
    const second = uniqueReviewTabName("FY27 Q1", `${long}D`, [first.toUpperCase()]);
    const third = uniqueReviewTabName("FY27 Q1", `${long}E`, [first, second]);
    expect(second.endsWith("… (2)")).toBe(true);
    expect(third.endsWith("… (3)")).toBe(true);
    for (const name of [first, second, third]) expect(name.length).toBeLessThanOrEqual(100);
  });

  it("name CO reports CO Report <quarter> · <account>, within 100 characters, never an account tab", () => {
    expect(uniqueCoReportTabName("FY27 Q1", "Dept of Energy", ["Review FY27 Q1 · Dept of Energy"])).toBe(
      "CO Report FY27 Q1 · Dept of Energy",
    );
    const long = uniqueCoReportTabName("FY27 Q1", "C".repeat(150), [
      "CO Report FY27 Q1 · " + "C".repeat(79) + "…",
    ]);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith(" (2)")).toBe(true);
    expect(isOwnTab("CO Report FY27 Q1 · Dept of Energy")).toBe(true);
  });
});
