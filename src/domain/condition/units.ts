// Units of the condition language: their spellings, how they print, and how durations convert.

/**
 * A unit a condition's number is written in. `number` is a plain number; `percent` and
 * `percentagePoints` are written as 40 but stand for the fraction 0.40 that Sheets stores.
 */
export type Unit =
  | "number"
  | "points"
  | "percent"
  | "percentagePoints"
  | "milliseconds"
  | "seconds"
  | "minutes"
  | "hours"
  | "days"
  | "businessDays"
  | "weeks";

/** Every unit, for generators and tables. */
export const UNITS: readonly Unit[] = [
  "number",
  "points",
  "percent",
  "percentagePoints",
  "milliseconds",
  "seconds",
  "minutes",
  "hours",
  "days",
  "businessDays",
  "weeks",
];

/** Spellings of each unit, as lower-case word sequences (longest are tried first). */
export const UNIT_SPELLINGS: ReadonlyArray<{ words: readonly string[]; unit: Unit }> = [
  { words: ["percentage", "points"], unit: "percentagePoints" },
  { words: ["percentage", "point"], unit: "percentagePoints" },
  { words: ["percentage", "pts"], unit: "percentagePoints" },
  { words: ["pp"], unit: "percentagePoints" },
  { words: ["business", "days"], unit: "businessDays" },
  { words: ["business", "day"], unit: "businessDays" },
  { words: ["working", "days"], unit: "businessDays" },
  { words: ["working", "day"], unit: "businessDays" },
  { words: ["calendar", "days"], unit: "days" },
  { words: ["calendar", "day"], unit: "days" },
  { words: ["%"], unit: "percent" },
  { words: ["percent"], unit: "percent" },
  { words: ["pct"], unit: "percent" },
  { words: ["points"], unit: "points" },
  { words: ["point"], unit: "points" },
  { words: ["pts"], unit: "points" },
  { words: ["pt"], unit: "points" },
  { words: ["ms"], unit: "milliseconds" },
  { words: ["msec"], unit: "milliseconds" },
  { words: ["milliseconds"], unit: "milliseconds" },
  { words: ["millisecond"], unit: "milliseconds" },
  { words: ["s"], unit: "seconds" },
  { words: ["sec"], unit: "seconds" },
  { words: ["secs"], unit: "seconds" },
  { words: ["second"], unit: "seconds" },
  { words: ["seconds"], unit: "seconds" },
  { words: ["min"], unit: "minutes" },
  { words: ["mins"], unit: "minutes" },
  { words: ["minute"], unit: "minutes" },
  { words: ["minutes"], unit: "minutes" },
  { words: ["h"], unit: "hours" },
  { words: ["hr"], unit: "hours" },
  { words: ["hrs"], unit: "hours" },
  { words: ["hour"], unit: "hours" },
  { words: ["hours"], unit: "hours" },
  { words: ["d"], unit: "days" },
  { words: ["day"], unit: "days" },
  { words: ["days"], unit: "days" },
  { words: ["wk"], unit: "weeks" },
  { words: ["wks"], unit: "weeks" },
  { words: ["week"], unit: "weeks" },
  { words: ["weeks"], unit: "weeks" },
];

/** The list of units an error message offers. */
export const UNIT_CHOICES =
  "%, points, percentage points, ms, seconds, minutes, hours, days, business days or weeks";

/** Seconds in one unit of each calendar-time duration unit (business days are not calendar time). */
const SECONDS_PER_UNIT: Partial<Record<Unit, number>> = {
  milliseconds: 0.001,
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86_400,
  weeks: 604_800,
};

/** True for units of elapsed time, business days included. */
export function isDurationUnit(unit: Unit): boolean {
  return unit === "businessDays" || SECONDS_PER_UNIT[unit] !== undefined;
}

/** True for `%` and percentage points: the value is a fraction, the written number is ×100. */
export function isPercentUnit(unit: Unit): boolean {
  return unit === "percent" || unit === "percentagePoints";
}

/**
 * Converts a calendar-time duration between units (`from`/`to` among ms … weeks), or returns
 * `undefined` when either is not calendar time (business days, plain numbers, percents).
 */
export function convertDuration(amount: number, from: Unit, to: Unit): number | undefined {
  const fromSeconds = SECONDS_PER_UNIT[from];
  const toSeconds = SECONDS_PER_UNIT[to];
  if (fromSeconds === undefined || toSeconds === undefined) return undefined;
  return from === to ? amount : (amount * fromSeconds) / toSeconds;
}

/** The value, in the units a cell holds, that a written number stands for (`40` `%` → 0.4). */
export function thresholdValue(amount: number, unit: Unit): number {
  return isPercentUnit(unit) ? amount / 100 : amount;
}

const UNIT_NAMES: Record<Unit, [singular: string, plural: string]> = {
  number: ["", ""],
  points: ["point", "points"],
  percent: ["%", "%"],
  percentagePoints: ["percentage point", "percentage points"],
  milliseconds: ["millisecond", "milliseconds"],
  seconds: ["second", "seconds"],
  minutes: ["minute", "minutes"],
  hours: ["hour", "hours"],
  days: ["day", "days"],
  businessDays: ["business day", "business days"],
  weeks: ["week", "weeks"],
};

/** The unit's name as printed after a number (`hours`, `hour` for 1); `%` for percent. */
export function unitName(unit: Unit, amount = 2): string {
  const [singular, plural] = UNIT_NAMES[unit];
  return amount === 1 ? singular : plural;
}

/** Prints a written number with its unit, exactly (`40%`, `4 hours`, `7`): the canonical form. */
export function formatAmount(amount: number, unit: Unit): string {
  const number = String(amount);
  if (unit === "number") return number;
  if (unit === "percent") return `${number}%`;
  return `${number} ${unitName(unit, amount)}`;
}

/** Rounds away floating-point noise for messages (0.38 × 100 → 38, not 38.00000000000001). */
export function tidyNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Prints a value held in cell units for a message: a fraction under a percent unit shows as a
 * percent (0.38 → `38%`), anything else with its unit (`6 hours`).
 */
export function formatValue(value: number, unit: Unit): string {
  if (isPercentUnit(unit)) return `${tidyNumber(value * 100)}%`;
  const number = tidyNumber(value);
  return unit === "number" ? number : `${number} ${unitName(unit, Number(number))}`;
}

/** Matches the longest unit spelling at the start of `words` (lower-case); how many words it used. */
export function matchUnit(words: readonly string[]): { unit: Unit; length: number } | undefined {
  let best: { unit: Unit; length: number } | undefined;
  for (const spelling of UNIT_SPELLINGS) {
    const n = spelling.words.length;
    if (n > words.length || (best && best.length >= n)) continue;
    if (spelling.words.every((word, i) => words[i] === word)) best = { unit: spelling.unit, length: n };
  }
  return best;
}
