// One metric over a quarter: target per month, rules evaluated on the series up to each month, logged breaches, trend.
import { describe, expect, it } from "vitest";
import { buildReviewDocument } from "../../../src/domain/review/build-review-document";
import { expansionChecklist } from "../../../src/domain/review/expansion-evidence";
import { describeBreaches } from "../../../src/domain/review/metric-quarter";
import { reviewContext } from "../../../src/domain/review/review-context";
import { federalInput, logEntries, sampleAccount } from "./review-fixture";

const metricOf = (context: ReturnType<typeof reviewContext>, name: string) => {
  const found = context.metrics.find((m) => m.row.name === name);
  if (!found) throw new Error(name);
  return found.quarter;
};

describe("a metric over the quarter", () => {
  it("flags the month a rule matched, with the rule's severity, and not the months around it", () => {
    const context = reviewContext(federalInput({ quarterLabel: "FY26 Q3" }));
    const uptime = metricOf(context, "System uptime");
    expect(uptime.months.map((m) => m.severity)).toEqual([null, null, "Critical"]);
    expect(uptime.months.map((m) => m.metTarget)).toEqual([true, true, false]);
    expect(uptime.status).toEqual({ text: "Critical", tone: "Critical" });
  });

  it("applies a rule's From month only once the account has been live that long", () => {
    const account = sampleAccount((tab) => {
      const trend = tab.metrics.find((m) => m.metric === "Support ticket trend");
      if (trend) trend.values = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1];
      return tab;
    });
    const q3 = metricOf(
      reviewContext(federalInput({ account, quarterLabel: "FY26 Q3" })),
      "Support ticket trend",
    );
    expect(q3.breaches).toEqual([]);
    const q4 = metricOf(
      reviewContext(federalInput({ account, quarterLabel: "FY26 Q4" })),
      "Support ticket trend",
    );
    expect(q4.breaches.map((b) => b.month.month)).toEqual([8, 9]);
  });

  it("needs two consecutive misses for the sponsor-engagement streak rule", () => {
    const context = reviewContext(federalInput({ quarterLabel: "FY26 Q3" }));
    expect(metricOf(context, "Sponsor engagement").breaches).toEqual([]);
    expect(metricOf(context, "Sponsor engagement").status.text).toBe("Missed 1 of 3");
  });

  it("shows a logged escalation whose month now meets its rule as corrected, not as a breach", () => {
    const escalations = logEntries([
      {
        ID: "E1",
        Account: "Sample Agency",
        Metric: "Internal NPS",
        Since: "2026-09",
        Severity: "Warning",
        Condition: "below 6",
        Status: "Open",
      },
    ]);
    const nps = metricOf(reviewContext(federalInput({ escalations })), "Internal NPS");
    expect(nps.breaches).toEqual([]);
    expect(nps.corrections).toEqual([
      "E1 (Sep 2026): logged on an earlier value; the value now in the tab meets the rule",
    ]);
  });

  it("still counts a logged escalation whose rule is gone from Escalation Rules (nothing to judge it by now)", () => {
    const escalations = logEntries([
      {
        ID: "E2",
        Account: "Sample Agency",
        Metric: "Internal NPS",
        Since: "2026-09",
        Severity: "Critical",
        Condition: "below 2",
        Status: "Open",
      },
    ]);
    const nps = metricOf(reviewContext(federalInput({ escalations })), "Internal NPS");
    expect(nps.breaches).toEqual([
      {
        month: { year: 2026, month: 9, day: 1 },
        severity: "Critical",
        condition: "below 2",
        source: "log",
        reachesCo: false,
        escalationId: "E2",
        recoveredIn: null,
      },
    ]);
    expect(nps.corrections).toEqual([]);
  });

  it("shows a real breach that recovered later as breached in its month, recovered after, with its escalation ID", () => {
    const escalations = logEntries([
      {
        ID: "ESC-0007",
        Account: "Sample Agency",
        Metric: "System uptime",
        Since: "2026-06",
        Severity: "Critical",
        Condition: "misses target over any rolling 7 days",
        Status: "Resolved",
      },
    ]);
    const uptime = metricOf(
      reviewContext(federalInput({ escalations, quarterLabel: "FY26 Q3" })),
      "System uptime",
    );
    expect(uptime.status.text).toBe("Critical");
    expect(uptime.breaches.map((b) => [b.month.month, b.escalationId, b.recoveredIn?.month])).toEqual([
      [6, "ESC-0007", 7],
    ]);
    expect(describeBreaches(uptime.breaches)).toBe(
      "Critical: misses target over any rolling 7 days (Jun 2026 · ESC-0007), recovered Jul 2026",
    );
  });

  it("says nothing of recovery while the metric still breaches in every later month", () => {
    const account = sampleAccount((tab) => {
      const uptime = tab.metrics.find((m) => m.metric === "System uptime");
      if (uptime) uptime.values = [0.9991, 0.9987, 0.9942, 0.9942, 0.994, 0.9941];
      return tab;
    });
    const uptime = metricOf(
      reviewContext(federalInput({ account, quarterLabel: "FY26 Q3" })),
      "System uptime",
    );
    expect(uptime.breaches.map((b) => b.recoveredIn)).toEqual([null]);
    expect(describeBreaches(uptime.breaches)).toBe(
      "Critical: misses target over any rolling 7 days (Jun 2026)",
    );
  });

  it("lists an unreadable rule in the tab's data notes instead of failing", () => {
    const input = federalInput();
    const rules = [...input.rules, { ...input.rules[0], row: 99, condition: "below banana" }];
    const text = buildReviewDocument({ ...input, rules })
      .rows.filter((row) => row.key.startsWith("data|"))
      .map((row) => row.cells.map((c) => (c ? String(c.value) : "")).join(" "))
      .join(" ");
    expect(text).toContain("Escalation Rules row 99: condition");
    expect(text).toContain('"banana"');
  });
});

