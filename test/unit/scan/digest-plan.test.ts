// Who gets a digest and what is in it: new and reminder escalations, snoozes, overdue flags, domains, missing data.
import { describe, expect, it } from "vitest";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import type { DigestPlanInput, MailableAccount } from "../../../src/domain/scan/digest-plan";
import {
  emailDomainAllowed,
  isOverdue,
  planDigests,
  reminderDue,
} from "../../../src/domain/scan/digest-plan";
import { planEscalationLog } from "../../../src/domain/scan/escalation-plan";
import { day, escalationLog } from "./scan-fixtures";

const now = new Date("2026-06-22T11:00:00Z");
const acme: MailableAccount = {
  account: "Acme",
  tabName: "Acme tab",
  sheetId: 42,
  ownerEmail: "owner@agency.gov",
};

function row(id: string, extra: Record<string, unknown> = {}) {
  return {
    ID: id,
    Account: "Acme",
    Metric: "MAU",
    Since: day("2026-05-01"),
    Value: 0.3,
    Condition: "below 40%",
    Severity: "Watch",
    Owner: "old@agency.gov",
    Due: day("2026-06-29"),
    Status: "Open",
    ...extra,
  };
}

function digests(rows: Record<string, unknown>[], overrides: Partial<DigestPlanInput> = {}) {
  const { records } = planEscalationLog({
    log: escalationLog(rows),
    evaluations: [],
    rules: [],
    brokenKeys: new Set(),
    rulesReadable: true,
    now,
    firstNewRow: rows.length + 2,
  });
  return planDigests({
    records,
    accounts: new Map([["acme", acme]]),
    missingData: [],
    missingNotified: new Map(),
    now,
    reminderEveryDays: 7,
    allowedDomains: [],
    ...overrides,
  });
}

describe("planDigests", () => {
  it("puts never-mailed rows in as new and rows mailed a reminder interval ago as reminders, to the tab's owner", () => {
    const plan = digests([
      row("ESC-0001"),
      row("ESC-0002", { "Last notified": day("2026-06-15"), Status: "Acknowledged" }),
      row("ESC-0003", { "Last notified": day("2026-06-16") }),
      row("ESC-0004", { Status: "Resolved" }),
    ]);
    expect(plan.digests).toHaveLength(1);
    expect(plan.digests[0].to).toBe("owner@agency.gov");
    expect(plan.digests[0].items.map((item) => [item.id, item.kind])).toEqual([
      ["ESC-0001", "new"],
      ["ESC-0002", "reminder"],
    ]);
    expect(plan.reminders).toBe(1);
    expect(plan.digests[0].items[0]).toMatchObject({
      value: "30%",
      measure: "threshold below 40%",
      gap: "10 points under",
      since: "May 2026",
      latest: "",
      due: { clock: { year: 2026, month: 6, day: 29 }, hasTime: false, daysFromToday: 7 },
      sheetId: 42,
      cell: null,
    });
  });

  it("keeps snoozed rows silent until their date and rows of unscanned accounts out", () => {
    const plan = digests([
      row("ESC-0001", { Status: "Snoozed until 2026-06-23" }),
      row("ESC-0002", { Account: "Elsewhere" }),
    ]);
    expect(plan.digests).toEqual([]);
  });

  it("flags past-due rows as overdue and lists them first, most severe first", () => {
    const plan = digests([
      row("ESC-0001", { Severity: "Watch", Due: day("2026-06-21") }),
      row("ESC-0002", { Severity: "Critical" }),
      row("ESC-0003", { Severity: "Warning", Due: day("2026-06-22") }),
    ]);
    expect(plan.digests[0].items.map((item) => [item.id, item.overdue])).toEqual([
      ["ESC-0001", true],
      ["ESC-0002", false],
      ["ESC-0003", false],
    ]);
    expect(plan.overdue).toBe(1);
  });

  it("sends nothing to an owner outside the allowed domains and says so per tab", () => {
    const plan = digests([row("ESC-0001")], {
      accounts: new Map([["acme", { ...acme, ownerEmail: "someone@gmail.com" }]]),
      allowedDomains: ["agency.gov"],
    });
    expect(plan.digests).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        tab: "Acme tab",
        owner: "someone@gmail.com",
        reason: "the owner someone@gmail.com is not in Allowed email domains (agency.gov); no email was sent",
      },
    ]);
  });

  it("adds missing values not mailed within the interval", () => {
    const missing = [
      {
        tabName: "Acme tab",
        account: "Acme",
        ownerEmail: "x@agency.gov",
        metric: "Uptime",
        period: { year: 2026, month: 5, day: 1 },
        months: 1,
        cell: "F9",
      },
      {
        tabName: "Acme tab",
        account: "Acme",
        ownerEmail: "x@agency.gov",
        metric: "NPS",
        period: { year: 2026, month: 5, day: 1 },
        months: 3,
        cell: "F10",
      },
    ];
    const plan = digests([], {
      missingData: missing,
      missingNotified: new Map([["acme|nps|2026-05", new Date("2026-06-20T11:00:00Z")]]),
    });
    expect(plan.digests[0].missing.map((item) => [item.key, item.period])).toEqual([
      ["acme|uptime|2026-05", "May 2026"],
    ]);
  });
});

describe("notification rules", () => {
  it("allows a listed domain and its subdomains only", () => {
    expect(emailDomainAllowed("a@agency.gov", ["agency.gov"])).toBe(true);
    expect(emailDomainAllowed("a@cs.agency.gov", ["agency.gov"])).toBe(true);
    expect(emailDomainAllowed("a@notagency.gov", ["agency.gov"])).toBe(false);
    expect(emailDomainAllowed("a@anything.com", [])).toBe(true);
  });

  it("counts the reminder interval in calendar days, so a scan a few seconds early still reminds", () => {
    const last = new Date("2026-06-15T11:00:10Z");
    expect(reminderDue(last, { year: 2026, month: 6, day: 22 }, 7, readWallClockUtc)).toBe(true);
    expect(reminderDue(last, { year: 2026, month: 6, day: 21 }, 7, readWallClockUtc)).toBe(false);
  });

  it("makes a date-only Due overdue the next day and a timed Due once reached", () => {
    expect(isOverdue(day("2026-06-22"), now, readWallClockUtc)).toBe(false);
    expect(isOverdue(day("2026-06-21"), now, readWallClockUtc)).toBe(true);
    expect(isOverdue(new Date("2026-06-22T10:59:00Z"), now, readWallClockUtc)).toBe(true);
    expect(isOverdue(new Date("2026-06-22T11:01:00Z"), now, readWallClockUtc)).toBe(false);
  });
});
