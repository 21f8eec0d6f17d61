// The review types and agendas the Review outcomes form offers for an account and a review date (seed 000 cadence).

import { formatAttendees, PRE_GO_LIVE, REVIEW_CADENCE, reviewTypeFor } from "../cadence/review-cadence";
import { addMonths, type CivilDate } from "../civil-date";

/** A review outside the cadence: the user names its agenda items. */
export const AD_HOC_REVIEW = "Ad-hoc review";

/** One review type with its agenda skeleton and suggested attendees. */
export interface ReviewChoice {
  reviewType: string;
  items: string[];
  attendees: string;
}

/** What the form pre-fills: the cadence's type for the date, and every type the user may pick instead. */
export interface ReviewChoices {
  reviewType: string;
  choices: ReviewChoice[];
}

/**
 * The cadence review of `reviewDate` for an account that went live on `goLive`, pre-selected, and
 * the other reviews of the same contract year (so a late or early review can be recorded as the one
 * it really was), then an ad-hoc review. Without a go-live date nothing is pre-selected from the
 * cadence: the base-year reviews are offered and the ad-hoc review is selected.
 */
export function reviewChoices(goLive: CivilDate | null, reviewDate: CivilDate): ReviewChoices {
  const adHoc: ReviewChoice = { reviewType: AD_HOC_REVIEW, items: [], attendees: "" };
  const anchor = goLive ?? reviewDate;
  const slot = goLive ? reviewTypeFor(goLive, reviewDate) : null;
  const optionYear = slot?.optionYear ?? 0;
  const cadence = REVIEW_CADENCE.filter((milestone) => optionYear === 0 || milestone.month !== 1).map(
    (milestone) => {
      const same = reviewTypeFor(anchor, addMonths(anchor, optionYear * 12 + milestone.month));
      return { reviewType: same.type, items: same.agenda, attendees: formatAttendees(same.attendees) };
    },
  );
  const choices = [...cadence, adHoc];
  if (slot && slot.type === PRE_GO_LIVE)
    choices.unshift({ reviewType: PRE_GO_LIVE, items: [], attendees: "" });
  return { reviewType: slot ? slot.type : AD_HOC_REVIEW, choices };
}
