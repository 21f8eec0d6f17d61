// Tests for reading `Respond within` and computing an escalation's `Due`.
import { describe, expect, it } from "vitest";
import {
  computeDue,
  DEFAULT_RESPONSE_WINDOW,
  formatResponseWindow,
  parseResponseWindow,
  type ResponseWindow,
} from "../../../src/domain/calendar/response-window";
import { type CivilDate, parseIsoDate, toIsoDate } from "../../../src/domain/civil-date";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const dueOn = (iso: string, text: string, fiscalYearStartMonth?: number) =>
  toIsoDate(computeDue(d(iso), parseResponseWindow(text), { fiscalYearStartMonth }).due);

/** Seed 000's escalation matrix: the Timeline column, and the deadlines written inside each Action. */
const SEED_000_MATRIX: { condition: string; timeline: string; actionDeadlines: string[] }[] = [
  { condition: "SLA breach", timeline: "Immediate", actionDeadlines: ["same day", "within 5 business days"] },
  {
    condition: "Internal NPS below 5",
    timeline: "Within 10 business days of survey result",
    actionDeadlines: ["within 2 weeks"],
  },
  {
    condition: "MAU below 25% at Month 3+",
    timeline: "Within 5 business days of trigger",
    actionDeadlines: [],
  },
  { condition: "POA&M closure rate below 80%", timeline: "At quarterly ISSO review", actionDeadlines: [] },
  {
    condition: "Unauthorized boundary change detected",
    timeline: "Within 24 hours of detection",
    actionDeadlines: ["Immediate"],
  },
];

describe("parseResponseWindow", () => {
  it("reads the Timeline of every row of seed 000's escalation matrix", () => {
    expect(SEED_000_MATRIX.map((row) => parseResponseWindow(row.timeline))).toEqual([
      { kind: "immediately" },
      { kind: "business-days", days: 10 },
      { kind: "business-days", days: 5 },
      { kind: "next-review", review: "quarterly ISSO review" },
      { kind: "hours", hours: 24 },
    ]);
  });

  it("reads the deadlines written in the matrix's Action column", () => {
    expect(SEED_000_MATRIX.flatMap((row) => row.actionDeadlines.map((t) => parseResponseWindow(t)))).toEqual([
      { kind: "same-day" },
      { kind: "business-days", days: 5 },
      { kind: "weeks", weeks: 2 },
      { kind: "immediately" },
    ]);
  });

  it("reads the short forms a CS manager types", () => {
    const cases: [string, ResponseWindow][] = [
      ["immediately", { kind: "immediately" }],
      ["same day", { kind: "same-day" }],
      ["24 hours", { kind: "hours", hours: 24 }],
      ["4 hrs", { kind: "hours", hours: 4 }],
      ["48h", { kind: "hours", hours: 48 }],
      ["48 h", { kind: "hours", hours: 48 }],
      ["1 hour", { kind: "hours", hours: 1 }],
      ["30 minutes", { kind: "hours", hours: 0.5 }],
      ["1.5 hours", { kind: "hours", hours: 1.5 }],
      ["5 business days", { kind: "business-days", days: 5 }],
      ["10 Business Days", { kind: "business-days", days: 10 }],
      ["3 working days", { kind: "business-days", days: 3 }],
      ["2 weeks", { kind: "weeks", weeks: 2 }],
      ["two weeks", { kind: "weeks", weeks: 2 }],
      ["a week", { kind: "weeks", weeks: 1 }],
      ["3 days", { kind: "calendar-days", days: 3 }],
      ["3 calendar days", { kind: "calendar-days", days: 3 }],
      ["1 month", { kind: "months", months: 1 }],
      ["  within   24 hours. ", { kind: "hours", hours: 24 }],
      ["by the next quarterly review", { kind: "next-review", review: "quarterly review" }],
      ["end of day", { kind: "same-day" }],
    ];
    for (const [text, window] of cases) expect(parseResponseWindow(text), text).toEqual(window);
  });

  it("uses 5 business days when the cell is blank", () => {
    expect(parseResponseWindow("")).toEqual({ kind: "business-days", days: 5 });
    expect(parseResponseWindow("   ")).toEqual(DEFAULT_RESPONSE_WINDOW);
    expect(parseResponseWindow(null)).toEqual(DEFAULT_RESPONSE_WINDOW);
  });

  it("rejects unreadable text, saying what it expected", () => {
    expect(() => parseResponseWindow("soonish")).toThrow(
      'Respond within: could not read "soonish": expected "immediately", "24 hours", "5 business days" or "2 weeks"',
    );
    for (const text of ["5 fortnights", "five", "lots of hours", "soon hours", "ah"])
      expect(() => parseResponseWindow(text), text).toThrow(`could not read "${text}"`);
  });

  it("names the caller's source in the message", () => {
    expect(() => parseResponseWindow("soonish", "Escalation Rules row 4, Respond within")).toThrow(
      /^Escalation Rules row 4, Respond within: could not read "soonish"/,
    );
  });

  it("rejects zero, fractional days and a number without a unit", () => {
    expect(() => parseResponseWindow("0 hours")).toThrow(
      'Respond within: "0 hours" must be more than zero; write "immediately" for no delay',
    );
    expect(() => parseResponseWindow("1.5 business days")).toThrow(
      'Respond within: "1.5 business days" must be a whole number of business days',
    );
    expect(() => parseResponseWindow("0.01 hours")).toThrow("must be a whole number of minutes");
    expect(() => parseResponseWindow(5)).toThrow(
      'Respond within: 5 needs a unit, e.g. "5 hours" or "5 business days"',
    );
    expect(() => parseResponseWindow(new Date(2026, 0, 1))).toThrow("could not read the date");
  });
});

