// `over any rolling 7 days`: reading, printing, explaining and judging a clause on a period's rolling windows (seed 000's SLA breach).
import { describe, expect, it } from "vitest";
import {
  ConditionSyntaxError,
  describeCondition,
  evaluateCondition,
  formatCondition,
  parseCondition,
  type RollingWindow,
  type RollingWindowSource,
  rollingWindowLengths,
} from "../../../src/domain/condition";
import { usesTarget } from "../../../src/domain/scan/compile-rules";

const WEEK_MS = 7 * 24 * 3_600_000;

/** A window starting on `iso` (UTC) of `days` days with availability `value`. */
function window(iso: string, value: number, days = 7): RollingWindow {
  const start = Date.parse(`${iso}Z`);
  return { start, end: start + days * 86_400_000, value };
}

/** Windows per period index: the lowest and highest of each; records what was asked for. */
function source(extremes: Array<[RollingWindow, RollingWindow] | undefined>) {
  const asked: Array<[number, number]> = [];
  const windows: RollingWindowSource = (index, lengthMs) => {
    asked.push([index, lengthMs]);
    const pair = extremes[index];
    return pair && { lowest: pair[0], highest: pair[1] };
  };
  return { windows, asked };
}

function syntaxError(text: string): ConditionSyntaxError {
  try {
    parseCondition(text);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe("reading a rolling window", () => {
  it("reads seed 000's SLA breach as a comparison over any rolling 7 days", () => {
    expect(parseCondition("below 99.5% over any rolling 7 days")).toEqual({
      kind: "rolling",
      condition: { kind: "compare", comparator: "<", quantity: { amount: 99.5, unit: "percent" } },
      length: { amount: 7, unit: "days" },
    });
  });

  it.each([
    ["below 99.5% over any rolling 7 days", "below 99.5% over any rolling 7 days"],
    ["< 99.5% over any rolling 7-day period", "below 99.5% over any rolling 7 days"],
    ["Below 99.5 % in any rolling seven days.", "below 99.5% over any rolling 7 days"],
    ["below 99.5% during a rolling 7 day window", "below 99.5% over any rolling 7 days"],
    ["under 99.9% over rolling 24 hours", "below 99.9% over any rolling 24 hours"],
    ["at most 99% across any rolling week", "at most 99% over any rolling 1 week"],
    ["misses target over any rolling 7 days", "misses target over any rolling 7 days"],
    [
      "below 99.5% over any rolling 7 days for 2 consecutive months",
      "below 99.5% over any rolling 7 days for 2 consecutive months",
    ],
    [
      "below 99.5% over any rolling 7 days or below 99.9%",
      "below 99.5% over any rolling 7 days or below 99.9%",
    ],
  ])("reads %j as %j, and reads that back to the same condition", (typed, canonical) => {
    const condition = parseCondition(typed);
    expect(formatCondition(condition)).toBe(canonical);
    expect(parseCondition(canonical)).toEqual(condition);
  });

  it("explains it in plain words for the sidebar", () => {
    expect(describeCondition(parseCondition("below 99.5% over any rolling 7 days"))).toBe(
      "the value over some rolling 7 days touching the latest period is below 99.5% (0.995 in a percent cell)",
    );
    expect(describeCondition(parseCondition("misses target over any rolling 24 hours"))).toBe(
      "the value over some rolling 24 hours touching the latest period does not meet the metric's Target",
    );
  });

  it("says which lengths of window a rule needs, and whether it uses the Target", () => {
    expect(rollingWindowLengths(parseCondition("below 99.5% over any rolling 7 days"))).toEqual([WEEK_MS]);
    expect(rollingWindowLengths(parseCondition("below 99%"))).toEqual([]);
    expect(usesTarget(parseCondition("misses target over any rolling 7 days"))).toBe(true);
  });

  it("points at the window when the clause before it is not a one-sided comparison", () => {
    const error = syntaxError("declines over any rolling 7 days");
    expect(error.word).toBe("over");
    expect(error.wordIndex).toBe(2);
    expect(error.message).toBe(
      '"over" (word 2 of "declines over any rolling 7 days") starts a rolling window, which needs a comparison ' +
        'before "over any rolling 7 days", such as "below 99.5% over any rolling 7 days" or ' +
        '"misses target over any rolling 7 days"',
    );
    expect(syntaxError("between 90% and 95% over any rolling 7 days").word).toBe("over");
  });

  it("points at the word when the window's length cannot be read", () => {
    expect(syntaxError("below 99.5% over any rolling 7 fortnights").message).toBe(
      'could not read "fortnights" (word 7 of "below 99.5% over any rolling 7 fortnights"): expected the length ' +
        'of the window in minutes, hours, days or weeks, e.g. "over any rolling 7 days"',
    );
    expect(syntaxError("below 99.5% over any rolling 5 business days").word).toBe("business");
    expect(syntaxError("below 99.5% over any rolling 0 days").word).toBe("0");
    const noRolling = syntaxError("below 99.5% over any 7 days");
    expect([noRolling.word, noRolling.expected]).toEqual(["7", '"rolling", e.g. "over any rolling 7 days"']);
  });
});

describe("judging a rolling window", () => {
  // March reads 99.58% for the month; its worst week ran at 98.2%, its best at 100%.
  const march: [RollingWindow, RollingWindow] = [
    window("2026-03-03T13:00", 0.982),
    window("2026-03-20T00:00", 1),
  ];
  const february: [RollingWindow, RollingWindow] = [
    window("2026-02-10T00:00", 0.999),
    window("2026-02-01T00:00", 1),
  ];
  const row = [0.9995, 0.9958];

  it("fires on the period's lowest window and names it, while the plain rule reads the month", () => {
    const { windows, asked } = source([february, march]);
    const rolling = evaluateCondition(parseCondition("below 99.5% over any rolling 7 days"), row, {
      rollingWindows: windows,
    });
    expect(rolling).toMatchObject({ matched: true, quantity: 0.982, periodIndex: 1, window: march[0] });
    expect(rolling.reason).toBe(
      "the lowest rolling 7 days (2026-03-03 13:00 to 2026-03-10 13:00): 98.2% is below 99.5%",
    );
    expect(asked).toEqual([[1, WEEK_MS]]);
    expect(evaluateCondition(parseCondition("below 99.5%"), row, { rollingWindows: windows }).matched).toBe(
      false,
    );
  });

  it("shows the window on the spreadsheet's wall clock", () => {
    const { windows } = source([february, march]);
    const newYork = (date: Date) => {
      const local = new Date(date.getTime() - 5 * 3_600_000);
      return {
        year: local.getUTCFullYear(),
        month: local.getUTCMonth() + 1,
        day: local.getUTCDate(),
        hour: local.getUTCHours(),
        minute: local.getUTCMinutes(),
        second: local.getUTCSeconds(),
      };
    };
    const result = evaluateCondition(parseCondition("below 99.5% over any rolling 7 days"), row, {
      rollingWindows: windows,
      readWallClock: newYork,
    });
    expect(result.reason).toMatch(/^the lowest rolling 7 days \(2026-03-03 08:00 to 2026-03-10 08:00\)/);
  });

  it("stays quiet when every window passes", () => {
    const { windows } = source([february, february]);
    const result = evaluateCondition(parseCondition("below 99.5% over any rolling 7 days"), row, {
      rollingWindows: windows,
    });
    expect(result).toMatchObject({ matched: false, quantity: 0.999 });
    expect(result.undetermined).toBeUndefined();
  });

  it("judges above and at least on the highest window", () => {
    const { windows } = source([february, march]);
    const result = evaluateCondition(parseCondition("at least 100% over any rolling 7 days"), row, {
      rollingWindows: windows,
    });
    expect(result).toMatchObject({ matched: true, window: march[1] });
  });

  it("compares with the metric's Target window by window", () => {
    const { windows } = source([february, march]);
    const result = evaluateCondition(parseCondition("misses target over any rolling 7 days"), row, {
      rollingWindows: windows,
      target: parseCondition("at least 99.5%"),
    });
    expect(result).toMatchObject({ matched: true, window: march[0] });
  });

  it("counts a streak of months whose worst window breached", () => {
    const { windows, asked } = source([[window("2026-02-10T00:00", 0.99), february[1]], march]);
    const result = evaluateCondition(
      parseCondition("below 99.5% over any rolling 7 days for 2 consecutive months"),
      row,
      { rollingWindows: windows },
    );
    expect(result).toMatchObject({ matched: true, window: march[0] });
    expect(asked.map(([index]) => index)).toEqual([1, 0]);
  });

  it("judges a value typed by hand (no windows) on the month itself, and says so", () => {
    const condition = parseCondition("below 99.5% over any rolling 7 days");
    const passing = evaluateCondition(condition, row);
    expect(passing).toMatchObject({ matched: false });
    expect(passing.undetermined).toBeFalsy();
    const failing = evaluateCondition(condition, [0.9995, 0.9942]);
    expect(failing).toMatchObject({ matched: true, periodIndex: 1 });
    expect(failing.reason).toBe(
      "the period's own value (typed; rolling 7 days windows need the Incidents tab): 99.42% is below 99.5%",
    );
  });

  it("is not enough data while no window touching the period has ended", () => {
    const { windows } = source([february, undefined]);
    const result = evaluateCondition(parseCondition("below 99.5% over any rolling 7 days"), row, {
      rollingWindows: windows,
    });
    expect(result).toMatchObject({ matched: false, undetermined: true });
    expect(result.reason).toBe(
      "not enough data: no rolling 7 days window touching this period has ended yet",
    );
  });
});
