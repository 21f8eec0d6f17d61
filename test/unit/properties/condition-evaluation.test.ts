// Property tests of condition evaluation: and/or, complements, streaks, changes and zone entries follow their definitions on any row.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import {
  type ClauseCondition,
  type Comparator,
  type Condition,
  evaluateCondition,
  formatCondition,
  parseCondition,
  type Unit,
} from "../../../src/domain/condition";
import { cell, row, writtenClause } from "./condition-arbitraries";

const RUNS = { numRuns: 600 };
const clause = writtenClause.map((w) => w.condition as ClauseCondition);
const matched = (c: Condition, series: readonly CellValue[], target?: Condition) =>
  evaluateCondition(c, series, target ? { target } : {}).matched;
const decided = (c: Condition, series: readonly CellValue[], target?: Condition) =>
  !evaluateCondition(c, series, target ? { target } : {}).undetermined;
/** A row of whole numbers, no blanks, so reference arithmetic is exact. */
const wholeRow = (minLength: number) =>
  fc.array(fc.integer({ min: -40, max: 140 }), { minLength, maxLength: minLength + 5 });
const COMPLEMENT: Readonly<Record<Comparator, Comparator>> = {
  "<": ">=",
  "<=": ">",
  ">": "<=",
  ">=": "<",
  "=": "!=",
  "!=": "=",
};
const comparator = fc.constantFrom<Comparator>("<", "<=", ">", ">=", "=", "!=");

