// The run summary, built once from what the scan's phases returned: outcome, counts, problems in order, the one line.
import { describe, expect, it } from "vitest";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import type { ScanFacts } from "../../../src/domain/scan/summarize-scan";
import { notRunSummary, summarizeScan } from "../../../src/domain/scan/summarize-scan";
import { accountTab, compiled, ruleRow } from "./scan-fixtures";

const startedAt = new Date("2026-06-15T11:00:00Z");
const timing = { when: "2026-06-15 07:00", durationMs: 1234 };
const rules = compiled([ruleRow("MAU", "Watch", "below 40%"), ruleRow("NPS", "Warning", "misses target")]);

/** Acme: MAU 30% breaches; NPS has a Target that cannot be read (a rule problem) and no May value. */
function scannedAcme() {
  const tab = accountTab({
    account: "Acme",
    periods: ["2026-04", "2026-05"],
    metrics: [
      { name: "MAU", values: [0.5, 0.3] },
      { name: "NPS", target: "soon", values: [7, ""] },
    ],
  });
  const evaluation = evaluateAccount(tab, { rules, catalog: [], today: { year: 2026, month: 6, day: 15 } });
  return { tabName: "Acme", warnings: ["row 9: a warning"], evaluation };
}

function run(overrides: Partial<ScanFacts> = {}): ScanFacts {
  const acme = scannedAcme();
  return {
    mode: "run",
    startedAt,
    read: {
      problems: ["KPI Catalog row 4: x"],
      ruleProblems: ["rules tab problem"],
      blocking: null,
      resumed: false,
      uncertain: [],
    },
    accounts: { skipped: [{ tab: "Notes", reason: "row 2: y" }], complete: true, tabsRemaining: 0 },
    evaluated: {
      ruleProblems: ["compiler problem"],
      tabs: [acme, { ...acme, tabName: "Acme copy", warnings: [] }],
    },
    plan: {
      log: { newEscalations: 1, continuing: 2, resolved: 3, snoozesEnded: 4 },
      digests: { skipped: [], overdue: 1, reminders: 2 },
      escalationsWithoutTab: [{ id: "ESC-0009", account: "Gone" }],
    },
    painted: { painted: 5, cleared: 6 },
    mail: {
      sent: [{ digest: { to: "a@x.gov", items: [], missing: [] }, rendered: { subject: "KPI Steward: …" } }],
      queued: 2,
      failed: [],
      stoppedBecause: "the daily email quota is used up",
    },
    recorded: { problems: ["the Portfolio tab could not be refreshed: z"] },
    ...overrides,
  };
}

