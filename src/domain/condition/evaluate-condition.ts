// Checks a condition against one metric's row of period values (oldest → newest).

import { type CellValue, describeValue, isBlank } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import { formatWallClock, readWallClockUtc } from "../civil-date";
import type {
  BetweenCondition,
  ChangeCondition,
  Comparator,
  CompareCondition,
  Condition,
  CrossCondition,
  IsCondition,
  RollingCondition,
  StreakCondition,
  TargetCondition,
} from "./condition";
import { changeValueUnit } from "./condition-unit";
import { formatCondition, formatQuantity } from "./format-condition";
import { type QuantityReading, readQuantity } from "./read-quantity";
import { readYesNo } from "./read-yes-no";
import type { RollingWindow, RollingWindowSource } from "./rolling-window";
import { convertDuration, formatValue, thresholdValue, tidyNumber, type Unit } from "./units";

/** What evaluation needs besides the row. */
export interface EvaluationContext {
  /** The metric's `Target` (from the catalog or the account tab), for `misses target` / `meets target`. */
  target?: Condition;
  /** Reads duration cells on the spreadsheet's wall clock (and shows windows on it); UTC when absent. */
  readWallClock?: ReadWallClock;
  /**
   * The rolling windows of the row's periods, for `over any rolling 7 days`: the scan supplies them
   * for metrics measured from the Incidents tab. Without them a rolling clause is a problem.
   */
  rollingWindows?: RollingWindowSource;
}

/** The outcome of checking a condition on a row. */
export interface ConditionResult {
  /** True when the condition holds for the current period. */
  matched: boolean;
  /** The current period's cell as it is (`""` when the row has no value). */
  value: CellValue;
  /**
   * The number the condition looked at, in the condition's units: the value (a fraction for
   * percents, hours for `above 4 hours`), or the size of the change for change conditions.
   */
  quantity?: number;
  /** Index of the current period (the last non-blank cell); -1 when the row is blank. */
  periodIndex: number;
  /** A short explanation, e.g. `38% is below 40%` or `not enough data: the previous period is blank`. */
  reason?: string;
  /** Set when a value could not be read, e.g. `not a number: "abc"`; `matched` is then false. */
  problem?: string;
  /**
   * True when the condition could not be decided (not enough data, or a value that could not be
   * read): `matched` is false, but that does not mean the condition is known not to hold.
   */
  undetermined?: boolean;
  /**
   * For a rolling clause (`below 99.5% over any rolling 7 days`): the window it judged, the one with
   * the lowest value (the highest for `above`/`at least`), whose `value` is `quantity`.
   */
  window?: RollingWindow;
}

/** The outcome at one period; `undetermined` when data was missing or unreadable. */
interface Outcome {
  matched: boolean;
  quantity?: number;
  window?: RollingWindow;
  reason?: string;
  problem?: string;
  undetermined?: boolean;
}

/**
 * Evaluates a condition on a row of period values, oldest first, blanks as `""`. The current
 * period is the last non-blank cell; change and streak conditions look back from it, and a blank
 * inside the window they need means "not enough data" (not matched, with a reason). `is blank`
 * therefore only holds for a row with no value at all.
 */
export function evaluateCondition(
  condition: Condition,
  series: readonly CellValue[],
  context: EvaluationContext = {},
): ConditionResult {
  const periodIndex = lastNonBlankIndex(series);
  const outcome = evaluateAt(condition, series, periodIndex, context);
  const result: ConditionResult = {
    matched: outcome.matched,
    value: periodIndex >= 0 ? series[periodIndex] : "",
    periodIndex,
  };
  if (outcome.quantity !== undefined) result.quantity = outcome.quantity;
  if (outcome.reason) result.reason = outcome.reason;
  if (outcome.problem) result.problem = outcome.problem;
  if (outcome.undetermined) result.undetermined = true;
  if (outcome.window) result.window = outcome.window;
  return result;
}

