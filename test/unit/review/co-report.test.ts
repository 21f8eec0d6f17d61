// The CO report: only contract-facing content, internal metrics only when a Reaches CO escalation fired, none for commercial accounts.
import { describe, expect, it } from "vitest";
import { buildReviewDocuments } from "../../../src/domain/review/build-review-document";
import type { ReviewDocument } from "../../../src/domain/review/review-document";
import { federalInput, logEntries, outcomeRows, sampleAccount } from "./review-fixture";

const textOf = (document: ReviewDocument) =>
  document.rows.map((row) => row.cells.map((c) => (c ? String(c.value) : "")).join(" ")).join("\n");

const INTERNAL_METRICS = [
  "Monthly active users (MAU)",
  "Feature utilization depth",
  "Single-feature users",
  "Support ticket trend",
  "Sponsor engagement",
  "Internal NPS",
  "Agency interest signal",
];

describe("the CO report of a federal account", () => {
  const escalations = logEntries([
    {
      ID: "ESC-0009",
      Account: "Sample Agency",
      Metric: "Monthly active users (MAU)",
      Since: "2026-04",
      Severity: "Watch",
      Condition: "below 40%",
      Status: "Open",
      Note: "Sponsor on leave; PM distracted by reorg",
      Action: "Training conversation with the agency PM",
    },
  ]);
  const outcomes = outcomeRows([
    {
      Account: "Sample Agency",
      "Review date": "2026-05-12",
      "Review type": "Q1 outcome review",
      Outcome: "Champion says budget is shaky for next year",
      Decision: "Quietly prepare a renewal save plan",
    },
  ]);

  it("holds the contract metrics by CPARS area, the CPARS summary and the year to date, and nothing internal", () => {
    const { coReport } = buildReviewDocuments(
      federalInput({ escalations, outcomes, quarterLabel: "FY26 Q3" }),
    );
    if (!coReport) throw new Error("no CO report");
    const text = textOf(coReport);
    expect(coReport.kind).toBe("co-report");
    expect(text).toContain("Contracting officer report · FY26 Q3 · Sample Agency");
    for (const metric of ["Deliverable schedule adherence", "System uptime", "POA&M closure rate"])
      expect(text).toContain(metric);
    expect(text).toContain("CPARS summary — Schedule:");
    expect(text).toContain("FY26 to date (Oct 2025 – Jun 2026)");
    for (const internal of INTERNAL_METRICS) expect(text).not.toContain(internal);
    for (const leak of [
      "Health",
      "health",
      "Sponsor on leave",
      "budget is shaky",
      "renewal save plan",
      "Training conversation",
      "expansion",
    ])
      expect(text).not.toContain(leak);
    expect(text).toContain("None: no escalation reached contracting-officer level in FY26 Q3.");
  });

  it("shows an internal metric only when an escalation of a rule marked Reaches CO was open for it", () => {
    const input = federalInput({ escalations, quarterLabel: "FY26 Q3" });
    const rules = input.rules.map((rule) =>
      rule.metric === "Monthly active users (MAU)" && rule.severity === "Watch"
        ? { ...rule, reachesCo: true }
        : rule,
    );
    const { coReport } = buildReviewDocuments({ ...input, rules });
    const text = textOf(coReport as ReviewDocument);
    expect(text).toContain("Other metrics with an escalation at contracting-officer level this quarter");
    expect(text).toContain("Monthly active users (MAU)");
    expect(text).toContain("ESC-0009 · Monthly active users (MAU)");
    // The escalation's internal note and action never travel with it.
    expect(text).not.toContain("Sponsor on leave");
    expect(text).not.toContain("Training conversation");
    // Other internal metrics stay out.
    for (const internal of INTERNAL_METRICS.filter((m) => !m.startsWith("Monthly active")))
      expect(text).not.toContain(internal);
  });

  it("is not made for a commercial account, which has no contracting officer", () => {
    const account = { ...sampleAccount(), segment: "Commercial" as const };
    expect(buildReviewDocuments(federalInput({ account })).coReport).toBeNull();
  });
});
