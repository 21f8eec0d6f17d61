// Property tests of the review calendar by segment (src/domain/cadence/review-schedule): business-day dates, quarters, next review, REVIEW_TYPE agreement.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAttendees } from "../../../src/domain/cadence/attendees";
import {
  BUSINESS_REVIEW,
  RENEWAL_REPLACES_BUSINESS_REVIEW_WITHIN_DAYS,
  RENEWAL_REVIEW,
} from "../../../src/domain/cadence/commercial-cadence";
import {
  type CadenceAccount,
  nextReviewOnOrAfter,
  type PlannedReview,
  reviewOn,
  reviewSchedule,
  reviewsInQuarter,
} from "../../../src/domain/cadence/review-schedule";
import { isBusinessDay } from "../../../src/domain/calendar/business-days";
import { fiscalQuarterOf, quarterRange } from "../../../src/domain/calendar/fiscal-quarter";
import {
  addDays,
  addMonths,
  type CivilDate,
  compareCivil,
  toDayNumber,
  toIsoDate,
} from "../../../src/domain/civil-date";
import { FEDERAL_WORDING } from "../../support/federal-wording";

const RUNS = { numRuns: 300 };
const EPOCH: CivilDate = { year: 1970, month: 1, day: 1 };
const day = fc.integer({ min: 10_957, max: 25_567 }).map((n) => addDays(EPOCH, n)); // 2000–2039
const segment = fc.constantFrom("Federal" as const, "Commercial" as const);
/** An account: any go-live 2000–2039, a Renewal date (or none) from a year before to two years after go-live. */
const account: fc.Arbitrary<CadenceAccount> = fc
  .tuple(segment, day, fc.option(fc.integer({ min: -400, max: 800 })))
  .map(([seg, goLive, renewal]) => ({
    segment: seg,
    goLive,
    renewalDate: renewal === null ? null : addDays(goLive, renewal),
  }));
const offset = fc.integer({ min: -200, max: 4000 });
const fyStart = fc.integer({ min: 1, max: 12 });
const days = (a: CivilDate, b: CivilDate) => toDayNumber(b) - toDayNumber(a);
const describeReview = (r: PlannedReview) => `${toIsoDate(r.date)} ${r.type}`;

