// Planning a run before anything is written: the log, the digests from it, and escalations whose tab is gone.
import { describe, expect, it } from "vitest";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { compileRules } from "../../../src/domain/scan/compile-rules";
import type { MailableAccount } from "../../../src/domain/scan/digest-plan";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import type { RunPlanInput } from "../../../src/domain/scan/plan-run";
import { planRun } from "../../../src/domain/scan/plan-run";
import { accountTab, day, escalationLog, ruleRow } from "./scan-fixtures";

const now = new Date("2026-06-15T11:00:00Z");
const rules = compileRules([ruleRow("MAU", "Watch", "below 40%")]);
const acmeTab = accountTab({
  account: "Acme",
  periods: ["2026-04", "2026-05"],
  metrics: [{ name: "MAU", values: [0.5, 0.3] }],
});
const acme: MailableAccount = {
  account: "Acme",
  tabName: "Acme",
  sheetId: 7,
  ownerEmail: "owner@agency.gov",
};
const goneRow = {
  ID: "ESC-0003",
  Account: "Gone Agency",
  Metric: "MAU",
  Since: day("2026-03-01"),
  Condition: "below 40%",
  Severity: "Watch",
  Status: "Open",
  Opened: day("2026-04-02"),
};

function input(overrides: Partial<RunPlanInput> = {}): RunPlanInput {
  return {
    log: escalationLog([goneRow]),
    firstNewRow: 3,
    rules,
    rulesReadable: true,
    evaluations: [
      evaluateAccount(acmeTab, { rules: rules.rules, catalog: [], today: { year: 2026, month: 6, day: 15 } }),
    ],
    accounts: new Map([["acme", acme]]),
    passComplete: true,
    settings: { fiscalYearStartMonth: 10, reminderEveryDays: 7, allowedEmailDomains: [] },
    now,
    readWallClock: readWallClockUtc,
    journal: { escalations: new Map(), missing: new Map(), uncertain: [] },
    missingNotified: new Map(),
    ...overrides,
  };
}

describe("planRun", () => {
  it("opens the new escalation and plans its digest to the tab's owner, linking the tab", () => {
    const plan = planRun(input());
    expect(plan.log.newEscalations).toBe(1);
    expect(plan.digests.digests.map((d) => [d.to, d.items.map((i) => [i.id, i.sheetId])])).toEqual([
      ["owner@agency.gov", [["ESC-0004", 7]]],
    ]);
  });

  it("lists unresolved escalations whose account has no tab only once the pass is complete", () => {
    expect(planRun(input()).escalationsWithoutTab).toEqual([{ id: "ESC-0003", account: "Gone Agency" }]);
    expect(planRun(input({ passComplete: false })).escalationsWithoutTab).toEqual([]);
  });

  it("counts the journal's sends as mailed: Last notified in the log, missing values not mailed again", () => {
    const sentAt = new Date("2026-06-15T10:00:00Z");
    const plan = planRun(
      input({
        journal: {
          escalations: new Map([["ESC-0003", sentAt]]),
          missing: new Map([["acme|nps|2026-05", sentAt]]),
          uncertain: [],
        },
      }),
    );
    expect(plan.log.records.find((record) => record.id === "ESC-0003")?.lastNotified).toEqual(sentAt);
    expect(plan.missingNotified.get("acme|nps|2026-05")).toEqual(sentAt);
  });
});
