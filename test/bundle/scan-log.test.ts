// The scan's Escalation Log over the built bundle: one row per breach, Due in business days, updates not duplicates.

import { describe, expect, it } from "vitest";
import { getWorkbookTemplate } from "../../src/domain/templates/workbook-templates";
import { cellAddress } from "../../src/domain/workbook/cell-address";
import { COLUMNS, ESCALATION_LOG_HEADER, TAB } from "../../src/domain/workbook-schema";
import { loadScenario, OWNER, plain } from "../support/scan-scenario";
import { logRows, typeInto } from "../support/workbook-fixture";

const TAB_NAME = "Dept of Examples";
const iso = (value: unknown) => (value as Date).toISOString();

function rowOf(rows: Record<string, unknown>[], metric: string) {
  const found = rows.filter((row) => row.Metric === metric);
  expect(found, `one log row for ${metric}`).toHaveLength(1);
  return found[0];
}

/** The 1-based sheet row of an escalation ID on the log tab. */
function logRowNumber(rows: Record<string, unknown>[], id: string): number {
  return rows.findIndex((row) => row.ID === id) + 2;
}

function logCell(column: (typeof COLUMNS.escalationLog)[number], row: number): string {
  return cellAddress(row, COLUMNS.escalationLog.indexOf(column) + 1);
}