describe("formatResponseWindow", () => {
  it("writes windows back in words that read the same", () => {
    const texts = [
      "immediately",
      "same day",
      "24 hours",
      "1 hour",
      "90 minutes",
      "1 business day",
      "5 business days",
      "3 days",
      "2 weeks",
      "1 month",
      "at quarterly ISSO review",
    ];
    for (const text of texts) {
      const window = parseResponseWindow(text);
      expect(formatResponseWindow(window)).toBe(text);
      expect(parseResponseWindow(formatResponseWindow(window))).toEqual(window);
    }
    expect(formatResponseWindow(parseResponseWindow("Within 10 business days of survey result"))).toBe(
      "10 business days",
    );
  });
});

describe("computeDue", () => {
  it("makes immediate and same-day responses due the day the escalation opens, weekends included", () => {
    expect(dueOn("2026-11-28", "Immediate")).toBe("2026-11-28");
    expect(dueOn("2026-11-26", "same day")).toBe("2026-11-26");
    expect(computeDue(d("2026-11-28"), parseResponseWindow("immediately")).dueAt).toBeUndefined();
  });

  it("adds clock hours straight through Thanksgiving, with the time of day", () => {
    const due = computeDue(
      { ...d("2026-11-25"), hour: 15, minute: 30 },
      parseResponseWindow("Within 24 hours of detection"),
    );
    expect(toIsoDate(due.due)).toBe("2026-11-26");
    expect(due.dueAt).toEqual({ date: d("2026-11-26"), hour: 15, minute: 30 });
  });

  it("rolls clock hours past midnight and past the year end", () => {
    const late = computeDue(
      { ...d("2026-12-31"), hour: 22, minute: 15, second: 59 },
      parseResponseWindow("4 hrs"),
    );
    expect(late.dueAt).toEqual({ date: d("2027-01-01"), hour: 2, minute: 15 });
    const half = computeDue({ ...d("2026-03-08"), hour: 23, minute: 45 }, parseResponseWindow("30 minutes"));
    expect(half.dueAt).toEqual({ date: d("2026-03-09"), hour: 0, minute: 15 });
  });

  it("counts hours from midnight when the opened time is unknown", () => {
    expect(computeDue(d("2026-11-25"), parseResponseWindow("48 hours")).dueAt).toEqual({
      date: d("2026-11-27"),
      hour: 0,
      minute: 0,
    });
  });

  it("skips Thanksgiving and the weekend for business days", () => {
    expect(dueOn("2026-11-23", "Within 5 business days of trigger")).toBe("2026-12-01");
  });

  it("skips Christmas and New Year's Day for 10 business days from a mid-December survey", () => {
    expect(dueOn("2026-12-17", "Within 10 business days of survey result")).toBe("2027-01-04");
  });

  it("counts calendar days and weeks, moving a due date off a weekend or holiday", () => {
    expect(dueOn("2026-11-02", "3 days")).toBe("2026-11-05");
    expect(dueOn("2026-11-05", "3 days")).toBe("2026-11-09"); // Sunday → Monday
    expect(dueOn("2026-12-11", "within 2 weeks")).toBe("2026-12-28"); // Christmas → Monday
    expect(dueOn("2026-11-04", "2 weeks")).toBe("2026-11-18");
    expect(dueOn("2026-12-01", "1 month")).toBe("2027-01-04"); // Jan 1 holiday, then weekend
  });

  it("makes a quarterly-review response due at the next fiscal quarter's first business day", () => {
    expect(dueOn("2026-11-10", "At quarterly ISSO review", 10)).toBe("2027-01-04");
    expect(dueOn("2026-11-10", "At quarterly ISSO review")).toBe("2027-01-04");
    expect(dueOn("2026-11-10", "At quarterly ISSO review", 2)).toBe("2027-02-01");
    expect(dueOn("2027-01-04", "At quarterly ISSO review", 10)).toBe("2027-04-01");
  });

  it("gives blank cells a due date 5 business days out", () => {
    expect(dueOn("2026-11-23", "")).toBe("2026-12-01");
  });
});
