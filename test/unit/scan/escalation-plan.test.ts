// Planning the Escalation Log: new rows, continuing breaches, resolution, snoozes, untouched rows, notifications.
import { describe, expect, it } from "vitest";
import type { EscalationPlanInput } from "../../../src/domain/scan/escalation-plan";
import {
  appendNote,
  nextEscalationNumber,
  planEscalationLog,
} from "../../../src/domain/scan/escalation-plan";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import { accountTab, compiled, day, escalationLog, ruleRow } from "./scan-fixtures";

const now = new Date("2026-06-15T11:00:00Z");
const today = { year: 2026, month: 6, day: 15 };
const rules = compiled([
  ruleRow("MAU", "Watch", "below 40%", { respondWithin: "2 weeks" }),
  ruleRow("Uptime", "Critical", "below 99%", { respondWithin: "24 hours" }),
]);

function evaluation(mau: unknown[], uptime: unknown[] = [0.999, 0.999], account = "Acme") {
  const tab = accountTab({
    account,
    periods: ["2026-04", "2026-05"],
    metrics: [
      { name: "MAU", values: mau as never[] },
      { name: "Uptime", values: uptime as never[] },
    ],
  });
  return evaluateAccount(tab, { rules, catalog: [], today });
}

function plan(overrides: Partial<EscalationPlanInput>) {
  return planEscalationLog({
    log: escalationLog([]),
    evaluations: [],
    rules,
    brokenKeys: new Set(),
    rulesReadable: true,
    now,
    firstNewRow: 2,
    ...overrides,
  });
}

const openMau = {
  ID: "ESC-0007",
  Account: "Acme",
  Metric: "MAU",
  Since: day("2026-04-01"),
  Value: 0.35,
  Condition: "below 40%",
  Severity: "Watch",
  Owner: "owner@agency.gov",
  Status: "Open",
  Opened: day("2026-05-04"),
  Note: "called the PM",
};

