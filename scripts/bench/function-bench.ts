// Times every SPEC §3 custom function through the built bundle, on one cell and on a 10,000-row range.
import type { GasEnvironment } from "../../emulation/index";
import { createGasEnvironment } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { medianMs, round } from "./measure";

/** Rows of the range case. */
export const RANGE_ROWS = 10_000;

/** One function's timings (median of several runs, in ms). */
export interface FunctionTiming {
  name: string;
  /** What the range case passes (e.g. `4 columns × 10,000 rows`). */
  rangeShape: string;
  singleMs: number;
  rangeMs: number;
  /** Emulated service calls one range call makes (time zone, `Utilities.formatDate` readings, Settings). */
  rangeCalls: number;
}

type Args = (env: GasEnvironment) => unknown[];

const column = <T>(f: (i: number) => T): T[][] => Array.from({ length: RANGE_ROWS }, (_, i) => [f(i)]);
/** `YYYY-MM-DD` of the day `days` after 1 January of `year`: row i of a date column is day i (2020–2047). */
const isoDay = (year: number, days: number) =>
  new Date(Date.UTC(year, 0, 1 + days)).toISOString().slice(0, 10);

/** Single-cell and range arguments of each function, shaped as Sheets passes them (a range is a 2-D array). */
const CASES: { name: string; single: Args; range: Args; rangeShape: string }[] = [
  {
    name: "NRR",
    single: () => [1_000_000, 300_000, 50_000, 0],
    range: () => [
      column((i) => 100_000 + i),
      column((i) => (i % 3) * 1_000),
      column((i) => (i % 5) * 500),
      column((i) => (i % 7 === 0 ? 2_000 : 0)),
    ],
    rangeShape: "4 columns",
  },
  {
    name: "GRR",
    single: () => [100, 5, 10],
    range: () => [column((i) => 100_000 + i), column((i) => (i % 5) * 500), column(() => "")],
    rangeShape: "3 columns (one blank)",
  },
  {
    name: "CLV",
    single: () => [500, 0.8, 0.05],
    range: () => [column((i) => 400 + (i % 200)), 0.8, column((i) => 0.02 + (i % 10) / 100)],
    rangeShape: "2 columns + 1 cell",
  },
  {
    name: "CAC_PAYBACK",
    single: () => [1200, 500, 0.8],
    range: () => [column((i) => 1000 + (i % 500)), column((i) => 400 + (i % 300)), 0.8],
    rangeShape: "2 columns + 1 cell",
  },
  {
    name: "HEALTH_SCORE",
    single: () => [80, 60, 70, 50],
    range: () => [
      column((i) => i % 101),
      column((i) => (i * 7) % 101),
      column((i) => (i % 13 === 0 ? "" : (i * 3) % 101)),
      column((i) => (i * 11) % 101),
    ],
    rangeShape: "4 columns (some blank)",
  },
  {
    name: "HEALTH_BAND",
    single: () => [72],
    range: () => [column((i) => i % 101)],
    rangeShape: "1 column",
  },
  {
    name: "THRESHOLD_STATUS",
    single: () => [[[0.5, 0.45, 0.38]], "below 40%: Training conversation; below 25%: At-risk escalation"],
    range: () => [
      Array.from({ length: RANGE_ROWS }, (_, i) =>
        Array.from({ length: 12 }, (_, m) => (i % 2 ? 0.8 : 0.5 - m * 0.02)),
      ),
      "below 40%: Training conversation; below 25%: At-risk escalation",
    ],
    rangeShape: "12 columns (periods)",
  },
  {
    name: "NPS",
    single: () => [[[10], [9], [6], [8]]],
    range: () => [column((i) => i % 11)],
    rangeShape: "1 column → 1 value",
  },
  {
    name: "EXPANSION_READY",
    single: () => [120, 0.65, 0, 0, "Yes", "Yes"],
    range: () => [
      column((i) => i % 400),
      column((i) => (i % 100) / 100),
      column((i) => i % 3),
      column(() => 0),
      column((i) => (i % 2 ? "Yes" : "No")),
      column(() => "Yes"),
    ],
    rangeShape: "6 columns",
  },
  {
    name: "REVIEW_TYPE",
    single: (env) => [env.sheetDate("2026-01-15"), env.sheetDate("2026-07-20")],
    range: (env) => [env.sheetDate("2019-12-01"), column((i) => env.sheetDate(isoDay(2020, i)))],
    rangeShape: "1 cell + 1 column of distinct days",
  },
  {
    name: "FISCAL_QUARTER",
    single: (env) => [env.sheetDate("2026-10-15"), "October"],
    range: (env) => [column((i) => env.sheetDate(isoDay(2020, i))), "October"],
    rangeShape: '1 column of distinct days + "October"',
  },
  {
    name: "FISCAL_QUARTER",
    single: (env) => [env.sheetDate("2026-10-15")],
    range: (env) => [column((i) => env.sheetDate(isoDay(2020, i)))],
    rangeShape: "1 column of distinct days, start month from Settings",
  },
];

/**
 * Loads build/Code.js once (in a New York workbook whose Settings say the fiscal year starts in
 * October) and times each custom function the way Sheets calls it (in `CUSTOM_FUNCTION` auth mode): `singleRuns` runs on one cell and `rangeRuns` on a 10,000-row range,
 * after a warm-up call each; the median is kept. Arguments are built once, outside the timing.
 */
export function benchFunctions(singleRuns = 201, rangeRuns = 9): FunctionTiming[] {
  const env = createGasEnvironment({ timeZone: "America/New_York" });
  env.sheetFromRows("Settings", [
    ["Setting", "Value"],
    ["Fiscal year starts", "October"],
  ]);
  const gas = loadBundle(env);
  return CASES.map((testCase) => {
    const fn = gas[testCase.name] as (...args: unknown[]) => unknown;
    const single = testCase.single(env);
    const range = testCase.range(env);
    const call = (args: unknown[]) => () => env.withAuthMode("CUSTOM_FUNCTION", () => fn(...args));
    env.counter.reset();
    call(range)();
    const rangeCalls = env.counter.total();
    return {
      name: testCase.name,
      rangeShape: `${testCase.rangeShape} × ${RANGE_ROWS.toLocaleString("en-US")} rows`,
      singleMs: round(medianMs(singleRuns, call(single)), 4),
      rangeMs: round(medianMs(rangeRuns, call(range)), 2),
      rangeCalls,
    };
  });
}
