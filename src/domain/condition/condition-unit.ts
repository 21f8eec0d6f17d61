// The unit in which a condition reads the metric's values.

import type { ChangeCondition, Condition } from "./condition";
import type { Unit } from "./units";

/**
 * The unit a condition reads values in (`hours` for `above 4 hours`), or `undefined` when the
 * unit does not matter (`declines`, `rises by 50%`) or is not numeric (`is Yes`, `misses target`).
 */
export function conditionUnit(condition: Condition): Unit | undefined {
  switch (condition.kind) {
    case "compare":
    case "cross":
      return condition.quantity.unit;
    case "between":
      return condition.low.unit;
    case "change":
      return changeValueUnit(condition);
    case "target":
    case "is":
      return undefined;
    case "streak":
    case "rolling":
      return conditionUnit(condition.condition);
    case "all":
    case "any":
      return condition.conditions.map(conditionUnit).find((unit) => unit !== undefined);
  }
}

/**
 * The unit a change reads its two values in: the amount's unit for absolute changes (`drops by
 * more than 2 hours`, `5 percentage points` → `percentagePoints`); `undefined` for relative
 * (`%`) changes and changes without an amount, whose values may be in any unit.
 */
export function changeValueUnit(condition: ChangeCondition): Unit | undefined {
  const unit = condition.amount?.quantity.unit;
  return unit === "percent" ? undefined : unit;
}