describe("review calendar", () => {
  it("holds every review on a business day: its due date, or the first business day after it", () => {
    fc.assert(
      fc.property(account, offset, (acc, start) => {
        const from = addDays(acc.goLive, start);
        for (const review of reviewSchedule(acc).reviewsBetween(from, addDays(from, 400))) {
          expect(isBusinessDay(review.date), describeReview(review)).toBe(true);
          const moved = days(review.dueDate, review.date);
          expect(moved).toBeGreaterThanOrEqual(0);
          expect(moved).toBeLessThanOrEqual(5);
          for (let k = 0; k < moved; k += 1) expect(isBusinessDay(addDays(review.dueDate, k))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("REVIEW_TYPE on a review's suggested date names that review", () => {
    fc.assert(
      fc.property(account, offset, (acc, start) => {
        const from = addDays(acc.goLive, start);
        for (const review of reviewSchedule(acc).reviewsBetween(from, addDays(from, 400))) {
          const slot = reviewOn(acc, review.date);
          expect(slot.type, describeReview(review)).toBe(review.type);
          expect(toIsoDate(slot.review!.date)).toBe(toIsoDate(review.date));
        }
      }),
      RUNS,
    );
  });

  it("lists each review in exactly one fiscal quarter, the one its date falls in", () => {
    fc.assert(
      fc.property(account, offset, fyStart, (acc, start, fy) => {
        const first = fiscalQuarterOf(addDays(acc.goLive, start), fy);
        const listed: PlannedReview[] = [];
        let { fiscalYear, quarter } = first;
        for (let i = 0; i < 6; i += 1) {
          const range = quarterRange(fiscalYear, quarter, fy);
          for (const review of reviewsInQuarter(acc, fiscalYear, quarter, fy)) {
            expect(compareCivil(review.date, range.start)).toBeGreaterThanOrEqual(0);
            expect(compareCivil(review.date, range.end)).toBeLessThanOrEqual(0);
            listed.push(review);
          }
          quarter = (quarter % 4) + 1;
          if (quarter === 1) fiscalYear += 1;
        }
        const from = quarterRange(first.fiscalYear, first.quarter, fy).start;
        const to = addDays(addMonths(from, 18), -1);
        expect(listed.map(describeReview)).toEqual(
          reviewSchedule(acc).reviewsBetween(from, to).map(describeReview),
        );
      }),
      RUNS,
    );
  });

  it("never drops the month-3 review when go-live is in a quarter's last month: both early reviews are listed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2039 }),
        fyStart,
        fc.integer({ min: 1, max: 31 }),
        segment,
        (year, fy, dom, seg) => {
          // The last month of the fiscal year's first quarter: fy + 2.
          const month = ((fy + 1) % 12) + 1;
          const goLive = addDays({ year, month, day: 1 }, dom - 1);
          if (goLive.month !== month) return; // the 31st of a 30-day month
          const acc: CadenceAccount = { segment: seg, goLive };
          const early = reviewSchedule(acc).reviewsBetween(goLive, addMonths(goLive, 4));
          const wanted =
            seg === "Federal"
              ? ["Go-live review", "Q1 outcome review"]
              : ["30-day onboarding check-in", "90-day onboarding check-in"];
          for (const type of wanted) {
            const review = early.find((r) => r.type === type)!;
            expect(review, type).toBeDefined();
            const q = fiscalQuarterOf(review.date, fy);
            expect(reviewsInQuarter(acc, q.fiscalYear, q.quarter, fy).map(describeReview)).toContain(
              describeReview(review),
            );
          }
        },
      ),
      RUNS,
    );
  });

  it("gives as the next review the first one on or after today, none skipped", () => {
    fc.assert(
      fc.property(account, offset, (acc, start) => {
        const today = addDays(acc.goLive, start);
        const next = nextReviewOnOrAfter(acc, today);
        expect(compareCivil(next.date, today)).toBeGreaterThanOrEqual(0);
        expect(reviewSchedule(acc).reviewsBetween(today, addDays(next.date, -1))).toEqual([]);
        expect(compareCivil(next.date, acc.goLive)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it("never goes back: a later review date counts as the same or a later scheduled review", () => {
    fc.assert(
      fc.property(account, offset, fc.integer({ min: 0, max: 500 }), (acc, start, later) => {
        const early = reviewOn(acc, addDays(acc.goLive, start));
        const late = reviewOn(acc, addDays(acc.goLive, start + later));
        if (early.review === null) return;
        expect(late.review).not.toBeNull();
        expect(compareCivil(late.review!.date, early.review.date)).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});

describe("commercial lifecycle", () => {
  const commercial = account.map((acc) => ({ ...acc, segment: "Commercial" as const }));

  it("has a review at least every 140 days after go-live, and no quarterly business review within 45 days of a renewal review", () => {
    fc.assert(
      fc.property(commercial, offset, (acc, start) => {
        const from = addDays(acc.goLive, Math.max(0, start));
        const reviews = reviewSchedule(acc).reviewsBetween(from, addDays(from, 730));
        let previous = from;
        for (const review of reviews) {
          expect(days(previous, review.date), describeReview(review)).toBeLessThanOrEqual(140);
          previous = review.date;
        }
        const renewals = reviews.filter((r) => r.kind === RENEWAL_REVIEW);
        for (const qbr of reviews.filter((r) => r.kind === BUSINESS_REVIEW))
          for (const renewal of renewals)
            expect(Math.abs(days(qbr.dueDate, renewal.dueDate))).toBeGreaterThan(
              RENEWAL_REPLACES_BUSINESS_REVIEW_WITHIN_DAYS,
            );
      }),
      RUNS,
    );
  });

  it("prepares every renewal on or after go-live with one renewal review, 90 days before it (or on go-live day)", () => {
    fc.assert(
      fc.property(commercial, (acc) => {
        const first = acc.renewalDate ?? addMonths(acc.goLive, 12);
        const reviews = reviewSchedule(acc).reviewsBetween(acc.goLive, addMonths(acc.goLive, 60));
        for (let k = 0; k < 4; k += 1) {
          const renewal = addMonths(first, 12 * k);
          if (compareCivil(renewal, acc.goLive) < 0) continue;
          const found = reviews.filter(
            (r) => r.renewalDate && toIsoDate(r.renewalDate) === toIsoDate(renewal),
          );
          expect(found, toIsoDate(renewal)).toHaveLength(1);
          const due = addDays(renewal, -90);
          expect(toIsoDate(found[0].dueDate)).toBe(
            toIsoDate(compareCivil(due, acc.goLive) < 0 ? acc.goLive : due),
          );
        }
      }),
      RUNS,
    );
  });

  it("never speaks federal language: no CPARS, ISSO, POA&M, CLIN, option year, contracting officer or agency", () => {
    fc.assert(
      fc.property(commercial, offset, (acc, start) => {
        const slot = reviewOn(acc, addDays(acc.goLive, start));
        const text = [slot.type, formatAttendees(slot.attendees, "Acme"), ...slot.agenda].join(" | ");
        expect(text).not.toMatch(FEDERAL_WORDING);
      }),
      RUNS,
    );
  });
});
