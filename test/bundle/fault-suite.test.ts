// Fault and bad-input suite over the built bundle: mail outages, locks, quota, tabs gone, junk grids, bad cells everywhere, broken rules, custom functions.
import { afterAll, describe, expect, it } from "vitest";
import type { GasEnvironment, GasEnvironmentOptions } from "../../emulation/index";
import { createGasEnvironment } from "../../emulation/index";
import { type BundleContext, loadBundle } from "../../emulation/load-bundle";
import { TAB } from "../../src/domain/workbook-schema";
import type { BadCell, ScanResult } from "../support/fault-harness";
import {
  BAD_CELLS,
  badCellValue,
  CRASH_WORDS,
  cellAt,
  cellOfRow,
  FaultSession,
  junkGrid,
  LONG_TEXT,
  MAX_MESSAGE_CHARS,
  newTally,
  putCell,
  rawSheet,
} from "../support/fault-harness";
import { examplesAccount, OWNER } from "../support/scan-scenario";
import type { AccountSpec, WorkbookSpec } from "../support/workbook-fixture";
import {
  accountRows,
  buildWorkbook,
  logRows,
  paint,
  rule,
  scanEnvironment,
} from "../support/workbook-fixture";

const tally = newTally();
const started = Date.now();

afterAll(() => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    [
      "Fault suite tally:",
      `  cases tried        ${tally.casesTried}`,
      `  faults injected    ${tally.faultsInjected}`,
      `  scans run          ${tally.scans}`,
      `  custom fn calls    ${tally.functionCalls}`,
      `  comparisons        ${tally.comparisons}`,
      `  data lost          ${tally.dataLost}`,
      `  duplicate emails   ${tally.duplicateEmails}`,
      `  unescaped emails   ${tally.unescapedEmails}`,
      `  crash-like results ${tally.crashes}`,
      `  time               ${seconds} s`,
    ].join("\n"),
  );
  expect(tally.casesTried).toBeGreaterThanOrEqual(300);
  expect(tally.faultsInjected).toBeGreaterThanOrEqual(tally.casesTried);
  expect(tally.comparisons).toBeGreaterThan(0);
  expect(tally.dataLost).toBe(0);
  expect(tally.duplicateEmails).toBe(0);
  expect(tally.unescapedEmails).toBe(0);
  expect(tally.crashes).toBe(0);
});

const SECOND = "Second Agency";
const SECOND_OWNER = "b.owner@agency.gov";
/** A metric with a text rule (`is not blank`) and no value yet: a value typed later is mailed as a new escalation. */
const NOTES_METRIC = "Incident notes";

/** Dept of Examples (four breaches, plus a blank Incident notes row 14) and Second Agency (the same breaches, another owner). */
function faultAccounts(): AccountSpec[] {
  const first = examplesAccount();
  first.metrics.push({ metric: NOTES_METRIC, category: "Internal", values: ["", "", ""] });
  return [first, examplesAccount({ tab: SECOND, owner: SECOND_OWNER })];
}

/** A workbook in an environment with the bundle loaded and the user's own colours on two cells. */
function session(spec: Partial<WorkbookSpec> = {}, options: GasEnvironmentOptions = {}): FaultSession {
  const env = scanEnvironment(options);
  buildWorkbook(env, {
    accounts: faultAccounts(),
    extraRules: [rule(NOTES_METRIC, "Watch", "is not blank", "2 weeks")],
    ...spec,
  });
  paint(env, "Dept of Examples", "D9", "#c9daf8"); // not breaching: must keep its colour
  paint(env, "Dept of Examples", "F11", "#d9ead3"); // breaching: highlighted, its colour given back later
  const gas = loadBundle(env);
  env.counter.reset();
  return new FaultSession(env, gas, tally);
}

/** Expects a scan's checks to hold and returns its summary. */
function ok(result: ScanResult, label: string) {
  expect(result.failures, label).toEqual([]);
  const { summary } = result;
  if (!summary) throw new Error(`${label}: runScan returned no summary`);
  return summary;
}

function later(env: GasEnvironment, hours: number): void {
  env.advance(hours * 3_600_000);
}

function statusOf(env: GasEnvironment, account: string): string[] {
  return logRows(env)
    .filter((row) => row.Account === account)
    .map((row) => String(row.Status));
}

// ─── Mail failing mid-run ────────────────────────────────────────────────────────────────────────

