// What a digest item says: the value against its target or threshold with the gap, due times on the workbook's clock, and a subject that leads with the most urgent item.
import { describe, expect, it } from "vitest";
import { zonedParts } from "../../../emulation/time-zone";
import { formatPeopleDay, formatPeopleMoment, zoneLabel } from "../../../src/domain/calendar/people-date";
import type { ReadWallClock } from "../../../src/domain/civil-date";
import { parseCondition } from "../../../src/domain/condition";
import { nameKey } from "../../../src/domain/scan/breach-key";
import { planDigests } from "../../../src/domain/scan/digest-plan";
import type { EscalationRecord } from "../../../src/domain/scan/escalation-plan";
import { digestSubject, dueLine, renderDigest } from "../../../src/domain/scan/render-digest";
import { formatValueAgainstRule, valueAgainstRule } from "../../../src/domain/scan/value-against-rule";

const newYork: ReadWallClock = (date) => {
  const p = zonedParts(date.getTime(), "America/New_York");
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
};

const reading = (value: number | string, condition: string, target?: string) =>
  formatValueAgainstRule(
    valueAgainstRule(value, condition, { target: target ? parseCondition(target) : undefined }),
  );

describe("value against its rule", () => {
  it("says a missed target with the points short", () => {
    expect(reading(0.991, "misses target", "at least 99.5%")).toBe(
      "99.1% — target at least 99.5%, 0.4 points short",
    );
    expect(reading(6, "misses target", "at most 4 hours")).toBe(
      "6 hours — target at most 4 hours, 2 hours over",
    );
  });

  it("says a threshold with the gap, through streaks and rolling windows", () => {
    expect(reading(0.22, "below 25%")).toBe("22% — threshold below 25%, 3 points under");
    expect(reading(2, "above 1")).toBe("2 — threshold above 1, 1 over");
    expect(reading(0.5, "below 100% for 2 consecutive periods")).toBe(
      "50% — threshold below 100% for 2 consecutive periods, 50 points under",
    );
    expect(reading("4 hrs", "above 2 hours")).toBe("4 hrs — threshold above 2 hours, 2 hours over");
  });

  it("names the rule, and the metric's target beside it, when no one number measures the gap", () => {
    expect(reading("Yes", "is Yes")).toBe("Yes — rule: is Yes");
    const declines = valueAgainstRule(77, "declines for 3 consecutive periods", {
      metricTarget: parseCondition("at least 70"),
    });
    expect(formatValueAgainstRule(declines)).toBe(
      "77 — rule: declines for 3 consecutive periods · target at least 70",
    );
  });
});

describe("dates as people read them", () => {
  it("writes weekday, month, day and the time with the zone's common name", () => {
    const clock = { year: 2026, month: 12, day: 1, hour: 9, minute: 0, second: 0 };
    expect(formatPeopleMoment(clock, { hasTime: true, timeZone: "America/New_York", thisYear: 2026 })).toBe(
      "Tue Dec 1, 9:00 AM ET",
    );
    expect(
      formatPeopleMoment({ ...clock, hour: 12, minute: 30 }, { hasTime: true, timeZone: "Europe/Berlin" }),
    ).toBe("Tue Dec 1, 12:30 PM Berlin time");
    expect(formatPeopleDay({ year: 2027, month: 1, day: 4 }, true)).toBe("Mon Jan 4, 2027");
    expect(zoneLabel("America/Los_Angeles")).toBe("PT");
  });
});

describe("a digest on the workbook's clock", () => {
  const now = new Date("2026-11-23T14:00:00Z"); // 9:00 AM in New York
  const record = (id: string, extra: Partial<EscalationRecord>): EscalationRecord => ({
    row: 2,
    isNew: true,
    cells: [],
    changed: new Set(),
    id,
    account: "Federal Records Agency",
    metric: "System uptime",
    period: new Date("2026-10-01T04:00:00Z"),
    latestPeriod: new Date("2026-10-01T04:00:00Z"),
    value: 0.991,
    condition: "below 99.5%",
    severity: "Critical",
    action: "Declare an incident",
    owner: "dana@agency.gov",
    opened: now,
    due: new Date("2026-12-01T14:00:00Z"),
    status: { kind: "Open" },
    lastNotified: null,
    note: "",
    ...extra,
  });
  const plan = planDigests({
    records: [
      record("ESC-0002", { severity: "Warning", metric: "Sponsor engagement" }),
      record("ESC-0001", { due: new Date("2026-11-23T22:00:00Z") }),
      record("ESC-0003", { severity: "Watch", due: new Date("2026-11-20T05:00:00Z") }),
    ],
    accounts: new Map([
      [
        nameKey("Federal Records Agency"),
        { account: "Federal Records Agency", tabName: "FRA", sheetId: 9, ownerEmail: "dana@agency.gov" },
      ],
    ]),
    missingData: [],
    missingNotified: new Map(),
    now,
    readWallClock: newYork,
    reminderEveryDays: 7,
    allowedDomains: [],
  });
  const digest = plan.digests[0];

  it("shows due times on the spreadsheet's clock, overdue first, then by severity", () => {
    expect(digest.items.map((item) => item.id)).toEqual(["ESC-0003", "ESC-0001", "ESC-0002"]);
    expect(digest.items.map((item) => dueLine(item, "America/New_York"))).toEqual([
      "Overdue: was due Fri Nov 20",
      "Due Mon Nov 23, 5:00 PM ET (today)",
      "Due Tue Dec 1, 9:00 AM ET",
    ]);
  });

  it("leads the subject with the most urgent item and counts the rest", () => {
    expect(digestSubject(digest)).toBe(
      "Watch: System uptime — Federal Records Agency, overdue since Fri Nov 20 · 2 more",
    );
    const notOverdue = { ...digest, items: digest.items.slice(1) };
    expect(digestSubject(notOverdue)).toBe(
      "Critical: System uptime — Federal Records Agency, due today · 1 more",
    );
  });

  it("writes the same items in plain text and HTML", () => {
    const mail = renderDigest(digest, {
      spreadsheetName: "Tracker",
      spreadsheetUrl: "https://x/edit",
      senderName: "",
      timeZone: "America/New_York",
    });
    for (const text of [
      "Due Mon Nov 23, 5:00 PM ET (today)",
      "99.1% — threshold below 99.5%",
      "Overdue: was due Fri Nov 20",
    ]) {
      expect(mail.body).toContain(text);
      expect(mail.htmlBody).toContain(text);
    }
    expect(mail.body.indexOf("ESC-0003")).toBeLessThan(mail.body.indexOf("ESC-0001"));
  });
});
