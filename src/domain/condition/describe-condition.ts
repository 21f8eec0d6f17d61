// Explains a condition in plain English for the sidebar's live check.

import type { Comparator, Condition, IsTest, Quantity } from "./condition";
import { formatQuantity } from "./format-condition";
import { tidyNumber } from "./units";

const COMPARISON_WORDS: Readonly<Record<Comparator, string>> = {
  "<": "below",
  "<=": "at most",
  ">": "above",
  ">=": "at least",
  "=": "exactly",
  "!=": "anything but",
};

const AMOUNT_WORDS: Readonly<Record<Comparator, string>> = {
  "<": "less than",
  "<=": "at most",
  ">": "more than",
  ">=": "at least",
  "=": "exactly",
  "!=": "anything but",
};

/**
 * A plain-English sentence fragment saying when the condition holds, e.g.
 * `the latest value is below 40%` or `the value declined in each of the last 3 periods`.
 */
export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case "compare":
      return `the latest value is ${COMPARISON_WORDS[condition.comparator]} ${describeQuantity(condition.quantity)}`;
    case "between":
      return `the latest value is between ${describeQuantity(condition.low)} and ${describeQuantity(condition.high)} (both included)`;
    case "target":
      return condition.meets
        ? "the latest value meets the metric's Target"
        : "the latest value does not meet the metric's Target";
    case "change": {
      const { amount } = condition;
      const verb = condition.direction === "down" ? "fell" : "rose";
      if (!amount) return `the latest value ${verb} from the previous period`;
      const size = `${AMOUNT_WORDS[amount.comparator]} ${formatQuantity(amount.quantity)}`;
      const of = amount.quantity.unit === "percent" ? " of the previous value" : "";
      return `the latest value ${verb} by ${size}${of} from the previous period`;
    }
    case "cross": {
      const zone = `${COMPARISON_WORDS[condition.comparator]} ${describeQuantity(condition.quantity)}`;
      return `the latest value is ${zone} and the previous one was not (${condition.direction === "down" ? "fell" : "rose"} into that zone)`;
    }
    case "is":
      return `the latest entry ${condition.negated ? "is not" : "is"} ${describeIsTest(condition.test)}`;
    case "rolling": {
      const window = `over some rolling ${formatQuantity(condition.length)} touching the latest period`;
      const inner = condition.condition;
      if (inner.kind === "target")
        return `the value ${window} ${inner.meets ? "meets" : "does not meet"} the metric's Target`;
      return `the value ${window} is ${COMPARISON_WORDS[inner.comparator]} ${describeQuantity(inner.quantity)}`;
    }
    case "streak": {
      const word = condition.periods === 1 ? condition.periodWord.slice(0, -1) : condition.periodWord;
      const count =
        condition.periods === 1 ? `the latest ${word}` : `each of the last ${condition.periods} ${word}`;
      return `${describeCondition(condition.condition)}, in ${count}`;
    }
    case "all":
      return condition.conditions.map(describeCondition).join(", and ");
    case "any":
      return condition.conditions.map(describeCondition).join(", or ");
  }
}

function describeQuantity(quantity: Quantity): string {
  const written = formatQuantity(quantity);
  if (quantity.unit === "percent")
    return `${written} (${tidyNumber(quantity.amount / 100)} in a percent cell)`;
  return written;
}

function describeIsTest(test: IsTest): string {
  switch (test.type) {
    case "yes":
      return "Yes (Yes, Y, TRUE or a ticked checkbox)";
    case "no":
      return "No (No, N, FALSE or an unticked checkbox)";
    case "blank":
      return "blank";
    case "text":
      return `"${test.text}" (ignoring case)`;
  }
}