describe("runScan: Escalation Log", () => {
  it("opens one Open row per breach, keyed to the period its episode started, due in business days", () => {
    const { env, gas } = loadScenario();
    const summary = plain(gas.runScan());
    expect(summary.outcome).toBe("complete");
    expect(summary.breaches).toBe(4);
    expect(summary.newEscalations).toBe(4);
    const rows = logRows(env);
    expect(rows.map((row) => row.ID)).toEqual(["ESC-0001", "ESC-0002", "ESC-0003", "ESC-0004"]);
    expect(iso(rowOf(rows, "Monthly active users (MAU)").Since)).toBe(iso(env.sheetDate("2026-04-01")));
    expect(iso(rowOf(rows, "System uptime").Since)).toBe(iso(env.sheetDate("2026-05-01")));
    expect(iso(rowOf(rows, "Sponsor engagement").Since)).toBe(iso(env.sheetDate("2026-05-01")));
    // A due day is due by its end (23:59 on the sheet's clock): never its midnight, which read as before Opened.
    const endOf = (day: string) => iso(new Date(env.sheetDate(day).getTime() + (23 * 60 + 59) * 60_000));
    // 5 business days from Monday 2026-06-15 skip Juneteenth (Friday 2026-06-19).
    expect(iso(rowOf(rows, "Mean time to remediate (MTTR) - P1").Due)).toBe(endOf("2026-06-23"));
    // Immediately: the same day.
    expect(iso(rowOf(rows, "System uptime").Due)).toBe(endOf("2026-06-15"));
    expect(iso(rowOf(rows, "Monthly active users (MAU)").Due)).toBe(endOf("2026-06-29"));
    for (const row of rows) {
      expect(row.Status).toBe("Open");
      expect(row.Owner).toBe(OWNER);
      expect(row.Account).toBe(TAB_NAME);
      expect(iso(row.Opened)).toBe(iso(env.now()));
      expect(iso(row["Last seen"])).toBe(iso(env.now()));
    }
    expect(rowOf(rows, "Mean time to remediate (MTTR) - P1").Value).toBe("6 hrs");
    expect(rowOf(rows, "Monthly active users (MAU)").Condition).toBe("below 40%");
    expect(rowOf(rows, "System uptime").Severity).toBe("Critical");
    const formats = env.counter.uncounted(
      () => env.spreadsheet.getSheetByName(TAB.escalationLog)?.getRange(2, 1, 1, 15).getNumberFormats()[0],
    );
    expect(formats?.[COLUMNS.escalationLog.indexOf("Since")]).toBe("mmm yyyy");
    expect(formats?.[COLUMNS.escalationLog.indexOf("Value")]).toBe("0.0#%");
    expect(formats?.[COLUMNS.escalationLog.indexOf("Opened")]).toBe("yyyy-mm-dd hh:mm");
    // One date-time format for Due, whether the rule gives a day or a time.
    expect(formats?.[COLUMNS.escalationLog.indexOf("Due")]).toBe("yyyy-mm-dd hh:mm");
  });

  it("adds Latest period to a log made before it, and keeps Value and Latest period together", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const header = () =>
      env.counter.uncounted(
        () => env.spreadsheet.getSheetByName(TAB.escalationLog)?.getDataRange().getValues()[0],
      );
    // The fixture's log has the 15 contract columns only: Latest period and Incident go after them, then Notified.
    expect(header()?.slice(15)).toEqual(["Latest period", "Incident", "Notified"]);
    const mau = () => rowOf(logRows(env), "Monthly active users (MAU)");
    expect(iso(mau().Since)).toBe(iso(env.sheetDate("2026-04-01")));
    expect(iso(mau()["Latest period"])).toBe(iso(env.sheetDate("2026-05-01")));
    env.setNow("2026-07-06T11:00:00Z");
    typeInto(env, TAB_NAME, { G8: env.sheetDate("2026-06-01"), G11: 0.28 });
    gas.runScan();
    expect(mau().Value).toBe(0.28);
    expect(iso(mau()["Latest period"])).toBe(iso(env.sheetDate("2026-06-01")));
    expect(iso(mau().Since)).toBe(iso(env.sheetDate("2026-04-01")));
  });

  it("reads a log whose header still says Period as Since, and leaves its rows as they were", () => {
    const { env, gas } = loadScenario();
    const header = COLUMNS.escalationLog.map((column) => (column === "Since" ? "Period" : column));
    env.sheetFromRows(TAB.escalationLog, [header]);
    gas.runScan();
    const rows = logRows(env);
    expect(rows).toHaveLength(4);
    expect(iso(rowOf(rows, "System uptime").Period)).toBe(iso(env.sheetDate("2026-05-01")));
    expect(iso(rowOf(rows, "System uptime")["Latest period"])).toBe(iso(env.sheetDate("2026-05-01")));
  });

  it("updates a continuing breach's open row (Value, Last seen) instead of adding a second one", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const before = logRows(env);
    env.setNow("2026-07-06T11:00:00Z");
    typeInto(env, TAB_NAME, { G8: env.sheetDate("2026-06-01"), G11: 0.28 });
    const summary = plain(gas.runScan());
    const after = logRows(env);
    expect(after).toHaveLength(before.length);
    expect(summary.newEscalations).toBe(0);
    const mau = rowOf(after, "Monthly active users (MAU)");
    expect(mau.ID).toBe(rowOf(before, "Monthly active users (MAU)").ID);
    expect(mau.Value).toBe(0.28);
    expect(iso(mau["Last seen"])).toBe(iso(env.now()));
    expect(iso(mau.Since)).toBe(iso(env.sheetDate("2026-04-01")));
    expect(iso(mau.Opened)).toBe(iso(rowOf(before, "Monthly active users (MAU)").Opened));
  });

  it("resolves a row whose value was corrected, saying so, and keeps the user's note as text", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const rows = logRows(env);
    const uptimeRow = logRowNumber(rows, String(rowOf(rows, "System uptime").ID));
    typeInto(env, TAB.escalationLog, {
      [logCell("Note", uptimeRow)]: "'=call the PM",
      [logCell("Status", uptimeRow)]: "Acknowledged",
    });
    env.setNow("2026-06-16T11:00:00Z");
    typeInto(env, TAB_NAME, { F9: 0.999 });
    const summary = plain(gas.runScan());
    expect(summary.resolved).toBe(1);
    const uptime = rowOf(logRows(env), "System uptime");
    expect(uptime.Status).toBe("Resolved");
    expect(uptime.Note).toBe(
      "=call the PM; cleared by scan 2026-06-16: the May 2026 value no longer breaches (corrected)",
    );
    const formula = env.counter.uncounted(() =>
      env.spreadsheet.getSheetByName(TAB.escalationLog)?.getRange(logCell("Note", uptimeRow)).getFormula(),
    );
    expect(formula).toBe("");
    expect(rowOf(logRows(env), "Monthly active users (MAU)").Status).toBe("Open");
  });

  it("leaves an episode the user resolved resolved while it lasts, and opens a new row when a later one starts", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const rows = logRows(env);
    const mauRow = logRowNumber(rows, String(rowOf(rows, "Monthly active users (MAU)").ID));
    typeInto(env, TAB.escalationLog, { [logCell("Status", mauRow)]: "Resolved" });
    env.setNow("2026-07-06T11:00:00Z");
    typeInto(env, TAB_NAME, { G8: env.sheetDate("2026-06-01"), G11: 0.31 });
    expect(plain(gas.runScan()).newEscalations).toBe(0);
    expect(logRows(env).filter((row) => row.Metric === "Monthly active users (MAU)")).toHaveLength(1);

    env.setNow("2026-08-05T11:00:00Z");
    typeInto(env, TAB_NAME, { H8: env.sheetDate("2026-07-01"), H11: 0.55 });
    gas.runScan();
    env.setNow("2026-09-08T11:00:00Z");
    typeInto(env, TAB_NAME, { I8: env.sheetDate("2026-08-01"), I11: 0.33 });
    const summary = plain(gas.runScan());
    const mau = logRows(env).filter((row) => row.Metric === "Monthly active users (MAU)");
    expect(mau.map((row) => row.Status)).toEqual(["Resolved", "Open"]);
    expect(iso(mau[1].Since)).toBe(iso(env.sheetDate("2026-08-01")));
    expect(summary.newEscalations).toBeGreaterThanOrEqual(1);
  });

  it("numbers new escalations after the largest existing ID and never deletes a row", () => {
    const { env, gas } = loadScenario();
    env.sheetFromRows(TAB.escalationLog, [
      [...COLUMNS.escalationLog],
      [
        "ESC-0041",
        "Old Account",
        "System uptime",
        env.sheetDate("2025-01-01"),
        0.9,
        "misses target",
        "Critical",
        "Declare an incident",
        "old@agency.gov",
        env.sheetDate("2025-02-01"),
        env.sheetDate("2025-02-01"),
        "Resolved",
        "",
        env.sheetDate("2025-02-01"),
        "handled",
      ],
    ]);
    gas.runScan();
    const ids = logRows(env).map((row) => row.ID);
    expect(ids).toEqual(["ESC-0041", "ESC-0042", "ESC-0043", "ESC-0044", "ESC-0045"]);
  });

  it("resolves open rows of a rule removed from Escalation Rules, saying why", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const rules = getWorkbookTemplate("federal").escalationRules.rows.filter(
      (r) => r.Metric !== "Sponsor engagement",
    );
    env.sheetFromRows(TAB.escalationRules, [
      [...COLUMNS.escalationRules],
      ...rules.map((r) => COLUMNS.escalationRules.map((column) => r[column])),
    ]);
    env.setNow("2026-06-16T11:00:00Z");
    gas.runScan();
    const sponsor = rowOf(logRows(env), "Sponsor engagement");
    expect(sponsor.Status).toBe("Resolved");
    expect(sponsor.Note).toBe("cleared by scan 2026-06-16: its rule is no longer in Escalation Rules");
  });

  it("turns a snooze whose date has come back to Open, and leaves an unexpired snooze alone", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    const rows = logRows(env);
    const mauRow = logRowNumber(rows, String(rowOf(rows, "Monthly active users (MAU)").ID));
    const uptimeRow = logRowNumber(rows, String(rowOf(rows, "System uptime").ID));
    typeInto(env, TAB.escalationLog, {
      [logCell("Status", mauRow)]: "Snoozed until 2026-06-20",
      [logCell("Status", uptimeRow)]: "Snoozed until 2026-07-31",
    });
    env.setNow("2026-06-22T11:00:00Z");
    const summary = plain(gas.runScan());
    expect(summary.snoozesEnded).toBe(1);
    const after = logRows(env);
    expect(rowOf(after, "Monthly active users (MAU)").Status).toBe("Open");
    expect(rowOf(after, "Monthly active users (MAU)").Note).toBe("snooze ended 2026-06-22");
    expect(rowOf(after, "System uptime").Status).toBe("Snoozed until 2026-07-31");
  });

  it("creates the Escalation Log when the workbook has none, header first", () => {
    const { env, gas } = loadScenario({ withoutLog: true });
    plain(gas.runScan());
    const header = env.counter.uncounted(
      () =>
        env.spreadsheet
          .getSheetByName(TAB.escalationLog)
          ?.getRange(1, 1, 1, ESCALATION_LOG_HEADER.length)
          .getValues()[0],
    );
    expect(header).toEqual([...ESCALATION_LOG_HEADER]);
    expect(logRows(env)).toHaveLength(4);
    const sheet = env.spreadsheet.getSheetByName(TAB.escalationLog);
    const rules = env.counter.uncounted(() => sheet?.getConditionalFormatRules() ?? []);
    const severity = ESCALATION_LOG_HEADER.indexOf("Severity") + 1;
    const critical = rules.find((rule) => rule.getBooleanCondition().getCriteriaValues()[0] === "Critical");
    expect(critical?.getRanges()[0].getColumn()).toBe(severity);
    expect(critical?.getBooleanCondition().getBackground()).toBe("#e06666");
    const status = ESCALATION_LOG_HEADER.indexOf("Status") + 1;
    const dropdown = env.counter.uncounted(() => sheet?.getRange(2, status).getDataValidation());
    expect(dropdown?.getCriteriaValues()[0]).toEqual(["Open", "Acknowledged", "Snoozed until …", "Resolved"]);
    // The scan's and the user's own values are still accepted (a warning in Sheets, not a rejection).
    expect(dropdown?.getAllowInvalid()).toBe(true);
    expect(env.counter.uncounted(() => sheet?.getFilter()?.getRange().getA1Notation())).toBe("A1:S1000");
  });
});
