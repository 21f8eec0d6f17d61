// The scan over the built bundle when things are not tidy: locks, time budget, deleted or malformed tabs, bad rules and values, preview.
import { describe, expect, it } from "vitest";
import type { GasEnvironment } from "../../emulation/index";
import { COLUMNS, TAB } from "../../src/domain/workbook-schema";
import { examplesAccount, healthyAccount, loadScenario, plain } from "../support/scan-scenario";
import { accountRows, logRows, rule, workbookSnapshot } from "../support/workbook-fixture";

function accountRowsFor(env: GasEnvironment): unknown[][] {
  return accountRows(env, healthyAccount({ tab: "Annex", account: "Annex Office" }));
}

const accounts = [
  examplesAccount(),
  examplesAccount({ tab: "Second Agency", owner: "b.owner@agency.gov" }),
  examplesAccount({ tab: "Third Agency", owner: "c.owner@agency.gov" }),
];

describe("runScan: two scans at once", () => {
  it("exits cleanly without changing anything while another execution holds the lock", () => {
    const { env, gas } = loadScenario();
    env.lock.holdDocumentLock();
    const before = workbookSnapshot(env);
    const properties = JSON.stringify(env.properties.document.entries());
    const summary = plain(gas.runScan());
    expect(summary.outcome).toBe("locked");
    expect(summary.message).toMatch(
      /: another KPI Steward command is still running in this spreadsheet; this one changed nothing$/,
    );
    expect(summary.accountsScanned).toBe(0);
    expect(workbookSnapshot(env)).toBe(before);
    expect(JSON.stringify(env.properties.document.entries())).toBe(properties);
    expect(env.mail.sent).toHaveLength(0);
    expect(env.lock.holderOf("document")).toBe("other");
  });

  it("waits for a scan that finishes within 30 seconds, then runs", () => {
    const { env, gas } = loadScenario();
    env.lock.holdDocumentLock({ releaseAfterMs: 5_000 });
    const summary = plain(gas.runScan());
    expect(summary.outcome).toBe("complete");
    expect(summary.newEscalations).toBe(4);
    expect(env.lock.holderOf("document")).toBeNull();
  });
});

describe("runScan: time budget", () => {
  it("stops after a tab once the budget is spent, and the next runs go on from the next tab", () => {
    const { env, gas } = loadScenario({ accounts });
    env.properties.document.seed({ KPI_STEWARD_TIME_BUDGET_MS: "0" });
    const first = plain(gas.runScan());
    expect(first.outcome).toBe("partial");
    expect(first.accountsScanned).toBe(1);
    expect(first.pass).toEqual({ resumed: false, complete: false, tabsRemaining: 2 });
    expect(first.message).toMatch(/stopped at the time budget; 2 tabs left for the next run/);
    expect(env.mail.sent.map((mail) => mail.to)).toEqual(["pm.owner@agency.gov"]);
    expect(env.properties.document.get("KPI_STEWARD_SCAN_CURSOR")).not.toBeNull();

    const second = plain(gas.runScan());
    expect(second.pass).toEqual({ resumed: true, complete: false, tabsRemaining: 1 });
    expect(env.mail.sent.map((mail) => mail.to)).toEqual(["pm.owner@agency.gov", "b.owner@agency.gov"]);
    const third = plain(gas.runScan());
    expect(third.outcome).toBe("complete");
    expect(third.pass).toEqual({ resumed: true, complete: true, tabsRemaining: 0 });
    expect(env.properties.document.get("KPI_STEWARD_SCAN_CURSOR")).toBeNull();
    expect(new Set(logRows(env).map((row) => row.Account))).toEqual(
      new Set(["Dept of Examples", "Second Agency", "Third Agency"]),
    );
    expect(logRows(env)).toHaveLength(12);

    const fourth = plain(gas.runScan());
    expect(fourth.pass.resumed).toBe(false);
    expect(fourth.accountsScanned).toBe(1);
    expect(env.mail.sent).toHaveLength(3);
  });
});

