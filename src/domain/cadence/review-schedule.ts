// An account's review calendar by segment: the reviews due in a date range or fiscal quarter, the next one, and which review a date counts as.
import { type BusinessDayCalendar, businessDayCalendar } from "../calendar/business-days";
import { quarterRange } from "../calendar/fiscal-quarter";
import { addDays, addMonths, type CivilDate, compareCivil, toDayNumber } from "../civil-date";
import type { Segment } from "../segment";
import type { Attendee } from "./attendees";
import {
  BUSINESS_REVIEW,
  BUSINESS_REVIEW_EVERY_MONTHS,
  COMMERCIAL_REVIEWS,
  FIRST_BUSINESS_REVIEW_MONTH,
  ONBOARDING_CHECK_IN_DAYS,
  onboardingCheckInOn,
  RENEWAL_REPLACES_BUSINESS_REVIEW_WITHIN_DAYS,
  RENEWAL_REVIEW,
  RENEWAL_REVIEW_LEAD_DAYS,
} from "./commercial-cadence";
import { monthsSinceGoLive } from "./months-since";
import {
  milestoneAtMonth,
  milestoneSlot,
  PRE_GO_LIVE,
  REVIEW_CADENCE,
  reviewTypeFor,
} from "./review-cadence";
import { type ReviewKind, reviewTypeKey } from "./review-kind";

/** What the review calendar of an account depends on. */
export interface CadenceAccount {
  /** Federal: seed 000's Month 1/3/6/9/12 calendar with option years. Commercial: seed 001's lifecycle. */
  segment: Segment;
  /** The account tab's `Go-live date`. */
  goLive: CivilDate;
  /**
   * The account tab's `Renewal date` (commercial accounts): the renewal review is due 90 days before
   * it, and again every year after it. Blank (`null` or absent): the anniversaries of go-live.
   * Federal accounts follow the contract year from go-live and ignore it.
   */
  renewalDate?: CivilDate | null;
}

/** One review on an account's calendar. */
export interface PlannedReview {
  segment: Segment;
  /** The calendar row it is (type, attendees, agenda). */
  kind: ReviewKind;
  /** The review type as `REVIEW_TYPE` returns it on {@link date}: `Q1 outcome review (option year 1)`, `Renewal review`. */
  type: string;
  /** The day the cadence puts it on: go-live + N months (federal), + 30/60/90 days, + 6, 9, … months, renewal − 90 days. */
  dueDate: CivilDate;
  /** The suggested review date: {@link dueDate}, or the next business day when that is a weekend or federal holiday. */
  date: CivilDate;
  /** Suggested attendees; the vendor's team is named when shown (`formatAttendees(attendees, companyName)`). */
  attendees: Attendee[];
  /** The agenda skeleton, in order (the federal annual review's `Year N plan` names the coming contract year). */
  agenda: string[];
  /** Federal: the milestone's months since go-live (1, 3, 6, 9, 12, 15, …). Commercial: `null`. */
  month: number | null;
  /** Federal: 0 in the base year, then the option year. Commercial: 0. */
  optionYear: number;
  /** Commercial renewal reviews: the renewal they prepare. Otherwise `null`. */
  renewalDate: CivilDate | null;
}

/** Which review a date counts as, for one account. */
export interface CadenceSlot {
  segment: Segment;
  /** `REVIEW_TYPE`'s answer: the review's type, or `Pre-go-live` before go-live. */
  type: string;
  /** Whole months from go-live to the date asked about (negative before go-live). */
  monthsSinceGoLive: number;
  /** The scheduled review the date counts as; `null` before go-live. */
  review: PlannedReview | null;
  /** The review's suggested attendees (empty before go-live). */
  attendees: Attendee[];
  /** The review's agenda skeleton (empty before go-live). */
  agenda: string[];
}