describe("evaluateCondition", () => {
  it("`A and B` holds when both hold, `A or B` when either does, on any row", () => {
    fc.assert(
      fc.property(clause, clause, row, (a, b, series) => {
        const text = `${formatCondition(a)} and ${formatCondition(b)}`;
        expect(matched(parseCondition(text), series), text).toBe(matched(a, series) && matched(b, series));
        const either = `${formatCondition(a)} or ${formatCondition(b)}`;
        expect(matched(parseCondition(either), series), either).toBe(
          matched(a, series) || matched(b, series),
        );
      }),
      RUNS,
    );
  });

  it("a comparison and its opposite (below / at least, equals / does not equal) split every number", () => {
    const unit = fc.constantFrom<Unit>("number", "percent", "hours", "points");
    const amount = fc.oneof(
      fc.integer({ min: -50, max: 150 }),
      fc.double({ min: -200, max: 200, noNaN: true }),
    );
    const value = fc.oneof(
      fc.integer({ min: -50, max: 150 }),
      fc.double({ min: -200, max: 200, noNaN: true }),
    );
    fc.assert(
      fc.property(comparator, amount, unit, fc.array(cell), value, (c, a, u, before, current) => {
        const quantity = { amount: a || 0, unit: u };
        const series = [...before, current];
        const one = matched({ kind: "compare", comparator: c, quantity }, series);
        const other = matched({ kind: "compare", comparator: COMPLEMENT[c], quantity }, series);
        expect(one).not.toBe(other);
      }),
      RUNS,
    );
  });

  it("`is X` and `is not X` disagree whenever the value can be read; `misses` and `meets target` too", () => {
    fc.assert(
      fc.property(clause, row, clause, (c, series, target) => {
        if (c.kind === "is") {
          const flipped = { ...c, negated: !c.negated };
          if (decided(c, series)) expect(matched(flipped, series)).toBe(!matched(c, series));
        }
        const meets = { kind: "target", meets: true } as const;
        const misses = { kind: "target", meets: false } as const;
        if (target.kind !== "target" && decided(meets, series, target)) {
          expect(matched(meets, series, target)).toBe(matched(target, series));
          expect(matched(misses, series, target)).toBe(!matched(target, series));
        }
      }),
      RUNS,
    );
  });

  it("`between a and b` is `at least min(a, b) and at most max(a, b)`", () => {
    const amount = fc.integer({ min: -50, max: 150 });
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.constantFrom<Unit>("number", "percent", "hours"),
        row,
        (a, b, unit, series) => {
          const range = { kind: "between", low: { amount: a, unit }, high: { amount: b, unit } } as const;
          const both = parseCondition(
            `at least ${Math.min(a, b)}${unit === "percent" ? "%" : unit === "hours" ? " hours" : ""} and ` +
              `at most ${Math.max(a, b)}${unit === "percent" ? "%" : unit === "hours" ? " hours" : ""}`,
          );
          expect(matched(range, series)).toBe(matched(both, series));
        },
      ),
      RUNS,
    );
  });

  it("a streak of N implies the streak of N − 1, and a streak of 1 is the clause itself", () => {
    fc.assert(
      fc.property(clause, fc.integer({ min: 2, max: 6 }), row, (c, n, series) => {
        const streak = (periods: number) =>
          ({ kind: "streak", condition: c, periods, periodWord: "periods" }) as const;
        if (matched(streak(n), series)) expect(matched(streak(n - 1), series)).toBe(true);
        if (series.some((v) => v !== "" && v !== null && !(typeof v === "string" && v.trim() === "")))
          expect(matched(streak(1), series)).toBe(matched(c, series));
      }),
      RUNS,
    );
  });

  it("`declines for N consecutive periods` holds exactly when the last N + 1 values fall each period", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), wholeRow(0), (n, series) => {
        const condition = parseCondition(`declines for ${n} consecutive periods`);
        const last = series.slice(-(n + 1));
        const falling = last.length === n + 1 && last.every((v, i) => i === 0 || v < last[i - 1]);
        expect(matched(condition, series)).toBe(falling);
      }),
      RUNS,
    );
  });

  it("`drops by more than X` and `rises by at least X` compare the absolute change with X", () => {
    fc.assert(
      fc.property(wholeRow(2), fc.integer({ min: 0, max: 60 }), (series, x) => {
        const [previous, current] = series.slice(-2);
        expect(matched(parseCondition(`drops by more than ${x}`), series)).toBe(previous - current > x);
        expect(matched(parseCondition(`rises by at least ${x}`), series)).toBe(
          current > previous && current - previous >= x,
        );
      }),
      RUNS,
    );
  });

  it("`rises by X%` compares the change relative to the previous value", () => {
    fc.assert(
      fc.property(wholeRow(2), fc.integer({ min: 0, max: 300 }), (series, x) => {
        const [previous, current] = series.slice(-2);
        const result = evaluateCondition(parseCondition(`rises by ${x}%`), series);
        if (previous === 0) expect(result.undetermined).toBe(true);
        else
          expect(result.matched).toBe(
            current > previous && (current - previous) * 100 >= x * Math.abs(previous),
          );
      }),
      RUNS,
    );
  });

  it("`falls below T` holds when the previous value was at or above T and the current one is below", () => {
    fc.assert(
      fc.property(wholeRow(2), fc.integer({ min: -40, max: 140 }), (series, t) => {
        const [previous, current] = series.slice(-2);
        expect(matched(parseCondition(`falls below ${t}`), series)).toBe(previous >= t && current < t);
        expect(matched(parseCondition(`rises to at least ${t}`), series)).toBe(previous < t && current >= t);
      }),
      RUNS,
    );
  });

  it("reads durations in any time unit alike: `above X hours` is `above 60·X minutes` on duration cells", () => {
    const duration = fc.oneof(
      fc.integer({ min: 0, max: 4000 }).map((m): CellValue => new Date(Date.UTC(1899, 11, 30) + m * 60_000)),
      fc.integer({ min: 0, max: 70 }).map((h): CellValue => `${h} hrs`),
      fc.integer({ min: 0, max: 4000 }).map((m): CellValue => `${m} min`),
    );
    fc.assert(
      fc.property(
        fc.array(duration, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 60 }),
        (series, x) => {
          expect(matched(parseCondition(`above ${x} hours`), series)).toBe(
            matched(parseCondition(`above ${60 * x} minutes`), series),
          );
          expect(matched(parseCondition(`at most ${x} hours`), series)).toBe(
            matched(parseCondition(`at most ${x * 3600} seconds`), series),
          );
        },
      ),
      RUNS,
    );
  });

  it("reads `X%` as the fraction X/100 that a percent cell holds", () => {
    fc.assert(
      fc.property(comparator, fc.integer({ min: 0, max: 100 }), wholeRow(1), (c, x, whole) => {
        const series = whole.map((v) => v / 100);
        const asPercent = {
          kind: "compare",
          comparator: c,
          quantity: { amount: x, unit: "percent" },
        } as const;
        const asFraction = {
          kind: "compare",
          comparator: c,
          quantity: { amount: x / 100, unit: "number" },
        } as const;
        expect(matched(asPercent, series)).toBe(matched(asFraction, series));
      }),
      RUNS,
    );
  });
});
