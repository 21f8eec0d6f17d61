// Every SPEC §3 custom function called through build/Code.js in the emulation: single cells, 1,000-row ranges, bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { BAD_INPUTS } from "../support/bad-inputs";
import { type BundleContext, loadBundle } from "../support/load-bundle";

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
