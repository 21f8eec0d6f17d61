// Prints a condition in its canonical words; parsing the printed text gives the same condition back.

import type { Comparator, Condition, IsTest, Quantity } from "./condition";
import { formatAmount } from "./units";

/** Canonical words of each comparator before a number. */
export const COMPARATOR_WORDS: Readonly<Record<Comparator, string>> = {
  "<": "below",
  "<=": "at most",
  ">": "above",
  ">=": "at least",
  "=": "equals",
  "!=": "does not equal",
};

/** Canonical words of each comparator before the size of a change (`drops by more than 20`). */
const AMOUNT_WORDS: Readonly<Record<Exclude<Comparator, "!=">, string>> = {
  "<": "less than",
  "<=": "at most",
  ">": "more than",
  ">=": "at least",
  "=": "exactly",
};

/** Prints a quantity as written (`40%`, `4 hours`, `7`). */
export function formatQuantity(quantity: Quantity): string {
  return formatAmount(quantity.amount, quantity.unit);
}

/** Prints the canonical form of a condition, e.g. `below 40%` or `declines for 3 consecutive periods`. */
export function formatCondition(condition: Condition): string {
  switch (condition.kind) {
    case "compare":
      return `${COMPARATOR_WORDS[condition.comparator]} ${formatQuantity(condition.quantity)}`;
    case "between":
      return `between ${formatQuantity(condition.low)} and ${formatQuantity(condition.high)}`;
    case "target":
      return condition.meets ? "meets target" : "misses target";
    case "change": {
      const { amount } = condition;
      if (!amount) return condition.direction === "down" ? "declines" : "rises";
      const verb = condition.direction === "down" ? "drops" : "rises";
      return `${verb} by ${AMOUNT_WORDS[amount.comparator]} ${formatQuantity(amount.quantity)}`;
    }
    case "cross": {
      const verb = condition.direction === "down" ? "falls" : "rises";
      const strict = condition.comparator === "<" || condition.comparator === ">";
      const words = strict
        ? COMPARATOR_WORDS[condition.comparator]
        : `to ${COMPARATOR_WORDS[condition.comparator]}`;
      return `${verb} ${words} ${formatQuantity(condition.quantity)}`;
    }
    case "is":
      return `is ${condition.negated ? "not " : ""}${formatIsTest(condition.test)}`;
    case "rolling":
      return `${formatCondition(condition.condition)} over any rolling ${formatQuantity(condition.length)}`;
    case "streak": {
      const word = condition.periods === 1 ? condition.periodWord.slice(0, -1) : condition.periodWord;
      return `${formatCondition(condition.condition)} for ${condition.periods} consecutive ${word}`;
    }
    case "all":
      return condition.conditions.map(formatCondition).join(" and ");
    case "any":
      return condition.conditions.map(formatCondition).join(" or ");
  }
}

function formatIsTest(test: IsTest): string {
  switch (test.type) {
    case "yes":
      return "Yes";
    case "no":
      return "No";
    case "blank":
      return "blank";
    case "text":
      return `"${test.text.replace(/"/g, '""')}"`;
  }
}