describe("MailApp failing mid-run, then a recovery run", () => {
  const four = (): AccountSpec[] => [
    examplesAccount(),
    examplesAccount({ tab: "Second Agency", owner: "b.owner@agency.gov" }),
    examplesAccount({ tab: "Third Agency", owner: "c.owner@agency.gov" }),
    examplesAccount({ tab: "Fourth Agency", owner: "d.owner@agency.gov" }),
  ];

  it.each([0, 1, 3])("fails after %i sends in the first run; the next run sends the rest once", (n) => {
    const s = session({ accounts: four(), extraRules: [] });
    s.inject(() => s.env.mail.failAfter(n));
    const first = ok(s.scan(), "failing run");
    expect(first.outcome).toBe("complete");
    expect(first.emailsSent).toBe(n);
    expect(first.emailsQueued).toBe(4 - n);
    expect(first.problems.join("\n")).toMatch(
      /email\(s\) queued for the next run: sending to .* failed: Service unavailable: Mail$/,
    );
    expect(first.message).toContain(`${4 - n} queued for the next run`);
    expect(first.newEscalations).toBe(16);
    s.env.mail.clearFailure();
    later(s.env, 1);
    const second = ok(s.scan(), "recovery run");
    expect(second.emailsSent).toBe(4 - n);
    expect(second.emailsQueued).toBe(0);
    expect(second.newEscalations).toBe(0);
    later(s.env, 1);
    expect(ok(s.scan(), "quiet run").emailsSent).toBe(0);
    expect(s.env.mail.sent).toHaveLength(4);
    expect(logRows(s.env).every((row) => row["Last notified"] !== "")).toBe(true);
    expect(s.finish()).toEqual([]);
  });

  it("fails again in the recovery run; the third run sends what is left, each digest once", () => {
    const s = session({ accounts: four(), extraRules: [] }, { mailFailAfter: 1 });
    s.tally.faultsInjected += 1;
    expect(ok(s.scan(), "first failing run").emailsSent).toBe(1);
    later(s.env, 1);
    s.inject(() => s.env.mail.failAfter(1, "Service unavailable: MailApp. Try again later."));
    const second = ok(s.scan(), "second failing run");
    expect(second.emailsSent).toBe(1);
    expect(second.emailsQueued).toBe(2);
    s.env.mail.clearFailure();
    later(s.env, 1);
    expect(ok(s.scan(), "recovery run").emailsSent).toBe(2);
    expect(new Set(s.env.mail.sent.map((mail) => mail.to)).size).toBe(4);
    expect(s.finish()).toEqual([]);
  });

  it("fails during the reminder run a week later; the queued reminders go once, the next day", () => {
    const s = session({ accounts: four().slice(0, 3), extraRules: [] });
    ok(s.scan(), "first run");
    expect(s.env.mail.sent).toHaveLength(3);
    s.env.setNow("2026-06-22T11:00:00Z");
    s.inject(() => s.env.mail.failAfter(1, "Service invoked too many times for one day: email."));
    const reminders = ok(s.scan(), "reminder run");
    expect(reminders.emailsSent).toBe(1);
    expect(reminders.emailsQueued).toBe(2);
    expect(reminders.problems.join("\n")).toContain("Service invoked too many times for one day: email.");
    s.env.mail.clearFailure();
    s.env.setNow("2026-06-23T11:00:00Z");
    const recovery = ok(s.scan(), "recovery run");
    expect(recovery.emailsSent).toBe(2);
    expect(recovery.reminders).toBe(8);
    s.env.setNow("2026-06-24T11:00:00Z");
    expect(ok(s.scan(), "quiet run").emailsSent).toBe(0);
    expect(s.finish(7)).toEqual([]);
  });
});

// ─── Sends that will never succeed ───────────────────────────────────────────────────────────────

/** `Last notified` of each log row of `account`, "" when never mailed. */
function lastNotified(env: GasEnvironment, account: string): unknown[] {
  return logRows(env)
    .filter((row) => row.Account === account)
    .map((row) => row["Last notified"]);
}

function logNote(env: GasEnvironment): string {
  return env.counter.uncounted(
    () => env.spreadsheet.getSheetByName(TAB.escalationLog)?.getRange("A1").getNote() ?? "",
  );
}

