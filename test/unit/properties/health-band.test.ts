// Property tests of health bands (src/domain/metrics/health-band): a higher score never gets a worse band, in either profile.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bandSeverity,
  DEFAULT_BAND_CUTOFFS,
  FOUR_BAND_NAMES,
  healthBand,
  THREE_BAND_NAMES,
} from "../../../src/domain/metrics/health-band";
import { cutoffsProblem, splitNumberList } from "../../../src/domain/metrics/parse-weights";
import { healthBandFunction } from "../../../src/functions/health-functions";

const RUNS = { numRuns: 500 };
const score = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
);
/** `n` distinct cut-offs within 0–100, highest first, on a 0.5 grid so scores can hit them exactly. */
const cutoffs = (n: 2 | 3) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: n, maxLength: n })
    .map((halves) => halves.map((h) => h / 2).sort((a, b) => b - a));
const profile = fc.oneof(fc.constant(DEFAULT_BAND_CUTOFFS), cutoffs(3), cutoffs(2));
const namesOf = (cuts: readonly number[]): readonly string[] =>
  cuts.length === 2 ? THREE_BAND_NAMES : FOUR_BAND_NAMES;
const SEVERITY_ORDER = ["ok", "Watch", "Warning", "Critical"];

describe("healthBand", () => {
  it("never gives a higher score a worse band (4-band and 3-band profiles)", () => {
    fc.assert(
      fc.property(profile, score, score, (cuts, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const names = namesOf(cuts);
        const rank = (s: number) => names.indexOf(healthBand(s, cuts));
        expect(rank(low)).toBeGreaterThanOrEqual(0);
        expect(rank(high)).toBeGreaterThanOrEqual(0);
        expect(rank(high)).toBeLessThanOrEqual(rank(low));
      }),
      RUNS,
    );
  });

  it("puts a score in band i exactly when it is at or above cut-off i and below cut-off i − 1", () => {
    fc.assert(
      fc.property(profile, score, (cuts, s) => {
        const names = namesOf(cuts);
        const i = names.indexOf(healthBand(s, cuts));
        if (i < cuts.length) expect(s).toBeGreaterThanOrEqual(cuts[i]);
        if (i > 0) expect(s).toBeLessThan(cuts[i - 1]);
      }),
      RUNS,
    );
  });

  it("gives a score equal to a cut-off the better band", () => {
    fc.assert(
      fc.property(profile, (cuts) => {
        const names = namesOf(cuts);
        cuts.forEach((cut, i) => {
          expect(healthBand(cut, cuts)).toBe(names[i]);
        });
      }),
      RUNS,
    );
  });

  it("never gives a higher score a more severe colour", () => {
    fc.assert(
      fc.property(profile, score, score, (cuts, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const severity = (s: number) => SEVERITY_ORDER.indexOf(bandSeverity(healthBand(s, cuts)));
        expect(severity(high)).toBeLessThanOrEqual(severity(low));
      }),
      RUNS,
    );
  });

  it("reads bands typed as text (90/70/50, 90/70) the same as the numbers", () => {
    fc.assert(
      fc.property(profile, score, fc.constantFrom("/", ", ", " "), (cuts, s, sep) => {
        const text = cuts.join(sep);
        expect(splitNumberList(text)).toEqual([...cuts]);
        expect(cutoffsProblem(cuts)).toBeNull();
        expect(healthBandFunction(s, text)).toBe(healthBand(s, cuts));
      }),
      RUNS,
    );
  });
});
