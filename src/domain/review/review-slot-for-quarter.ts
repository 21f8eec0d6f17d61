// Which review a quarter holds for an account, on its segment's calendar: its type, date, attendees and agenda skeleton.

import type { ReviewSlot } from "../cadence/review-cadence";
import { findReviewMilestone, nextReview, PRE_GO_LIVE, reviewTypeFor } from "../cadence/review-cadence";
import { findReviewKind, reviewSchedule } from "../cadence/review-schedule";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { compareCivil } from "../civil-date";
import { countOf } from "../plural";
import type { Segment } from "../segment";
import { civilDateOf } from "../workbook/date-cells";
import type { ReviewOutcome } from "../workbook/parse-review-outcomes";
import type { ReviewQuarter } from "./review-quarter";
import { formatDay } from "./review-quarter";

/** The review of one account in one quarter. */
export interface QuarterReview {
  /** The calendar row's suggested attendees and agenda; `null` when the review is not on the calendar. */
  slot: Pick<ReviewSlot, "attendees" | "agenda"> | null;
  /** The review type to show. */
  type: string;
  /** The review's date when known: the latest recorded review in the quarter, or the cadence date. */
  date: CivilDate | null;
  /** Where the type and date come from, for the reader. */
  basis: string;
  /** Other reviews the calendar puts in the same quarter (month 1 and month 3 after a late go-live). */
  alsoInQuarter?: { type: string; date: CivilDate }[];
}

/** The review of a quarter for an account tab without a Go-live date. */
const NO_GO_LIVE: QuarterReview = {
  slot: null,
  type: "Unknown (no go-live date)",
  date: null,
  basis: "the account tab has no Go-live date, so the review calendar cannot place this quarter",
};

/** The latest review recorded in `outcomes` (the quarter's Review Outcomes rows), with its day. */
function latestRecorded(
  outcomes: readonly ReviewOutcome[],
  readWallClock: ReadWallClock,
): { outcome: ReviewOutcome; day: CivilDate } | undefined {
  const recorded = outcomes
    .map((outcome) => ({ outcome, day: civilDateOf(outcome.reviewDate, readWallClock) }))
    .sort((a, b) => compareCivil(a.day, b.day));
  return recorded[recorded.length - 1];
}

/**
 * The review a quarter holds on the account's calendar (federal: Month 1/3/6/9/12 with option years;
 * commercial: the lifecycle calendar): a review recorded in `Review Outcomes` within the
 * quarter wins (its date and, when it names a cadence review, its type); else the cadence milestone
 * (go-live + 1, 3, 6, 9, 12 months, then yearly) falling in the quarter; else the cadence review
 * type at the quarter's end.
 */
export function reviewForQuarter(
  account: { segment: Segment; goLive: CivilDate | null; renewalDate: CivilDate | null },
  quarter: ReviewQuarter,
  outcomes: readonly ReviewOutcome[],
  readWallClock: ReadWallClock,
): QuarterReview {
  if (account.segment === "Commercial")
    return commercialReviewForQuarter(account, quarter, outcomes, readWallClock);
  const { goLive } = account;
  const latest = latestRecorded(outcomes, readWallClock);
  if (latest) {
    const slot = goLive ? reviewTypeFor(goLive, latest.day) : null;
    const named = latest.outcome.reviewType ? findReviewMilestone(latest.outcome.reviewType) : undefined;
    const type = latest.outcome.reviewType || slot?.type || "Review";
    const recordedSlot =
      named && slot && named.milestone !== slot.milestone
        ? {
            ...slot,
            milestone: named.milestone,
            attendees: [...named.milestone.attendees],
            agenda: [...named.milestone.agenda],
          }
        : slot;
    return {
      slot: recordedSlot,
      type,
      date: latest.day,
      basis: `recorded in Review Outcomes for ${formatDay(latest.day)}`,
    };
  }
  if (!goLive) return NO_GO_LIVE;
  // Every review of the quarter, each on its suggested date (a weekend or federal holiday moves to the
  // next business day); the first is the quarter's review, the others are listed beside it.
  const planned = reviewSchedule({ segment: "Federal", goLive }).reviewsBetween(
    quarter.range.start,
    quarter.range.end,
  );
  if (planned.length > 0) {
    const [first, ...others] = planned;
    const shifted =
      compareCivil(first.date, first.dueDate) !== 0
        ? `, due ${formatDay(first.dueDate)}, moved to a business day`
        : "";
    return {
      slot: { attendees: first.attendees, agenda: first.agenda },
      type: first.type,
      date: first.date,
      basis: `review calendar: go-live + ${countOf(first.month ?? 0, "month")}${shifted}`,
      alsoInQuarter: others.map((review) => ({ type: review.type, date: review.date })),
    };
  }
  const scheduled = nextReview(goLive, quarter.range.start);
  const slot = reviewTypeFor(goLive, quarter.range.end);
  if (slot.type === PRE_GO_LIVE)
    return {
      slot: null,
      type: PRE_GO_LIVE,
      date: null,
      basis: `go-live is ${formatDay(goLive)}, after this quarter`,
    };
  return {
    slot,
    type: slot.type,
    date: null,
    basis: `no cadence milestone falls in this quarter (next: ${scheduled.type}, ${formatDay(scheduled.date)}); type at quarter end`,
  };
}

/**
 * A commercial account's review for the quarter, on the lifecycle calendar (onboarding check-ins at
 * 30/60/90 days, quarterly business reviews, the renewal review 90 days before renewal): the review
 * recorded in Review Outcomes, else the first one the calendar puts in the quarter, else none with
 * the next one named.
 */
function commercialReviewForQuarter(
  account: { segment: Segment; goLive: CivilDate | null; renewalDate: CivilDate | null },
  quarter: ReviewQuarter,
  outcomes: readonly ReviewOutcome[],
  readWallClock: ReadWallClock,
): QuarterReview {
  const latest = latestRecorded(outcomes, readWallClock);
  if (latest) {
    const kind = findReviewKind(latest.outcome.reviewType, "Commercial");
    return {
      slot: kind ? { attendees: [...kind.attendees], agenda: [...kind.agenda] } : null,
      type: latest.outcome.reviewType || "Review",
      date: latest.day,
      basis: `recorded in Review Outcomes for ${formatDay(latest.day)}`,
    };
  }
  if (!account.goLive) return NO_GO_LIVE;
  const schedule = reviewSchedule({
    segment: "Commercial",
    goLive: account.goLive,
    renewalDate: account.renewalDate,
  });
  const planned = schedule.reviewsBetween(quarter.range.start, quarter.range.end)[0];
  if (planned)
    return {
      slot: { attendees: planned.attendees, agenda: planned.agenda },
      type: planned.type,
      date: planned.date,
      basis: `review calendar: ${planned.type}, due ${formatDay(planned.dueDate)}`,
    };
  const next = schedule.nextReview(quarter.range.end);
  return {
    slot: null,
    type: "No review this quarter",
    date: null,
    basis: `no review falls in this quarter (next: ${next.type}, ${formatDay(next.date)})`,
  };
}
