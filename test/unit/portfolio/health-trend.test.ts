// The Portfolio's trend text and risk order: sparkline blocks, months without data, the change since the previous quarter.
import { describe, expect, it } from "vitest";
import { trendText } from "../../../src/domain/portfolio/health-trend";
import { compareRisk, openBySeverityText } from "../../../src/domain/portfolio/portfolio-risk";

const months = (scores: (number | null)[]) =>
  scores.map((score, index) => ({ month: { year: 2026, month: index + 1, day: 1 }, score }));

describe("trendText", () => {
  it("shows the last six months on one scale and the change since three months before the latest", () => {
    expect(trendText(months([10, 40, 50, 60, 70, 80, 90, 100]))).toBe("▂▃▅▆▇█ +30 since May");
    expect(trendText(months([70, 70, 70, 70]))).toBe("▅▅▅▅ no change since Jan");
    expect(trendText(months([80, 80, 80, 54]))).toBe("▆▆▆▂ −26 since Jan");
  });

  it("marks a month without data and ends at the latest month with a score", () => {
    expect(trendText(months([60, null, 62, 64, null]))).toBe("▃·▃▄ +4 since Jan");
    expect(trendText(months([60, null, 62, 64, 66]))).toBe("▃·▃▄▄ (no Feb score)");
    expect(trendText(months([62, 64]))).toBe("▃▄");
    expect(trendText(months([null, null]))).toBe("");
  });
});

describe("risk order", () => {
  const open = (Critical: number, overdue: number) => ({ Critical, Warning: 0, Watch: 0, overdue });
  it("puts open Critical first, then overdue, then the worse band, accounts without a score last", () => {
    const accounts = [
      { account: "Healthy", open: open(0, 0), score: 95 },
      { account: "No data", open: open(0, 0), score: null },
      { account: "Overdue", open: open(0, 2), score: 95 },
      { account: "Critical", open: open(1, 0), score: 95 },
      { account: "At risk", open: open(0, 0), score: 55 },
    ];
    expect(accounts.sort((a, b) => compareRisk(a, b)).map((a) => a.account)).toEqual([
      "Critical",
      "Overdue",
      "At risk",
      "Healthy",
      "No data",
    ]);
    expect(openBySeverityText({ Critical: 1, Warning: 2, Watch: 0, overdue: 0 })).toBe(
      "1 Critical · 2 Warning",
    );
    expect(openBySeverityText(open(0, 0))).toBe("none");
  });
});
