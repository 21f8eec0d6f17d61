// Time to remediate judged per incident: one escalation per slow P1, kept across scans, resolved when its times are corrected.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import { judgedIncidents } from "../../../src/domain/incidents/measured-rows";
import { incidentRuleKey } from "../../../src/domain/scan/breach-key";
import { type EscalationPlan, planEscalationLog } from "../../../src/domain/scan/escalation-plan";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import type { CatalogEntry } from "../../../src/domain/workbook/parse-catalog";
import {
  type ParsedEscalationLog,
  parseEscalationLog,
} from "../../../src/domain/workbook/parse-escalation-log";
import type { Incident } from "../../../src/domain/workbook/parse-incidents";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";
import { accountTab, compiled, escalationLog, ruleRow } from "../scan/scan-fixtures";
import { at, incident, UTC } from "./incident-fixtures";

const MTTR = "Mean time to remediate (MTTR) - P1";
const catalog: CatalogEntry[] = [
  {
    row: 3,
    metric: MTTR,
    category: "Contract-facing",
    clinRef: "",
    definition: "",
    target: "at most 4 hours",
    measurementMethod: "from Incidents",
    reportingCadence: "",
    cparsArea: "Quality",
    segment: "All",
  },
];
const rules = compiled([ruleRow(MTTR, "Warning", "above 4 hours")]);
const [rule] = rules;

const quick = incident({ id: "INC-40", started: "2026-11-02 08:00", resolved: "2026-11-02 09:00" });
const slow = incident({ id: "INC-41", started: "2026-11-03 22:00", resolved: "2026-11-04 07:00" });
const slowP2 = incident({
  id: "INC-42",
  started: "2026-11-05 00:00",
  resolved: "2026-11-05 12:00",
  priority: "P2",
});

function tab(periods = ["2026-09", "2026-10", "2026-11"]) {
  return accountTab({ periods, metrics: [{ name: MTTR, values: periods.map(() => "") }] });
}

function evaluate(incidents: Incident[], now: Date, periods?: string[]) {
  return evaluateAccount(tab(periods), {
    rules,
    catalog,
    today: UTC(now),
    readWallClock: UTC,
    incidents,
    now,
  });
}

const NOW = at("2026-11-20 09:00");

function planOn(log: ParsedEscalationLog, incidents: Incident[], now: Date, firstNewRow = 2): EscalationPlan {
  return planEscalationLog({
    log,
    evaluations: [evaluate(incidents, now)],
    rules,
    brokenKeys: new Set(),
    rulesReadable: true,
    now,
    readWallClock: UTC,
    firstNewRow,
    incidents,
  });
}

/** The log as the sheet would hold it after the plan is written (missing headers added). */
function written(log: ParsedEscalationLog, plan: EscalationPlan): ParsedEscalationLog {
  const header: CellValue[] = [...COLUMNS.escalationLog];
  for (const [name, column] of Object.entries(log.columns)) header[column - 1] = name;
  if (log.incidentColumn) header[log.incidentColumn - 1] = "Incident";
  const parsed = parseEscalationLog([header, ...plan.records.map((record) => record.cells)], {
    readWallClock: UTC,
  });
  if (isWorkbookProblem(parsed)) throw new Error(parsed.message);
  return parsed;
}

describe("which incidents a time-to-remediate rule judges", () => {
  it("those resolved since the start of last month and those still open; not older ones, not after now", () => {
    const old = incident({ id: "INC-1", started: "2026-08-01 00:00", resolved: "2026-08-01 10:00" });
    const open = incident({ id: "INC-9", started: "2026-11-20 03:00" });
    const future = incident({ id: "INC-10", started: "2026-11-21 03:00" });
    const lastMonth = incident({ id: "INC-5", started: "2026-10-01 00:00", resolved: "2026-10-01 06:00" });
    const judged = judgedIncidents([old, lastMonth, quick, slow, slowP2, open, future], "acme", "P1", {
      now: NOW,
      readWallClock: UTC,
    });
    expect(judged.map((time) => [time.incident.id, time.minutes, time.open])).toEqual([
      ["INC-5", 360, false],
      ["INC-40", 60, false],
      ["INC-41", 540, false],
      ["INC-9", 360, true],
    ]);
  });
});

