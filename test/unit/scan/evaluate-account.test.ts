// Evaluating one account tab: breaches at the latest period, episode starts, From month, targets, unreadable values.
import { describe, expect, it } from "vitest";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import type { CatalogEntry } from "../../../src/domain/workbook/parse-catalog";
import { accountTab, compiled, ruleRow } from "./scan-fixtures";

const today = { year: 2026, month: 6, day: 15 };
const periods = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];

function catalogEntry(metric: string, target: string, reportingCadence = "Monthly"): CatalogEntry {
  return {
    row: 2,
    metric,
    category: "Internal",
    clinRef: "",
    definition: "",
    target,
    measurementMethod: "",
    reportingCadence,
    cparsArea: null,
    segment: "All",
  };
}

describe("evaluateAccount", () => {
  it("judges the latest period with a value and dates the breach from the first period of its episode", () => {
    const tab = accountTab({ periods, metrics: [{ name: "MAU", values: [0.5, 0.3, 0.45, 0.35, 0.32] }] });
    const result = evaluateAccount(tab, {
      rules: compiled([ruleRow("mau", "Watch", "below 40%")]),
      catalog: [],
      today,
    });
    expect(result.breaches).toHaveLength(1);
    const [breach] = result.breaches;
    expect(breach.period).toEqual({ year: 2026, month: 5, day: 1 });
    expect(breach.episodeStart).toEqual({ year: 2026, month: 4, day: 1 });
    expect(breach.value).toBe(0.32);
    expect(breach.reason).toBe("32% is below 40%");
    expect([breach.row, breach.column]).toEqual([9, 8]);
  });

  it("lets blank months neither end nor extend an episode, and falls back to the last value when the newest month is blank", () => {
    const tab = accountTab({ periods, metrics: [{ name: "MAU", values: [0.3, "", 0.35, 0.2, ""] }] });
    const [breach] = evaluateAccount(tab, {
      rules: compiled([ruleRow("MAU", "Watch", "below 40%")]),
      catalog: [],
      today,
    }).breaches;
    expect(breach.period.month).toBe(4);
    expect(breach.episodeStart.month).toBe(1);
  });

  it("starts a streak's episode in the period the streak was first complete", () => {
    const tab = accountTab({
      periods,
      metrics: [{ name: "Sponsor engagement", values: [1, 0.5, 0.5, 0.5, 0.5] }],
    });
    const rules = compiled([
      ruleRow("Sponsor engagement", "Warning", "below 100% for 2 consecutive periods"),
    ]);
    const [breach] = evaluateAccount(tab, { rules, catalog: [], today }).breaches;
    expect(breach.episodeStart.month).toBe(3);
  });

  it("applies a From month rule only once the account reached that month since go-live in the period judged", () => {
    const rules = compiled([ruleRow("MAU", "Critical", "below 25%", { fromMonth: 3 })]);
    const early = accountTab({
      goLive: "2026-03-01",
      periods,
      metrics: [{ name: "MAU", values: ["", "", 0.1, 0.1, 0.2] }],
    });
    const late = accountTab({
      goLive: "2026-02-15",
      periods,
      metrics: [{ name: "MAU", values: ["", "", 0.1, 0.1, 0.2] }],
    });
    const earlyResult = evaluateAccount(early, { rules, catalog: [], today });
    expect(earlyResult.breaches).toHaveLength(0);
    expect(earlyResult.outcomes.get(rules[0].key)).toBe("clear");
    const [breach] = evaluateAccount(late, { rules, catalog: [], today }).breaches;
    // Month 3 is reached on 2026-05-15, during May; April (month 2) is not part of the episode.
    expect(breach.episodeStart.month).toBe(5);
  });

  it("checks misses target against the row's own Target first, then the catalog's", () => {
    const rules = compiled([ruleRow("System uptime", "Critical", "misses target")]);
    const catalog = [catalogEntry("System uptime", "at least 99.5%")];
    const own = accountTab({
      periods: ["2026-05"],
      metrics: [{ name: "System uptime", target: "at least 99.9%", values: [0.998] }],
    });
    const fromCatalog = accountTab({
      periods: ["2026-05"],
      metrics: [{ name: "System uptime", values: [0.998] }],
    });
    expect(evaluateAccount(own, { rules, catalog, today }).breaches).toHaveLength(1);
    expect(evaluateAccount(fromCatalog, { rules, catalog, today }).breaches).toHaveLength(0);
    expect(evaluateAccount(own, { rules, catalog, today }).breaches[0].reason).toBe(
      'misses the target "at least 99.9%" (99.8% is not at least 99.9%)',
    );
  });

  it("reports a misses-target rule without a readable Target instead of guessing, and leaves its outcome unknown", () => {
    const rules = compiled([ruleRow("Depth", "Watch", "misses target")]);
    const tab = accountTab({ periods: ["2026-05"], metrics: [{ name: "Depth", values: [2] }] });
    const none = evaluateAccount(tab, { rules, catalog: [catalogEntry("Depth", "")], today });
    expect(none.ruleProblems[0]).toMatch(/^Acme: the Watch rule "misses target" for "Depth" needs a Target/);
    expect(none.outcomes.get(rules[0].key)).toBe("unknown");
    const bad = evaluateAccount(tab, { rules, catalog: [catalogEntry("Depth", "lots")], today });
    expect(bad.ruleProblems[0]).toMatch(
      /^Acme: the Target "lots" of "Depth" from the KPI Catalog could not be read/,
    );
  });

  it("reports unreadable values with their cell, never as breaches, and reads numbers typed with units", () => {
    const rules = compiled([
      ruleRow("MTTR", "Warning", "above 4 hours"),
      ruleRow("MAU", "Watch", "below 40%"),
      ruleRow("Uptime", "Critical", "below 99%"),
    ]);
    const tab = accountTab({
      periods: ["2026-04", "2026-05"],
      metrics: [
        { name: "MTTR", values: [3, "300 min"] },
        { name: "MAU", values: [0.5, "35%"] },
        { name: "Uptime", values: [0.999, "abc"] },
      ],
    });
    const result = evaluateAccount(tab, { rules, catalog: [], today });
    expect(result.breaches.map((breach) => [breach.metric, breach.value])).toEqual([
      ["MTTR", "300 min"],
      ["MAU", "35%"],
    ]);
    expect(result.valueProblems).toEqual([
      {
        tabName: "Acme",
        metric: "Uptime",
        cell: "E11",
        problem: 'Uptime (Critical rule "below 99%"): not a number: "abc"',
      },
    ]);
    expect(result.outcomes.get(rules[2].key)).toBe("unknown");
  });

  it("matches rule metrics to rows case- and space-insensitively and ignores rules for metrics the tab lacks", () => {
    const rules = compiled([
      ruleRow("  monthly ACTIVE users ", "Watch", "below 40%"),
      ruleRow("NPS", "Warning", "below 6"),
    ]);
    const tab = accountTab({
      periods: ["2026-05"],
      metrics: [{ name: "Monthly active users", values: [0.3] }],
    });
    const result = evaluateAccount(tab, { rules, catalog: [], today });
    expect(result.breaches).toHaveLength(1);
    expect(result.outcomes.has(rules[1].key)).toBe(false);
  });

  it("says clear when a rule does not hold and unknown when data is missing for it", () => {
    const rules = compiled([
      ruleRow("Trend", "Watch", "drops by more than 20"),
      ruleRow("MAU", "Watch", "below 40%"),
    ]);
    const tab = accountTab({
      periods: ["2026-04", "2026-05"],
      metrics: [
        { name: "Trend", values: ["", 50] },
        { name: "MAU", values: [0.3, 0.6] },
      ],
    });
    const result = evaluateAccount(tab, { rules, catalog: [], today });
    expect(result.outcomes.get(rules[0].key)).toBe("unknown");
    expect(result.outcomes.get(rules[1].key)).toBe("clear");
  });
});
