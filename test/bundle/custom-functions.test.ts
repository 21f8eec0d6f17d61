// Every SPEC §3 custom function called through build/Code.js in the emulation: single cells, 1,000-row ranges, bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { type BundleContext, loadBundle } from "../../emulation/load-bundle";
import { reviewTypeFor } from "../../src/domain/cadence/review-cadence";
import { reviewSchedule } from "../../src/domain/cadence/review-schedule";
import { fiscalQuarterOf } from "../../src/domain/calendar/fiscal-quarter";
import { fromDayNumber, parseIsoDate, toDayNumber, toIsoDate } from "../../src/domain/civil-date";
import { BAD_INPUTS } from "../support/bad-inputs";

let gas: BundleContext;
let env: ReturnType<typeof createGasEnvironment>;
/** Results come from the vm realm; compare them as plain JSON. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const column = <T>(n: number, f: (i: number) => T): T[][] => Array.from({ length: n }, (_, i) => [f(i)]);

beforeAll(() => {
  env = createGasEnvironment({ timeZone: "America/New_York" });
  gas = loadBundle(env);
});

/** Calls a custom function the way Sheets does: in CUSTOM_FUNCTION mode, where writes are refused. */
function call(name: string, ...args: unknown[]): unknown {
  return env.withAuthMode("CUSTOM_FUNCTION", () => gas[name](...args));
}

describe("single values", () => {
  it.each([
    ["NRR", [1_000_000, 300_000, 50_000, 0], 1.25],
    ["GRR", [100, 5, 10], 0.85],
    ["CLV", [500, 0.8, 0.05], 8000],
    ["CAC_PAYBACK", [1200, 500, 0.8], 3],
    ["HEALTH_SCORE", [80, 60, 70, 50], 68.5],
    ["HEALTH_SCORE", [80, "", "", 50, "25/25/25/25"], 65],
    ["HEALTH_BAND", [72], "Good"],
    ["HEALTH_BAND", [72, "90/70"], "Yellow"],
    [
      "THRESHOLD_STATUS",
      [[[0.5, 0.45, 0.38]], "below 40%: Training conversation; below 25%: At-risk escalation"],
      "Training conversation",
    ],
    ["NPS", [[[10], [9], [6], [8]]], 25],
    ["EXPANSION_READY", [120, 0.65, 0, 0, "Yes", true], "Ready"],
  ])("%s(%j) = %j", (name, args, expected) => {
    const result = call(name as string, ...(args as unknown[]));
    if (typeof expected === "number") expect(result as number).toBeCloseTo(expected, 9);
    else expect(result).toBe(expected);
  });

  it("REVIEW_TYPE and FISCAL_QUARTER read date cells on the spreadsheet's calendar (New York)", () => {
    const goLive = env.sheetDate("2026-01-15");
    expect(call("REVIEW_TYPE", goLive, env.sheetDate("2026-07-20"))).toBe(
      "Mid-year review + ISSO security check",
    );
    expect(call("REVIEW_TYPE", goLive, env.sheetDate("2026-07-20"), "Commercial")).toBe(
      "Quarterly business review",
    );
    // Renewal on Dec 31: the renewal review is due Oct 2, 2026.
    expect(
      call("REVIEW_TYPE", goLive, env.sheetDate("2026-10-02"), "commercial", env.sheetDate("2026-12-31")),
    ).toBe("Renewal review");
    // Local midnight of Oct 1 in New York is Oct 1 04:00 UTC: still Q1 of FY27 with an October start.
    expect(call("FISCAL_QUARTER", env.sheetDate("2026-10-01"), "October")).toBe("FY27 Q1");
    expect(call("FISCAL_QUARTER", env.sheetDate("2026-02-01"))).toBe("FY26 Q1");
  });

  it("blank input gives a blank cell, not 0", () => {
    expect(call("NRR", "", 10, 0, 0)).toBe("");
    expect(call("HEALTH_SCORE", "", "", "", "")).toBe("");
    expect(call("HEALTH_BAND", "")).toBe("");
    expect(call("NPS", [[""], [""]])).toBe("");
    expect(call("FISCAL_QUARTER", "")).toBe("");
  });
});

