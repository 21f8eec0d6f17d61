// Health over a quarter: the score by month, band, component contributions and the sentence saying why it moved.
import { describe, expect, it } from "vitest";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { healthOverQuarter } from "../../../src/domain/review/health-quarter";

const months = [
  { year: 2026, month: 7, day: 1 },
  { year: 2026, month: 8, day: 1 },
  { year: 2026, month: 9, day: 1 },
];

function health(components: (number | "")[][], scoreRow: (number | "")[] | null = null) {
  return healthOverQuarter({
    months,
    components,
    scoreRow,
    weights: [40, 25, 20, 15],
    bands: [90, 70, 50],
    readWallClock: readWallClockUtc,
  });
}

describe("health over the quarter", () => {
  it("computes the score from the components when there is no Health score row", () => {
    const result = health([
      [50, 60, 70],
      [50, 50, 50],
      [50, 50, 50],
      [50, 50, 50],
    ]);
    expect(result.months.map((m) => m.score)).toEqual([50, 54, 58]);
    expect(result.months.map((m) => m.band)).toEqual(["At Risk", "At Risk", "At Risk"]);
    expect(result.explanation).toBe(
      "Health score rose 8 points, 50 → 58 (Jul 2026 → Sep 2026), still At Risk. " +
        "Biggest mover: Product usage +8 points of the score (50 → 70 at 40% weight).",
    );
  });

  it("names the component that pulled the score down even when another rose", () => {
    const result = health([
      [80, 80, 82],
      [80, 80, 80],
      [90, 70, 50],
      [80, 80, 80],
    ]);
    expect(result.explanation).toContain("Health score fell 7.2 points, 82 → 74.8");
    expect(result.explanation).toContain("still Good");
    expect(result.explanation).toContain(
      "Biggest mover: Relationship quality −8 points of the score (90 → 50 at 20% weight)",
    );
    expect(result.explanation).toContain("then Product usage +0.8 points");
  });

  it("shows the Health score row's values and flags a row that disagrees with the weighted components", () => {
    const result = health(
      [
        [60, 60, 60],
        [60, 60, 60],
        [60, 60, 60],
        [60, 60, 60],
      ],
      [60, 61, 75],
    );
    expect(result.months.map((m) => m.score)).toEqual([60, 61, 75]);
    expect(result.mismatch).toEqual({ row: 75, computed: 60 });
    expect(result.explanation).toContain(
      "No component's weighted contribution changed (the score comes from the Health score row)",
    );
  });

  it("measures the change from the last month before the quarter when there is one", () => {
    const result = healthOverQuarter({
      months,
      components: [
        [70, "", ""],
        [60, "", ""],
        [60, "", ""],
        [60, "", ""],
      ],
      scoreRow: null,
      weights: [40, 25, 20, 15],
      bands: [90, 70, 50],
      readWallClock: readWallClockUtc,
      baseline: { month: { year: 2026, month: 6, day: 1 }, components: [50, 60, 60, 60], score: "" },
    });
    expect(result.first?.month).toEqual({ year: 2026, month: 6, day: 1 });
    expect(result.explanation).toBe(
      "Health score rose 8 points, 56 → 64 (Jun 2026 → Jul 2026), still At Risk. " +
        "Biggest mover: Product usage +8 points of the score (50 → 70 at 40% weight).",
    );
  });

  it("says there is nothing to explain with no scored month, or only one", () => {
    expect(
      health([
        ["", "", ""],
        ["", "", ""],
        ["", "", ""],
        ["", "", ""],
      ]).explanation,
    ).toBe("No health score this quarter: the component rows have no values in its months.");
    expect(
      health([
        ["", "", 70],
        ["", "", ""],
        ["", "", ""],
        ["", "", ""],
      ]).explanation,
    ).toBe("One scored month (Sep 2026): 70 (Good); no change to explain yet.");
  });
});