/** Index of the last non-blank cell, or -1. */
export function lastNonBlankIndex(series: readonly CellValue[]): number {
  for (let i = series.length - 1; i >= 0; i--) if (!isBlank(series[i])) return i;
  return -1;
}

/** Compares with a tolerance of about 1e-9 relative, so 0.999 is "at least 99.9%". */
export function compareNumbers(value: number, comparator: Comparator, threshold: number): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(value), Math.abs(threshold));
  switch (comparator) {
    case "<":
      return value < threshold - tolerance;
    case "<=":
      return value <= threshold + tolerance;
    case ">":
      return value > threshold + tolerance;
    case ">=":
      return value >= threshold - tolerance;
    case "=":
      return Math.abs(value - threshold) <= tolerance;
    case "!=":
      return Math.abs(value - threshold) > tolerance;
  }
}

function evaluateAt(
  condition: Condition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationContext,
): Outcome {
  const needsValue = !(condition.kind === "is" && condition.test.type === "blank");
  if (index < 0 && needsValue && condition.kind !== "all" && condition.kind !== "any") {
    return notEnoughData("the row has no value yet");
  }
  switch (condition.kind) {
    case "compare":
      return evaluateCompare(condition, series[index], context);
    case "between":
      return evaluateBetween(condition, series[index], context);
    case "target":
      return evaluateTarget(condition, series, index, context);
    case "change":
      return evaluateChange(condition, series, index, context);
    case "cross":
      return evaluateCross(condition, series, index, context);
    case "is":
      return evaluateIs(condition, index >= 0 ? series[index] : "");
    case "rolling":
      return evaluateRolling(condition, series, index, context);
    case "streak":
      return evaluateStreak(condition, series, index, context);
    case "all":
    case "any":
      return combine(
        condition.kind,
        condition.conditions.map((part) => evaluateAt(part, series, index, context)),
      );
  }
}

function notEnoughData(why: string): Outcome {
  return { matched: false, undetermined: true, reason: `not enough data: ${why}` };
}

function unreadable(reading: Extract<QuantityReading, { ok: false }>, where = ""): Outcome {
  return { matched: false, undetermined: true, problem: `${where}${reading.problem}` };
}

const REASON_WORDS: Readonly<Record<Comparator, string>> = {
  "<": "below",
  "<=": "at most",
  ">": "above",
  ">=": "at least",
  "=": "equal to",
  "!=": "different from",
};

function evaluateCompare(condition: CompareCondition, value: CellValue, context: EvaluationContext): Outcome {
  const { unit, amount } = condition.quantity;
  const reading = readQuantity(value, unit, context.readWallClock);
  if (!reading.ok) return unreadable(reading);
  const matched = compareNumbers(reading.quantity, condition.comparator, thresholdValue(amount, unit));
  const words = `${REASON_WORDS[condition.comparator]} ${formatValue(thresholdValue(amount, unit), unit)}`;
  return {
    matched,
    quantity: reading.quantity,
    reason: `${formatValue(reading.quantity, unit)} is ${matched ? "" : "not "}${words}`,
  };
}

function evaluateBetween(condition: BetweenCondition, value: CellValue, context: EvaluationContext): Outcome {
  const unit = condition.low.unit;
  const reading = readQuantity(value, unit, context.readWallClock);
  if (!reading.ok) return unreadable(reading);
  const ends = [thresholdValue(condition.low.amount, unit), thresholdValue(condition.high.amount, unit)];
  const [low, high] = ends[0] <= ends[1] ? ends : [ends[1], ends[0]];
  const matched = compareNumbers(reading.quantity, ">=", low) && compareNumbers(reading.quantity, "<=", high);
  const range = `between ${formatValue(low, unit)} and ${formatValue(high, unit)}`;
  return {
    matched,
    quantity: reading.quantity,
    reason: `${formatValue(reading.quantity, unit)} is ${matched ? "" : "not "}${range}`,
  };
}

