// Time to remediate per incident: each P1 resolved in the month, the mean with the worst next to it, and rules judged per incident.
import { describe, expect, it } from "vitest";
import { parseCondition } from "../../../src/domain/condition";
import {
  incidentBreaches,
  incidentMeasure,
  isFromIncidents,
  judgeIncidents,
  monthRemediation,
  remediationValue,
} from "../../../src/domain/incidents";
import { at, incident, NEW_YORK } from "./incident-fixtures";

const april = { year: 2026, month: 4 };
const incidents = [
  incident({ id: "P1-quick", started: "2026-04-02 09:00", resolved: "2026-04-02 10:00" }),
  incident({ id: "P1-long", started: "2026-04-10 08:00", resolved: "2026-04-10 17:00" }),
  incident({ id: "P1-mid", started: "2026-04-20 12:00", resolved: "2026-04-20 13:30" }),
  incident({ id: "P1-march", started: "2026-03-31 22:00", resolved: "2026-04-01 01:00" }),
  incident({ id: "P1-may", started: "2026-04-30 23:00", resolved: "2026-05-01 02:00" }),
  incident({ id: "P2", started: "2026-04-05 09:00", resolved: "2026-04-05 20:00", priority: "P2" }),
  incident({ id: "P1-open", started: "2026-04-28 06:00", resolved: null }),
  incident({ id: "other", started: "2026-04-03 09:00", resolved: "2026-04-03 19:00", account: "Globex" }),
];
const now = at("2026-04-28 11:00");

describe("monthRemediation", () => {
  const p1 = monthRemediation(incidents, { account: "Acme", month: april, priority: "P1", now });

  it("lists each P1 resolved in the month, by resolution, whenever it started", () => {
    expect(p1.resolved.map((t) => [t.incident.id, t.minutes])).toEqual([
      ["P1-march", 180],
      ["P1-quick", 60],
      ["P1-long", 540],
      ["P1-mid", 90],
    ]);
  });

  it("gives the month's mean with the worst incident next to it, so one 9-hour P1 is not hidden", () => {
    expect(p1.meanMinutes).toBe((180 + 60 + 540 + 90) / 4);
    expect(p1.worst?.incident.id).toBe("P1-long");
    expect(p1.worst?.minutes).toBe(540);
  });

  it("reports open incidents as open, with their age", () => {
    expect(p1.open.map((t) => [t.incident.id, t.minutes, t.open])).toEqual([["P1-open", 300, true]]);
  });

  it("measures every priority when none is named", () => {
    const all = monthRemediation(incidents, { account: "Acme", month: april, now });
    expect(all.resolved.map((t) => t.incident.id)).toContain("P2");
    expect(all.priority).toBeNull();
  });

  it("has no mean and no worst in a month without resolved incidents", () => {
    const june = monthRemediation(incidents, { account: "Acme", month: { year: 2026, month: 6 }, now });
    expect([june.resolved, june.meanMinutes, june.worst]).toEqual([[], null, null]);
  });

  it("places incidents in months by the spreadsheet's calendar", () => {
    // Resolved 2026-05-01 02:00 UTC is still 30 April in New York.
    const inNewYork = monthRemediation(incidents, {
      account: "Acme",
      month: april,
      priority: "P1",
      now: at("2026-05-02 00:00"),
      readWallClock: NEW_YORK,
    });
    expect(inNewYork.resolved.map((t) => t.incident.id)).toContain("P1-may");
  });
});

describe("rules on time to remediate, judged per incident", () => {
  const p1 = monthRemediation(incidents, { account: "Acme", month: april, priority: "P1", now });
  const times = [...p1.resolved, ...p1.open];

  it("fires `above 4 hours` on each P1 that took longer, naming it", () => {
    const breaches = incidentBreaches(parseCondition("above 4 hours"), times);
    expect(breaches.map((b) => b.time.incident.id)).toEqual(["P1-long", "P1-open"]);
    expect(breaches[0].reason).toBe("P1-long took 9 hours: 9 hours is above 4 hours");
    expect(breaches[1].reason).toBe("P1-open has been open 5 hours: 5 hours is above 4 hours");
  });

  it("reads the time in the rule's unit", () => {
    const breaches = incidentBreaches(parseCondition("at least 180 minutes"), times);
    expect(breaches.map((b) => b.time.incident.id)).toEqual(["P1-march", "P1-long", "P1-open"]);
  });

  it("does not fire on an open incident that has not yet reached the limit", () => {
    const young = monthRemediation(incidents, {
      account: "Acme",
      month: april,
      priority: "P1",
      now: at("2026-04-28 09:00"),
    });
    const judged = judgeIncidents(parseCondition("above 4 hours"), young.open);
    expect(judged.map((j) => [j.time.incident.id, j.breached])).toEqual([["P1-open", false]]);
  });

  it("never fires a rule that an open incident could still stop matching", () => {
    const judged = judgeIncidents(parseCondition("below 8 hours"), p1.open);
    expect(judged[0].result.matched).toBe(true);
    expect(judged[0].breached).toBe(false);
  });

  it("reports a rule without a time unit instead of guessing one", () => {
    const judged = judgeIncidents(parseCondition("above 4"), p1.resolved);
    expect(judged.every((j) => !j.breached)).toBe(true);
    expect(judged[0].result.problem).toBe(
      '"3 hours" is in hours, but the condition has no time unit (write e.g. "above 4 hours")',
    );
  });

  it("checks each incident against the catalog Target with misses target", () => {
    const breaches = incidentBreaches(parseCondition("misses target"), p1.resolved, {
      target: parseCondition("at most 4 hours"),
    });
    expect(breaches.map((b) => b.time.incident.id)).toEqual(["P1-long"]);
  });

  it("writes durations as text the condition language reads back", () => {
    expect([remediationValue(540), remediationValue(95), remediationValue(90.5)]).toEqual([
      "9 hours",
      "95 minutes",
      "90.5 minutes",
    ]);
  });
});

describe("metrics measured from Incidents", () => {
  it("recognise the Measurement method", () => {
    expect(["from Incidents", "From incidents tab", " from the Incidents. "].map(isFromIncidents)).toEqual([
      true,
      true,
      true,
    ]);
    expect(isFromIncidents("Automated monitoring; exported monthly")).toBe(false);
  });

  it("take availability or time to remediate (of the priority named) from the metric's name", () => {
    expect(incidentMeasure("System uptime")).toEqual({ kind: "availability" });
    expect(incidentMeasure("MTTR - P1")).toEqual({ kind: "remediation", priority: "P1" });
    expect(incidentMeasure("Mean time to remediate (MTTR) - P1")).toEqual({
      kind: "remediation",
      priority: "P1",
    });
    expect(incidentMeasure("Time to resolve P2 incidents")).toEqual({ kind: "remediation", priority: "P2" });
    expect(incidentMeasure("MTTR")).toEqual({ kind: "remediation", priority: null });
    expect(incidentMeasure("Platform availability")).toEqual({ kind: "availability" });
  });

  it("say nothing for a name that is neither, so the scan can report it instead of guessing", () => {
    expect(incidentMeasure("Incident count")).toBeUndefined();
  });
});
