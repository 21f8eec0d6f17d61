// Two deadlines in `Respond within`: a first response and a follow-up after `;`, their due dates, and whether the follow-up was met.
import { describe, expect, it } from "vitest";
import { followUpStatus } from "../../../src/domain/calendar/follow-up-status";
import {
  computeResponseDues,
  formatResponsePlan,
  parseResponsePlan,
} from "../../../src/domain/calendar/response-window";
import { type CivilDate, parseIsoDate, toIsoDate } from "../../../src/domain/civil-date";
import { rootCauseDelivered } from "../../../src/domain/incidents";
import { incident } from "../incidents/incident-fixtures";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const SLA_BREACH = "immediately; root cause report within 5 business days";

describe("parseResponsePlan", () => {
  it("reads seed 000's SLA breach: notify immediately, root cause report within 5 business days", () => {
    expect(parseResponsePlan(SLA_BREACH)).toEqual({
      first: { kind: "immediately" },
      followUp: { label: "root cause report", window: { kind: "business-days", days: 5 } },
    });
  });

  it.each([
    [
      "24 hours; Root cause report due within 5 business days of the breach",
      "24 hours; Root cause report within 5 business days",
    ],
    ["same day; improvement plan: 2 weeks", "same day; improvement plan within 2 weeks"],
    ["immediately; debrief due in 10 working days", "immediately; debrief within 10 business days"],
    ["immediately; 5 business days", "immediately; Follow-up within 5 business days"],
    [
      "immediately; remediation plan at quarterly ISSO review",
      "immediately; remediation plan: at quarterly ISSO review",
    ],
    ["24 hours;", "24 hours"],
    ["5 business days", "5 business days"],
  ])("reads %j, written back as %j", (typed, canonical) => {
    const plan = parseResponsePlan(typed);
    expect(formatResponsePlan(plan)).toBe(canonical);
    expect(parseResponsePlan(canonical)).toEqual(plan);
  });

  it("keeps a blank cell's default window and no follow-up", () => {
    expect(parseResponsePlan("")).toEqual({ first: { kind: "business-days", days: 5 } });
  });

  it("says which part it could not read, and never guesses", () => {
    expect(() =>
      parseResponsePlan("immediately; root cause report within 5 bizness days", "Respond within in G4"),
    ).toThrow(
      'Respond within in G4 (follow-up after ";"): could not read "5 bizness days": expected "immediately", "24 hours", "5 business days" or "2 weeks"',
    );
    expect(() => parseResponsePlan("; root cause report within 5 business days")).toThrow(
      'Respond within: "; root cause report within 5 business days" has no first response before ";"',
    );
    expect(() =>
      parseResponsePlan("immediately; report within 5 business days; review within 2 weeks"),
    ).toThrow(/has 2 follow-ups after ";": expected a first response and at most one follow-up/);
    expect(() => parseResponsePlan("soonish; report within 5 business days")).toThrow(
      'Respond within: could not read "soonish"',
    );
  });
});

describe("computeResponseDues", () => {
  it("counts both deadlines from when the breach was opened, skipping weekends and federal holidays", () => {
    // Opened the day before Thanksgiving 2026: the report's 5 business days skip Thursday 26 November.
    const dues = computeResponseDues(
      { ...d("2026-11-25"), hour: 16, minute: 0 },
      parseResponsePlan(SLA_BREACH),
    );
    expect(toIsoDate(dues.first.due)).toBe("2026-11-25");
    expect(dues.followUp?.label).toBe("root cause report");
    expect(toIsoDate(dues.followUp!.due)).toBe("2026-12-03");
  });

  it("gives a follow-up in hours a time of day", () => {
    const dues = computeResponseDues(
      { ...d("2026-03-06"), hour: 20, minute: 0 },
      parseResponsePlan("immediately; incident summary within 24 hours"),
    );
    expect(dues.followUp?.dueAt).toEqual({ date: d("2026-03-07"), hour: 20, minute: 0 });
  });

  it("has no follow-up when the plan has none", () => {
    expect(computeResponseDues(d("2026-03-06"), parseResponsePlan("24 hours")).followUp).toBeUndefined();
  });
});

describe("followUpStatus", () => {
  const due = { due: d("2026-12-03") };

  it("is met when the report was delivered by the due day", () => {
    expect(followUpStatus(due, d("2026-12-02"), d("2026-12-10"))).toMatchObject({
      state: "met",
      text: "Met 2026-12-02",
    });
    expect(followUpStatus(due, d("2026-12-03"), d("2026-12-03")).state).toBe("met");
  });

  it("is met late when delivered after the due day", () => {
    expect(followUpStatus(due, d("2026-12-07"), d("2026-12-10"))).toMatchObject({
      state: "met late",
      text: "Met late 2026-12-07 (due 2026-12-03)",
    });
  });

  it("is pending until the due day has passed, then overdue", () => {
    expect(followUpStatus(due, null, d("2026-12-03"))).toMatchObject({
      state: "pending",
      text: "Pending (due 2026-12-03)",
    });
    expect(followUpStatus(due, null, d("2026-12-04"))).toMatchObject({
      state: "overdue",
      text: "Overdue (due 2026-12-03)",
    });
  });

  it("turns overdue at the hour for a follow-up due in hours", () => {
    const inHours = { due: d("2026-03-07"), dueAt: { date: d("2026-03-07"), hour: 20, minute: 0 } };
    expect(followUpStatus(inHours, null, { ...d("2026-03-07"), hour: 19, minute: 59 }).state).toBe("pending");
    expect(followUpStatus(inHours, null, { ...d("2026-03-07"), hour: 20, minute: 1 })).toMatchObject({
      state: "overdue",
      text: "Overdue (due 2026-03-07 20:00)",
    });
  });
});

describe("rootCauseDelivered", () => {
  const explained = incident({
    id: "A",
    started: "2026-04-14 10:00",
    resolved: "2026-04-14 13:00",
    rootCauseReport: "2026-04-17",
  });
  const later = incident({
    id: "B",
    started: "2026-04-15 10:00",
    resolved: "2026-04-15 11:00",
    rootCauseReport: "2026-04-20",
  });
  const owed = incident({ id: "C", started: "2026-04-16 10:00", resolved: "2026-04-16 11:00" });

  it("is the day the incident's Root cause report was filled in", () => {
    expect(rootCauseDelivered([explained])).toEqual(d("2026-04-17"));
  });

  it("waits for every incident of the breach, then takes the last report", () => {
    expect(rootCauseDelivered([explained, later])).toEqual(d("2026-04-20"));
    expect(rootCauseDelivered([explained, owed])).toBeNull();
    expect(rootCauseDelivered([])).toBeNull();
  });
});