/** The review calendar of one account. It keeps each year's federal holidays once, so ask it many questions. */
export interface ReviewSchedule {
  account: CadenceAccount;
  /**
   * The review a review held on `date` counts as (`REVIEW_TYPE`). Federal: by months since go-live,
   * months 0–1 the go-live review, 2–4 Q1, 5–7 mid-year, 8–10 Q3, 11–13 annual, then yearly with
   * `(option year N)`. Commercial: the scheduled review whose suggested date is nearest, the later
   * one on a tie. Before go-live: `Pre-go-live`.
   */
  reviewOn(date: CivilDate): CadenceSlot;
  /** Every review whose suggested date is in `from`–`to` (both included), in date order. */
  reviewsBetween(from: CivilDate, to: CivilDate): PlannedReview[];
  /** The first review whose suggested date is on or after `today` (before go-live: the first review). */
  nextReview(today: CivilDate): PlannedReview;
}

/**
 * The suggested date of a review due on `dueDate`: that day when it is a business day, else the next
 * business day (weekends and US federal holidays on their observed dates are skipped).
 */
export function suggestedReviewDate(dueDate: CivilDate, calendar = businessDayCalendar()): CivilDate {
  return calendar.nextBusinessDayOnOrAfter(dueDate);
}

/** How many days a suggested date can lie after its due date (a weekend next to a holiday), with room to spare. */
const MOST_DAYS_MOVED = 10;

/** Same-day collisions keep one review: a renewal review first, then an onboarding check-in, then a business review. */
function precedence(kind: ReviewKind): number {
  return kind === RENEWAL_REVIEW ? 0 : kind === BUSINESS_REVIEW ? 2 : 1;
}

function isBetween(date: CivilDate, from: CivilDate, to: CivilDate): boolean {
  return compareCivil(date, from) >= 0 && compareCivil(date, to) <= 0;
}

function laterOf(a: CivilDate, b: CivilDate): CivilDate {
  return compareCivil(a, b) >= 0 ? a : b;
}

/** A due review before its suggested date is known. */
type DueReview = Omit<PlannedReview, "date">;

function federalDue(goLive: CivilDate, month: number): DueReview | undefined {
  const found = milestoneAtMonth(month);
  if (!found) return undefined;
  const slot = milestoneSlot(found.milestone, found.optionYear, month);
  return {
    segment: "Federal",
    kind: found.milestone,
    type: slot.type,
    dueDate: addMonths(goLive, month),
    attendees: slot.attendees,
    agenda: slot.agenda,
    month,
    optionYear: found.optionYear,
    renewalDate: null,
  };
}

/** Federal reviews due in `from`–`to`: go-live + 1 month, then every 3 months (seed 000 with option years). */
function federalDueBetween(goLive: CivilDate, from: CivilDate, to: CivilDate): DueReview[] {
  const due: DueReview[] = [];
  // Go-live + m months is month m or, clamped to a shorter month's end, m − 1: start one month early.
  for (let month = Math.max(1, monthsSinceGoLive(goLive, from)); ; month += 1) {
    const review = federalDue(goLive, month);
    if (review === undefined) continue;
    if (compareCivil(review.dueDate, to) > 0) return due;
    if (compareCivil(review.dueDate, from) >= 0) due.push(review);
  }
}

function commercialDue(kind: ReviewKind, dueDate: CivilDate, renewalDate: CivilDate | null): DueReview {
  return {
    segment: "Commercial",
    kind,
    type: kind.type,
    dueDate,
    attendees: [...kind.attendees],
    agenda: [...kind.agenda],
    month: null,
    optionYear: 0,
    renewalDate,
  };
}

/**
 * Renewal reviews due in `from`–`to`: 90 days before each renewal (the `Renewal date`, or go-live's
 * first anniversary, then yearly), for renewals on or after go-live. A renewal less than 90 days
 * after go-live is reviewed on go-live day.
 */