describe("a send that will never succeed does not hold up the others", () => {
  const four = (second = "b.owner@agency.gov"): AccountSpec[] => [
    examplesAccount(),
    examplesAccount({ tab: SECOND, owner: second }),
    examplesAccount({ tab: "Third Agency", owner: "c.owner@agency.gov" }),
    examplesAccount({ tab: "Fourth Agency", owner: "d.owner@agency.gov" }),
  ];

  it("a permanent failure for one owner among several: recorded, the others mailed in the same run, retried each run until it goes, once", () => {
    const s = session({ accounts: four(), extraRules: [] });
    // b.owner sorts first: its digest is the first one tried.
    s.inject(() => s.env.mail.failTo(SECOND_OWNER, "Limit Exceeded: Email Body Size."));
    const first = ok(s.scan(), "run with b.owner refused");
    expect(first.emailsSent).toBe(3);
    expect(first.emailsQueued).toBe(0);
    expect(first.emailsFailed).toHaveLength(1);
    expect(first.emailsFailed[0]).toMatchObject({ to: SECOND_OWNER, tabs: [SECOND], missingData: 1 });
    expect(first.emailsFailed[0].escalations).toHaveLength(4);
    expect(first.emailsFailed[0].reason).toBe(
      "the email is larger than MailApp allows (200 KB, or 400 KB for Google Workspace) (Limit Exceeded: Email Body Size.); " +
        "the escalations stay in the Escalation Log without Last notified, and the next run tries again",
    );
    expect(first.message).toContain(
      `1 email not sent (${SECOND_OWNER}: the email is larger than MailApp allows`,
    );
    expect(logNote(s.env)).toBe(first.message);
    expect(first.problems.join("\n")).not.toContain("queued");
    expect(new Set(s.env.mail.sent.map((mail) => mail.to))).toEqual(
      new Set([OWNER, "c.owner@agency.gov", "d.owner@agency.gov"]),
    );
    expect(lastNotified(s.env, SECOND)).toEqual(["", "", "", ""]);
    expect(lastNotified(s.env, "Third Agency").every((at) => at !== "")).toBe(true);
    later(s.env, 1);
    const again = ok(s.scan(), "run with b.owner still refused");
    expect(again.emailsSent).toBe(0);
    expect(again.emailsFailed.map((item) => item.to)).toEqual([SECOND_OWNER]);
    s.env.mail.clearFailure();
    later(s.env, 1);
    const fixed = ok(s.scan(), "run once MailApp takes it");
    expect(fixed.emailsSent).toBe(1);
    expect(fixed.emailsFailed).toEqual([]);
    expect(s.env.mail.to(SECOND_OWNER)).toHaveLength(1);
    expect(logRows(s.env).every((row) => row["Last notified"] !== "")).toBe(true);
    later(s.env, 1);
    expect(ok(s.scan(), "quiet run").emailsSent).toBe(0);
    expect(s.env.mail.sent).toHaveLength(4);
    expect(s.finish()).toEqual([]);
  });

  it("an address MailApp itself rejects: the reason names the tab to fix, and the next run mails the corrected address once", () => {
    const s = session({
      accounts: faultAccounts().map((a) => (a.tab === SECOND ? { ...a, owner: "jane..doe@agency.gov" } : a)),
    });
    s.tally.faultsInjected += 1;
    const first = ok(s.scan(), "run with the invalid address");
    expect(first.emailsSent).toBe(1);
    expect(first.emailsQueued).toBe(0);
    expect(first.emailsFailed.map((item) => [...item.escalations].sort())).toEqual([
      logRows(s.env)
        .filter((row) => row.Account === SECOND)
        .map((row) => String(row.ID)),
    ]);
    expect(first.emailsFailed).toEqual([
      {
        to: "jane..doe@agency.gov",
        tabs: [SECOND],
        escalations: first.emailsFailed[0].escalations,
        missingData: 1,
        reason:
          'MailApp rejects the address as invalid (Invalid email: jane..doe@agency.gov); correct "Owner email" on ' +
          `${SECOND}; the next run emails the corrected address`,
      },
    ]);
    expect(logNote(s.env)).toContain(
      "1 email not sent (jane..doe@agency.gov: MailApp rejects the address as invalid",
    );
    expect(lastNotified(s.env, SECOND)).toEqual(["", "", "", ""]);
    expect(lastNotified(s.env, ACCOUNT).every((at) => at !== "")).toBe(true);
    const stored = JSON.parse(s.env.properties.document.entries().KPI_STEWARD_LAST_RUN ?? "{}");
    expect(stored.emailsFailed.map((item: { to: string }) => item.to)).toEqual(["jane..doe@agency.gov"]);
    // The user corrects the Owner email; the next run mails the corrected address, once.
    putCell(s.env, SECOND, "B2", "jane.doe@agency.gov");
    later(s.env, 1);
    const fixed = ok(s.scan(), "run with the address fixed");
    expect(fixed.emailsSent).toBe(1);
    expect(fixed.emailsFailed).toEqual([]);
    expect(s.env.mail.to("jane.doe@agency.gov")).toHaveLength(1);
    expect(s.env.mail.to(OWNER)).toHaveLength(1);
    expect(lastNotified(s.env, SECOND).every((at) => at !== "")).toBe(true);
    later(s.env, 1);
    expect(ok(s.scan(), "quiet run").emailsSent).toBe(0);
    expect(s.finish()).toEqual([]);
  });

  it("a rejected address, then an outage in the same run: the rejected one is recorded, the rest queued, each sent once later", () => {
    // a..owner sorts first, so it is refused before the outage starts.
    const s = session({ accounts: four("a..owner@agency.gov"), extraRules: [] });
    s.inject(() => s.env.mail.failAfter(1), 2);
    const first = ok(s.scan(), "run with a rejected address and an outage");
    expect(first.emailsSent).toBe(1);
    expect(first.emailsFailed.map((item) => item.to)).toEqual(["a..owner@agency.gov"]);
    expect(first.emailsQueued).toBe(2);
    expect(first.problems.join("\n")).toContain(
      "2 email(s) queued for the next run: sending to d.owner@agency.gov failed: Service unavailable: Mail",
    );
    s.env.mail.clearFailure();
    later(s.env, 1);
    const second = ok(s.scan(), "recovery run");
    expect(second.emailsSent).toBe(2);
    expect(second.emailsQueued).toBe(0);
    expect(second.emailsFailed.map((item) => item.to)).toEqual(["a..owner@agency.gov"]);
    later(s.env, 1);
    const third = ok(s.scan(), "quiet run");
    expect(third.emailsSent).toBe(0);
    expect(s.env.mail.sent.map((mail) => mail.to).sort()).toEqual([
      "c.owner@agency.gov",
      "d.owner@agency.gov",
      OWNER,
    ]);
    expect(s.finish()).toEqual([]);
  });

  it("a transient failure queues every digest, and the recovery run sends each once", () => {
    const s = session({ accounts: four(), extraRules: [] });
    s.inject(() => s.env.mail.failNext("Service error: Mail"));
    const first = ok(s.scan(), "run with a passing error");
    expect(first.emailsSent).toBe(0);
    expect(first.emailsQueued).toBe(4);
    expect(first.emailsFailed).toEqual([]);
    expect(first.problems).toContain(
      `4 email(s) queued for the next run: sending to ${SECOND_OWNER} failed: Service error: Mail`,
    );
    expect(logRows(s.env).every((row) => row["Last notified"] === "")).toBe(true);
    later(s.env, 1);
    const second = ok(s.scan(), "recovery run");
    expect(second.emailsSent).toBe(4);
    expect(second.emailsQueued).toBe(0);
    later(s.env, 1);
    expect(ok(s.scan(), "quiet run").emailsSent).toBe(0);
    expect(s.env.mail.sent).toHaveLength(4);
    expect(s.finish()).toEqual([]);
  });

  it("an oversized digest (48 escalations with 50,000-character actions and long names) is capped well under the limit, covers all, and is never resent early", () => {
    const accounts = Array.from({ length: 12 }, (_, i) =>
      examplesAccount({
        tab: `Agency ${String(i + 1).padStart(2, "0")}`,
        account: `${"Department of Long Names ".repeat(400)}${i + 1}`,
      }),
    );
    const s = session({ accounts, extraRules: [] });
    const rules = s.env.counter.uncounted(
      () => s.env.spreadsheet.getSheetByName(TAB.escalationRules)?.getDataRange().getValues() ?? [],
    );
    s.inject(() => {
      for (let row = 2; row <= rules.length; row += 1)
        putCell(s.env, TAB.escalationRules, `E${row}`, LONG_TEXT);
    }, rules.length - 1);
    const first = ok(s.scan(), "run with the oversized digest");
    expect(first.newEscalations).toBe(48);
    expect(first.emailsSent).toBe(1);
    expect(first.emailsFailed).toEqual([]);
    expect(first.emails[0].escalations).toHaveLength(48);
    const rows = logRows(s.env);
    // Listed whole, the actions alone would be 48 × 50,000 characters: far past MailApp's 200 KB.
    expect(rows.reduce((sum, row) => sum + String(row.Action).length, 0)).toBeGreaterThan(200 * 1024);
    const [mail] = s.env.mail.sent;
    expect(Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody ?? "")).toBeLessThan(100 * 1024);
    const logId = s.env.counter.uncounted(() =>
      s.env.spreadsheet.getSheetByName(TAB.escalationLog)?.getSheetId(),
    );
    const logLink = `${s.env.spreadsheet.getUrl()}#gid=${logId}`;
    expect(mail.body).toMatch(
      /… and \d+ more escalations \(.*\) not listed here: see them all in the Escalation Log: /,
    );
    expect(mail.body).toContain(logLink);
    expect(mail.htmlBody).toContain(`<a href="${logLink}">see them all in the Escalation Log</a>`);
    expect(mail.body).toContain("… and 12 more missing values not listed here, on ");
    expect(new Set(mail.body.match(/ESC-\d{4}/g)).size).toBeLessThanOrEqual(25);
    // The most severe are listed (Critical, then Warning, then Watch); the rest are counted.
    const rank: Record<string, number> = { Critical: 2, Warning: 1, Watch: 0 };
    const listed = [...mail.body.matchAll(/^\d+\. (CRITICAL|WARNING|WATCH) · /gm)].map(
      (m) => rank[m[1].charAt(0) + m[1].slice(1).toLowerCase()],
    );
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    expect(listed[0]).toBe(2);
    expect(mail.body).toMatch(/more escalations \([^)]*Watch\) not listed here/);
    // Every escalation the digest covered, listed or counted, is marked notified.
    expect(rows.every((row) => row["Last notified"] !== "")).toBe(true);
    later(s.env, 1);
    expect(ok(s.scan(), "next run").emailsSent).toBe(0);
    s.env.setNow("2026-06-22T11:00:00Z");
    const reminder = ok(s.scan(), "reminder run a week later");
    expect(reminder.emailsSent).toBe(1);
    expect(reminder.reminders).toBe(48);
    const sizes = s.env.mail.sent.map((m) => Buffer.byteLength(m.body) + Buffer.byteLength(m.htmlBody ?? ""));
    expect(Math.max(...sizes)).toBeLessThan(100 * 1024);
    expect(s.finish()).toEqual([]);
  });
});