function evaluateTarget(
  condition: TargetCondition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationContext,
): Outcome {
  const { target } = context;
  if (!target) {
    return {
      matched: false,
      undetermined: true,
      problem: `"${formatCondition(condition)}" needs the metric's Target, and none is set`,
    };
  }
  const outcome = evaluateAt(target, series, index, { ...context, target: undefined });
  if (outcome.undetermined) return { ...outcome, matched: false };
  const matched = condition.meets === outcome.matched;
  const verdict = outcome.matched ? "meets" : "misses";
  return {
    matched,
    quantity: outcome.quantity,
    ...(outcome.window ? { window: outcome.window } : {}),
    reason: `${verdict} the target "${formatCondition(target)}"${outcome.reason ? ` (${outcome.reason})` : ""}`,
  };
}

/** Reads the current and previous values for a change; an Outcome when they cannot be had. */
function readPair(
  series: readonly CellValue[],
  index: number,
  unit: Unit | undefined,
  context: EvaluationContext,
): { previous: number; current: number } | Outcome {
  if (index < 1) return notEnoughData("there is no previous period to compare with");
  if (isBlank(series[index - 1])) return notEnoughData("the previous period is blank");
  const current = readForChange(series[index], unit, context);
  if (!current.ok) return unreadable(current);
  const previous = readForChange(series[index - 1], unit, context);
  if (!previous.ok) return unreadable(previous, "previous period: ");
  return { previous: previous.quantity, current: current.quantity };
}

/** Reads a value in `unit`; without a unit, a plain number or, failing that, a duration in days. */
function readForChange(
  value: CellValue,
  unit: Unit | undefined,
  context: EvaluationContext,
): QuantityReading {
  if (unit) return readQuantity(value, unit, context.readWallClock);
  const plain = readQuantity(value, "number", context.readWallClock);
  if (plain.ok) return plain;
  const days = readQuantity(value, "days", context.readWallClock);
  return days.ok ? days : plain;
}

function evaluateChange(
  condition: ChangeCondition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationContext,
): Outcome {
  const unit = changeValueUnit(condition);
  const pair = readPair(series, index, unit, context);
  if ("matched" in pair) return pair;
  const { previous, current } = pair;
  const delta = condition.direction === "up" ? current - previous : previous - current;
  const moved = compareNumbers(delta, ">", 0);
  const shown = (value: number) => (unit ? formatValue(value, unit) : tidyNumber(value));
  const journey = `went from ${shown(previous)} to ${shown(current)}`;
  const { amount } = condition;
  if (!amount) return { matched: moved, quantity: delta, reason: journey };
  const { comparator, quantity } = amount;
  if (quantity.unit === "percent") {
    if (previous === 0)
      return notEnoughData(`${journey}; a change in % of a previous value of 0 cannot be computed`);
    const relative = delta / Math.abs(previous);
    const matched = moved && compareNumbers(relative, comparator, quantity.amount / 100);
    const change = `${condition.direction === "up" ? "up" : "down"} ${formatValue(Math.abs(relative), "percent")}`;
    return {
      matched,
      quantity: relative,
      reason: `${journey} (${moved ? change : "no " + directionWord(condition)})`,
    };
  }
  const matched = moved && compareNumbers(delta, comparator, thresholdValue(quantity.amount, quantity.unit));
  const size =
    quantity.unit === "percentagePoints"
      ? `${tidyNumber(Math.abs(delta) * 100)} percentage points`
      : formatValue(Math.abs(delta), quantity.unit);
  const change = `${condition.direction === "up" ? "up" : "down"} ${size}`;
  return {
    matched,
    quantity: delta,
    reason: `${journey} (${moved ? change : "no " + directionWord(condition)})`,
  };
}

function directionWord(condition: ChangeCondition | CrossCondition): string {
  return condition.direction === "up" ? "rise" : "drop";
}