function renewalReviewsBetween(account: CadenceAccount, from: CivilDate, to: CivilDate): DueReview[] {
  const { goLive } = account;
  const first = account.renewalDate ?? addMonths(goLive, 12);
  const reviews: DueReview[] = [];
  // Renewals repeat yearly after the first; start a year before the range (never before the first).
  let years = Math.max(0, from.year - first.year - 1);
  for (; ; years += 1) {
    const renewal = addMonths(first, 12 * years);
    if (compareCivil(renewal, goLive) < 0) continue;
    const dueDate = laterOf(addDays(renewal, -RENEWAL_REVIEW_LEAD_DAYS), goLive);
    if (compareCivil(dueDate, to) > 0) return reviews;
    if (compareCivil(dueDate, from) >= 0) reviews.push(commercialDue(RENEWAL_REVIEW, dueDate, renewal));
  }
}

/**
 * Commercial reviews due in `from`–`to`: onboarding check-ins 30, 60 and 90 days after go-live;
 * quarterly business reviews 6, 9, 12, … months after go-live, except those within 45 days of a
 * renewal review (which is that quarter's business review); renewal reviews.
 */
function commercialDueBetween(account: CadenceAccount, from: CivilDate, to: CivilDate): DueReview[] {
  const { goLive } = account;
  const due: DueReview[] = [];
  for (const day of ONBOARDING_CHECK_IN_DAYS) {
    const dueDate = addDays(goLive, day);
    if (isBetween(dueDate, from, to)) due.push(commercialDue(onboardingCheckInOn(day), dueDate, null));
  }
  const margin = RENEWAL_REPLACES_BUSINESS_REVIEW_WITHIN_DAYS;
  const renewals = renewalReviewsBetween(account, addDays(from, -margin), addDays(to, margin));
  const replaced = (dueDate: CivilDate) =>
    renewals.some((r) => Math.abs(toDayNumber(r.dueDate) - toDayNumber(dueDate)) <= margin);
  const step = BUSINESS_REVIEW_EVERY_MONTHS;
  const firstMonth = Math.max(monthsSinceGoLive(goLive, from), FIRST_BUSINESS_REVIEW_MONTH);
  // A review due on or after `from` is at least `firstMonth` months after go-live: start at the
  // first business-review month (6, 9, 12, …) from there.
  const skipped = Math.ceil((firstMonth - FIRST_BUSINESS_REVIEW_MONTH) / step);
  for (let month = FIRST_BUSINESS_REVIEW_MONTH + skipped * step; ; month += step) {
    const dueDate = addMonths(goLive, month);
    if (compareCivil(dueDate, to) > 0) break;
    if (compareCivil(dueDate, from) >= 0 && !replaced(dueDate))
      due.push(commercialDue(BUSINESS_REVIEW, dueDate, null));
  }
  due.push(...renewals.filter((r) => isBetween(r.dueDate, from, to)));
  return due;
}

