// Reading the Escalation Log: typed fields, status with snooze dates, and every cell kept for writers.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import {
  formatEscalationStatus,
  parseEscalationStatus,
} from "../../../src/domain/workbook/escalation-status";
import type { ParsedEscalationLog } from "../../../src/domain/workbook/parse-escalation-log";
import { parseEscalationLog } from "../../../src/domain/workbook/parse-escalation-log";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function logRow(
  overrides: Partial<Record<(typeof COLUMNS.escalationLog)[number], CellValue>> = {},
): CellValue[] {
  const row: Record<string, CellValue> = {
    ID: "ESC-0001",
    Account: "Dept. of Example",
    Metric: "System uptime",
    Since: utc("2026-09-01"),
    Value: 0.9942,
    Condition: "misses target",
    Severity: "Critical",
    Action: "Declare an incident",
    Owner: "ann.lee@agency.gov",
    Opened: utc("2026-10-01"),
    Due: utc("2026-10-01"),
    Status: "Open",
    "Last notified": "",
    "Last seen": utc("2026-10-02"),
    Note: "",
    ...overrides,
  };
  return COLUMNS.escalationLog.map((column) => row[column]);
}

function read(values: CellValue[][]): ParsedEscalationLog {
  const result = parseEscalationLog(values);
  if (isWorkbookProblem(result)) throw new Error(result.message);
  return result;
}

describe("parseEscalationLog", () => {
  it("reads a log made before the split: Period as Since, Latest period and Incident to be added after the last column", () => {
    const header = COLUMNS.escalationLog.map((column) => (column === "Since" ? "Period" : column));
    const log = read([[...header, "Notified"], logRow({ Since: "Sep 2026" })]);
    expect(log.problems).toEqual([]);
    expect(log.entries[0].period?.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(log.entries[0].latestPeriod).toBeNull();
    expect(log.columns.Since).toBe(4);
    expect(log.missingHeaders).toEqual([
      { column: 17, name: "Latest period" },
      { column: 18, name: "Incident" },
    ]);
    expect(log.columns["Latest period"]).toBe(17);
    expect(log.incidentColumn).toBe(18);
    expect(log.entries[0].incident).toBe("");
    expect(log.width).toBe(18);
    expect(log.notifiedColumn).toBe(16);
  });

  it("reads Latest period and Incident by header and names the column of an unreadable month", () => {
    const log = read([
      [...COLUMNS.escalationLog, "Latest period", "Incident"],
      [...logRow(), utc("2026-11-01"), "INC-7"],
      [...logRow({ ID: "ESC-0002" }), "soon", ""],
    ]);
    expect(log.missingHeaders).toEqual([]);
    expect(log.incidentColumn).toBe(17);
    expect(log.entries.map((entry) => entry.incident)).toEqual(["INC-7", ""]);
    expect(log.entries[0].latestPeriod?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(log.entries[1].latestPeriod).toBeNull();
    expect(log.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('Latest period "soon" in P3 is not a month'),
    ]);
  });

  it("reads an open escalation's fields", () => {
    const log = read([[...COLUMNS.escalationLog], logRow()]);
    expect(log.problems).toEqual([]);
    expect(log.entries[0]).toMatchObject({
      row: 2,
      id: "ESC-0001",
      metric: "System uptime",
      value: 0.9942,
      severity: "Critical",
      status: { kind: "Open" },
      lastNotified: null,
    });
    expect(log.entries[0].period?.toISOString()).toBe("2026-09-01T00:00:00.000Z");
  });

  it("keeps a user's extra column and its position so a writer can rewrite the row without losing it", () => {
    const header = [...COLUMNS.escalationLog.slice(0, 5), "Ticket #", ...COLUMNS.escalationLog.slice(5)];
    const row = logRow();
    row.splice(5, 0, "INC-4411");
    const log = read([header, row]);
    // 16 columns read, and Latest period and Incident to add after them.
    expect(log.width).toBe(18);
    expect(log.columns.Value).toBe(5);
    expect(log.columns.Condition).toBe(7);
    expect(log.entries[0].cells[5]).toBe("INC-4411");
    expect(log.entries[0].cells).toEqual(row);
  });

  it("reads a snoozed status with its date, typed in several ways", () => {
    const log = read([
      [...COLUMNS.escalationLog],
      logRow({ ID: "A", Status: "Snoozed until 2026-12-01" }),
      logRow({ ID: "B", Status: "snoozed until Dec 1, 2026" }),
      logRow({ ID: "C", Status: "Snoozed until 12/1/2026" }),
      logRow({ ID: "D", Status: utc("2026-12-01") }),
    ]);
    expect(log.problems).toEqual([]);
    for (const entry of log.entries) {
      expect(entry.status.kind).toBe("Snoozed");
      expect(entry.status.until?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    }
  });

  it("treats an unreadable status as Open and says so, so an escalation never goes quiet by mistake", () => {
    const log = read([[...COLUMNS.escalationLog], logRow({ Status: "Snoozed until later" })]);
    expect(log.entries[0].status).toEqual({ kind: "Open" });
    expect(log.problems[0].message).toBe(
      'Escalation Log row 2: Status "Snoozed until later" in L2 is not one of Open, Acknowledged, ' +
        "Snoozed until <date> (e.g. Snoozed until 2026-12-01) or Resolved; treated as Open",
    );
  });

  it("reads dates typed as text and reports cells that are not dates, keeping the row", () => {
    const log = read([
      [...COLUMNS.escalationLog],
      logRow({ Since: "Sep 2026", Opened: "2026-10-01", Due: "next week" }),
    ]);
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0].period?.toISOString()).toBe("2026-09-01T00:00:00.000Z");
    expect(log.entries[0].opened?.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    expect(log.entries[0].due).toBeNull();
    expect(log.problems.map((p) => p.reason)).toEqual([
      'row 2: Due "next week" in K2 is not a date; read as blank',
    ]);
  });

  it("reports a repeated or missing ID", () => {
    const log = read([[...COLUMNS.escalationLog], logRow(), logRow(), logRow({ ID: "" })]);
    expect(log.entries).toHaveLength(3);
    expect(log.problems.map((p) => p.reason)).toEqual([
      'row 3: ID "ESC-0001" is also used in row 2',
      "row 4: A4 has no escalation ID",
    ]);
  });
});

describe("escalation status", () => {
  it("writes a snooze back in the form it reads", () => {
    const status = parseEscalationStatus("Snoozed until 2026-12-01", readWallClockUtc);
    expect(status && formatEscalationStatus(status, readWallClockUtc)).toBe("Snoozed until 2026-12-01");
    expect(parseEscalationStatus("ACKNOWLEDGED", readWallClockUtc)).toEqual({ kind: "Acknowledged" });
    expect(parseEscalationStatus("Snoozed", readWallClockUtc)).toBeUndefined();
  });
});
