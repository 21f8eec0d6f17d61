// The federal review calendar of seed 000 (Month 1/3/6/9/12, then option years) and which review is due when.
import { addMonths, type CivilDate, compareCivil } from "../civil-date";
import { type Attendee, CUSTOMER_SUCCESS_TEAM } from "./attendees";
import { monthsSinceGoLive } from "./months-since";
import { type ReviewKind, reviewTypeKey } from "./review-kind";

export { formatAttendees } from "./attendees";

/** One row of the seed 000 review calendar (federal accounts). */
export interface ReviewMilestone extends ReviewKind {
  segment: "Federal";
  /** The cadence month: months since go-live in the base year. */
  month: 1 | 3 | 6 | 9 | 12;
  /** Months since go-live (within a contract year) that count as this review: `[first, last]`. */
  window: readonly [number, number];
}

/**
 * The seed 000 review calendar of federal accounts; the vendor's team is {@link CUSTOMER_SUCCESS_TEAM}
 * (`NorthAI Customer Success` in the seed), named from `Settings` › `Company name`. A review held between milestones counts as the nearest one: months
 * 0–1 the go-live review, 2–4 Q1, 5–7 mid-year, 8–10 Q3, 11–13 annual; from month 14 the
 * Q1/mid-year/Q3/annual cycle repeats every 12 months for the option years (the go-live review
 * does not repeat).
 */
export const REVIEW_CADENCE: readonly ReviewMilestone[] = [
  {
    segment: "Federal",
    key: "federal-month-1",
    month: 1,
    type: "Go-live review",
    note: "inline with onboarding Step 4",
    window: [0, 1],
    attendees: [CUSTOMER_SUCCESS_TEAM, "agency PM", "agency ISSO"],
    agenda: ["Confirm go-live milestone", "Review 30-day health baseline", "Set Q1 KPI targets"],
  },
  {
    segment: "Federal",
    key: "federal-month-3",
    month: 3,
    type: "Q1 outcome review",
    window: [2, 4],
    attendees: [CUSTOMER_SUCCESS_TEAM, "agency PM"],
    agenda: [
      "Contract-facing metrics vs. targets",
      "Internal health review",
      "Open issues log",
      "Feature requests categorized",
    ],
  },
  {
    segment: "Federal",
    key: "federal-month-6",
    month: 6,
    type: "Mid-year review + ISSO security check",
    window: [5, 7],
    attendees: [CUSTOMER_SUCCESS_TEAM, "Authorization Architect", "agency PM", "agency ISSO"],
    agenda: [
      "Contract metrics YTD",
      "ConMon status and POA&M summary",
      "Option year discussion if applicable",
      "Expansion signals",
    ],
  },
  {
    segment: "Federal",
    key: "federal-month-9",
    month: 9,
    type: "Q3 outcome review + renewal prep",
    window: [8, 10],
    attendees: [CUSTOMER_SUCCESS_TEAM, "Revenue Lead", "agency PM"],
    agenda: [
      "Contract metrics YTD",
      "Renewal intent discussion",
      "User count adjustment for option year",
      "Expansion CLIN proposal if triggered",
    ],
  },
  {
    segment: "Federal",
    key: "federal-month-12",
    month: 12,
    type: "Annual review + option year exercise",
    window: [11, 13],
    attendees: [CUSTOMER_SUCCESS_TEAM, "First-SKU Launch Lead", "agency PM", "agency CO"],
    agenda: [
      "Full-year contract metrics summary",
      "CPARS / past performance prep",
      "Option year exercise confirmation",
      "Year 2 plan",
    ],
  },
];

/** The review type for a review date before go-live: the cadence has no review there. */
export const PRE_GO_LIVE = "Pre-go-live";

/** Which cadence review a date falls in, for one account. */
export interface ReviewSlot {
  /** `Q1 outcome review`, `Q1 outcome review (option year 1)`, or {@link PRE_GO_LIVE}. */
  type: string;
  /** Whole months since go-live (negative before go-live). */
  monthsSinceGoLive: number;
  /** 0 in the base year (months 0–13), 1 for months 14–25, and so on. */
  optionYear: number;
  /** The cadence row; `null` before go-live. */
  milestone: ReviewMilestone | null;
  /** Suggested attendees (empty before go-live). */
  attendees: Attendee[];
  /** The agenda skeleton (empty before go-live); the annual review's `Year 2 plan` becomes `Year 3 plan` in option year 1, etc. */
  agenda: string[];
}

/** The next review on the calendar. */
export interface ScheduledReview extends ReviewSlot {
  /** Go-live plus the cadence month (clamped to the month's end, e.g. Jan 31 + 1 month = Feb 28). */
  date: CivilDate;
  /** Months since go-live of the milestone: 1, 3, 6, 9, 12, then 15, 18, 21, 24, 27, … */
  month: number;
}

/** The review type label: the cadence type, with `(option year N)` after the base year. */
export function reviewTypeLabel(milestone: ReviewMilestone, optionYear: number): string {
  return optionYear > 0 ? `${milestone.type} (option year ${optionYear})` : milestone.type;
}

