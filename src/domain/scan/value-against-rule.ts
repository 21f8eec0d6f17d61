// Says a breaching value against what it was judged by, with the gap: `99.1% — target at least 99.5%, 0.4 points short`.
import type { CellValue } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import type { Comparator, Condition, Quantity } from "../condition";
import { formatCondition, parseCondition, readQuantity } from "../condition";
import { formatValue, isPercentUnit, thresholdValue, tidyNumber } from "../condition/units";
import { displayValue } from "./display-value";

/** What a value was judged by, and how far it is from it. */
export interface ValueAgainstRule {
  /** The value in the rule's unit: `99.1%`. */
  value: string;
  /** `target at least 99.5%`, `threshold below 25%`, `rule: declines for 3 consecutive periods`. */
  measure: string;
  /** `0.4 points short`, `3 points under`, `2 hours over`; `""` when no single number says it. */
  gap: string;
  /** The metric's Target beside a rule that does not compare with it: `target at least 70%`; `""` otherwise. */
  targetNote: string;
}

/** A comparison with one number, found through streaks and rolling windows. */
function singleComparison(condition: Condition): { comparator: Comparator; quantity: Quantity } | null {
  switch (condition.kind) {
    case "compare":
    case "cross":
      return { comparator: condition.comparator, quantity: condition.quantity };
    case "streak":
    case "rolling":
      return singleComparison(condition.condition);
    default:
      return null;
  }
}

/** True when the rule compares with the metric's Target (through streaks and rolling windows). */
function comparesWithTarget(condition: Condition): boolean {
  if (condition.kind === "target") return true;
  if (condition.kind === "streak" || condition.kind === "rolling")
    return comparesWithTarget(condition.condition);
  return false;
}

/** `0.4 points`, `11`, `2 hours`: a distance between two values in cell units, in `quantity`'s unit. */
function distance(amount: number, quantity: Quantity): string {
  const rounded = Math.abs(amount) >= 0.01 || amount === 0 ? Math.round(amount * 1e6) / 1e6 : amount;
  if (isPercentUnit(quantity.unit)) {
    const points = Number(tidyNumber(rounded * 100));
    return `${points} ${points === 1 ? "point" : "points"}`;
  }
  return formatValue(rounded, quantity.unit);
}

/** How far `value` sits from `quantity`, or `""` when the value is not a number in that unit. */
function gapText(
  value: CellValue,
  comparison: { comparator: Comparator; quantity: Quantity },
  words: { low: string; high: string },
  readWallClock?: ReadWallClock,
): string {
  if (comparison.comparator === "=" || comparison.comparator === "!=") return "";
  const reading = readQuantity(value, comparison.quantity.unit, readWallClock);
  if (!reading.ok) return "";
  const threshold = thresholdValue(comparison.quantity.amount, comparison.quantity.unit);
  const difference = reading.quantity - threshold;
  if (Math.abs(difference) < 1e-12) return "right at it";
  return `${distance(Math.abs(difference), comparison.quantity)} ${difference < 0 ? words.low : words.high}`;
}

function parsed(condition: Condition | string): Condition | null {
  if (typeof condition !== "string") return condition;
  try {
    return parseCondition(condition);
  } catch (_error) {
    return null;
  }
}

/**
 * A breaching value against what judged it: the Target for `misses target` rules (`target at least
 * 99.5%`, the gap `short` of it or `over` it), the rule's number for comparisons (`threshold below
 * 25%`, the gap `under` or `over` it), the rule's words otherwise (`rule: is Yes`, no gap).
 */
export function valueAgainstRule(
  value: CellValue,
  condition: Condition | string,
  options: {
    /** The Target a `misses target` rule compared with. */
    target?: Condition;
    /** The metric's Target, named beside a rule that does not compare with it. */
    metricTarget?: Condition;
    readWallClock?: ReadWallClock;
  } = {},
): ValueAgainstRule {
  const { target, readWallClock } = options;
  const rule = parsed(condition);
  const shown = displayValue(value, rule ?? String(condition), target ?? options.metricTarget);
  const ruleText = rule ? formatCondition(rule) : String(condition);
  if (rule && comparesWithTarget(rule)) {
    if (!target) return { value: shown, measure: `rule: ${ruleText}`, gap: "", targetNote: "" };
    const comparison = singleComparison(target);
    const gap = comparison ? gapText(value, comparison, { low: "short", high: "over" }, readWallClock) : "";
    const window = rule.kind === "target" ? "" : ` (rule: ${ruleText})`;
    return { value: shown, measure: `target ${formatCondition(target)}${window}`, gap, targetNote: "" };
  }
  const targetNote = options.metricTarget ? `target ${formatCondition(options.metricTarget)}` : "";
  const comparison = rule ? singleComparison(rule) : null;
  if (!comparison) return { value: shown, measure: `rule: ${ruleText}`, gap: "", targetNote };
  return {
    value: shown,
    measure: `threshold ${ruleText}`,
    gap: gapText(value, comparison, { low: "under", high: "over" }, readWallClock),
    targetNote,
  };
}

/** `99.1% — target at least 99.5%, 0.4 points short`; `22% — threshold below 25%, 3 points under · target at least 70%`. */
export function formatValueAgainstRule(reading: ValueAgainstRule): string {
  const gap = reading.gap ? `, ${reading.gap}` : "";
  const note = reading.targetNote ? ` · ${reading.targetNote}` : "";
  return `${reading.value} — ${reading.measure}${gap}${note}`;
}
