// The commercial review lifecycle of the CS metrics framework (seed 001): onboarding check-ins, quarterly business reviews, renewal reviews.
import { CUSTOMER_SUCCESS_TEAM } from "./attendees";
import type { ReviewKind } from "./review-kind";

/** Where a commercial review sits in the customer lifecycle (seed 001's stages). */
export type LifecycleStage = "onboarding" | "growth" | "renewal";

/** A review of the commercial lifecycle. */
export interface CommercialReviewKind extends ReviewKind {
  segment: "Commercial";
  stage: LifecycleStage;
}

/** Days after go-live of the onboarding check-ins (seed 001: onboarding is the first 90 days). */
export const ONBOARDING_CHECK_IN_DAYS = [30, 60, 90] as const;

/** Months after go-live of the first quarterly business review; the next ones follow every 3 months. */
export const FIRST_BUSINESS_REVIEW_MONTH = 6;

/** Months between quarterly business reviews. */
export const BUSINESS_REVIEW_EVERY_MONTHS = 3;

/** Days before the renewal date that the renewal review is due. */
export const RENEWAL_REVIEW_LEAD_DAYS = 90;

/**
 * A quarterly business review due within this many days of a renewal review (either side) is not
 * held: the renewal review is that quarter's business review. Half a quarter, so no two reviews of
 * the growth stage fall within a few weeks of each other.
 */
export const RENEWAL_REPLACES_BUSINESS_REVIEW_WITHIN_DAYS = 45;

const customerChampion = "customer champion";
const executiveSponsor = "customer executive sponsor";

function onboardingCheckIn(
  day: (typeof ONBOARDING_CHECK_IN_DAYS)[number],
  agenda: string[],
  withSponsor: boolean,
) {
  return {
    segment: "Commercial",
    key: `commercial-onboarding-${day}`,
    stage: "onboarding",
    type: `${day}-day onboarding check-in`,
    attendees: withSponsor
      ? [CUSTOMER_SUCCESS_TEAM, customerChampion, executiveSponsor]
      : [CUSTOMER_SUCCESS_TEAM, customerChampion],
    agenda,
  } as const satisfies CommercialReviewKind;
}

/** The 30-day onboarding check-in: the plan, activation and first value. */
export const ONBOARDING_30: CommercialReviewKind = onboardingCheckIn(
  30,
  [
    "Onboarding milestones vs. plan",
    "User activation and training completion",
    "Time to first value and quick wins",
    "Open support issues",
  ],
  false,
);

/** The 60-day onboarding check-in: adoption and the success plan's first outcomes. */
export const ONBOARDING_60: CommercialReviewKind = onboardingCheckIn(
  60,
  [
    "Usage and adoption: active users and core features",
    "Progress toward the success plan's first outcomes",
    "Stakeholder engagement",
    "Open support issues",
  ],
  false,
);

/** The 90-day onboarding check-in: onboarding closes, baselines are set for the growth stage. */
export const ONBOARDING_90: CommercialReviewKind = onboardingCheckIn(
  90,
  [
    "Onboarding completion and time to first value",
    "Usage and adoption baseline",
    "Initial health score baseline",
    "Success plan: outcomes for the next two quarters",
  ],
  true,
);

/** The quarterly business review of the growth stage (seed 001's operational and relationship metrics). */
export const BUSINESS_REVIEW: CommercialReviewKind = {
  segment: "Commercial",
  key: "commercial-qbr",
  stage: "growth",
  type: "Quarterly business review",
  attendees: [CUSTOMER_SUCCESS_TEAM, customerChampion, executiveSponsor],
  agenda: [
    "Usage and adoption trends",
    "Business outcomes vs. success plan",
    "Relationship: sponsor and champion engagement, satisfaction",
    "Expansion assessment and success-story candidate if the health score is green",
    "Goals for next quarter",
  ],
};

/** The renewal review, 90 days before the renewal date (seed 001's renewal stage). */
export const RENEWAL_REVIEW: CommercialReviewKind = {
  segment: "Commercial",
  key: "commercial-renewal",
  stage: "renewal",
  type: "Renewal review",
  attendees: [CUSTOMER_SUCCESS_TEAM, "Revenue Lead", executiveSponsor, customerChampion],
  agenda: [
    "Renewal intent and timeline",
    "Value delivered this term vs. success plan (ROI)",
    "Relationship strength and executive sponsorship",
    "Expansion opportunity if the health score is green",
    "Next term's success plan and roadmap alignment",
  ],
};

/** Every review of the commercial lifecycle, in lifecycle order. */
export const COMMERCIAL_REVIEWS: readonly CommercialReviewKind[] = [
  ONBOARDING_30,
  ONBOARDING_60,
  ONBOARDING_90,
  BUSINESS_REVIEW,
  RENEWAL_REVIEW,
];

/** The onboarding check-in held `day` days after go-live. */
export function onboardingCheckInOn(day: (typeof ONBOARDING_CHECK_IN_DAYS)[number]): CommercialReviewKind {
  return day === 30 ? ONBOARDING_30 : day === 60 ? ONBOARDING_60 : ONBOARDING_90;
}
