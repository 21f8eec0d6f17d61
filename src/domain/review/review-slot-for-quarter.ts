// Which seed 000 review a quarter holds for an account: its type, date, attendees and agenda skeleton.
import type { ReviewSlot } from "../cadence/review-cadence";
import { findReviewMilestone, nextReview, PRE_GO_LIVE, reviewTypeFor } from "../cadence/review-cadence";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { compareCivil } from "../civil-date";
import { civilDateOf } from "../workbook/date-cells";
import type { ReviewOutcome } from "../workbook/parse-review-outcomes";
import type { ReviewQuarter } from "./review-quarter";
import { formatDay } from "./review-quarter";

/** The review of one account in one quarter. */
export interface QuarterReview {
  /** The cadence slot (type, attendees, agenda); `null` without a go-live date. */
  slot: ReviewSlot | null;
  /** The review type to show. */
  type: string;
  /** The review's date when known: the latest recorded review in the quarter, or the cadence date. */
  date: CivilDate | null;
  /** Where the type and date come from, for the reader. */
  basis: string;
}

/**
 * The review a quarter holds (seed 000 cadence): a review recorded in `Review Outcomes` within the
 * quarter wins (its date and, when it names a cadence review, its type); else the cadence milestone
 * (go-live + 1, 3, 6, 9, 12 months, then yearly) falling in the quarter; else the cadence review
 * type at the quarter's end.
 */
export function reviewForQuarter(
  goLive: CivilDate | null,
  quarter: ReviewQuarter,
  outcomes: readonly ReviewOutcome[],
  readWallClock: ReadWallClock,
): QuarterReview {
  const recordedDates = outcomes
    .map((outcome) => ({ outcome, day: civilDateOf(outcome.reviewDate, readWallClock) }))
    .sort((a, b) => compareCivil(a.day, b.day));
  const latest = recordedDates[recordedDates.length - 1];
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
  if (!goLive)
    return {
      slot: null,
      type: "Unknown (no go-live date)",
      date: null,
      basis: "the account tab has no Go-live date, so the seed 000 cadence cannot place this quarter",
    };
  const scheduled = nextReview(goLive, quarter.range.start);
  if (compareCivil(scheduled.date, quarter.range.end) <= 0)
    return {
      slot: scheduled,
      type: scheduled.type,
      date: scheduled.date,
      basis: `seed 000 cadence: go-live + ${scheduled.month} month${scheduled.month === 1 ? "" : "s"}`,
    };
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
