// Every bad input of the table gets its exact, clear message from the custom function (sources tier).
import { describe, expect, it } from "vitest";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import { fiscalQuarterFunction, reviewTypeFunction } from "../../../src/functions/calendar-functions";
import { thresholdStatusFunction } from "../../../src/functions/threshold-status-function";
import * as globals from "../../../src/index";
import { BAD_INPUTS } from "../../support/bad-inputs";

/** Functions whose globals need the spreadsheet's time zone are called with the UTC wall clock here. */
const CALLERS: Record<string, (...args: unknown[]) => unknown> = {
  ...(globals as unknown as Record<string, (...args: unknown[]) => unknown>),
  THRESHOLD_STATUS: (v, r, t) => thresholdStatusFunction(v, r, t, readWallClockUtc),
  FISCAL_QUARTER: (d, s) => fiscalQuarterFunction(d, s, readWallClockUtc),
  REVIEW_TYPE: (a, b, s, r) => reviewTypeFunction(a, b, s, r, readWallClockUtc),
};

describe("bad input gets a message naming the function, the argument and the value", () => {
  it("covers at least 30 cases", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });
  it.each(BAD_INPUTS)("$fn: $name", ({ fn, args, message }) => {
    expect(() => CALLERS[fn](...args)).toThrow(message);
    try {
      CALLERS[fn](...args);
    } catch (error) {
      expect((error as Error).message).toBe(message);
    }
  });
});