describe("runScan: tabs that are gone or malformed", () => {
  it("leaves the open escalations of a deleted account tab untouched and lists them", () => {
    const { env, gas } = loadScenario({ accounts: accounts.slice(0, 2) });
    gas.runScan();
    const before = logRows(env).filter((row) => row.Account === "Second Agency");
    env.counter.uncounted(() => {
      const sheet = env.spreadsheet.getSheetByName("Second Agency");
      if (sheet) env.spreadsheet.deleteSheet(sheet);
    });
    env.setNow("2026-06-16T11:00:00Z");
    const summary = plain(gas.runScan());
    const after = logRows(env).filter((row) => row.Account === "Second Agency");
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(summary.escalationsWithoutTab).toEqual(
      before.map((row) => ({ id: row.ID, account: "Second Agency" })),
    );
    expect(summary.resolved).toBe(0);
    expect(summary.accountsScanned).toBe(1);
  });

  it("reports a malformed account tab with which header and row, and still scans the other tabs", () => {
    const { env, gas } = loadScenario({ accounts: [examplesAccount(), healthyAccount()] });
    env.counter.uncounted(() =>
      env.spreadsheet.getSheetByName("Healthy Agency")?.getRange("A2").setValue("Owner"),
    );
    const summary = plain(gas.runScan());
    expect(summary.skipped).toEqual([
      { tab: "Healthy Agency", reason: 'row 2: expected "Owner email" in A2, found "Owner"' },
    ]);
    expect(summary.accountsScanned).toBe(1);
    expect(summary.newEscalations).toBe(4);
    expect(summary.message).toContain(
      '1 tab skipped (Healthy Agency: row 2: expected "Owner email" in A2, found "Owner")',
    );
  });

  it("matches account tab headers case- and space-insensitively and ignores tabs that are not account tabs", () => {
    const { env, gas } = loadScenario();
    env.counter.uncounted(() => {
      const sheet = env.spreadsheet.getSheetByName("Dept of Examples");
      sheet?.getRange("A2").setValue("  owner   EMAIL ");
      sheet?.getRange("A8:C8").setValues([["METRIC", " category ", "Tar get"]]);
    });
    env.sheetFromRows("Notes", [["Ideas for the QBR"], ["ask about SSO"]]);
    const summary = plain(gas.runScan());
    expect(summary.skipped).toEqual([]);
    expect(summary.accountsScanned).toBe(1);
    expect(summary.breaches).toBe(4);
  });
});

describe("runScan: the account tabs of a pass", () => {
  it("remembers the account tabs it covered, so a tab added later refreshes the Portfolio", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const first = JSON.parse(env.properties.document.get("KPI_STEWARD_ACCOUNT_TABS") ?? "[]");
    expect(first).toHaveLength(1);
    env.sheetFromRows("Annex", accountRowsFor(env));
    gas.runScan();
    const second = JSON.parse(env.properties.document.get("KPI_STEWARD_ACCOUNT_TABS") ?? "[]");
    expect(second).toHaveLength(2);
    expect(second).toEqual(expect.arrayContaining(first));
  });
});

describe("runScan: rules and values that cannot be read", () => {
  it("reports a rule whose condition does not parse, naming the word, and still runs the others", () => {
    const { gas } = loadScenario({ extraRules: [rule("Monthly active users (MAU)", "Warning", "belw 30%")] });
    const summary = plain(gas.runScan());
    expect(summary.breaches).toBe(4);
    const problem = summary.ruleProblems.find((p: string) => p.includes("belw"));
    expect(problem).toMatch(
      /^Escalation Rules row \d+: the Warning rule for "Monthly active users \(MAU\)" is not applied: Condition "belw 30%" in C\d+ could not be read: /,
    );
    expect(summary.message).toContain("1 rule problem");
  });

  it('reads numbers typed as text ("35%", "4 hrs") in the rule\'s unit and reports values it cannot read', () => {
    const { gas } = loadScenario({
      accounts: [
        examplesAccount({
          metrics: [
            { metric: "Monthly active users (MAU)", values: [0.5, 0.5, "'35%"] },
            { metric: "Mean time to remediate (MTTR) - P1", values: [3, 3, "4 hrs"] },
            { metric: "System uptime", values: [0.999, 0.999, "abc"] },
          ],
        }),
      ],
    });
    const summary = plain(gas.runScan());
    expect(summary.breaches).toBe(1);
    expect(summary.emails[0].escalations).toHaveLength(1);
    expect(summary.valueProblems).toEqual([
      {
        tab: "Dept of Examples",
        cell: "F11",
        problem: 'System uptime (Critical rule "misses target over any rolling 7 days"): not a number: "abc"',
      },
    ]);
  });
});