// ─── The document lock ───────────────────────────────────────────────────────────────────────────

describe("the document lock already held", () => {
  it.each([
    ["held until released", undefined],
    ["held for 45 s, longer than the scan waits", 45_000],
  ])(
    "%s: the run changes nothing, and once free the next run carries on without duplicates",
    (_label, ms) => {
      const s = session();
      ok(s.scan(), "first run");
      const rows = logRows(s.env).length;
      const mails = s.env.mail.sent.length;
      const properties = JSON.stringify(s.env.properties.document.entries());
      later(s.env, 1);
      s.inject(() => s.env.lock.holdDocumentLock(ms === undefined ? {} : { releaseAfterMs: ms }));
      const locked = ok(s.scan(), "locked run");
      expect(locked.outcome).toBe("locked");
      expect(locked.message).toMatch(
        /another KPI Steward command is still running in this spreadsheet; this one changed nothing$/,
      );
      expect(s.env.mail.sent).toHaveLength(mails);
      expect(JSON.stringify(s.env.properties.document.entries())).toBe(properties);
      s.env.lock.releaseDocumentLock();
      s.env.setNow("2026-06-16T11:00:00Z");
      const next = ok(s.scan(), "run after the lock");
      expect(next.outcome).toBe("complete");
      expect(next.newEscalations).toBe(0);
      expect(next.emailsSent).toBe(0);
      expect(logRows(s.env)).toHaveLength(rows);
      expect(s.finish()).toEqual([]);
    },
  );
});

// ─── Mail quota ──────────────────────────────────────────────────────────────────────────────────

describe("the mail quota at 0 (or too small), then restored", () => {
  it.each([0, 1])("quota %i: what cannot go is queued and sent once when the quota returns", (quota) => {
    const s = session({ extraRules: [] }, { mailDailyQuota: quota });
    s.tally.faultsInjected += 1;
    const first = ok(s.scan(), "run without quota");
    expect(first.emailsSent).toBe(quota);
    expect(first.emailsQueued).toBe(2 - quota);
    expect(first.message).toContain(`${2 - quota} queued for the next run`);
    later(s.env, 2);
    const still = ok(s.scan(), "run still without quota");
    expect(still.emailsSent).toBe(0);
    expect(still.emailsQueued).toBe(2 - quota);
    s.env.mail.dailyQuota = 100;
    s.env.setNow("2026-06-16T11:00:00Z");
    const restored = ok(s.scan(), "run with quota");
    expect(restored.emailsSent).toBe(2 - quota);
    expect(restored.emailsQueued).toBe(0);
    s.env.setNow("2026-06-16T15:00:00Z");
    expect(ok(s.scan(), "quiet run").emailsSent).toBe(0);
    expect(new Set(s.env.mail.sent.map((mail) => mail.to))).toEqual(new Set([OWNER, SECOND_OWNER]));
    expect(s.finish()).toEqual([]);
  });
});

// ─── Account tabs gone between runs ──────────────────────────────────────────────────────────────

type TabChange = "deleted" | "renamed" | "emptied";

function changeTab(env: GasEnvironment, how: TabChange): void {
  env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(SECOND);
    if (!sheet) throw new Error("no Second Agency");
    if (how === "deleted") env.spreadsheet.deleteSheet(sheet);
    else if (how === "renamed") sheet.setName("Second Agency (FY26)");
    else sheet.clearContents();
  });
}

function undoTabChange(env: GasEnvironment, how: TabChange): void {
  const rows = accountRows(env, faultAccounts()[1]);
  if (how === "deleted") env.sheetFromRows(SECOND, rows);
  else if (how === "renamed")
    env.counter.uncounted(() => env.spreadsheet.getSheetByName("Second Agency (FY26)")?.setName(SECOND));
  else env.sheetFromRows(SECOND, rows);
}

