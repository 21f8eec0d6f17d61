// Counted words: one thing is singular (also -1), every other count plural, irregular plurals as given.
import { describe, expect, it } from "vitest";
import { countOf, wordFor } from "../../../src/domain/plural";

describe("counted words", () => {
  it("reads 1 point, 0 points, 2.5 points, −1 point and 1 POA&M item", () => {
    expect(countOf(1, "point")).toBe("1 point");
    expect(countOf(0, "point")).toBe("0 points");
    expect(countOf(2.5, "point")).toBe("2.5 points");
    expect(wordFor(-1, "point")).toBe("point");
    expect(countOf(1, "POA&M item")).toBe("1 POA&M item");
    expect(countOf(3, "escalation for this account", "escalations for this account")).toBe(
      "3 escalations for this account",
    );
  });
});
