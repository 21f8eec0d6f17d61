// Property tests of CLV and CAC payback (src/domain/metrics/revenue): seed 001's formulas scale as they should.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cacPaybackMonths, customerLifetimeValue } from "../../../src/domain/metrics/revenue";

const RUNS = { numRuns: 500 };
const money = fc.double({ min: 1, max: 1e7, noNaN: true });
const fraction = fc.double({ min: 0.01, max: 1, noNaN: true });
const factor = fc.double({ min: 0.01, max: 100, noNaN: true });
const near = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));

describe("customerLifetimeValue", () => {
  it("× churn rate is revenue × margin: CLV grows with revenue and margin and falls as churn rises", () => {
    fc.assert(
      fc.property(money, fraction, fraction, factor, (revenue, margin, churn, k) => {
        const clv = customerLifetimeValue(revenue, margin, churn);
        near(clv * churn, revenue * margin);
        near(customerLifetimeValue(revenue * k, margin, churn), clv * k);
        near(customerLifetimeValue(revenue, margin, churn * k), clv / k);
        const higherChurn = Math.min(1, churn * (1 + k));
        expect(customerLifetimeValue(revenue, margin, higherChurn)).toBeLessThanOrEqual(clv);
      }),
      RUNS,
    );
  });
});

describe("cacPaybackMonths", () => {
  it("× MRR × margin is the CAC, and scaling CAC and MRR together leaves the months unchanged", () => {
    fc.assert(
      fc.property(money, money, fraction, factor, (cac, mrr, margin, k) => {
        const months = cacPaybackMonths(cac, mrr, margin);
        expect(months).toBeGreaterThan(0);
        near(months * mrr * margin, cac);
        near(cacPaybackMonths(cac * k, mrr * k, margin), months);
        near(cacPaybackMonths(cac * k, mrr, margin), months * k);
        expect(cacPaybackMonths(cac, mrr * (1 + k), margin)).toBeLessThanOrEqual(months);
      }),
      RUNS,
    );
  });
});