describe("an account tab deleted, renamed or emptied between two runs", () => {
  it.each<TabChange>(["deleted", "renamed", "emptied"])(
    "%s: its escalations are kept as they are, the other tab is scanned, and undoing it sends nothing twice",
    (how) => {
      const s = session();
      ok(s.scan(), "first run");
      const secondRows = logRows(s.env).filter((row) => row.Account === SECOND);
      expect(secondRows).toHaveLength(4);
      s.env.setNow("2026-06-16T11:00:00Z");
      s.inject(() => changeTab(s.env, how));
      const changed = ok(s.scan(), `run after the tab was ${how}`);
      expect(changed.outcome).toBe("complete");
      expect(changed.resolved).toBe(0);
      expect(changed.skipped).toEqual([]);
      if (how === "renamed") {
        expect(changed.accountsScanned).toBe(2);
        expect(changed.newEscalations).toBe(0);
        expect(changed.escalationsWithoutTab).toEqual([]);
      } else {
        expect(changed.accountsScanned).toBe(1);
        expect(changed.escalationsWithoutTab.map((item) => item.id).sort()).toEqual(
          secondRows.map((row) => String(row.ID)).sort(),
        );
      }
      expect(statusOf(s.env, SECOND)).toEqual(["Open", "Open", "Open", "Open"]);
      expect(statusOf(s.env, "Dept of Examples").every((status) => status === "Open")).toBe(true);
      undoTabChange(s.env, how);
      s.env.setNow("2026-06-17T11:00:00Z");
      const undone = ok(s.scan(), "run after undoing it");
      expect(undone.accountsScanned).toBe(2);
      expect(undone.newEscalations).toBe(0);
      expect(undone.emailsSent).toBe(0);
      expect(undone.escalationsWithoutTab).toEqual([]);
      expect(logRows(s.env)).toHaveLength(8);
      expect(s.finish()).toEqual([]);
    },
  );
});

// ─── 10,000 rows of junk ─────────────────────────────────────────────────────────────────────────

describe("a tab with 10,000 rows of junk", () => {
  it("as a non-account tab: ignored, the account tabs scanned as usual", () => {
    const s = session();
    s.inject(() => rawSheet(s.env, "Import dump", [["export 2026-05", "x"], ...junkGrid(10_000, 12, 1)]));
    const result = ok(s.scan(), "junk tab");
    expect(result.outcome).toBe("complete");
    expect(result.accountsScanned).toBe(2);
    expect(result.skipped).toEqual([]);
    expect(result.newEscalations).toBe(8);
    expect(s.finish()).toEqual([]);
  });

  it("as an account tab whose whole grid is junk: skipped with a short reason naming the cells", () => {
    const s = session();
    const junk = junkGrid(10_000, 12, 2);
    junk[0][0] = "Account";
    s.inject(() => rawSheet(s.env, "Junk Account", junk));
    const result = ok(s.scan(), "junk account tab");
    expect(result.accountsScanned).toBe(2);
    expect(result.skipped.map((item) => item.tab)).toEqual(["Junk Account"]);
    expect(result.skipped[0].reason).toMatch(/^row \d+: /);
    expect(result.skipped[0].reason.length).toBeLessThan(MAX_MESSAGE_CHARS);
    expect(s.finish()).toEqual([]);
  });

  it("as an account tab with a proper header and 10,000 junk metric rows: read or skipped, never stuck", () => {
    const s = session();
    const header = accountRows(
      s.env,
      examplesAccount({ tab: "Junk Metrics", owner: "junk.owner@agency.gov", metrics: [] }),
    );
    const junk = junkGrid(10_000, 6, 3);
    s.inject(() => rawSheet(s.env, "Junk Metrics", [...header, ...junk]));
    // The header row's period dates must stay dates: write the header again as typed.
    s.env.counter.uncounted(() =>
      s.env.spreadsheet
        .getSheetByName("Junk Metrics")
        ?.getRange(1, 1, header.length, 6)
        .setValues(header.map((row) => [...row, "", "", "", "", "", ""].slice(0, 6))),
    );
    const t0 = Date.now();
    const result = ok(s.scan(), "junk metrics tab");
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(result.outcome).toBe("complete");
    expect(result.accountsScanned).toBeGreaterThanOrEqual(2);
    expect(result.skipped.map((item) => item.tab)).toEqual(["Junk Metrics"]);
    expect(result.skipped[0].reason).toMatch(/; and \d+ more problems like these on this tab$/);
    expect(result.skipped[0].reason.length).toBeLessThan(MAX_MESSAGE_CHARS);
    expect(result.emailsQueued).toBe(0);
    later(s.env, 1);
    ok(s.scan(), "second run over the junk");
    expect(s.finish()).toEqual([]);
  });
});

// ─── Bad cells in every place ────────────────────────────────────────────────────────────────────

/** Where a bad value goes; `local` when it concerns Dept of Examples only. */
interface Place {
  name: string;
  tab: string;
  cell: (env: GasEnvironment) => string;
  local: boolean;
}

const ACCOUNT = "Dept of Examples";
const fixed = (a1: string) => () => a1;
const rulesCell = (column: string) => (env: GasEnvironment) =>
  cellOfRow(env, TAB.escalationRules, "System uptime", column);
const settingCell = (key: string) => (env: GasEnvironment) => cellOfRow(env, TAB.settings, key, "Value");

const PLACES: Place[] = [
  { name: "Owner email", tab: ACCOUNT, cell: fixed("B2"), local: true },
  { name: "Go-live date", tab: ACCOUNT, cell: fixed("B3"), local: true },
  { name: "Provisioned users", tab: ACCOUNT, cell: fixed("B4"), local: true },
  { name: "Starting ARR", tab: ACCOUNT, cell: fixed("B5"), local: true },
  { name: "a period header", tab: ACCOUNT, cell: fixed("F8"), local: true },
  { name: "a metric value (System uptime, misses target)", tab: ACCOUNT, cell: fixed("F9"), local: true },
  { name: `a metric value (${NOTES_METRIC}, is not blank)`, tab: ACCOUNT, cell: fixed("F14"), local: true },
  { name: "a Target cell", tab: ACCOUNT, cell: fixed("C9"), local: true },
  {
    name: "the KPI Catalog Target",
    tab: TAB.kpiCatalog,
    cell: (env) => cellOfRow(env, TAB.kpiCatalog, "System uptime", "Target"),
    local: false,
  },
  {
    name: "an Escalation Rules Condition",
    tab: TAB.escalationRules,
    cell: rulesCell("Condition"),
    local: false,
  },
  {
    name: "an Escalation Rules Respond within",
    tab: TAB.escalationRules,
    cell: rulesCell("Respond within"),
    local: false,
  },
  {
    name: "an Escalation Rules From month",
    tab: TAB.escalationRules,
    cell: rulesCell("From month"),
    local: false,
  },
  {
    name: "an Escalation Rules Severity",
    tab: TAB.escalationRules,
    cell: rulesCell("Severity"),
    local: false,
  },
  ...[
    "Fiscal year starts",
    "Health weights",
    "Health bands",
    "Reminder every (days)",
    "Scan hour",
    "Allowed email domains",
  ].map(
    (key): Place => ({ name: `Settings ${key}`, tab: TAB.settings, cell: settingCell(key), local: false }),
  ),
];

