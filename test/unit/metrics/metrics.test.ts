// Seed 001/004 formulas: retention, unit economics, health score and bands, NPS, expansion readiness.
import { describe, expect, it } from "vitest";
import { checkExpansionTriggers, expansionVerdict } from "../../../src/domain/metrics/expansion-readiness";
import { bandSeverity, healthBand } from "../../../src/domain/metrics/health-band";
import { healthBreakdown, healthScore } from "../../../src/domain/metrics/health-score";
import { netPromoterScore } from "../../../src/domain/metrics/nps";
import {
  cacPaybackMonths,
  customerLifetimeValue,
  grossRevenueRetention,
  netRevenueRetention,
} from "../../../src/domain/metrics/revenue";

describe("revenue retention", () => {
  it("NRR counts expansion, downgrades and churn against starting ARR", () => {
    expect(
      netRevenueRetention({ startingArr: 1_000_000, expansion: 300_000, downgrades: 50_000, churn: 0 }),
    ).toBeCloseTo(1.25);
  });
  it("GRR ignores expansion and never exceeds 100%", () => {
    expect(grossRevenueRetention({ startingArr: 100, downgrades: 5, churn: 10 })).toBeCloseTo(0.85);
    expect(grossRevenueRetention({ startingArr: 100, downgrades: 0, churn: 0 })).toBe(1);
  });
  it("CLV and CAC payback follow seed 001", () => {
    expect(customerLifetimeValue(500, 0.8, 0.05)).toBeCloseTo(8000);
    expect(cacPaybackMonths(1200, 500, 0.8)).toBeCloseTo(3);
  });
});

describe("health score", () => {
  it("weights usage 40, outcomes 25, relationship 20, growth 15", () => {
    expect(healthScore([80, 60, 70, 50])).toBeCloseTo(80 * 0.4 + 60 * 0.25 + 70 * 0.2 + 50 * 0.15);
  });
  it("leaves blank components out and re-normalises the remaining weights", () => {
    expect(healthScore([80, null, null, 50])).toBeCloseTo((80 * 40 + 50 * 15) / 55);
  });
  it("is blank when every component is blank", () => {
    expect(healthScore([null, null, null, null])).toBeNull();
  });
  it("reports each component's contribution", () => {
    const b = healthBreakdown([100, 100, 0, 0], [25, 25, 25, 25]);
    expect(b.score).toBe(50);
    expect(b.contributions.map((c) => c.points)).toEqual([25, 25, 0, 0]);
  });
});

describe("health bands", () => {
  it.each([
    [95, "Excellent"],
    [90, "Excellent"],
    [89.9, "Good"],
    [70, "Good"],
    [69, "At Risk"],
    [50, "At Risk"],
    [49, "Critical"],
    [0, "Critical"],
  ])("four-band profile puts %s in %s", (score, band) => {
    expect(healthBand(score)).toBe(band);
  });
  it.each([
    [92, "Green"],
    [75, "Yellow"],
    [69.5, "Red"],
  ])("three-band profile (90/70) puts %s in %s", (score, band) => {
    expect(healthBand(score, [90, 70])).toBe(band);
  });
  it("maps bands to scan severities", () => {
    expect(bandSeverity("Critical")).toBe("Critical");
    expect(bandSeverity("Excellent")).toBe("ok");
  });
});

describe("NPS", () => {
  it("is % promoters minus % detractors", () => {
    const tally = netPromoterScore([10, 9, 8, 7, 6, 0, 10, 10, 3, 9]);
    expect(tally.promoters).toBe(5);
    expect(tally.detractors).toBe(3);
    expect(tally.score).toBeCloseTo(20);
  });
});

describe("expansion readiness", () => {
  it("is Ready when every seed 004 trigger is met", () => {
    const checks = checkExpansionTriggers({
      daysSinceGoLive: 120,
      adoption: 0.65,
      openP1P2: 0,
      pastDuePoam: 0,
      issoConfirmed: true,
      interestSignal: true,
    });
    expect(expansionVerdict(checks)).toBe("Ready");
  });
  it("lists each failed trigger with its evidence", () => {
    const checks = checkExpansionTriggers({
      daysSinceGoLive: 45,
      adoption: 0.52,
      openP1P2: 1,
      pastDuePoam: 0,
      issoConfirmed: true,
      interestSignal: null,
    });
    expect(expansionVerdict(checks)).toBe(
      "Not ready: Time since go-live (45 days since go-live; needs at least 90 days); User adoption (adoption 52%; needs at least 60% of provisioned users active); No open P1/P2 tickets (1 open P1/P2 tickets; needs 0 open P1 or P2 tickets); Agency interest signal (no interest signal recorded; needs PM or ISSO asked about more capabilities)",
    );
  });
});
