// Dates and months typed as text on period headers, go-live dates and snooze dates.
import { describe, expect, it } from "vitest";
import { looksLikeDate, parseDateText, parseMonthText } from "../../../src/domain/workbook/date-text";

describe("parseDateText", () => {
  it.each([
    ["2026-12-01", { year: 2026, month: 12, day: 1 }],
    ["12/1/2026", { year: 2026, month: 12, day: 1 }],
    ["Dec 1, 2026", { year: 2026, month: 12, day: 1 }],
    ["1 December 2026", { year: 2026, month: 12, day: 1 }],
    ["Sept 30 2026", { year: 2026, month: 9, day: 30 }],
  ])("reads %s", (text, expected) => {
    expect(parseDateText(text)).toEqual(expected);
  });

  it.each(["2026-02-30", "13/1/2026", "soon", "Dec 2026", ""])("rejects %s", (text) => {
    expect(parseDateText(text)).toBeNull();
  });
});

describe("parseMonthText", () => {
  it.each([
    ["2026-10", { year: 2026, month: 10, day: 1 }],
    ["Oct 2026", { year: 2026, month: 10, day: 1 }],
    ["October 2026", { year: 2026, month: 10, day: 1 }],
    ["oct-2026", { year: 2026, month: 10, day: 1 }],
    ["10/2026", { year: 2026, month: 10, day: 1 }],
    ["2026-10-15", { year: 2026, month: 10, day: 15 }],
  ])("reads %s", (text, expected) => {
    expect(parseMonthText(text)).toEqual(expected);
  });

  it.each(["2026-13", "Octobr 2026", "Q1 FY27"])("rejects %s", (text) => {
    expect(parseMonthText(text)).toBeNull();
  });
});

describe("looksLikeDate", () => {
  it.each(["2026-13", "13/2026", "Oct 20266", "Octobr 2026", "Mar"])("treats %s as a failed date", (text) => {
    expect(looksLikeDate(text)).toBe(true);
  });

  it.each(["Notes", "Q1 total", "Owner comments"])("treats %s as a user's own column", (text) => {
    expect(looksLikeDate(text)).toBe(false);
  });
});