const CASES = PLACES.flatMap((place) => BAD_CELLS.map((bad) => ({ place, bad })));

function badCellCase(place: Place, bad: BadCell): void {
  const s = session();
  const label = `${place.name} = ${bad.label}`;
  const baseline = ok(s.scan(), `${label}: baseline`);
  expect(baseline.newEscalations).toBe(8);
  const statusesBefore = s.statuses();
  const secondBefore = logRows(s.env).filter((row) => row.Account === SECOND);
  const a1 = place.cell(s.env);
  const original = cellAt(s.env, place.tab, a1);
  later(s.env, 1);
  s.inject(() => putCell(s.env, place.tab, a1, badCellValue(s.env, bad)));
  const faulted = ok(s.scan(), `${label}: faulted run`);
  expect(faulted.outcome, label).toBe("complete");
  // Second Agency is always scanned, and its open escalations stay open unless its own data says otherwise.
  expect(
    faulted.skipped.map((item) => item.tab),
    label,
  ).not.toContain(SECOND);
  expect(faulted.accountsScanned, label).toBeGreaterThanOrEqual(1);
  if (place.local)
    expect(
      logRows(s.env)
        .filter((row) => row.Account === SECOND)
        .map((row) => row.Status),
      label,
    ).toEqual(secondBefore.map((row) => row.Status));
  const skippedHere = faulted.skipped.find((item) => item.tab === ACCOUNT);
  if (skippedHere) {
    expect(skippedHere.reason, label).toContain(a1);
    expect(
      faulted.escalationsWithoutTab.map((item) => item.account),
      label,
    ).toContain(ACCOUNT);
  }
  for (const problem of faulted.valueProblems) expect(problem.problem, label).not.toMatch(CRASH_WORDS);
  if (a1 === "F14" && typeof bad.value === "string" && bad.value !== "date" && bad.value.trim() !== "") {
    // The text rule mails the value: escaped, and cut when long.
    const mail = s.env.mail.sent[s.env.mail.sent.length - 1];
    expect(mail.body, label).toContain(
      `\n   ${bad.value.length > 100 ? `${bad.value.slice(0, 60)}…` : bad.value} — rule: is not blank\n   Since May 2026`,
    );
    if (bad.value.startsWith("<"))
      expect(mail.htmlBody, label).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
  // Undo the fault: the recovery run sends nothing twice and leaves every log row in place.
  putCell(s.env, place.tab, a1, original);
  later(s.env, 1);
  const recovery = ok(s.scan(), `${label}: recovery run`);
  expect(recovery.outcome, label).toBe("complete");
  expect(recovery.skipped, label).toEqual([]);
  expect(recovery.accountsScanned, label).toBe(2);
  expect(recovery.newEscalations, label).toBe(0);
  // Every escalation the fault touched is back as it was: none stays resolved while it still breaches.
  expect(s.compareStatuses(statusesBefore), label).toEqual([]);
  expect(s.finish(), label).toEqual([]);
}

describe("every bad cell value in every place", () => {
  it.each(PLACES.map((place) => [place.name, place] as const))("%s", (_name, place) => {
    for (const { bad } of CASES.filter((item) => item.place === place)) badCellCase(place, bad);
  });
});

// ─── Rules that do not parse ─────────────────────────────────────────────────────────────────────

/** The 1-based row of the Escalation Rules tab holding `metric`'s rule with `condition`. */
function ruleRowOf(env: GasEnvironment, metric: string, condition: string): number {
  const rows = env.counter.uncounted(
    () => env.spreadsheet.getSheetByName(TAB.escalationRules)?.getDataRange().getValues() ?? [],
  );
  const index = rows.findIndex((row) => row[0] === metric && row[2] === condition);
  if (index < 0) throw new Error(`no rule ${metric} / ${condition}`);
  return index + 1;
}

describe("rules that do not parse, several at once", () => {
  it("reports each broken rule with its cell, applies the others, leaves the broken rules' escalations open, and the fixed rules carry on", () => {
    const s = session();
    ok(s.scan(), "first run");
    const before = s.statuses();
    const uptime = ruleRowOf(s.env, "System uptime", "misses target over any rolling 7 days");
    const mttr = ruleRowOf(s.env, "Mean time to remediate (MTTR) - P1", "above 4 hours");
    const sponsor = ruleRowOf(s.env, "Sponsor engagement", "below 100% for 2 consecutive periods");
    const poam = ruleRowOf(s.env, "POA&M closure rate", "below 80%");
    const nps = ruleRowOf(s.env, "Internal NPS", "below 6");
    const control = ruleRowOf(s.env, "Control deviation rate", "above 0");
    const breakRules = () => {
      putCell(s.env, TAB.escalationRules, `C${uptime}`, "misses targett");
      putCell(s.env, TAB.escalationRules, `C${mttr}`, "above 4 parsecs");
      putCell(s.env, TAB.escalationRules, `B${sponsor}`, "Warnign");
      putCell(s.env, TAB.escalationRules, `C${poam}`, "below");
      putCell(s.env, TAB.escalationRules, `C${nps}`, "=1+1");
      putCell(s.env, TAB.escalationRules, `D${control}`, "after go-live");
    };
    later(s.env, 1);
    s.inject(breakRules, 6);
    const result = ok(s.scan(), "run with broken rules");
    const unreadable = result.ruleProblems.filter((problem) => /not applied/.test(problem));
    expect(unreadable).toHaveLength(6);
    for (const problem of unreadable) expect(problem).toMatch(/^Escalation Rules row \d+: .*[BCD]\d+/);
    expect(unreadable.join("\n")).toContain('Severity "Warnign" in B');
    expect(unreadable.join("\n")).toContain('From month "after go-live" in D');
    expect(result.message).toContain("6 rule problems");
    // MAU (Watch) still applies in both accounts; the broken rules' escalations are left open.
    expect(result.breaches).toBe(2);
    expect(result.resolved).toBe(0);
    expect(s.compareStatuses(before)).toEqual([]);
    s.env.setNow("2026-06-16T11:00:00Z");
    for (const [a1, value] of [
      [`C${uptime}`, "misses target over any rolling 7 days"],
      [`C${mttr}`, "above 4 hours"],
      [`B${sponsor}`, "Warning"],
      [`C${poam}`, "below 80%"],
      [`C${nps}`, "below 6"],
      [`D${control}`, ""],
    ])
      putCell(s.env, TAB.escalationRules, a1, value);
    const fixed = ok(s.scan(), "run with the rules fixed");
    expect(fixed.ruleProblems.filter((problem) => /not applied/.test(problem))).toEqual([]);
    expect(fixed.breaches).toBe(8);
    expect(fixed.newEscalations).toBe(0);
    expect(fixed.emailsSent).toBe(0);
    expect(s.compareStatuses(before)).toEqual([]);
    expect(s.finish()).toEqual([]);
  });

  it("a rule really removed from Escalation Rules still resolves its escalations", () => {
    const s = session();
    ok(s.scan(), "first run");
    const row = ruleRowOf(s.env, "Monthly active users (MAU)", "below 40%");
    later(s.env, 1);
    s.inject(() =>
      s.env.counter.uncounted(() => s.env.spreadsheet.getSheetByName(TAB.escalationRules)?.deleteRow(row)),
    );
    const result = ok(s.scan(), "run without the MAU rule");
    expect(result.resolved).toBe(2);
    const mau = logRows(s.env).filter((entry) => entry.Metric === "Monthly active users (MAU)");
    expect(mau.map((entry) => entry.Status)).toEqual(["Resolved", "Resolved"]);
    expect(String(mau[0].Note)).toMatch(/its rule is no longer in Escalation Rules$/);
    expect(s.finish()).toEqual([]);
  });
});

// ─── Regressions: what this suite found ──────────────────────────────────────────────────────────

describe("regressions found by the fault suite", () => {
  it.each([
    ["the latest value blanked", "F9", ""],
    ["the latest period header blanked", "F8", ""],
    ["the latest period header turned into a text column", "F8", "Notes"],
  ])(
    "%s, then typed back: the escalations the scan resolved meanwhile reopen, same ID, no second email",
    (_label, a1, value) => {
      const s = session();
      ok(s.scan(), "first run");
      const before = s.statuses();
      const original = cellAt(s.env, ACCOUNT, a1);
      later(s.env, 1);
      s.inject(() => putCell(s.env, ACCOUNT, a1, value));
      const gone = ok(s.scan(), "run without the value");
      expect(gone.resolved).toBeGreaterThan(0);
      putCell(s.env, ACCOUNT, a1, original);
      later(s.env, 1);
      const back = ok(s.scan(), "run with the value back");
      expect(back.newEscalations).toBe(0);
      expect(back.emailsSent).toBe(0);
      expect(back.updatedEscalations).toBe(8);
      expect(s.compareStatuses(before)).toEqual([]);
      const reopened = logRows(s.env).filter((row) => String(row.Note).includes("reopened by scan"));
      expect(reopened).toHaveLength(gone.resolved);
      expect(String(reopened[0].Note)).toMatch(
        /^cleared by scan 2026-06-15; reopened by scan 2026-06-15: the breach is back$/,
      );
      // A week later the reminder covers each escalation once.
      s.env.setNow("2026-06-22T11:00:00Z");
      const reminder = ok(s.scan(), "reminder run");
      expect(reminder.reminders).toBe(8);
      expect(s.finish()).toEqual([]);
    },
  );

  it("an escalation the user resolved stays resolved when its value comes back", () => {
    const s = session();
    ok(s.scan(), "first run");
    const row =
      logRows(s.env).findIndex((entry) => entry.Metric === "System uptime" && entry.Account === ACCOUNT) + 2;
    putCell(s.env, TAB.escalationLog, `L${row}`, "Resolved");
    putCell(s.env, TAB.escalationLog, `O${row}`, "handled with the CO");
    later(s.env, 1);
    s.inject(() => putCell(s.env, ACCOUNT, "F9", ""));
    ok(s.scan(), "run without the value");
    putCell(s.env, ACCOUNT, "F9", 0.99);
    later(s.env, 1);
    const back = ok(s.scan(), "run with the value back");
    expect(back.newEscalations).toBe(0);
    expect(cellAt(s.env, TAB.escalationLog, `L${row}`)).toBe("Resolved");
    expect(cellAt(s.env, TAB.escalationLog, `O${row}`)).toBe("handled with the CO");
    expect(s.finish()).toEqual([]);
  });

  it.each(["#N/A", "#REF!", "#VALUE!"])(
    "a period header showing %s skips the tab, naming the cell, and touches none of its escalations",
    (error) => {
      const s = session();
      ok(s.scan(), "first run");
      const before = s.statuses();
      later(s.env, 1);
      s.inject(() => putCell(s.env, ACCOUNT, "F8", error));
      const result = ok(s.scan(), "run with the error header");
      expect(result.skipped).toEqual([
        {
          tab: ACCOUNT,
          reason: `row 8: period header "${error}" in F8 is an error, not a month; fix its formula or type the month (e.g. 2026-10-01)`,
        },
      ]);
      expect(result.resolved).toBe(0);
      expect(s.compareStatuses(before)).toEqual([]);
      expect(s.finish()).toEqual([]);
    },
  );

  it("a From month of 1e308 is reported, not read as a rule that never applies", () => {
    const s = session();
    ok(s.scan(), "first run");
    const before = s.statuses();
    later(s.env, 1);
    s.inject(() =>
      putCell(
        s.env,
        TAB.escalationRules,
        `D${ruleRowOf(s.env, "System uptime", "misses target over any rolling 7 days")}`,
        1e308,
      ),
    );
    const result = ok(s.scan(), "run with the huge From month");
    expect(result.ruleProblems.join("\n")).toMatch(
      /From month 1e\+308 in D\d+ must be a whole number of months/,
    );
    expect(result.resolved).toBe(0);
    expect(s.compareStatuses(before)).toEqual([]);
    expect(s.finish()).toEqual([]);
  });

  it("pasted pages in five text cells still give a digest under MailApp's 200 KB, and the other owner's digest goes too", () => {
    const extraRules = [rule(NOTES_METRIC, "Watch", "is not blank", "2 weeks")];
    const accounts = faultAccounts();
    for (let i = 1; i <= 4; i += 1) {
      accounts[0].metrics.push({ metric: `Notes ${i}`, category: "Internal", values: ["", "", ""] });
      extraRules.push(rule(`Notes ${i}`, "Watch", "is not blank", "2 weeks"));
    }
    const s = session({ accounts, extraRules });
    s.inject(() => {
      for (let row = 14; row <= 18; row += 1) putCell(s.env, ACCOUNT, `F${row}`, LONG_TEXT);
    }, 5);
    const result = ok(s.scan(), "run with five long values");
    expect(result.emailsSent).toBe(2);
    expect(result.emailsQueued).toBe(0);
    const mine = s.env.mail.to(OWNER)[0];
    expect(mine.body.length).toBeLessThan(20_000);
    expect(mine.body).toContain(`Notes 4 — Dept of Examples\n   ${"x".repeat(60)}… — rule: is not blank`);
    expect(s.env.mail.to(SECOND_OWNER)).toHaveLength(1);
    expect(s.finish()).toEqual([]);
  });

  it("50,000 characters in a cell give messages that quote its start, not all of it", () => {
    const s = session();
    s.inject(() => putCell(s.env, ACCOUNT, "B2", LONG_TEXT));
    const result = ok(s.scan(), "run with a long owner");
    expect(result.skipped[0].reason).toBe(
      `row 2: "Owner email" in B2 must be the owner's email address, such as name@agency.gov, got "${"x".repeat(60)}…" (${LONG_TEXT.length} characters)`,
    );
    expect(result.message.length).toBeLessThan(400);
  });
});

// ─── Custom functions ────────────────────────────────────────────────────────────────────────────

/** Each custom function with arguments that work. */
function functionCases(env: GasEnvironment): [string, unknown[]][] {
  return [
    ["NRR", [1_000_000, 300_000, 50_000, 0]],
    ["GRR", [100, 5, 10]],
    ["CLV", [500, 0.8, 0.05]],
    ["CAC_PAYBACK", [1200, 500, 0.8]],
    ["HEALTH_SCORE", [80, 60, 70, 50, "40/25/20/15"]],
    ["HEALTH_BAND", [72, "90/70/50"]],
    [
      "THRESHOLD_STATUS",
      [[[0.5, 0.45, 0.38]], "below 40%: Training conversation; misses target: Miss", "at least 45%"],
    ],
    ["NPS", [[[10], [9], [6]]]],
    ["EXPANSION_READY", [120, 0.65, 0, 0, "Yes", "Yes"]],
    ["REVIEW_TYPE", [env.sheetDate("2026-01-15"), env.sheetDate("2026-07-20")]],
    ["FISCAL_QUARTER", [env.sheetDate("2026-10-15"), "October"]],
  ];
}

/** Why a custom-function result is not something a cell can show, or null. */
function badResult(value: unknown): string | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = badResult(item);
      if (problem) return problem;
    }
    return null;
  }
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "string" && /NaN|Infinity|undefined|\[object/.test(value))
    return JSON.stringify(value);
  if (
    !["number", "string", "boolean"].includes(typeof value) &&
    Object.prototype.toString.call(value) !== "[object Date]"
  )
    return typeof value;
  return null;
}