describe("previewScan", () => {
  it("reports what a scan would do and whom it would email, changing and sending nothing", () => {
    const { env, gas } = loadScenario({ accounts: accounts.slice(0, 2) });
    const sheets = workbookSnapshot(env);
    const properties = JSON.stringify(env.properties.document.entries());
    const summary = plain(gas.previewScan());
    expect(summary.mode).toBe("preview");
    expect(summary.newEscalations).toBe(8);
    expect(summary.emailsSent).toBe(2);
    expect(summary.emails.map((email: { to: string }) => email.to)).toEqual([
      "b.owner@agency.gov",
      "pm.owner@agency.gov",
    ]);
    expect(summary.highlighted).toBe(8);
    expect(workbookSnapshot(env)).toBe(sheets);
    expect(JSON.stringify(env.properties.document.entries())).toBe(properties);
    expect(env.mail.sent).toHaveLength(0);
    expect(env.ui.alerts[0].prompt).toContain(
      "Would email:\n• b.owner@agency.gov: Critical: System uptime — Second Agency, due today · 3 more",
    );

    gas.runScan();
    const afterRun = workbookSnapshot(env);
    const propertiesAfterRun = JSON.stringify(env.properties.document.entries());
    env.setNow("2026-06-22T11:00:00Z");
    const reminder = plain(gas.previewScan());
    expect(reminder.reminders).toBe(8);
    expect(workbookSnapshot(env)).toBe(afterRun);
    expect(JSON.stringify(env.properties.document.entries())).toBe(propertiesAfterRun);
    expect(env.mail.sent).toHaveLength(2);
  });
});

describe("runScan: the run summary", () => {
  it("returns SPEC's six keys and records a one-line summary on the log, in the execution log and in Document Properties", () => {
    const { env, gas } = loadScenario();
    const summary = plain(gas.runScan());
    expect(Object.keys(summary).slice(0, 6)).toEqual([
      "accountsScanned",
      "breaches",
      "newEscalations",
      "emailsSent",
      "emailsQueued",
      "skipped",
    ]);
    expect(summary).toMatchObject({
      accountsScanned: 1,
      breaches: 4,
      newEscalations: 4,
      emailsSent: 1,
      emailsQueued: 0,
      skipped: [],
    });
    expect(summary.message).toBe(
      "Scan 2026-06-15 07:00: 1 account scanned, 4 breaches (4 new, 0 resolved), 1 email sent, 1 missing value",
    );
    const note = env.counter.uncounted(() =>
      env.spreadsheet.getSheetByName(TAB.escalationLog)?.getRange("A1").getNote(),
    );
    expect(note).toBe(summary.message);
    expect(env.logs.messages()).toContain(`KPI Steward: ${summary.message}`);
    expect(JSON.parse(env.properties.document.get("KPI_STEWARD_LAST_RUN") ?? "{}")).toEqual(summary);
    expect(env.ui.alerts.map((alert) => alert.prompt)).toEqual([summary.message]);
  });

  it("does nothing and says why when the Escalation Log header cannot be read", () => {
    const { env, gas } = loadScenario();
    env.sheetFromRows(TAB.escalationLog, [COLUMNS.escalationLog.filter((column) => column !== "Status")]);
    const summary = plain(gas.runScan());
    expect(summary.outcome).toBe("blocked");
    expect(summary.problems[0]).toMatch(/^Escalation Log row 1: no "Status" column in the header row/);
    expect(env.mail.sent).toHaveLength(0);
    expect(logRows(env)).toHaveLength(0);
  });
});
