// The scan's use of the Incidents tab: availability from outage minutes judged over any rolling 7 days, typed rows kept, follow-ups.
import { describe, expect, it } from "vitest";
import { accountTabRows } from "../../../emulation/workbooks/account-tab";
import { parseResponsePlan } from "../../../src/domain/calendar/response-window";
import { measureFromIncidents } from "../../../src/domain/incidents/measured-rows";
import { compileRules } from "../../../src/domain/scan/compile-rules";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import { followUpCellText } from "../../../src/domain/scan/follow-up-cell";
import { FEDERAL_TEMPLATE } from "../../../src/domain/templates/federal-template";
import { tableValues } from "../../../src/domain/templates/template-values";
import { type ParsedAccountTab, parseAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { parseCatalog } from "../../../src/domain/workbook/parse-catalog";
import { parseRules } from "../../../src/domain/workbook/parse-rules";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { at, incident, UTC } from "./incident-fixtures";

function ok<T>(value: T): Exclude<T, { reason: string }> {
  if (isWorkbookProblem(value)) throw new Error(value.message);
  return value as Exclude<T, { reason: string }>;
}

const catalog = ok(parseCatalog(tableValues(FEDERAL_TEMPLATE.kpiCatalog))).entries;
const rules = compileRules(
  ok(parseRules(tableValues(FEDERAL_TEMPLATE.escalationRules))).rules.filter(
    (rule) => rule.metric === "System uptime",
  ),
).rules;
const PERIODS = ["2026-08", "2026-09", "2026-10"];

function accountTab(uptime: unknown[]): ParsedAccountTab {
  const rows = accountTabRows(
    {
      account: "Acme",
      owner: "owner@agency.gov",
      goLive: "2026-01-01",
      periods: PERIODS,
      metrics: [{ metric: "System uptime", category: "Contract-facing", values: uptime }],
    },
    (iso) => new Date(`${iso}T00:00:00Z`),
  );
  return ok(parseAccountTab("Acme", rows as never, { readWallClock: UTC }));
}

const NOW = at("2026-11-05 09:00");
const options = { catalog, rules, today: { year: 2026, month: 11, day: 5 }, readWallClock: UTC, now: NOW };
const outage = incident({ id: "INC-31", started: "2026-10-14 02:10", resolved: "2026-10-14 05:10" });

describe("System uptime measured from the Incidents tab", () => {
  it("a 3-hour outage: October passes (99.60%) but its worst 7 days (98.21%) breach, naming the window and incident", () => {
    const evaluation = evaluateAccount(accountTab(["", "", ""]), { ...options, incidents: [outage] });
    expect(evaluation.breaches).toHaveLength(1);
    const [breach] = evaluation.breaches;
    expect(breach.period).toEqual({ year: 2026, month: 10, day: 1 });
    // The window's 1 − 180 / 10,080 to 0.01%, rounded down as the Note says it.
    expect(breach.value).toBe(0.9821);
    expect(breach.window?.outages.map((o) => o.incident.id)).toEqual(["INC-31"]);
    expect(breach.detail).toBe(
      "worst 7 days 2026-10-07 05:10 to 2026-10-14 05:10: 98.21% available, 180 minutes down (INC-31)",
    );
    expect(evaluation.missingData).toEqual([]);
  });

  it("an empty Incidents tab claims nothing: a blank row stays blank (missing like any blank value), no breach", () => {
    const evaluation = evaluateAccount(accountTab(["", "", ""]), { ...options, incidents: [] });
    expect(evaluation.breaches).toEqual([]);
    expect(evaluation.missingData.map((item) => [item.metric, item.cell, item.fromIncidents])).toEqual([
      ["System uptime", "F9", true],
    ]);
  });

  it("months that ended before the first incident on the tab keep what was typed; later months are measured", () => {
    const tab = accountTab([0.9942, "", 0.999]);
    const measured = measureFromIncidents(tab, {
      catalog,
      incidents: [outage],
      now: NOW,
      readWallClock: UTC,
    });
    expect(measured.trackedFrom).toEqual(outage.started);
    // Aug typed 99.42% (kept), Sep blank (not claimed as 100%), Oct from the outage (99.60%, the typed 99.9% set aside).
    expect(measured.tab.metrics[0].values[0]).toBe(0.9942);
    expect(measured.tab.metrics[0].values[1]).toBe("");
    expect(measured.tab.metrics[0].values[2]).toBeCloseTo(1 - 180 / 44_640, 10);
  });

  it("an account that types uptime by hand and logs no incident keeps its values (a bad month still breaches)", () => {
    const typed = accountTab([0.9991, 0.9987, 0.9942]);
    const evaluation = evaluateAccount(typed, {
      ...options,
      incidents: [outage],
    });
    // Acme logs INC-31, so it is measured from incidents: the typed 99.42% is not used.
    expect(evaluation.breaches[0].value).toBe(0.9821);
    const other = evaluateAccount(typed, { ...options, incidents: [{ ...outage, account: "Other" }] });
    expect(other.breaches).toHaveLength(1);
    expect(other.breaches[0].value).toBe(0.9942);
    expect(other.breaches[0].reason).toContain("the period's own value (typed");
    expect(other.breaches[0].window).toBeUndefined();
  });

  it("without an Incidents tab a blank row is reported, never guessed", () => {
    const evaluation = evaluateAccount(accountTab(["", "", ""]), { ...options, incidents: null });
    expect(evaluation.breaches).toEqual([]);
    expect(evaluation.ruleProblems.join("\n")).toContain("the workbook has no Incidents tab");
  });
});

describe("Follow-up due", () => {
  const plan = parseResponsePlan("immediately; root cause report within 5 business days");
  const facts = {
    first: plan.first,
    followUp: plan.followUp!,
    opened: at("2026-11-05 09:00"),
    readWallClock: UTC,
  };
  it("counts from the first incident's start, pending, then overdue, then met once its report is filled in", () => {
    expect(followUpCellText({ ...facts, incidents: [outage], now: at("2026-10-15 09:00") })).toBe(
      "Root cause report: Pending (due 2026-10-21)",
    );
    expect(followUpCellText({ ...facts, incidents: [outage], now: NOW })).toBe(
      "Root cause report: Overdue (due 2026-10-21)",
    );
    const reported = { ...outage, rootCauseReport: { year: 2026, month: 10, day: 19 } };
    expect(followUpCellText({ ...facts, incidents: [reported], now: NOW })).toBe(
      "Root cause report: Met 2026-10-19",
    );
  });
});