describe("custom functions with every bad cell in every argument", () => {
  const env = createGasEnvironment({ timeZone: "America/New_York" });
  let gas: BundleContext | null = null;
  const call = (name: string, args: unknown[]) => {
    gas ??= loadBundle(env);
    const bundle = gas;
    return env.withAuthMode("CUSTOM_FUNCTION", () => bundle[name](...args));
  };

  it("CLV over 1e308 is an error naming the function, not an Infinity cell", () => {
    let thrown: unknown = null;
    try {
      call("CLV", [1e308, 0.8, 0.05]);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toBe(
      "CLV: the result is Infinity, which a cell cannot show; check the inputs for values far too large",
    );
  });

  it.each(functionCases(env).map(([name, args]) => [name, args] as const))("%s", (name, args) => {
    expect(badResult(call(name, args)), `${name} with good arguments`).toBeNull();
    const failures: string[] = [];
    args.forEach((good, position) => {
      for (const bad of BAD_CELLS) {
        const value = badCellValue(env, bad);
        const shapes: [string, unknown][] = [
          ["a single cell", value],
          ["a 1×1 range", [[value]]],
          [
            "a range with a good cell",
            Array.isArray(good) ? [[...(good as unknown[][])[0], value]] : [[good], [value]],
          ],
        ];
        for (const [shape, arg] of shapes) {
          const label = `${name} argument ${position + 1} = ${bad.label} as ${shape}`;
          const argsNow = args.slice();
          argsNow[position] = arg;
          tally.functionCalls += 1;
          tally.faultsInjected += 1;
          tally.casesTried += 1;
          let result: unknown;
          try {
            result = call(name, argsNow);
          } catch (error) {
            if (Object.prototype.toString.call(error) !== "[object Error]")
              failures.push(`${label}: threw a non-Error ${String(error)}`);
            else {
              const message = String((error as Error).message);
              if (!message.startsWith(`${name}: `))
                failures.push(`${label}: message does not start with ${name}: ${message.slice(0, 120)}`);
              else if (CRASH_WORDS.test(message))
                failures.push(`${label}: crash-like message ${message.slice(0, 120)}`);
              else if (message.length > 1_000)
                failures.push(`${label}: message is ${message.length} characters long`);
            }
            continue;
          }
          const problem = badResult(result);
          if (problem) failures.push(`${label}: returned ${problem}`);
        }
      }
    });
    expect(failures).toEqual([]);
  });
});
