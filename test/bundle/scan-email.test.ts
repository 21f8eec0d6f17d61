// Digest emails over the built bundle: one per owner, reminders, snoozes, domains, quota, and exactly-once sending.
import { describe, expect, it } from "vitest";
import type { GasEnvironment } from "../../emulation/index";
import { TAB } from "../../src/domain/workbook-schema";
import { examplesAccount, loadScenario, OWNER, plain } from "../support/scan-scenario";
import { logRows, typeInto } from "../support/workbook-fixture";

const three = [
  examplesAccount(),
  examplesAccount({ tab: "Second Agency", owner: "b.owner@agency.gov" }),
  examplesAccount({ tab: "Third Agency", owner: "c.owner@agency.gov" }),
];

/** Every escalation ID mentioned in the outbox, with how many emails mention it. */
function idsMailed(env: GasEnvironment): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of env.mail.sent)
    for (const id of new Set(mail.body.match(/ESC-\d{4}/g) ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Makes the "execution" die during the `n`th sendEmail (after the message left): every later write throws. */
function killDuringSend(env: GasEnvironment, n: number): () => void {
  let sends = 0;
  let dead = false;
  const restores: (() => void)[] = [];
  const guard = (target: Record<string, unknown>, name: string) => {
    const original = target[name] as (...args: unknown[]) => unknown;
    target[name] = function (this: unknown, ...args: unknown[]) {
      if (dead) throw new Error("Exceeded maximum execution time");
      return original.apply(this, args);
    };
    restores.push(() => {
      target[name] = original;
    });
  };
  const properties = env.counter.uncounted(() => env.globals.PropertiesService.getDocumentProperties());
  const propertiesProto = Object.getPrototypeOf(properties) as Record<string, unknown>;
  for (const name of ["setProperty", "setProperties", "deleteProperty", "getProperties"])
    guard(propertiesProto, name);
  const range = env.counter.uncounted(() => env.spreadsheet.getSheets()[0].getRange(1, 1));
  const rangeProto = Object.getPrototypeOf(range) as Record<string, unknown>;
  for (const name of ["setValues", "setValue", "setNote", "setBackgrounds", "setNumberFormats"])
    guard(rangeProto, name);
  guard(env.globals.SpreadsheetApp as unknown as Record<string, unknown>, "flush");
  const mail = env.globals.MailApp as unknown as Record<string, (...args: unknown[]) => unknown>;
  const send = mail.sendEmail;
  mail.sendEmail = function (this: unknown, ...args: unknown[]) {
    if (dead) throw new Error("Exceeded maximum execution time");
    send.apply(this, args);
    sends += 1;
    if (sends === n) {
      dead = true;
      throw new Error("Exceeded maximum execution time");
    }
  };
  restores.push(() => {
    mail.sendEmail = send;
  });
  return () => {
    for (const restore of restores.reverse()) restore();
  };
}

describe("runScan: digest emails", () => {
  it("sends one HTML and plain-text digest per owner, from the Sender name, linking to the account tab", () => {
    const { env, gas } = loadScenario({
      settings: { "Sender name": "Federal CS Team" },
      accounts: [examplesAccount(), examplesAccount({ tab: "Annex Office" }), three[1]],
    });
    const summary = plain(gas.runScan());
    expect(summary.emailsSent).toBe(2);
    expect(env.mail.sent.map((mail) => mail.to).sort()).toEqual(["b.owner@agency.gov", OWNER]);
    const mine = env.mail.to(OWNER)[0];
    expect(mine.name).toBe("Federal CS Team");
    expect(mine.subject).toBe("Critical: System uptime — Annex Office, due today · 7 more, 2 missing values");
    const sheetId = env.counter.uncounted(() => env.spreadsheet.getSheetByName("Annex Office")?.getSheetId());
    // Each item links to its breaching cell, in both bodies.
    expect(mine.htmlBody).toContain(`${env.spreadsheet.getUrl()}#gid=${sheetId}&amp;range=F9`);
    expect(mine.body).toContain(`· Open · ${env.spreadsheet.getUrl()}#gid=${sheetId}&range=F9`);
    expect(mine.body).toContain(
      "CRITICAL · NEW\n   System uptime — Dept of Examples\n   99% — target at least 99.5% (rule: misses target over any rolling 7 days), 0.5 points short\n",
    );
    expect(mine.body).toContain(
      "Monthly active users (MAU) — Dept of Examples\n   30% — threshold below 40%, 10 points under",
    );
    expect(mine.body).toContain("Since Apr 2026 · value of May 2026");
    expect(mine.body).toContain("Deliverable schedule adherence: no value for May 2026, cell F12");
    expect(mine.htmlBody).toContain("border-left:6px solid #cc0000");
  });

  it("escapes every value in the HTML digest", () => {
    const { env, gas } = loadScenario({
      accounts: [examplesAccount({ tab: "Acme", account: `Acme <script>alert("x")</script> & Co` })],
    });
    gas.runScan();
    const html = env.mail.sent[0].htmlBody ?? "";
    expect(html).not.toContain("<script>");
    expect(html).toContain("Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
  });

  it("sends nothing and adds no log rows when a second scan finds the same data", () => {
    const { env, gas } = loadScenario({ accounts: three });
    gas.runScan();
    const rows = logRows(env).length;
    expect(env.mail.sent).toHaveLength(3);
    env.setNow("2026-06-15T15:00:00Z");
    const summary = plain(gas.runScan());
    expect(summary.emailsSent).toBe(0);
    expect(summary.newEscalations).toBe(0);
    expect(env.mail.sent).toHaveLength(3);
    expect(logRows(env)).toHaveLength(rows);
  });

  it("reminds about open and acknowledged escalations after Reminder every (days), flagging the overdue ones", () => {
    const { env, gas } = loadScenario({ settings: { "Reminder every (days)": 7 } });
    gas.runScan();
    const rows = logRows(env);
    const mttrRow = rows.findIndex((row) => String(row.Metric).startsWith("Mean time")) + 2;
    typeInto(env, TAB.escalationLog, { [`L${mttrRow}`]: "Acknowledged" });
    env.setNow("2026-06-21T11:00:00Z");
    expect(plain(gas.runScan()).emailsSent).toBe(0);
    env.setNow("2026-06-22T11:00:00Z");
    const summary = plain(gas.runScan());
    expect(summary.emailsSent).toBe(1);
    expect(summary.reminders).toBe(4);
    expect(summary.overdue).toBe(1);
    const reminder = env.mail.sent[1];
    expect(reminder.subject).toBe(
      "Critical: System uptime — Dept of Examples, overdue since Mon Jun 15 · 3 more, 1 missing value",
    );
    expect(reminder.body).toContain("1. CRITICAL · OVERDUE · REMINDER\n   System uptime — Dept of Examples");
    expect(reminder.body).toMatch(/\d\. WARNING · REMINDER/);
    expect(reminder.body).toContain(" · Acknowledged · ");
    expect(reminder.htmlBody).toContain("Overdue: was due Mon Jun 15");
  });

  it("keeps a snoozed escalation silent until its date, then mails it again", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const rows = logRows(env);
    const mauRow = rows.findIndex((row) => row.Metric === "Monthly active users (MAU)") + 2;
    typeInto(env, TAB.escalationLog, { [`L${mauRow}`]: "Snoozed until 2026-06-25" });
    env.setNow("2026-06-22T11:00:00Z");
    gas.runScan();
    expect(env.mail.sent[1].body).not.toContain("ESC-0003");
    env.setNow("2026-06-24T11:00:00Z");
    expect(plain(gas.runScan()).emailsSent).toBe(0);
    env.setNow("2026-06-25T11:00:00Z");
    const summary = plain(gas.runScan());
    expect(summary.emails.map((email: { escalations: string[] }) => email.escalations)).toEqual([
      ["ESC-0003"],
    ]);
  });

  it("emails only owners in Allowed email domains and lists the others as skipped", () => {
    const { env, gas } = loadScenario({
      settings: { "Allowed email domains": "agency.gov" },
      accounts: [examplesAccount(), examplesAccount({ tab: "Outside", owner: "someone@gmail.com" })],
    });
    const summary = plain(gas.runScan());
    expect(env.mail.to("someone@gmail.com")).toHaveLength(0);
    expect(env.mail.to(OWNER)).toHaveLength(1);
    expect(summary.emailsSkipped).toEqual([
      {
        tab: "Outside",
        owner: "someone@gmail.com",
        reason: "the owner someone@gmail.com is not in Allowed email domains (agency.gov); no email was sent",
      },
    ]);
    expect(summary.accountsScanned).toBe(2);
    expect(summary.skipped).toEqual([]);
  });

  it("with a quota of 0 sends nothing, queues every digest, and sends each once when quota returns", () => {
    const { env, gas } = loadScenario({ accounts: three }, { mailDailyQuota: 0 });
    const first = plain(gas.runScan());
    expect(first.emailsSent).toBe(0);
    expect(first.emailsQueued).toBe(3);
    expect(env.counter.count("MailApp.getRemainingDailyQuota")).toBe(1);
    expect(env.counter.count("MailApp.sendEmail")).toBe(0);
    expect(logRows(env).every((row) => row["Last notified"] === "")).toBe(true);
    env.mail.dailyQuota = 100;
    env.setNow("2026-06-16T11:00:00Z");
    const second = plain(gas.runScan());
    expect(second.emailsSent).toBe(3);
    expect(second.emailsQueued).toBe(0);
    env.setNow("2026-06-17T11:00:00Z");
    expect(plain(gas.runScan()).emailsSent).toBe(0);
    expect([...idsMailed(env).values()].every((count) => count === 1)).toBe(true);
    expect(idsMailed(env).size).toBe(12);
  });

  it("queues the rest when MailApp fails after N sends; the next run sends each remaining escalation once", () => {
    const { env, gas } = loadScenario({ accounts: three }, { mailFailAfter: 1 });
    const first = plain(gas.runScan());
    expect(first.emailsSent).toBe(1);
    expect(first.emailsQueued).toBe(2);
    expect(first.problems.some((p: string) => p.includes("queued for the next run"))).toBe(true);
    env.mail.clearFailure();
    env.setNow("2026-06-15T12:00:00Z");
    const second = plain(gas.runScan());
    expect(second.emailsSent).toBe(2);
    expect(env.mail.sent.map((mail) => mail.to).sort()).toEqual(
      ["b.owner@agency.gov", "c.owner@agency.gov", OWNER].sort(),
    );
    expect([...idsMailed(env).values()]).toEqual(new Array(12).fill(1));
    expect(logRows(env).every((row) => row["Last notified"] !== "")).toBe(true);
  });

  it("after a run killed in the middle of sending, the next run sends each remaining escalation once and none twice", () => {
    const { env, gas } = loadScenario({ accounts: three });
    const revive = killDuringSend(env, 2);
    expect(() => gas.runScan()).toThrow(/Exceeded maximum execution time/);
    revive();
    expect(env.mail.sent).toHaveLength(2);
    expect(env.lock.holderOf("document")).toBeNull();
    env.setNow("2026-06-15T11:10:00Z");
    const summary = plain(gas.runScan());
    expect(summary.emailsSent).toBe(1);
    expect(summary.newEscalations).toBe(0);
    expect(summary.uncertainDeliveries).toHaveLength(1);
    expect(env.mail.sent).toHaveLength(3);
    expect(new Set(env.mail.sent.map((mail) => mail.to)).size).toBe(3);
    expect([...idsMailed(env).values()]).toEqual(new Array(12).fill(1));
    expect(logRows(env).every((row) => row["Last notified"] !== "")).toBe(true);
    env.setNow("2026-06-16T11:00:00Z");
    expect(plain(gas.runScan()).emailsSent).toBe(0);
  });

  it("mails missing data once per reminder interval", () => {
    const { env, gas } = loadScenario({
      settings: { "Reminder every (days)": 3 },
      accounts: [examplesAccount({ metrics: [{ metric: "System uptime", values: [0.999, 0.999, ""] }] })],
    });
    const first = plain(gas.runScan());
    expect(first.missingData).toEqual([
      {
        tab: "Dept of Examples",
        account: "Dept of Examples",
        metric: "System uptime",
        period: "May 2026",
        cell: "F9",
      },
    ]);
    expect(env.mail.sent[0].subject).toBe("Missing data: System uptime — Dept of Examples, May 2026");
    env.setNow("2026-06-17T11:00:00Z");
    expect(plain(gas.runScan()).emailsSent).toBe(0);
    env.setNow("2026-06-18T11:00:00Z");
    expect(plain(gas.runScan()).emailsSent).toBe(1);
    typeInto(env, "Dept of Examples", { F9: 0.999 });
    env.setNow("2026-06-22T11:00:00Z");
    const after = plain(gas.runScan());
    expect(after.missingData).toEqual([]);
    expect(after.emailsSent).toBe(0);
  });
});
