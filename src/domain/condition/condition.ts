// The parsed form of a condition (the `Condition` column, catalog `Target`s, THRESHOLD_STATUS rules).

import type { Unit } from "./units";

/** How a value is compared with a number: `<` below, `<=` at most, `>` above, `>=` at least. */
export type Comparator = "<" | "<=" | ">" | ">=" | "=" | "!=";

/** A number as written in the condition with its unit: `40%` is `{ amount: 40, unit: "percent" }`. */
export interface Quantity {
  amount: number;
  unit: Unit;
}

/** `below 40%`, `at least 99.9%`, `above 4 hours`, `90%+`, `7+`. */
export interface CompareCondition {
  kind: "compare";
  comparator: Comparator;
  quantity: Quantity;
}

/** `between 60% and 80%`: both ends included, in either order. */
export interface BetweenCondition {
  kind: "between";
  low: Quantity;
  high: Quantity;
}

/** `misses target` / `meets target`: against the catalog's `Target` given at evaluation time. */
export interface TargetCondition {
  kind: "target";
  meets: boolean;
}

/** Direction of a period-over-period change. */
export type Direction = "down" | "up";

/**
 * `declines`, `rises` (any change in that direction), `drops by more than 20`, `rises by 50%`.
 * A `percent` amount is relative to the previous value; any other unit is an absolute
 * difference in the value's own units (`percentagePoints` on fractions: 5 pp = 0.05).
 */
export interface ChangeCondition {
  kind: "change";
  direction: Direction;
  amount?: { comparator: Exclude<Comparator, "!=">; quantity: Quantity };
}

/**
 * `falls below 70`, `rises above 90`, `falls to at most 49`: the previous period did not satisfy
 * the comparison and the current one does (entering a zone). `down` pairs with `<`/`<=`, `up` with `>`/`>=`.
 */
export interface CrossCondition {
  kind: "cross";
  direction: Direction;
  comparator: "<" | "<=" | ">" | ">=";
  quantity: Quantity;
}

/** What an `is` condition looks for. Text is matched ignoring case and extra spaces. */
export type IsTest = { type: "yes" } | { type: "no" } | { type: "blank" } | { type: "text"; text: string };

/** `is Yes`, `is not blank`, `is "detected"`. */
export interface IsCondition {
  kind: "is";
  negated: boolean;
  test: IsTest;
}

/**
 * `below 99.5% over any rolling 7 days`, `misses target over any rolling 24 hours`: the comparison
 * holds for at least one window of `length` (real time) that touches the period. Only comparisons
 * that bound the value from one side (`below`, `at most`, `above`, `at least`) and targets take a
 * window, so checking the lowest and the highest window decides it.
 */
export interface RollingCondition {
  kind: "rolling";
  condition: CompareCondition | TargetCondition;
  /** The window's length in minutes, hours, days or weeks (`7 days`). */
  length: Quantity;
}

/** The word a streak counts its periods in; they all mean "the periods of the row". */
export type PeriodWord = "periods" | "months" | "reviews" | "weeks" | "quarters";

/** `below 100% for 2 consecutive periods`, `declines for 3 consecutive periods`. */
export interface StreakCondition {
  kind: "streak";
  condition: ClauseCondition;
  periods: number;
  periodWord: PeriodWord;
}

/** `a and b and c`. */
export interface AllCondition {
  kind: "all";
  conditions: Condition[];
}

/** `a or b or c`. */
export interface AnyCondition {
  kind: "any";
  conditions: Condition[];
}

/** One clause without a streak. */
export type ClauseCondition =
  | CompareCondition
  | BetweenCondition
  | TargetCondition
  | ChangeCondition
  | CrossCondition
  | IsCondition
  | RollingCondition;

/** A parsed condition. */
export type Condition = ClauseCondition | StreakCondition | AllCondition | AnyCondition;