describe("a time-to-remediate rule measured from incidents", () => {
  it("fires on each P1 that took longer, naming it, not on the month's mean; other priorities are not judged", () => {
    const evaluation = evaluate([quick, slow, slowP2], NOW);
    expect(evaluation.breaches).toHaveLength(1);
    const [breach] = evaluation.breaches;
    expect(breach.incident?.incident.id).toBe("INC-41");
    expect(breach.value).toBe("9 hours");
    expect(breach.period).toEqual({ year: 2026, month: 11, day: 1 });
    expect(breach.detail).toBe("INC-41 (P1): 9.0 h to remediate, 2026-11-03 22:00 to 2026-11-04 07:00");
    expect(breach.offGrid).toBeUndefined();
    expect(evaluation.outcomes.get(incidentRuleKey(rule.key, "INC-41"))).toBe("breach");
    expect(evaluation.outcomes.get(incidentRuleKey(rule.key, "INC-40"))).toBe("clear");
    expect(evaluation.outcomes.get(rule.key)).toBe("breach");
  });

  it("an open P1 breaches once it has been open longer than the rule allows, not before", () => {
    const open = incident({ id: "INC-9", started: "2026-11-20 03:00" });
    expect(evaluate([open], at("2026-11-20 06:00")).breaches).toEqual([]);
    const later = evaluate([open], at("2026-11-20 08:30"));
    expect(later.breaches.map((breach) => [breach.value, breach.detail])).toEqual([
      ["330 minutes", "INC-9 (P1): open 5.5 h so far, since 2026-11-20 03:00"],
    ]);
  });

  it("an incident of a month the tab has no column for yet still escalates, without a cell to paint", () => {
    const evaluation = evaluate([slow], NOW, ["2026-09", "2026-10"]);
    expect(evaluation.breaches).toHaveLength(1);
    expect(evaluation.breaches[0].offGrid).toBe(true);
  });
});

describe("the Escalation Log of per-incident escalations", () => {
  it("one row per slow incident with its Incident cell; a second scan adds nothing; the Note says how long it took", () => {
    const open = incident({ id: "INC-41", started: "2026-11-03 22:00" });
    const log0 = escalationLog([]);
    const first = planOn(log0, [quick, open], at("2026-11-04 04:00"));
    expect(first.newEscalations).toBe(1);
    const row = first.records[0];
    expect(row.incident).toBe("INC-41");
    expect(row.cells[(log0.incidentColumn as number) - 1]).toBe("INC-41");
    expect(row.note).toBe("INC-41 (P1): open 6.0 h so far, since 2026-11-03 22:00");

    const log1 = written(log0, first);
    const second = planOn(log1, [quick, slow], at("2026-11-04 09:00"), 3);
    expect(second.newEscalations).toBe(0);
    expect(second.continuing).toBe(1);
    expect(second.records[0].value).toBe("9 hours");
    expect(second.records[0].note).toBe(
      "INC-41 (P1): open 6.0 h so far, since 2026-11-03 22:00; " +
        "INC-41 (P1): 9.0 h to remediate, 2026-11-03 22:00 to 2026-11-04 07:00",
    );

    // Another slow P1 is an escalation of its own, not a continuation of the first.
    const another = incident({ id: "INC-43", started: "2026-11-10 00:00", resolved: "2026-11-10 05:00" });
    const log2 = written(log1, second);
    const third = planOn(log2, [quick, slow, another], at("2026-11-10 09:00"), 3);
    expect(third.newEscalations).toBe(1);
    expect(third.records.map((record) => [record.id, record.incident])).toEqual([
      ["ESC-0001", "INC-41"],
      ["ESC-0002", "INC-43"],
    ]);
  });

  it("resolves a row when its incident's times are corrected below the limit; leaves it when the incident is no longer judged", () => {
    const log0 = escalationLog([]);
    const log1 = written(log0, planOn(log0, [slow], NOW));
    const corrected = { ...slow, resolved: at("2026-11-04 00:30") };
    const fixed = planOn(log1, [corrected], at("2026-11-21 09:00"), 3);
    expect(fixed.resolved).toBe(1);
    expect(fixed.records[0].status.kind).toBe("Resolved");
    expect(fixed.records[0].note).toContain("cleared by scan 2026-11-21");

    // Two months on, the incident is past the judged window: the row stays as people left it.
    const later = planOn(log1, [slow], at("2027-01-20 09:00"), 3);
    expect(later.resolved).toBe(0);
    expect(later.records[0].status.kind).toBe("Open");
  });
});