describe("planEscalationLog", () => {
  it("opens a row per new breach with the next ID, the episode's first period, Due and Open status", () => {
    const result = plan({
      log: escalationLog([{ ...openMau, ID: "ESC-0012", Account: "Other", Status: "Resolved" }]),
      evaluations: [evaluation([0.3, 0.35], [0.999, 0.95])],
      firstNewRow: 3,
    });
    expect(result.newEscalations).toBe(2);
    const added = result.records.filter((record) => record.isNew);
    expect(added.map((record) => [record.id, record.row, record.metric])).toEqual([
      ["ESC-0013", 3, "MAU"],
      ["ESC-0014", 4, "Uptime"],
    ]);
    expect(added[0].period?.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    // Two weeks: by the end of that day.
    expect(added[0].due?.toISOString()).toBe("2026-06-29T23:59:00.000Z");
    // 24 clock hours from 11:00 UTC.
    expect(added[1].due?.toISOString()).toBe("2026-06-16T11:00:00.000Z");
    expect(added[1].status).toEqual({ kind: "Open" });
    // Every column, Latest period (added after the older log's last column) included.
    expect(added[1].changed.size).toBe(16);
    expect(added[0].latestPeriod?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("updates a continuing breach's unresolved row (Value with its Latest period, Last seen) and adds nothing", () => {
    const result = plan({ log: escalationLog([openMau]), evaluations: [evaluation([0.35, 0.3])] });
    expect(result.newEscalations).toBe(0);
    expect(result.continuing).toBe(1);
    const [record] = result.records;
    expect(record.value).toBe(0.3);
    expect(record.cells[4]).toBe(0.3);
    expect(record.cells[13]).toBe(now);
    expect(record.cells[15]?.valueOf()).toBe(Date.parse("2026-05-01T00:00:00Z"));
    expect(record.latestPeriod?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect([...record.changed].sort((a, b) => a - b)).toEqual([5, 14, 16]);
  });

  it("moves a continuing breach to the tab's current owner", () => {
    const result = plan({
      log: escalationLog([{ ...openMau, Owner: "former@agency.gov" }]),
      evaluations: [evaluation([0.35, 0.3])],
    });
    expect(result.records[0].owner).toBe("owner@agency.gov");
    expect(result.records[0].changed.has(9)).toBe(true);
  });

  it("resolves an unresolved row whose rule is clear now, appending to the user's note", () => {
    const result = plan({
      log: escalationLog([{ ...openMau, Status: "Acknowledged" }]),
      evaluations: [evaluation([0.35, 0.6])],
    });
    expect(result.resolved).toBe(1);
    expect(result.records[0].cells[11]).toBe("Resolved");
    expect(result.records[0].cells[14]).toBe("called the PM; cleared by scan 2026-06-15");
  });

  it("leaves rows alone when the data cannot decide, the rule cannot be read, or the account was not scanned", () => {
    const unknown = plan({ log: escalationLog([openMau]), evaluations: [evaluation([0.35, "abc"])] });
    expect(unknown.records[0].changed.size).toBe(0);
    const broken = plan({
      log: escalationLog([{ ...openMau, Condition: "belw 40%" }]),
      evaluations: [evaluation([0.6, 0.6])],
      brokenKeys: new Set(["mau|Watch|belw 40%"]),
    });
    expect(broken.records[0].changed.size).toBe(0);
    const elsewhere = plan({
      log: escalationLog([openMau]),
      evaluations: [evaluation([0.6, 0.6], undefined, "Other")],
    });
    expect(elsewhere.records[0].changed.size).toBe(0);
    const unreadableRules = plan({
      log: escalationLog([{ ...openMau, Condition: "below 30%" }]),
      evaluations: [evaluation([0.6, 0.6])],
      rulesReadable: false,
    });
    expect(unreadableRules.records[0].changed.size).toBe(0);
  });

  it("resolves a row whose rule left Escalation Rules, saying so", () => {
    const result = plan({
      log: escalationLog([{ ...openMau, Condition: "below 30%" }]),
      evaluations: [evaluation([0.6, 0.6])],
    });
    expect(result.records[0].cells[14]).toBe(
      "called the PM; cleared by scan 2026-06-15: its rule is no longer in Escalation Rules",
    );
  });

  it("does not reopen an episode the user resolved, but opens a row for a later episode", () => {
    const resolved = { ...openMau, Status: "Resolved" };
    const same = plan({ log: escalationLog([resolved]), evaluations: [evaluation([0.35, 0.3])] });
    expect(same.newEscalations).toBe(0);
    expect(same.alreadyResolved).toBe(1);
    const later = plan({ log: escalationLog([resolved]), evaluations: [evaluation([0.6, 0.3])] });
    expect(later.newEscalations).toBe(1);
    expect(later.records[1].period?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("turns an expired snooze back to Open and keeps a running one", () => {
    const expired = plan({
      log: escalationLog([{ ...openMau, Status: "Snoozed until 2026-06-15" }]),
      evaluations: [evaluation([0.35, 0.3])],
    });
    expect(expired.snoozesEnded).toBe(1);
    expect(expired.records[0].status).toEqual({ kind: "Open" });
    expect(expired.records[0].cells[14]).toBe("called the PM; snooze ended 2026-06-15");
    const running = plan({
      log: escalationLog([{ ...openMau, Status: "Snoozed until 2026-06-16" }]),
      evaluations: [evaluation([0.35, 0.3])],
    });
    expect(running.records[0].status.kind).toBe("Snoozed");
  });

  it("records in Last notified the digests an interrupted run already sent", () => {
    const at = new Date("2026-06-14T11:00:05Z");
    const result = plan({ log: escalationLog([openMau]), notified: new Map([["ESC-0007", at]]) });
    expect(result.records[0].lastNotified).toBe(at);
    expect([...result.records[0].changed]).toEqual([13]);
  });
});

describe("helpers", () => {
  it("numbers after the largest ESC- ID and ignores others", () => {
    const log = escalationLog([{ ID: "ESC-0009" }, { ID: "esc-0120" }, { ID: "Manual 7" }]);
    expect(nextEscalationNumber(log.entries)).toBe(121);
  });

  it("appends to a note, keeping the user's words", () => {
    expect(appendNote("", "cleared")).toBe("cleared");
    expect(appendNote(" waiting on PM ", "cleared")).toBe("waiting on PM; cleared");
  });
});
