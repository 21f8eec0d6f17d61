// Property tests of the composite health score (src/domain/metrics/health-score): bounds, monotonicity, blanks, weights.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { healthBreakdown, healthScore } from "../../../src/domain/metrics/health-score";
import { splitNumberList, weightsProblem } from "../../../src/domain/metrics/parse-weights";
import { healthScoreFunction } from "../../../src/functions/health-functions";

const RUNS = { numRuns: 400 };
const component = fc.double({ min: 0, max: 100, noNaN: true });
const components = fc.tuple(component, component, component, component);
/** Four positive weights, from near-zero to large, as any caller might type them. */
const positiveWeight = fc.oneof(
  fc.integer({ min: 1, max: 100 }),
  fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
);
const weights = fc.tuple(positiveWeight, positiveWeight, positiveWeight, positiveWeight);
const index = fc.integer({ min: 0, max: 3 });
/** Components with any subset (not all) left blank. */
const withBlanks = fc
  .tuple(components, fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()))
  .filter(([, blank]) => blank.includes(false))
  .map(([scores, blank]) => scores.map((s, i) => (blank[i] ? null : s)));

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe("healthScore", () => {
  it("stays within 0–100, and between the lowest and highest component present", () => {
    fc.assert(
      fc.property(withBlanks, weights, (scores, w) => {
        const score = healthScore(scores, w)!;
        const present = scores.filter((s): s is number => s !== null);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
        expect(score).toBeGreaterThanOrEqual(Math.min(...present) - 1e-9);
        expect(score).toBeLessThanOrEqual(Math.max(...present) + 1e-9);
      }),
      RUNS,
    );
  });

  it("never goes down when one component goes up", () => {
    fc.assert(
      fc.property(withBlanks, weights, index, component, (scores, w, i, other) => {
        fc.pre(scores[i] !== null);
        const [low, high] = [scores[i]!, other].sort((a, b) => a - b);
        const lower = scores.map((s, j) => (j === i ? low : s));
        const higher = scores.map((s, j) => (j === i ? high : s));
        expect(healthScore(higher, w)!).toBeGreaterThanOrEqual(healthScore(lower, w)!);
      }),
      RUNS,
    );
  });

  it("equals the component when every component present has the same value", () => {
    fc.assert(
      fc.property(withBlanks, weights, component, (pattern, w, value) => {
        const same = pattern.map((s) => (s === null ? null : value));
        close(healthScore(same, w)!, value);
      }),
      RUNS,
    );
  });

  it("leaves a blank component out: the same as the other three with their weights re-normalised", () => {
    fc.assert(
      fc.property(components, weights, index, component, (scores, w, blank, anything) => {
        const rest = w.reduce((sum, x, j) => (j === blank ? sum : sum + x), 0);
        const renormalised = w.map((x, j) => (j === blank ? 0 : x / rest));
        const expected = scores.reduce((sum, s, j) => (j === blank ? sum : sum + s * renormalised[j]), 0);
        const withBlank = scores.map((s, j) => (j === blank ? null : s));
        close(healthScore(withBlank, w)!, expected);
        // A blank component counts exactly like a component of weight 0, whatever its score.
        const zeroWeight = scores.map((s, j) => (j === blank ? anything : s));
        close(healthScore(withBlank, w)!, healthScore(zeroWeight, renormalised)!);
      }),
      RUNS,
    );
  });

  it("is unchanged when every weight is multiplied by the same k > 0", () => {
    fc.assert(
      fc.property(withBlanks, weights, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (scores, w, k) => {
        close(
          healthScore(
            scores,
            w.map((x) => x * k),
          )!,
          healthScore(scores, w)!,
        );
      }),
      RUNS,
    );
  });

  it("breaks down into contributions whose weights sum to 1 and whose points sum to the score", () => {
    fc.assert(
      fc.property(withBlanks, weights, (scores, w) => {
        const { score, contributions } = healthBreakdown(scores, w);
        close(
          contributions.reduce((sum, c) => sum + c.weight, 0),
          1,
        );
        close(
          contributions.reduce((sum, c) => sum + c.points, 0),
          score!,
        );
        contributions.forEach((c, j) => {
          expect(c.score).toBe(scores[j]);
          if (scores[j] === null) expect([c.weight, c.points]).toEqual([0, 0]);
          else expect(c.weight).toBeGreaterThan(0);
        });
      }),
      RUNS,
    );
  });

  it("reads weights typed as text (a/b/c/d, with any separator or %) the same as four numbers", () => {
    // Non-negative weights with up to two decimals, at least one positive, as a user types them.
    const typedWeight = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100);
    const typedWeights = fc
      .tuple(typedWeight, typedWeight, typedWeight, typedWeight)
      .filter((w) => w.some((x) => x > 0));
    const separator = fc.constantFrom("/", " / ", ",", ", ", ";", " ", "  ");
    fc.assert(
      fc.property(components, typedWeights, separator, fc.boolean(), (scores, w, sep, percent) => {
        const text = w.map((x) => `${x}${percent ? "%" : ""}`).join(sep);
        expect(splitNumberList(text)).toEqual(w);
        expect(weightsProblem(w)).toBeNull();
        const fromText = healthScoreFunction(...scores, text);
        expect(fromText).toBe(healthScoreFunction(...scores, [w]));
        expect(fromText).toBe(healthScoreFunction(...scores, [[w[0]], [w[1]], [w[2]], [w[3]]]));
        expect(fromText).toBe(healthScore(scores, w));
      }),
      RUNS,
    );
  });
});
