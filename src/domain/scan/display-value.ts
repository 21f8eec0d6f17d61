// Shows a logged value the way the rule reads it (0.38 under "below 40%" is 38%), for digests and summaries.
import type { CellValue } from "../cell-value";
import { describeValue, isBlank, isDate, shortText } from "../cell-value";
import type { Condition } from "../condition";
import { conditionUnit, parseCondition } from "../condition";
import { formatValue, tidyNumber } from "../condition/units";
import { cellText } from "../workbook/read-cells";

/**
 * A value as text for a message: numbers in the unit of the condition that judged them (or of the
 * Target for `misses target`), text as typed (its start only when longer than 100 characters, so
 * a pasted page cannot push a digest past MailApp's 200 KB), blank as `(blank)`.
 */
export function displayValue(value: CellValue, condition?: Condition | string, target?: Condition): string {
  if (isBlank(value)) return "(blank)";
  if (typeof value !== "number") return isDate(value) ? describeValue(value) : shortText(cellText(value));
  let parsed: Condition | undefined;
  if (typeof condition === "string") {
    try {
      parsed = parseCondition(condition);
    } catch (_error) {
      parsed = undefined;
    }
  } else parsed = condition;
  const unit = (parsed && conditionUnit(parsed)) ?? (target && conditionUnit(target));
  return unit ? formatValue(value, unit) : tidyNumber(value);
}
