// What a user types into the Enter values form becomes a number, a fraction, text or a refusal.
import { describe, expect, it } from "vitest";
import { formatStoredValue, readEnteredValue } from "../../../src/domain/forms/entered-value";

describe("reading a typed metric value", () => {
  it("reads plain, signed, grouped and currency numbers as numbers", () => {
    expect(readEnteredValue("12")).toEqual({ kind: "number", value: 12, percent: false });
    expect(readEnteredValue("-3.5")).toEqual({ kind: "number", value: -3.5, percent: false });
    expect(readEnteredValue("1,200")).toEqual({ kind: "number", value: 1200, percent: false });
    expect(readEnteredValue("$1,250,000")).toEqual({ kind: "number", value: 1_250_000, percent: false });
    expect(readEnteredValue(".5")).toEqual({ kind: "number", value: 0.5, percent: false });
  });

  it("reads a percent as the fraction Sheets stores in a percent cell", () => {
    expect(readEnteredValue("99.5%")).toEqual({ kind: "number", value: 0.995, percent: true });
    expect(readEnteredValue("25 %")).toEqual({ kind: "number", value: 0.25, percent: true });
  });

  it("keeps words and formula-looking text as literal text", () => {
    expect(readEnteredValue(" Yes ")).toEqual({ kind: "text", value: "Yes" });
    expect(readEnteredValue('=IMPORTRANGE("x","A1")')).toEqual({
      kind: "text",
      value: '=IMPORTRANGE("x","A1")',
    });
    expect(readEnteredValue("@risk")).toEqual({ kind: "text", value: "@risk" });
  });

  it("treats an emptied field as blank", () => {
    expect(readEnteredValue("   ")).toEqual({ kind: "blank" });
  });

  it("refuses a number with a unit word instead of silently storing text", () => {
    const reading = readEnteredValue("4 hours");
    expect(reading.kind).toBe("error");
    expect(reading.kind === "error" && reading.message).toContain('"4 hours"');
    expect(readEnteredValue("1.2.3").kind).toBe("error");
  });

  it("shows stored cells so that reading them back gives the same value", () => {
    for (const [value, percent] of [
      [0.995, true],
      [0.25, true],
      [1200, false],
      [-3.5, false],
    ] as const) {
      const shown = formatStoredValue(value, percent);
      const back = readEnteredValue(shown);
      expect(back.kind === "number" && back.value).toBe(value);
    }
    expect(formatStoredValue("", false)).toBe("");
    expect(formatStoredValue("Yes", false)).toBe("Yes");
  });
});