function evaluateCross(
  condition: CrossCondition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationContext,
): Outcome {
  const { unit, amount } = condition.quantity;
  const pair = readPair(series, index, unit, context);
  if ("matched" in pair) return pair;
  const threshold = thresholdValue(amount, unit);
  const wasInside = compareNumbers(pair.previous, condition.comparator, threshold);
  const isInside = compareNumbers(pair.current, condition.comparator, threshold);
  const zone = `${REASON_WORDS[condition.comparator]} ${formatValue(threshold, unit)}`;
  const journey = `went from ${formatValue(pair.previous, unit)} to ${formatValue(pair.current, unit)}`;
  const note = wasInside && isInside ? ` (already ${zone} before)` : isInside ? "" : ` (not ${zone})`;
  return { matched: !wasInside && isInside, quantity: pair.current, reason: `${journey}${note}` };
}

function evaluateIs(condition: IsCondition, value: CellValue): Outcome {
  const { test } = condition;
  let hit: boolean;
  if (test.type === "blank") {
    hit = isBlank(value);
  } else if (test.type === "text") {
    hit = normalizeText(value) === normalizeText(test.text);
  } else {
    const answer = readYesNo(value);
    if (answer === undefined) {
      return { matched: false, undetermined: true, problem: `not Yes or No: ${describeValue(value)}` };
    }
    hit = answer === (test.type === "yes");
  }
  const matched = hit !== condition.negated;
  return { matched, reason: `the value is ${describeValue(value)}` };
}