/** The slot of a cadence row in a contract year (0 = base year), for a date `months` after go-live. */
export function milestoneSlot(milestone: ReviewMilestone, optionYear: number, months: number): ReviewSlot {
  return {
    type: reviewTypeLabel(milestone, optionYear),
    monthsSinceGoLive: months,
    optionYear,
    milestone,
    attendees: [...milestone.attendees],
    agenda: milestone.agenda.map((item) => (item === "Year 2 plan" ? `Year ${optionYear + 2} plan` : item)),
  };
}

/** The cadence row whose window holds a month of the contract year (0–13). */
function milestoneForMonth(monthOfCycle: number): ReviewMilestone {
  const row = REVIEW_CADENCE.find((m) => monthOfCycle >= m.window[0] && monthOfCycle <= m.window[1]);
  if (!row) throw new Error(`Review cadence: no review covers month ${monthOfCycle}`);
  return row;
}

/**
 * The cadence review that a review held on `reviewDate` is, for an account that went live on
 * `goLive` (seed 000): months 0–1 `Go-live review`, 2–4 `Q1 outcome review`, 5–7
 * `Mid-year review + ISSO security check`, 8–10 `Q3 outcome review + renewal prep`, 11–13
 * `Annual review + option year exercise`; from month 14 the cycle repeats yearly with
 * `(option year N)` (month 15 → `Q1 outcome review (option year 1)`, month 24 →
 * `Annual review + option year exercise (option year 1)`). Before go-live: {@link PRE_GO_LIVE}.
 */
export function reviewTypeFor(goLive: CivilDate, reviewDate: CivilDate): ReviewSlot {
  const months = monthsSinceGoLive(goLive, reviewDate);
  if (months < 0)
    return {
      type: PRE_GO_LIVE,
      monthsSinceGoLive: months,
      optionYear: 0,
      milestone: null,
      attendees: [],
      agenda: [],
    };
  const optionYear = months < 14 ? 0 : Math.floor((months - 2) / 12);
  return milestoneSlot(milestoneForMonth(months - optionYear * 12), optionYear, months);
}

/**
 * The cadence row of a milestone month since go-live, with its contract year: month 1 is the go-live
 * review, then every third month (3, 6, 9, 12, 15, …) a review, repeating yearly from month 15 with
 * option year 1 (month 24 is the annual review of option year 1). `undefined` for any other month.
 */
export function milestoneAtMonth(
  month: number,
): { milestone: ReviewMilestone; optionYear: number } | undefined {
  if (month === 1) return { milestone: REVIEW_CADENCE[0], optionYear: 0 };
  if (!Number.isInteger(month) || month < 3 || month % 3 !== 0) return undefined;
  const optionYear = Math.floor((month - 1) / 12);
  const cycleMonth = month - optionYear * 12;
  const milestone = REVIEW_CADENCE.find((m) => m.month === cycleMonth);
  return milestone ? { milestone, optionYear } : undefined;
}

/** Milestone months since go-live in order: 1, 3, 6, 9, 12, 15, 18, 21, 24, … (index 0 first). */
function milestoneMonth(index: number): { month: number; milestone: ReviewMilestone; optionYear: number } {
  const base = REVIEW_CADENCE.length;
  if (index < base)
    return { month: REVIEW_CADENCE[index].month, milestone: REVIEW_CADENCE[index], optionYear: 0 };
  const repeating = REVIEW_CADENCE.slice(1);
  const optionYear = Math.floor((index - base) / repeating.length) + 1;
  const milestone = repeating[(index - base) % repeating.length];
  return { month: optionYear * 12 + milestone.month, milestone, optionYear };
}

/**
 * The next cadence review on or after `today`: go-live plus 1, 3, 6, 9 and 12 months, then every
 * option year plus 3, 6, 9 and 12 months. Before go-live it is the go-live review (month 1).
 */
export function nextReview(goLive: CivilDate, today: CivilDate): ScheduledReview {
  // A few milestones a year: walking them from go-live is cheap even for a decades-old account.
  let index = 0;
  for (;;) {
    const { month, milestone, optionYear } = milestoneMonth(index);
    const date = addMonths(goLive, month);
    if (compareCivil(date, today) >= 0)
      return { ...milestoneSlot(milestone, optionYear, month), date, month };
    index += 1;
  }
}

/**
 * Finds the cadence row of a review type as written in `Review Outcomes` (case-insensitive; the
 * seed's `(inline with …)` remark and an `(option year N)` suffix are allowed). `undefined` when
 * the type is not a cadence review (e.g. an ad-hoc review).
 */
export function findReviewMilestone(
  reviewType: string,
): { milestone: ReviewMilestone; optionYear: number } | undefined {
  const optionMatch = /\(\s*option\s+year\s+(\d+)\s*\)/i.exec(reviewType);
  const bare = reviewTypeKey(reviewType);
  const milestone = REVIEW_CADENCE.find((m) => m.type.toLowerCase() === bare);
  if (!milestone) return undefined;
  return { milestone, optionYear: optionMatch ? Number(optionMatch[1]) : 0 };
}
