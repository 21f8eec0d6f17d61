// Follow-up due on rows without incidents: the scan's own Pending turns Overdue, a person's text stays, a corrected value needs none.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import { planDigests } from "../../../src/domain/scan/digest-plan";
import { planEscalationLog } from "../../../src/domain/scan/escalation-plan";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import { renderDigest } from "../../../src/domain/scan/render-digest";
import { parseEscalationLog } from "../../../src/domain/workbook/parse-escalation-log";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";
import { accountTab, compiled, day, ruleRow } from "./scan-fixtures";

const rules = compiled([
  ruleRow("Uptime", "Critical", "below 99.5%", {
    respondWithin: "immediately; root cause report within 5 business days",
  }),
]);
const HEADER = [...COLUMNS.escalationLog, "Latest period", "Follow-up due"];
const FOLLOW_UP = HEADER.length;

function logWith(followUp: string, latest = "2026-05-01", extra: Record<string, CellValue> = {}) {
  const row: Record<string, CellValue> = {
    ID: "ESC-0001",
    Account: "Acme",
    Metric: "Uptime",
    Since: day("2026-05-01"),
    "Latest period": day(latest),
    Value: 0.991,
    Condition: "below 99.5%",
    Severity: "Critical",
    Owner: "owner@agency.gov",
    Opened: new Date("2026-06-01T09:00:00Z"),
    Due: new Date("2026-06-01T09:00:00Z"),
    Status: "Open",
    "Follow-up due": followUp,
    ...extra,
  };
  const parsed = parseEscalationLog([HEADER, HEADER.map((name) => row[name] ?? "")]);
  if (isWorkbookProblem(parsed)) throw new Error(parsed.message);
  return parsed;
}

function planFor(followUp: string, uptime: CellValue[], now: string, latest?: string) {
  const tab = accountTab({
    periods: ["2026-04", "2026-05", "2026-06"],
    metrics: [{ name: "Uptime", values: uptime }],
  });
  const evaluation = evaluateAccount(tab, { rules, catalog: [], today: { year: 2026, month: 6, day: 15 } });
  return planEscalationLog({
    log: logWith(followUp, latest),
    evaluations: [evaluation],
    rules,
    brokenKeys: new Set(),
    rulesReadable: true,
    now: new Date(now),
    firstNewRow: 3,
  });
}

const followUpOf = (plan: ReturnType<typeof planFor>) => plan.records[0].cells[FOLLOW_UP - 1];

describe("Follow-up due without incidents", () => {
  it("the scan's own Pending turns Overdue once the due day has passed", () => {
    const plan = planFor(
      "Root cause report: Pending (due 2026-06-08)",
      [0.999, 0.991, ""],
      "2026-06-09T10:00:00Z",
    );
    expect(followUpOf(plan)).toBe("Root cause report: Overdue (due 2026-06-08)");
  });

  it("a person's own text in the cell is never overwritten", () => {
    const plan = planFor("sent to the CO on 6/5, see email", [0.999, 0.991, ""], "2026-06-09T10:00:00Z");
    expect(followUpOf(plan)).toBe("sent to the CO on 6/5, see email");
  });

  it("a value corrected in the month it breached resolves the row as corrected: no report owed", () => {
    const plan = planFor(
      "Root cause report: Pending (due 2026-06-08)",
      [0.999, 0.998, ""],
      "2026-06-03T10:00:00Z",
    );
    const [record] = plan.records;
    expect(record.status.kind).toBe("Resolved");
    expect(record.note).toBe("cleared by scan 2026-06-03: the May 2026 value no longer breaches (corrected)");
    expect(followUpOf(plan)).toBe("Root cause report: not needed (value corrected)");
  });

  it("a breach that recovered in a later month is resolved, and its report is still owed", () => {
    const plan = planFor(
      "Root cause report: Pending (due 2026-06-08)",
      [0.999, 0.991, 0.999],
      "2026-06-09T10:00:00Z",
    );
    const [record] = plan.records;
    expect(record.status.kind).toBe("Resolved");
    expect(record.note).toBe("cleared by scan 2026-06-09");
    expect(followUpOf(plan)).toBe("Root cause report: Overdue (due 2026-06-08)");
  });
});

describe("Follow-up due in the digest", () => {
  const now = new Date("2026-06-09T10:00:00Z");
  function digestOf(followUp: string, status: string) {
    const { records } = planEscalationLog({
      log: logWith(followUp, "2026-05-01", {
        Status: status,
        "Last notified": new Date("2026-06-01T09:00:00Z"),
      }),
      evaluations: [],
      rules,
      brokenKeys: new Set(),
      rulesReadable: true,
      now,
      firstNewRow: 3,
    });
    return planDigests({
      records,
      accounts: new Map([
        ["acme", { account: "Acme", tabName: "Acme", sheetId: 7, ownerEmail: "owner@agency.gov" }],
      ]),
      missingData: [],
      missingNotified: new Map(),
      now,
      reminderEveryDays: 7,
      allowedDomains: [],
    });
  }

  it("a resolved escalation whose root cause report is overdue stays in digests, led by that deadline", () => {
    const plan = digestOf("Root cause report: Overdue (due 2026-06-08)", "Resolved");
    const [item] = plan.digests[0].items;
    expect(item).toMatchObject({ id: "ESC-0001", overdue: true, responseOverdue: false, due: null });
    expect(item.followUp).toMatchObject({ label: "Root cause report", overdue: true });
    const mail = renderDigest(plan.digests[0], {
      spreadsheetName: "Book",
      spreadsheetUrl: "https://docs.google.com/spreadsheets/d/x/edit",
      senderName: "KPI Steward",
      timeZone: "Etc/UTC",
    });
    expect(mail.subject).toBe("Critical: Uptime — Acme, root cause report overdue since Mon Jun 8");
    expect(mail.body).toContain("Root cause report overdue: was due Mon Jun 8");
    expect(mail.body).not.toContain("Due: not set");
  });

  it("an open escalation shows its follow-up under its own due line (the scan's Pending now Overdue)", () => {
    const plan = digestOf("Root cause report: Pending (due 2026-06-08)", "Open");
    const mail = renderDigest(plan.digests[0], {
      spreadsheetName: "Book",
      spreadsheetUrl: "https://docs.google.com/spreadsheets/d/x/edit",
      senderName: "KPI Steward",
      timeZone: "Etc/UTC",
    });
    expect(mail.body).toMatch(
      /Overdue: was due Mon Jun 1, 9:00 AM UTC\n\s+Root cause report overdue: was due Mon Jun 8\n/,
    );
  });

  it("a met follow-up, or a person's own text, keeps a resolved escalation out of digests", () => {
    expect(digestOf("Root cause report: Met 2026-06-05", "Resolved").digests).toEqual([]);
    expect(digestOf("sent to the CO 6/5", "Resolved").digests).toEqual([]);
  });
});