describe("1,000-row ranges give one same-shaped column", () => {
  const N = 1000;
  it("NRR and GRR", () => {
    const start = column(N, (i) => 1000 + i);
    const expansion = column(N, (i) => (i % 3 === 0 ? 100 : 0));
    const churn = column(N, (i) => (i % 5 === 0 ? 50 : 0));
    const nrr = plain(call("NRR", start, expansion, "", churn)) as number[][];
    expect(nrr).toHaveLength(N);
    nrr.forEach((row, i) => {
      expect(row).toHaveLength(1);
      expect(row[0]).toBeCloseTo((1000 + i + expansion[i][0] - churn[i][0]) / (1000 + i), 12);
    });
    const grr = plain(call("GRR", start, "", churn)) as number[][];
    expect(grr.every((row) => row[0] <= 1)).toBe(true);
  });

  it("HEALTH_SCORE, HEALTH_BAND, CLV, CAC_PAYBACK, EXPANSION_READY", () => {
    const usage = column(N, (i) => i % 101);
    const score = plain(call("HEALTH_SCORE", usage, usage, usage, usage)) as number[][];
    score.forEach((row, i) => {
      expect(row[0]).toBeCloseTo(i % 101, 9);
    });
    const bands = plain(call("HEALTH_BAND", score)) as string[][];
    expect(bands[95][0]).toBe("Excellent");
    expect(bands[10][0]).toBe("Critical");
    expect(
      (
        plain(
          call(
            "CLV",
            column(N, () => 500),
            0.8,
            0.05,
          ),
        ) as number[][]
      ).flat(),
    ).toHaveLength(N);
    expect(
      (
        plain(
          call(
            "CAC_PAYBACK",
            1200,
            column(N, () => 500),
            0.8,
          ),
        ) as number[][]
      )[N - 1][0],
    ).toBeCloseTo(3);
    const ready = plain(
      call(
        "EXPANSION_READY",
        column(N, (i) => i),
        0.7,
        0,
        0,
        "Yes",
        "Yes",
      ),
    ) as string[][];
    expect(ready[90][0]).toBe("Ready");
    expect(ready[89][0]).toMatch(/^Not ready: Time since go-live/);
  });

  it("THRESHOLD_STATUS gives one status per row of a 1,000 × 12 block", () => {
    const values = Array.from({ length: N }, (_, i) =>
      Array.from({ length: 12 }, (_, m) => (i % 2 ? 0.8 : 0.5 - m * 0.02)),
    );
    const statuses = plain(
      call("THRESHOLD_STATUS", values, "below 40%: Training; below 30%: At-risk"),
    ) as string[][];
    expect(statuses).toHaveLength(N);
    expect(statuses[0][0]).toBe("At-risk");
    expect(statuses[1][0]).toBe("OK");
  });

  it("REVIEW_TYPE and FISCAL_QUARTER over date columns", () => {
    const dates = column(N, (i) =>
      env.sheetDate(new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)),
    );
    const quarters = plain(call("FISCAL_QUARTER", dates, 10)) as string[][];
    expect(quarters[0][0]).toBe("FY20 Q2");
    expect(quarters[N - 1][0]).toBe("FY22 Q4"); // 2022-09-26, the last day before FY23 with an October start
    const types = plain(call("REVIEW_TYPE", env.sheetDate("2019-12-01"), dates)) as string[][];
    expect(types[0][0]).toBe("Go-live review");
    expect(types.every((row) => typeof row[0] === "string" && row[0] !== "")).toBe(true);
  });
});

