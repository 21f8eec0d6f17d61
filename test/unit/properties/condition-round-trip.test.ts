// Property tests of the condition language: typed text → parse → canonical print → parse gives the same condition.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Condition,
  type EvaluationContext,
  evaluateCondition,
  formatCondition,
  parseCondition,
  parseRuleList,
} from "../../../src/domain/condition";
import {
  row,
  type Written,
  writtenClause,
  writtenCondition,
  writtenDeclineStreak,
} from "./condition-arbitraries";

const RUNS = { numRuns: 800 };
/** A metric's Target for `misses target`, or none. */
const context: fc.Arbitrary<EvaluationContext> = fc.oneof(
  fc.constant({}),
  writtenClause
    .filter((w) => w.condition.kind !== "target")
    .map((w): EvaluationContext => ({ target: w.condition })),
);
const reparse = (c: Condition) => parseCondition(formatCondition(c));
const show = (w: Written) => `${JSON.stringify(w.text)} → ${JSON.stringify(formatCondition(w.condition))}`;

describe("condition language round trip", () => {
  it("reads every typed form (any synonym, case, spacing, final full stop) as the condition it means", () => {
    fc.assert(
      fc.property(writtenCondition, (w) => {
        expect(parseCondition(w.text), show(w)).toEqual(w.condition);
      }),
      RUNS,
    );
  });

  it("parse → print → parse gives the same condition, and printing it again gives the same text", () => {
    fc.assert(
      fc.property(writtenCondition, (w) => {
        const parsed = parseCondition(w.text);
        const canonical = formatCondition(parsed);
        const again = parseCondition(canonical);
        expect(again, show(w)).toEqual(parsed);
        expect(formatCondition(again)).toBe(canonical);
      }),
      RUNS,
    );
  });

  it("the reparsed condition evaluates exactly like the typed one on any row", () => {
    fc.assert(
      fc.property(writtenCondition, row, context, (w, series, ctx) => {
        const typed = parseCondition(w.text);
        expect(evaluateCondition(reparse(typed), series, ctx), show(w)).toEqual(
          evaluateCondition(typed, series, ctx),
        );
      }),
      RUNS,
    );
  });

  it("reads `declines for N consecutive periods` (any verb) as a streak of declines and prints it canonically", () => {
    fc.assert(
      fc.property(writtenDeclineStreak, (w) => {
        expect(parseCondition(w.text)).toEqual(w.condition);
        expect(formatCondition(parseCondition(w.text))).toBe(
          `declines for ${(w.condition as { periods: number }).periods} consecutive ${
            (w.condition as { periods: number }).periods === 1 ? "period" : "periods"
          }`,
        );
      }),
      { numRuns: 100 },
    );
  });

  it("reads a THRESHOLD_STATUS rule list of such conditions back clause by clause, with its labels", () => {
    // `;` and `:` inside double quotes stay in the condition; apostrophes are not quotes in a rule list
    // (labels such as "Owner's call"), so single-quoted text holding separators or double quotes is left out.
    const ruleCondition = writtenCondition.filter((w) => !/['‘’]/.test(w.text) || !/[;:\n"“”]/.test(w.text));
    const label = fc.stringMatching(/^[A-Za-z][A-Za-z '&-]{0,20}$/).filter((l) => l.trim() !== "");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ruleCondition, label), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(";", "; ", "\n", " ;\n"),
        (clauses, separator) => {
          const text = clauses.map(([w, l]) => `${w.text}: ${l}`).join(separator);
          const parsed = parseRuleList(text);
          expect(parsed.map((c) => c.condition)).toEqual(clauses.map(([w]) => w.condition));
          expect(parsed.map((c) => c.label)).toEqual(clauses.map(([, l]) => l.trim()));
        },
      ),
      { numRuns: 300 },
    );
  });
});