describe("summarizeScan", () => {
  it("counts what the phases returned and says it in one line", () => {
    const summary = summarizeScan(run(), timing);
    expect(summary).toMatchObject({
      outcome: "complete",
      mode: "run",
      startedAt: "2026-06-15T11:00:00.000Z",
      durationMs: 1234,
      accountsScanned: 2,
      breaches: 2,
      newEscalations: 1,
      updatedEscalations: 2,
      resolved: 3,
      snoozesEnded: 4,
      overdue: 1,
      reminders: 2,
      highlighted: 5,
      highlightsCleared: 6,
      emailsSent: 1,
      emailsQueued: 2,
      emails: [{ to: "a@x.gov", subject: "KPI Steward: …", escalations: [], missingData: 0 }],
      escalationsWithoutTab: [{ id: "ESC-0009", account: "Gone" }],
      pass: { resumed: false, complete: true, tabsRemaining: 0 },
    });
    expect(summary.missingData).toEqual([
      { tab: "Acme", account: "Acme", metric: "NPS", period: "May 2026", cell: "E10" },
      { tab: "Acme", account: "Acme", metric: "NPS", period: "May 2026", cell: "E10" },
    ]);
    expect(summary.message).toBe(
      "Scan 2026-06-15 07:00: 2 accounts scanned, 2 breaches (1 new, 3 resolved), 1 email sent, " +
        "2 queued for the next run, 1 tab skipped (Notes: row 2: y), 2 missing values, 3 rule problems",
    );
    expect(summary.error).toBeUndefined();
  });

  it("lists problems in order: the workbook's, each tab's warnings, mail held up, the end of the pass", () => {
    expect(summarizeScan(run(), timing).problems).toEqual([
      "KPI Catalog row 4: x",
      "Acme row 9: a warning",
      "2 email(s) queued for the next run: the daily email quota is used up",
      "the Portfolio tab could not be refreshed: z",
    ]);
  });

  it("lists rule problems once each: the rules tab's, the compiler's, then each tab's not seen before", () => {
    const problems = summarizeScan(run(), timing).ruleProblems;
    expect(problems.slice(0, 2)).toEqual(["rules tab problem", "compiler problem"]);
    expect(problems).toHaveLength(3);
    expect(problems[2]).toContain("NPS");
  });

  it("is partial when the time budget left tabs, saying how many", () => {
    const summary = summarizeScan(
      run({
        read: { problems: [], ruleProblems: [], blocking: null, resumed: true, uncertain: [] },
        accounts: { skipped: [], complete: false, tabsRemaining: 7 },
      }),
      timing,
    );
    expect(summary.outcome).toBe("partial");
    expect(summary.pass).toEqual({ resumed: true, complete: false, tabsRemaining: 7 });
    expect(summary.message).toContain("stopped at the time budget; 7 tabs left for the next run");
  });

  it("is blocked, the log's problem first, when the Escalation Log cannot be read", () => {
    const summary = summarizeScan(
      {
        mode: "run",
        startedAt,
        read: {
          problems: ["a"],
          ruleProblems: [],
          blocking: "Escalation Log: no ID column",
          resumed: false,
          uncertain: [],
        },
      },
      timing,
    );
    expect(summary.outcome).toBe("blocked");
    expect(summary.problems).toEqual(["Escalation Log: no ID column", "a"]);
    expect(summary.message).toBe("Scan 2026-06-15 07:00: nothing done: Escalation Log: no ID column");
  });

  it("is failed with the error, keeping what the phases before it returned", () => {
    const { mail: _mail, recorded: _recorded, ...before } = run();
    const summary = summarizeScan({ ...before, error: "Service Spreadsheets timed out" }, timing);
    expect(summary.outcome).toBe("failed");
    expect(summary.error).toBe("Service Spreadsheets timed out");
    expect(summary.message).toBe("Scan 2026-06-15 07:00: failed: Service Spreadsheets timed out");
    expect(summary.accountsScanned).toBe(2);
    expect(summary.emailsSent).toBe(0);
  });

  it("lists the digests an earlier run did not finish sending as uncertain", () => {
    const uncertain = [{ to: "a@x.gov", ids: ["ESC-0001"], missing: [], at: 1, state: "sending" as const }];
    const summary = summarizeScan(
      run({ read: { problems: [], ruleProblems: [], blocking: null, resumed: false, uncertain } }),
      timing,
    );
    expect(summary.uncertainDeliveries).toEqual([{ to: "a@x.gov", escalations: ["ESC-0001"] }]);
  });
});

describe("notRunSummary", () => {
  it("names the command holding the lock", () => {
    const summary = notRunSummary(
      "run",
      startedAt,
      { outcome: "locked", lockHolder: "a save (started 1 min ago)" },
      timing,
    );
    expect(summary.outcome).toBe("locked");
    expect(summary.lockHolder).toBe("a save (started 1 min ago)");
    expect(summary.message).toBe(
      "Scan 2026-06-15 07:00: a save (started 1 min ago) is still running in this spreadsheet; this one changed nothing",
    );
  });

  it("gives the authorization page when there is one, and no field when there is none", () => {
    const withUrl = notRunSummary(
      "run",
      startedAt,
      { outcome: "needs-authorization", authorizationUrl: "https://auth" },
      timing,
    );
    expect(withUrl.message).toContain("(or visit https://auth)");
    const without = notRunSummary("run", startedAt, { outcome: "needs-authorization" }, timing);
    expect("authorizationUrl" in without).toBe(false);
    expect(without.accountsScanned).toBe(0);
  });
});