describe("expansion evidence", () => {
  it("fails a trigger with no data when its row is missing, naming the row", () => {
    const account = sampleAccount((tab) => ({
      ...tab,
      metrics: tab.metrics.filter((m) => m.metric !== "ISSO written confirmation"),
    }));
    const checklist = expansionChecklist({
      metrics: account.metrics,
      periods: account.periods,
      goLive: { year: 2026, month: 4, day: 1 },
      provisionedUsers: 250,
      asOf: { year: 2026, month: 9, day: 30 },
      readWallClock: (d) => ({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      }),
    });
    const isso = checklist.checks.find((c) => c.trigger === "ISSO written confirmation");
    expect(isso).toMatchObject({
      met: false,
      evidence: 'no data: no "ISSO written confirmation" row on the account tab',
    });
    expect(checklist.ready).toBe(false);
    expect(checklist.metCount).toBe(5);
  });

  it("divides an MAU count by provisioned users", () => {
    const account = sampleAccount((tab) => {
      const mau = tab.metrics.find((m) => m.metric === "Monthly active users (MAU)");
      if (mau) mau.values = [50, 60, 100, 120, 140, 160];
      return tab;
    });
    const checklist = expansionChecklist({
      metrics: account.metrics,
      periods: account.periods,
      goLive: null,
      provisionedUsers: 250,
      asOf: { year: 2026, month: 9, day: 30 },
      readWallClock: (d) => ({
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: 0,
        minute: 0,
        second: 0,
      }),
    });
    expect(checklist.checks[1]).toMatchObject({
      met: true,
      evidence: "160 of 250 provisioned users active = 64% (Sep 2026)",
    });
    expect(checklist.checks[0]).toMatchObject({
      met: false,
      evidence: "no data: the account tab has no Go-live date",
    });
  });
});

describe("a SaaS account (seeds 001–003)", () => {
  it("builds every section from the SaaS template's own catalog, rules and sample account", async () => {
    const { SAAS_TEMPLATE } = await import("../../../src/domain/templates/saas-template");
    const { accountTabValues, tableValues } = await import("../../../src/domain/templates/template-values");
    const { parseAccountTab } = await import("../../../src/domain/workbook/parse-account-tab");
    const { parseCatalog } = await import("../../../src/domain/workbook/parse-catalog");
    const { parseRules } = await import("../../../src/domain/workbook/parse-rules");
    const { ok, day } = await import("./review-fixture");
    const account = ok(
      parseAccountTab(
        SAAS_TEMPLATE.sampleAccount.tabName,
        accountTabValues(SAAS_TEMPLATE.sampleAccount, day),
      ),
    );
    const document = buildReviewDocument(
      federalInput({
        account,
        catalog: ok(parseCatalog(tableValues(SAAS_TEMPLATE.kpiCatalog))).entries,
        rules: ok(parseRules(tableValues(SAAS_TEMPLATE.escalationRules))).rules,
        quarterLabel: "FY26 Q4",
      }),
    );
    const keys = document.rows.map((row) => row.key);
    for (const section of [
      "account|heading",
      "contract|heading",
      "health|health score",
      "escalations|heading",
      "outcomes|heading",
      "agenda|heading",
      "expansion|verdict",
    ])
      expect(keys).toContain(section);
    const score = document.rows.find((row) => row.key === "health|health score");
    expect(score?.cells.slice(3, 6).every((cell) => cell !== null && typeof cell.value === "number")).toBe(
      true,
    );
  });
});
