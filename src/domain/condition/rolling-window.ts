// What `over any rolling 7 days` is judged on: the extreme windows of a period, supplied by whoever measures the metric.

import type { Condition } from "./condition";
import { convertDuration } from "./units";

/** A span of real time (instants in ms, `[start, end)`) and the metric's value over it, in cell units (a fraction for %). */
export interface RollingWindow {
  start: number;
  end: number;
  value: number;
}

/**
 * The windows with the lowest and the highest value among every rolling window of one length that
 * touches a period. A comparison holds for some window exactly when it holds for one of these two.
 */
export interface RollingWindowExtremes {
  lowest: RollingWindow;
  highest: RollingWindow;
}

/**
 * Gives the extreme rolling windows of `lengthMs` for the period at `periodIndex` of the row being
 * evaluated, or `undefined` when that period has no windows yet (it has not started, or no window
 * touching it has ended). The scan supplies one for metrics measured from the Incidents tab.
 */
export type RollingWindowSource = (
  periodIndex: number,
  lengthMs: number,
) => RollingWindowExtremes | undefined;

/**
 * The window lengths (ms) a condition's rolling clauses ask for, without repeats: `[604800000]` for
 * `below 99.5% over any rolling 7 days`, `[]` for a condition without a window.
 */
export function rollingWindowLengths(condition: Condition): number[] {
  switch (condition.kind) {
    case "rolling": {
      const { amount, unit } = condition.length;
      return [Math.round(convertDuration(amount, unit, "milliseconds") ?? 0)];
    }
    case "streak":
      return rollingWindowLengths(condition.condition);
    case "all":
    case "any":
      return [...new Set(condition.conditions.flatMap(rollingWindowLengths))];
    default:
      return [];
  }
}
