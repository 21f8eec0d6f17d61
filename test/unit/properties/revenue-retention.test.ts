// Property tests of NRR and GRR (src/domain/metrics/revenue): the seed 001 identities, bounds and scale invariance.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grossRevenueRetention, netRevenueRetention } from "../../../src/domain/metrics/revenue";

const RUNS = { numRuns: 500 };
/** Starting ARR: positive, from a tiny pilot to a very large contract. */
const start = fc.double({ min: 1, max: 1e9, noNaN: true });
/** A movement as callers validate it: a non-negative amount, up to twice the starting ARR. */
const movement = (arr: number) => fc.double({ min: 0, max: 2 * arr, noNaN: true });
const retention = start.chain((startingArr) =>
  fc.record({
    startingArr: fc.constant(startingArr),
    expansion: movement(startingArr),
    downgrades: movement(startingArr),
    churn: movement(startingArr),
  }),
);
/** Rounding allowance for a ratio whose terms add up to `scale` times the starting ARR. */
const slack = (scale: number) => 1e-12 * (1 + scale);
const size = (r: { startingArr: number; expansion: number; downgrades: number; churn: number }) =>
  (r.expansion + r.downgrades + r.churn) / r.startingArr;

describe("NRR and GRR", () => {
  it("NRR × starting ARR is the ending ARR: start + expansion − downgrades − churn", () => {
    fc.assert(
      fc.property(retention, (r) => {
        const ending = r.startingArr + r.expansion - r.downgrades - r.churn;
        expect(Math.abs(netRevenueRetention(r) * r.startingArr - ending)).toBeLessThanOrEqual(
          slack(size(r)) * r.startingArr,
        );
      }),
      RUNS,
    );
  });

  it("GRR is (start − downgrades − churn) / start for non-negative movements", () => {
    fc.assert(
      fc.property(retention, (r) => {
        const expected = (r.startingArr - r.downgrades - r.churn) / r.startingArr;
        expect(Math.abs(grossRevenueRetention(r) - expected)).toBeLessThanOrEqual(slack(size(r)));
      }),
      RUNS,
    );
  });

  it("GRR never exceeds 1, even when a movement is negative (a credit or a reversed churn)", () => {
    const anyMovement = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(start, anyMovement, anyMovement, (startingArr, downgrades, churn) => {
        expect(grossRevenueRetention({ startingArr, downgrades, churn })).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("GRR ≤ NRR whenever expansion ≥ 0", () => {
    fc.assert(
      fc.property(retention, (r) => {
        expect(grossRevenueRetention(r)).toBeLessThanOrEqual(netRevenueRetention(r) + slack(size(r)));
      }),
      RUNS,
    );
  });

  it("NRR − GRR = expansion / start whenever GRR < 1", () => {
    fc.assert(
      fc.property(retention, (r) => {
        const grr = grossRevenueRetention(r);
        fc.pre(grr < 1);
        const gap = netRevenueRetention(r) - grr;
        expect(Math.abs(gap - r.expansion / r.startingArr)).toBeLessThanOrEqual(slack(size(r)));
      }),
      RUNS,
    );
  });

  it("scaling every input by the same k > 0 leaves NRR and GRR unchanged", () => {
    const k = fc.oneof(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.constantFrom(0.01, 7, 1000));
    fc.assert(
      fc.property(retention, k, (r, factor) => {
        const scaled = {
          startingArr: r.startingArr * factor,
          expansion: r.expansion * factor,
          downgrades: r.downgrades * factor,
          churn: r.churn * factor,
        };
        const tolerance = 4 * slack(size(r));
        expect(Math.abs(netRevenueRetention(scaled) - netRevenueRetention(r))).toBeLessThanOrEqual(tolerance);
        expect(Math.abs(grossRevenueRetention(scaled) - grossRevenueRetention(r))).toBeLessThanOrEqual(
          tolerance,
        );
      }),
      RUNS,
    );
  });

  it("with no movements both are exactly 1", () => {
    fc.assert(
      fc.property(start, (startingArr) => {
        expect(netRevenueRetention({ startingArr, expansion: 0, downgrades: 0, churn: 0 })).toBe(1);
        expect(grossRevenueRetention({ startingArr, downgrades: 0, churn: 0 })).toBe(1);
      }),
      RUNS,
    );
  });

  it("NRR rises with expansion and falls with downgrades and churn; GRR falls with downgrades and churn", () => {
    fc.assert(
      fc.property(retention, fc.double({ min: 0, max: 1e6, noNaN: true }), (r, more) => {
        const nrr = netRevenueRetention(r);
        const grr = grossRevenueRetention(r);
        expect(netRevenueRetention({ ...r, expansion: r.expansion + more })).toBeGreaterThanOrEqual(nrr);
        expect(netRevenueRetention({ ...r, churn: r.churn + more })).toBeLessThanOrEqual(nrr);
        expect(netRevenueRetention({ ...r, downgrades: r.downgrades + more })).toBeLessThanOrEqual(nrr);
        expect(grossRevenueRetention({ ...r, churn: r.churn + more })).toBeLessThanOrEqual(grr);
        expect(grossRevenueRetention({ ...r, downgrades: r.downgrades + more })).toBeLessThanOrEqual(grr);
      }),
      RUNS,
    );
  });
});
