// Property tests of the Net Promoter Score (src/domain/metrics/nps): the tally, the formula and its −100…100 range.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { netPromoterScore } from "../../../src/domain/metrics/nps";

const RUNS = { numRuns: 500 };
const answer = fc.integer({ min: 0, max: 10 });
const answers = fc.array(answer, { minLength: 1, maxLength: 200 });

describe("netPromoterScore", () => {
  it("counts 9–10 as promoters, 7–8 as passives, 0–6 as detractors, every answer once", () => {
    fc.assert(
      fc.property(answers, (list) => {
        const tally = netPromoterScore(list);
        expect(tally.promoters).toBe(list.filter((a) => a >= 9).length);
        expect(tally.passives).toBe(list.filter((a) => a === 7 || a === 8).length);
        expect(tally.detractors).toBe(list.filter((a) => a <= 6).length);
        expect(tally.promoters + tally.passives + tally.detractors).toBe(tally.responses);
        expect(tally.responses).toBe(list.length);
      }),
      RUNS,
    );
  });

  it("is % promoters − % detractors, within −100…100", () => {
    fc.assert(
      fc.property(answers, (list) => {
        const { score, promoters, detractors, responses } = netPromoterScore(list);
        expect(score).toBeGreaterThanOrEqual(-100);
        expect(score).toBeLessThanOrEqual(100);
        expect(Math.abs(score - (100 * promoters) / responses + (100 * detractors) / responses)).toBeLessThan(
          1e-9,
        );
      }),
      RUNS,
    );
  });

  it("does not depend on the order of the answers", () => {
    fc.assert(
      fc.property(
        answers.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(netPromoterScore(shuffled).score).toBe(netPromoterScore(list).score);
        },
      ),
      RUNS,
    );
  });

  it("is 100 when everyone promotes, −100 when everyone detracts, 0 when everyone is passive", () => {
    const n = fc.integer({ min: 1, max: 50 });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(9, 10), { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1 }),
        n,
        (promoters, detractors, passives) => {
          expect(netPromoterScore(promoters).score).toBe(100);
          expect(netPromoterScore(detractors).score).toBe(-100);
          expect(netPromoterScore(Array(passives).fill(7)).score).toBe(0);
        },
      ),
      RUNS,
    );
  });

  it("never falls when an answer is raised, and a new passive pulls the score towards 0", () => {
    fc.assert(
      fc.property(answers, fc.nat(), answer, (list, at, raisedTo) => {
        const i = at % list.length;
        const before = netPromoterScore(list).score;
        const raised = list.map((a, j) => (j === i ? Math.max(a, raisedTo) : a));
        expect(netPromoterScore(raised).score).toBeGreaterThanOrEqual(before);
        const withPassive = netPromoterScore([...list, 8]).score;
        expect(Math.abs(withPassive)).toBeLessThanOrEqual(Math.abs(before));
        expect(Math.sign(withPassive) === Math.sign(before) || withPassive === 0).toBe(true);
      }),
      RUNS,
    );
  });
});
