// Reading cells as numbers in a condition's unit: percent cells, typed text, Sheets duration cells.
import { describe, expect, it } from "vitest";
import type { WallClock } from "../../../src/domain/civil-date";
import { parseQuantityText, readQuantity } from "../../../src/domain/condition";

/** A Sheets duration cell: a Date on the 1899-12-30 epoch, here read on the UTC wall clock. */
function durationCell(hours: number, minutes = 0, seconds = 0): Date {
  return new Date(Date.UTC(1899, 11, 30, hours, minutes, seconds));
}

describe("readQuantity", () => {
  it("takes a number as it is: a percent cell is already a fraction, a plain number is in the condition's unit", () => {
    expect(readQuantity(0.38, "percent")).toEqual({ ok: true, quantity: 0.38 });
    expect(readQuantity(6, "hours")).toEqual({ ok: true, quantity: 6 });
    expect(readQuantity(72, "number")).toEqual({ ok: true, quantity: 72 });
  });

  it.each([
    ["45%", "percent", 0.45],
    ["45 %", "percent", 0.45],
    ["45 percent", "percent", 0.45],
    ["0.45", "percent", 0.45],
    ["4 hrs", "hours", 4],
    ["4 hrs", "minutes", 240],
    ["90 min", "hours", 1.5],
    ["2 days", "hours", 48],
    ["1 week", "days", 7],
    ["500ms", "seconds", 0.5],
    ["06:00:00", "hours", 6],
    ["6:30", "hours", 6.5],
    ["36:00:00", "days", 1.5],
    ["1,234", "number", 1234],
    ["$1,200", "number", 1200],
    ["-5", "number", -5],
    [" 7 ", "number", 7],
    ["20 points", "number", 20],
    ["5 business days", "businessDays", 5],
    ["12%", "number", 0.12],
  ] as const)("reads the text %j against %s as %d", (text, unit, expected) => {
    const reading = readQuantity(text, unit);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.quantity).toBeCloseTo(expected, 12);
  });

  it("converts a Sheets duration cell from days to the condition's time unit", () => {
    expect(readQuantity(durationCell(6), "hours")).toEqual({ ok: true, quantity: 6 });
    expect(readQuantity(durationCell(1, 30), "minutes")).toEqual({ ok: true, quantity: 90 });
    // 30 hours arrives as 1899-12-31 06:00.
    expect(readQuantity(durationCell(30), "hours")).toEqual({ ok: true, quantity: 30 });
  });

  it("reads duration cells on the spreadsheet's wall clock, not the server's", () => {
    // The instant is 11:00 UTC, but the spreadsheet (UTC-5) shows 06:00:00.
    const instant = new Date(Date.UTC(1899, 11, 30, 11));
    const newYork = (date: Date): WallClock => {
      const shifted = new Date(date.getTime() - 5 * 3_600_000);
      return {
        year: shifted.getUTCFullYear(),
        month: shifted.getUTCMonth() + 1,
        day: shifted.getUTCDate(),
        hour: shifted.getUTCHours(),
        minute: shifted.getUTCMinutes(),
        second: shifted.getUTCSeconds(),
      };
    };
    expect(readQuantity(instant, "hours", newYork)).toEqual({ ok: true, quantity: 6 });
  });

  it.each([
    ["abc", "number", 'not a number: "abc"'],
    ["Yes", "percent", 'not a number: "Yes"'],
    ["4 parsecs", "hours", 'not a number: "4 parsecs"'],
    [true, "number", "not a number: TRUE"],
    [Number.NaN, "number", "not a number: NaN"],
    ["45%", "hours", '"45%" is a percentage, but the condition is in hours'],
    [
      "4 hrs",
      "number",
      '"4 hrs" is in hours, but the condition has no time unit (write e.g. "above 4 hours")',
    ],
    ["4 hrs", "percent", '"4 hrs" is in hours, but the condition is in %'],
    ["3 days", "businessDays", '"3 days" is in days, but the condition is in business days'],
  ] as const)("reports %j against %s as a problem", (value, unit, problem) => {
    expect(readQuantity(value, unit)).toEqual({ ok: false, problem });
  });

  it("reports a duration cell against a condition without a time unit, and a calendar date as a date", () => {
    expect(readQuantity(durationCell(6), "number")).toEqual({
      ok: false,
      problem: 'a duration (6:00:00) needs a time unit in the condition, such as "above 4 hours"',
    });
    expect(readQuantity(new Date(Date.UTC(2026, 0, 5)), "hours")).toEqual({
      ok: false,
      problem: "expected a number or a duration, got the date 2026-01-05",
    });
  });
});

describe("parseQuantityText", () => {
  it("returns the number and the unit written after it, or nothing for text that is not a quantity", () => {
    expect(parseQuantityText("4 hrs")).toEqual({ amount: 4, unit: "hours" });
    expect(parseQuantityText("45%")).toEqual({ amount: 45, unit: "percent" });
    expect(parseQuantityText("1,234")).toEqual({ amount: 1234 });
    expect(parseQuantityText("N/A")).toBeUndefined();
    expect(parseQuantityText("1,2345")).toBeUndefined();
  });
});