/** The calendar of one account; see {@link ReviewSchedule}. */
export function reviewSchedule(account: CadenceAccount): ReviewSchedule {
  const calendar: BusinessDayCalendar = businessDayCalendar();
  const { goLive, segment } = account;

  function reviewsBetween(from: CivilDate, to: CivilDate): PlannedReview[] {
    if (compareCivil(from, to) > 0) return [];
    const dueFrom = addDays(from, -MOST_DAYS_MOVED);
    const due =
      segment === "Federal"
        ? federalDueBetween(goLive, dueFrom, to)
        : commercialDueBetween(account, dueFrom, to);
    const byDate = new Map<number, PlannedReview>();
    for (const review of due) {
      const date = suggestedReviewDate(review.dueDate, calendar);
      const key = toDayNumber(date);
      const held = byDate.get(key);
      if (held === undefined || precedence(review.kind) < precedence(held.kind))
        byDate.set(key, { ...review, date });
    }
    return [...byDate.values()]
      .filter((review) => isBetween(review.date, from, to))
      .sort((a, b) => compareCivil(a.date, b.date));
  }

  /** The reviews of one calendar year, built once per schedule: a column of dates reuses them. */
  const years = new Map<number, PlannedReview[]>();
  function reviewsOfYear(year: number): PlannedReview[] {
    let reviews = years.get(year);
    if (reviews === undefined) {
      reviews = reviewsBetween({ year, month: 1, day: 1 }, { year, month: 12, day: 31 });
      years.set(year, reviews);
    }
    return reviews;
  }

  function nextReview(today: CivilDate): PlannedReview {
    // Every year after go-live holds at least four reviews, so the first 400 days after today hold one.
    const [next] = reviewsBetween(today, addDays(laterOf(today, goLive), 400));
    return next;
  }

  function reviewOn(date: CivilDate): CadenceSlot {
    const months = monthsSinceGoLive(goLive, date);
    if (compareCivil(date, goLive) < 0)
      return {
        segment,
        type: PRE_GO_LIVE,
        monthsSinceGoLive: months,
        review: null,
        attendees: [],
        agenda: [],
      };
    let review: PlannedReview | undefined;
    if (segment === "Federal") {
      const slot = reviewTypeFor(goLive, date);
      const milestone = slot.milestone ?? REVIEW_CADENCE[0];
      const month = milestone.month === 1 ? 1 : slot.optionYear * 12 + milestone.month;
      const due = federalDue(goLive, month) as DueReview;
      review = { ...due, date: suggestedReviewDate(due.dueDate, calendar) };
    } else {
      // Reviews of the lifecycle are never more than about 140 days apart: the nearest is in the
      // date's calendar year or the years either side.
      const day = toDayNumber(date);
      const nearby = [date.year - 1, date.year, date.year + 1].flatMap(reviewsOfYear);
      for (const candidate of nearby) {
        const distance = Math.abs(toDayNumber(candidate.date) - day);
        if (review === undefined || distance <= Math.abs(toDayNumber(review.date) - day)) review = candidate;
      }
    }
    if (review === undefined) throw new Error(`Review cadence: no review near ${JSON.stringify(date)}`);
    return {
      segment,
      type: review.type,
      monthsSinceGoLive: months,
      review,
      attendees: [...review.attendees],
      agenda: [...review.agenda],
    };
  }

  return { account, reviewOn, reviewsBetween, nextReview };
}

/** The review a review held on `date` counts as, for one account (see {@link ReviewSchedule.reviewOn}). */
export function reviewOn(account: CadenceAccount, date: CivilDate): CadenceSlot {
  return reviewSchedule(account).reviewOn(date);
}

/** The first review of an account whose suggested date is on or after `today`: the Portfolio's `Next review`. */
export function nextReviewOnOrAfter(account: CadenceAccount, today: CivilDate): PlannedReview {
  return reviewSchedule(account).nextReview(today);
}

/**
 * Every review of an account whose suggested date falls in a fiscal quarter, in date order. All of
 * them are listed: when go-live falls in a quarter's last month, the federal month-1 and month-3
 * reviews (or the commercial 30-, 60- and 90-day check-ins) land in the same next quarter, and each
 * has its own row. A review moved past the quarter's last day to the next business day belongs to
 * the next quarter.
 */
export function reviewsInQuarter(
  account: CadenceAccount,
  fiscalYear: number,
  quarter: number,
  fyStartMonth: number,
): PlannedReview[] {
  const range = quarterRange(fiscalYear, quarter, fyStartMonth);
  return reviewSchedule(account).reviewsBetween(range.start, range.end);
}

/** Each segment's calendar rows, in calendar order (what a review form offers to pick from). */
export function reviewKindsOf(segment: Segment): readonly ReviewKind[] {
  return segment === "Federal" ? REVIEW_CADENCE : COMMERCIAL_REVIEWS;
}

/**
 * The calendar row of a review type as written in `Review Outcomes` or returned by `REVIEW_TYPE`, for
 * a segment (case-insensitive; remarks in parentheses, such as `(inline with onboarding Step 4)` or
 * `(option year 2)`, are allowed). `undefined` for a review outside that segment's calendar.
 */
export function findReviewKind(reviewType: string, segment: Segment): ReviewKind | undefined {
  const key = reviewTypeKey(reviewType);
  return reviewKindsOf(segment).find((kind) => kind.type.toLowerCase() === key);
}