describe("service calls of a custom function", () => {
  const DAYS = 10_000;
  const FIRST = toDayNumber(parseIsoDate("2020-01-01") as NonNullable<ReturnType<typeof parseIsoDate>>);
  const days = Array.from({ length: DAYS }, (_, i) => fromDayNumber(FIRST + i));

  it.each(["America/New_York", "Europe/London", "Australia/Sydney", "Etc/UTC"])(
    "FISCAL_QUARTER and REVIEW_TYPE (federal and commercial) read 10,000 distinct dates (2020–2047) with at most 50 calls, right across clock changes in %s",
    (timeZone) => {
      const zoneEnv = createGasEnvironment({ timeZone });
      const zoneGas = loadBundle(zoneEnv);
      const dates = days.map((day) => [zoneEnv.sheetDate(toIsoDate(day))]);
      const goLive = parseIsoDate("2019-12-01") as NonNullable<ReturnType<typeof parseIsoDate>>;
      const inZone = (name: string, ...args: unknown[]) => {
        zoneEnv.counter.reset();
        const result = plain(
          zoneEnv.withAuthMode("CUSTOM_FUNCTION", () => zoneGas[name](...args)),
        ) as string[][];
        return { result, calls: zoneEnv.counter.total() };
      };
      const quarters = inZone("FISCAL_QUARTER", dates, "October");
      expect(quarters.result.map((row) => row[0])).toEqual(days.map((day) => fiscalQuarterOf(day, 10).label));
      expect(quarters.calls).toBeLessThanOrEqual(50);
      const reviews = inZone("REVIEW_TYPE", zoneEnv.sheetDate(toIsoDate(goLive)), dates);
      expect(reviews.result.map((row) => row[0])).toEqual(days.map((day) => reviewTypeFor(goLive, day).type));
      expect(reviews.calls).toBeLessThanOrEqual(50);
      const renewal = parseIsoDate("2020-06-30") as NonNullable<ReturnType<typeof parseIsoDate>>;
      const commercial = inZone(
        "REVIEW_TYPE",
        zoneEnv.sheetDate(toIsoDate(goLive)),
        dates,
        "Commercial",
        zoneEnv.sheetDate(toIsoDate(renewal)),
      );
      const schedule = reviewSchedule({ segment: "Commercial", goLive, renewalDate: renewal });
      expect(commercial.result.map((row) => row[0])).toEqual(days.map((day) => schedule.reviewOn(day).type));
      expect(commercial.calls).toBeLessThanOrEqual(50);
    },
  );

  it("THRESHOLD_STATUS makes no service call when no value is a duration", () => {
    const values = Array.from({ length: 1000 }, (_, i) => [0.5, i % 2 ? 0.3 : 0.2]);
    env.counter.reset();
    const statuses = plain(
      call("THRESHOLD_STATUS", values, "below 40%: Training; below 25%: At-risk"),
    ) as string[][];
    expect(statuses[0][0]).toBe("At-risk");
    expect(statuses[1][0]).toBe("Training");
    expect(env.counter.total()).toBe(0);
  });

  it("THRESHOLD_STATUS reads durations on the spreadsheet's clock with a few calls", () => {
    const durations = Array.from({ length: 1000 }, (_, i) => [
      env.sheetDate(`1899-12-30T0${i % 2 ? 6 : 2}:00`),
    ]);
    env.counter.reset();
    const statuses = plain(call("THRESHOLD_STATUS", durations, "above 4 hours: Slow")) as string[][];
    expect(statuses.slice(0, 2)).toEqual([["OK"], ["Slow"]]);
    expect(env.counter.total()).toBeLessThanOrEqual(5);
  });
});

describe("FISCAL_QUARTER with the workbook's Settings", () => {
  const withSettings = (value: unknown) => {
    const settingsEnv = createGasEnvironment({ timeZone: "America/New_York" });
    settingsEnv.sheetFromRows("Settings", [
      ["Setting", "Value"],
      ["Fiscal year starts", value],
    ]);
    const settingsGas = loadBundle(settingsEnv);
    const fiscalQuarter = (...args: unknown[]) =>
      plain(settingsEnv.withAuthMode("CUSTOM_FUNCTION", () => settingsGas.FISCAL_QUARTER(...args)));
    return { settingsEnv, fiscalQuarter };
  };

  it("starts the year at Settings › Fiscal year starts when no start month is given, reading Settings once", () => {
    const { settingsEnv, fiscalQuarter } = withSettings("October");
    const column = [[settingsEnv.sheetDate("2026-10-15")], [settingsEnv.sheetDate("2026-09-30")]];
    settingsEnv.counter.reset();
    expect(fiscalQuarter(column)).toEqual([["FY27 Q1"], ["FY26 Q4"]]);
    expect(settingsEnv.counter.count("Range.getValues")).toBe(1);
    expect(fiscalQuarter(settingsEnv.sheetDate("2026-10-15"), 1)).toBe("FY26 Q4");
  });

  it("shows an error on the cell when Settings › Fiscal year starts is not a month, and writes nothing", () => {
    const { settingsEnv, fiscalQuarter } = withSettings("Octobr");
    settingsEnv.counter.reset();
    expect(() => fiscalQuarter(settingsEnv.sheetDate("2026-10-15"))).toThrow(
      'FISCAL_QUARTER: Settings › Fiscal year starts (B2) must be a month name such as October (or 1–12), got "Octobr"; correct it there or give the start month as the second argument',
    );
    expect(settingsEnv.counter.categories().writes).toBe(0);
  });
});

describe("bad input through the built bundle", () => {
  it.each(BAD_INPUTS)("$fn: $name", ({ fn, args, message }) => {
    let thrown: unknown = null;
    try {
      call(fn, ...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown, `${fn} should throw`).not.toBeNull();
    expect((thrown as Error).message).toBe(message);
  });
});
