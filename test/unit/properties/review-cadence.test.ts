// Property tests of the seed 000 review cadence (src/domain/cadence): REVIEW_TYPE moves forward through the calendar as time passes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromMonthReached, monthsSinceGoLive } from "../../../src/domain/cadence/months-since";
import {
  nextReview,
  REVIEW_CADENCE,
  type ReviewSlot,
  reviewTypeFor,
} from "../../../src/domain/cadence/review-cadence";
import { addDays, addMonths, type CivilDate, compareCivil, toIsoDate } from "../../../src/domain/civil-date";

const RUNS = { numRuns: 500 };
const EPOCH: CivilDate = { year: 1970, month: 1, day: 1 };
/** A go-live date 2000–2040, month-end days (28–31) drawn often since they clamp. */
const goLive = fc.oneof(
  fc.integer({ min: 10_957, max: 25_567 }).map((n) => addDays(EPOCH, n)),
  fc
    .tuple(
      fc.integer({ min: 2000, max: 2040 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 28, max: 31 }),
    )
    .map(([year, month, day]) => addDays({ year, month, day: 1 }, day - 1)),
);
const offset = fc.integer({ min: -400, max: 5000 });

/** Position of a review on the calendar: −1 before go-live, 0–4 the base year, then 4 per option year. */
function position(slot: ReviewSlot): number {
  if (slot.milestone === null) return -1;
  return slot.optionYear * 4 + REVIEW_CADENCE.indexOf(slot.milestone);
}

describe("review cadence", () => {
  it("never goes back: a later review date gets the same or a later review on the calendar", () => {
    fc.assert(
      fc.property(goLive, offset, fc.integer({ min: 0, max: 800 }), (start, days, later) => {
        const early = reviewTypeFor(start, addDays(start, days));
        const late = reviewTypeFor(start, addDays(start, days + later));
        expect(position(late)).toBeGreaterThanOrEqual(position(early));
        expect(late.monthsSinceGoLive).toBeGreaterThanOrEqual(early.monthsSinceGoLive);
        // Within a year of each other, at most five reviews apart (the calendar has four or five a year).
        if (later <= 366) expect(position(late) - position(early)).toBeLessThanOrEqual(5);
      }),
      RUNS,
    );
  });

  it("names the review after its cadence row, with (option year N) after the base year", () => {
    fc.assert(
      fc.property(goLive, offset, (start, days) => {
        const slot = reviewTypeFor(start, addDays(start, days));
        if (slot.milestone === null) {
          expect(days).toBeLessThan(0);
          expect(slot.type).toBe("Pre-go-live");
          return;
        }
        const cycleMonth = slot.monthsSinceGoLive - 12 * slot.optionYear;
        expect(cycleMonth).toBeGreaterThanOrEqual(slot.milestone.window[0]);
        expect(cycleMonth).toBeLessThanOrEqual(slot.milestone.window[1]);
        expect(slot.type).toBe(
          slot.optionYear === 0
            ? slot.milestone.type
            : `${slot.milestone.type} (option year ${slot.optionYear})`,
        );
        if (slot.optionYear > 0) expect(slot.milestone.month).not.toBe(1);
      }),
      RUNS,
    );
  });

  it("schedules the next review on or after today, no later milestone is skipped, and it is the review REVIEW_TYPE names that day", () => {
    fc.assert(
      fc.property(goLive, offset, (start, days) => {
        const today = addDays(start, days);
        const next = nextReview(start, today);
        expect(compareCivil(next.date, today)).toBeGreaterThanOrEqual(0);
        expect(toIsoDate(next.date)).toBe(toIsoDate(addMonths(start, next.month)));
        expect(reviewTypeFor(start, next.date).type).toBe(next.type);
        // The review before it (if any) was already in the past.
        const earlier = nextReview(start, addDays(next.date, -1));
        if (earlier.month !== next.month) expect(compareCivil(earlier.date, today)).toBeLessThan(0);
      }),
      RUNS,
    );
  });

  it("counts months since go-live that never fall as the date moves on, and From-month rules stay on once reached", () => {
    fc.assert(
      fc.property(
        goLive,
        offset,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 36 }),
        (start, days, later, from) => {
          const a = addDays(start, days);
          const b = addDays(a, later);
          expect(monthsSinceGoLive(start, b)).toBeGreaterThanOrEqual(monthsSinceGoLive(start, a));
          if (fromMonthReached(from, start, a)) expect(fromMonthReached(from, start, b)).toBe(true);
          // Go-live plus k months (clamped to the month's end) is month k, or k − 1 when the day was clamped.
          const k = Math.floor(later / 10);
          const plus = monthsSinceGoLive(start, addMonths(start, k));
          expect(plus === k || (plus === k - 1 && addMonths(start, k).day < start.day)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
