// Property tests of seed 004's expansion-readiness verdict (src/domain/metrics/expansion-readiness): Ready iff every trigger is met.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkExpansionTriggers,
  type ExpansionSignals,
  expansionVerdict,
} from "../../../src/domain/metrics/expansion-readiness";

const RUNS = { numRuns: 500 };
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 5 });
const signals: fc.Arbitrary<ExpansionSignals> = fc.record({
  daysSinceGoLive: orNull(fc.integer({ min: 0, max: 400 })),
  adoption: orNull(fc.integer({ min: 0, max: 100 }).map((n) => n / 100)),
  openP1P2: orNull(fc.integer({ min: 0, max: 3 })),
  pastDuePoam: orNull(fc.integer({ min: 0, max: 3 })),
  issoConfirmed: orNull(fc.boolean()),
  interestSignal: orNull(fc.boolean()),
});

describe("expansion readiness", () => {
  it("is Ready exactly when every trigger is met, else lists each failed trigger once, in order", () => {
    fc.assert(
      fc.property(signals, (s) => {
        const checks = checkExpansionTriggers(s);
        expect(checks).toHaveLength(6);
        const verdict = expansionVerdict(checks);
        const failed = checks.filter((c) => !c.met);
        if (failed.length === 0) {
          expect(verdict).toBe("Ready");
          return;
        }
        expect(verdict.startsWith("Not ready: ")).toBe(true);
        const positions = failed.map((c) => verdict.indexOf(`${c.trigger} (`));
        expect(positions.every((p) => p > 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        for (const c of checks.filter((x) => x.met)) expect(verdict).not.toContain(`${c.trigger} (`);
      }),
      RUNS,
    );
  });

  it("meets the seed's thresholds: ≥ 90 days, ≥ 60 % adoption, no P1/P2, no past-due POA&M, ISSO and interest Yes", () => {
    fc.assert(
      fc.property(signals, (s) => {
        const met = checkExpansionTriggers(s).map((c) => c.met);
        expect(met).toEqual([
          s.daysSinceGoLive !== null && s.daysSinceGoLive >= 90,
          s.adoption !== null && s.adoption >= 0.6,
          s.openP1P2 === 0,
          s.pastDuePoam === 0,
          s.issoConfirmed === true,
          s.interestSignal === true,
        ]);
      }),
      RUNS,
    );
  });

  it("never un-meets a trigger when time passes or adoption rises", () => {
    fc.assert(
      fc.property(
        signals,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        (s, moreDays, moreAdoption) => {
          const before = checkExpansionTriggers(s);
          const after = checkExpansionTriggers({
            ...s,
            daysSinceGoLive: s.daysSinceGoLive === null ? null : s.daysSinceGoLive + moreDays,
            adoption: s.adoption === null ? null : Math.min(1, s.adoption + moreAdoption / 100),
          });
          before.forEach((c, i) => {
            if (c.met) expect(after[i].met).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });
});
