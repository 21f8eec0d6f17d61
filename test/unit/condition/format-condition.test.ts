// The canonical printed form of a condition reads back as the very same condition.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ClauseCondition,
  type Comparator,
  type Condition,
  formatCondition,
  type PeriodWord,
  parseCondition,
  type Quantity,
  UNITS,
} from "../../../src/domain/condition";

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
const small = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1000, max: 1000, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
);
const amount = fc.oneof(small, finite);
const unit = fc.constantFrom(...UNITS);
const quantity = fc.record({ amount, unit });
const positiveQuantity = fc.record({ amount: amount.map(Math.abs), unit });
const comparator = fc.constantFrom<Comparator>("<", "<=", ">", ">=", "=", "!=");

const clause: fc.Arbitrary<ClauseCondition> = fc.oneof(
  fc.record({ kind: fc.constant("compare" as const), comparator, quantity }),
  fc.tuple(amount, amount, unit).map(
    ([low, high, u]): ClauseCondition => ({
      kind: "between",
      low: { amount: low, unit: u },
      high: { amount: high, unit: u },
    }),
  ),
  fc.record({ kind: fc.constant("target" as const), meets: fc.boolean() }),
  fc.record({
    kind: fc.constant("change" as const),
    direction: fc.constantFrom("up" as const, "down" as const),
  }),
  fc.record({
    kind: fc.constant("change" as const),
    direction: fc.constantFrom("up" as const, "down" as const),
    amount: fc.record({
      comparator: fc.constantFrom("<" as const, "<=" as const, ">" as const, ">=" as const, "=" as const),
      quantity: positiveQuantity,
    }),
  }),
  fc.tuple(fc.constantFrom("<" as const, "<=" as const, ">" as const, ">=" as const), quantity).map(
    ([c, q]: ["<" | "<=" | ">" | ">=", Quantity]): ClauseCondition => ({
      kind: "cross",
      direction: c.startsWith("<") ? "down" : "up",
      comparator: c,
      quantity: q,
    }),
  ),
  fc.record({
    kind: fc.constant("is" as const),
    negated: fc.boolean(),
    test: fc.oneof(
      fc.constant({ type: "yes" as const }),
      fc.constant({ type: "no" as const }),
      fc.constant({ type: "blank" as const }),
      fc.record({
        type: fc.constant("text" as const),
        text: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
      }),
    ),
  }),
);

const clauseOrStreak: fc.Arbitrary<Condition> = fc.oneof(
  clause,
  fc.record({
    kind: fc.constant("streak" as const),
    condition: clause,
    periods: fc.integer({ min: 1, max: 36 }),
    periodWord: fc.constantFrom<PeriodWord>("periods", "months", "reviews", "weeks", "quarters"),
  }),
);
const conjunction: fc.Arbitrary<Condition> = fc.oneof(
  clauseOrStreak,
  fc.record({
    kind: fc.constant("all" as const),
    conditions: fc.array(clauseOrStreak, { minLength: 2, maxLength: 4 }),
  }),
);
const condition: fc.Arbitrary<Condition> = fc.oneof(
  conjunction,
  fc.record({
    kind: fc.constant("any" as const),
    conditions: fc.array(conjunction, { minLength: 2, maxLength: 3 }),
  }),
);

describe("formatCondition", () => {
  it("prints text that parses back to the same condition, for any condition", () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(parseCondition(formatCondition(c))).toEqual(c);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    "below 40%",
    "at least 99.9%",
    "at most 4 hours",
    "above 1 hour",
    "between 60% and 80%",
    "drops by more than 20 points",
    "rises by at least 50%",
    "drops by at least 5 percentage points",
    "falls to at most 49",
    "rises above 90",
    "below 100% for 2 consecutive periods",
    "is Yes for 1 consecutive month",
    'is not "a ""quoted"" word"',
    "below 1e-7 seconds",
    "above 1.5e+21",
    "below -5%",
    "below 40% and drops by more than 5 or misses target for 3 consecutive reviews",
  ])("prints %s in its canonical form unchanged", (text) => {
    expect(formatCondition(parseCondition(text))).toBe(text);
  });

  it("prints short forms in words a reader understands", () => {
    expect(formatCondition(parseCondition("90%+"))).toBe("at least 90%");
    expect(formatCondition(parseCondition("< 48 hrs"))).toBe("below 48 hours");
    expect(formatCondition(parseCondition("drops by 20 or more"))).toBe("drops by at least 20");
  });
});