function normalizeText(value: CellValue): string {
  const text =
    typeof value === "boolean"
      ? value
        ? "true"
        : "false"
      : typeof value === "string"
        ? value
        : describeValue(value);
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

function evaluateStreak(
  condition: StreakCondition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationContext,
): Outcome {
  const { periods, periodWord } = condition;
  const reach = lookBack(condition.condition, context);
  let current: Outcome | undefined;
  // Newest first: a period that clearly fails ends the streak before older gaps matter.
  for (let back = 0; back < periods; back++) {
    for (let offset = back; offset <= back + reach; offset++) {
      if (index - offset < 0) {
        const what = reach > 0 ? `${periods + reach} values in a row` : `${periods} ${periodWord} in a row`;
        return notEnoughData(`needs ${what}, and the row has ${offset}`);
      }
      if (isBlank(series[index - offset])) return notEnoughData(`${periodName(offset)} is blank`);
    }
    const outcome = evaluateAt(condition.condition, series, index - back, context);
    if (current === undefined) current = outcome;
    const where = back === 0 ? "" : `${periodName(back)}: `;
    if (outcome.undetermined) {
      const result: Outcome = { matched: false, undetermined: true, quantity: current.quantity };
      if (current.window) result.window = current.window;
      if (outcome.reason) result.reason = `${where}${outcome.reason}`;
      if (outcome.problem) result.problem = `${where}${outcome.problem}`;
      return result;
    }
    if (!outcome.matched)
      return {
        matched: false,
        quantity: current.quantity,
        reason: `${where}${outcome.reason}`,
        ...(current.window ? { window: current.window } : {}),
      };
  }
  const inner = formatCondition(condition.condition);
  return {
    matched: true,
    quantity: current?.quantity,
    reason: `${inner} in each of the last ${periods} ${periodWord}`,
    ...(current?.window ? { window: current.window } : {}),
  };
}

/**
 * A rolling clause: the comparison holds for some window of the length touching the period. The
 * comparison bounds the value from one side, so the window with the lowest value (or, for `above` and
 * `at least`, the highest) decides; both are checked, which also covers a target of either direction.
 */
function evaluateRolling(
  condition: RollingCondition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationContext,
): Outcome {
  const length = formatQuantity(condition.length);
  const source = context.rollingWindows;
  if (!source) {
    // A value typed by hand has no windows: the clause is judged on the period's value. A month below
    // 99.5% had some 7 days below 99.5% too, so this raises no breach the windows would not; it only
    // cannot see a bad week inside a good month, and the reason says so.
    const outcome = evaluateAt(condition.condition, series, index, { ...context, rollingWindows: undefined });
    const where = `the period's own value (typed; rolling ${length} windows need the Incidents tab)`;
    return { ...outcome, ...(outcome.reason ? { reason: `${where}: ${outcome.reason}` } : {}) };
  }
  const lengthMs = Math.round(
    convertDuration(condition.length.amount, condition.length.unit, "milliseconds") ?? 0,
  );
  const extremes = source(index, lengthMs);
  if (!extremes) return notEnoughData(`no rolling ${length} window touching this period has ended yet`);
  const clock = context.readWallClock ?? readWallClockUtc;
  const inner: EvaluationContext = { ...context, rollingWindows: undefined };
  const judge = (window: RollingWindow, which: string): Outcome => {
    const outcome = evaluateAt(condition.condition, [window.value], 0, inner);
    // The window's dates are read on the wall clock only when they are shown with a breach: a healthy
    // account's windows cost no clock reading (each distinct instant is a service call in Apps Script).
    const span = outcome.matched
      ? ` (${formatWallClock(clock(new Date(window.start)))} to ${formatWallClock(clock(new Date(window.end)))})`
      : "";
    const where = `the ${which} rolling ${length}${span}`;
    const result: Outcome = { ...outcome, quantity: outcome.quantity ?? window.value, window };
    if (outcome.reason) result.reason = `${where}: ${outcome.reason}`;
    if (outcome.problem) result.problem = `${where}: ${outcome.problem}`;
    return result;
  };
  const clause = condition.condition;
  const upward = clause.kind === "compare" && (clause.comparator === ">" || clause.comparator === ">=");
  const lowest = judge(extremes.lowest, "lowest");
  const highest = judge(extremes.highest, "highest");
  const order = upward ? [highest, lowest] : [lowest, highest];
  return order.find((o) => o.matched) ?? order.find((o) => o.undetermined) ?? order[0];
}

/** How many periods before the current one a condition reads (1 for changes and zone entries). */
function lookBack(condition: Condition, context: EvaluationContext): number {
  switch (condition.kind) {
    case "change":
    case "cross":
      return 1;
    case "target":
      return context.target ? lookBack(context.target, { ...context, target: undefined }) : 0;
    case "streak":
      return condition.periods - 1 + lookBack(condition.condition, context);
    case "all":
    case "any":
      return Math.max(...condition.conditions.map((part) => lookBack(part, context)));
    default:
      return 0;
  }
}

/** `the current period`, `the previous period`, `3 periods back`. */
function periodName(back: number): string {
  return back === 0
    ? "the current period"
    : back === 1
      ? "the previous period"
      : `the period ${back} before the current one`;
}

function combine(kind: "all" | "any", outcomes: Outcome[]): Outcome {
  const matched = kind === "all" ? outcomes.every((o) => o.matched) : outcomes.some((o) => o.matched);
  const decidedFalse = kind === "all" && outcomes.some((o) => !o.matched && !o.undetermined);
  const undetermined = !matched && !decidedFalse && outcomes.some((o) => o.undetermined);
  const deciding = kind === "any" && matched ? outcomes.filter((o) => o.matched) : outcomes;
  const window = deciding.find((o) => o.window)?.window;
  const result: Outcome = {
    matched,
    quantity: (deciding.find((o) => o.quantity !== undefined) ?? outcomes[0]).quantity,
    ...(window ? { window } : {}),
    reason: deciding
      .map((o) => o.reason)
      .filter((reason) => reason)
      .join("; "),
  };
  const problem = outcomes.find((o) => o.problem)?.problem;
  if (problem) result.problem = problem;
  if (undetermined) result.undetermined = true;
  return result;
}
