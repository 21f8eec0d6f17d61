// Tests for an account's review calendar by segment: suggested business-day dates, reviews in a quarter, the next review, and which review a date counts as.
import { describe, expect, it } from "vitest";
import { formatAttendees } from "../../../src/domain/cadence/attendees";
import {
  type CadenceAccount,
  findReviewKind,
  nextReviewOnOrAfter,
  type PlannedReview,
  reviewKindsOf,
  reviewOn,
  reviewSchedule,
  reviewsInQuarter,
  suggestedReviewDate,
} from "../../../src/domain/cadence/review-schedule";
import { type CivilDate, parseIsoDate, toIsoDate } from "../../../src/domain/civil-date";
import { FEDERAL_WORDING } from "../../support/federal-wording";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;
const federal = (goLive: string): CadenceAccount => ({ segment: "Federal", goLive: d(goLive) });
const commercial = (goLive: string, renewal?: string): CadenceAccount => ({
  segment: "Commercial",
  goLive: d(goLive),
  renewalDate: renewal ? d(renewal) : null,
});
/** A review as a line: `suggested date (due date when moved): type`. */
const line = (review: PlannedReview) =>
  `${toIsoDate(review.date)}${
    toIsoDate(review.date) === toIsoDate(review.dueDate) ? "" : ` (due ${toIsoDate(review.dueDate)})`
  }: ${review.type}`;
const between = (account: CadenceAccount, from: string, to: string) =>
  reviewSchedule(account).reviewsBetween(d(from), d(to)).map(line);

describe("suggested review dates", () => {
  it("keep a business day, and move a weekend or an observed federal holiday to the next business day", () => {
    const suggested = (iso: string) => toIsoDate(suggestedReviewDate(d(iso)));
    expect(suggested("2026-04-15")).toBe("2026-04-15"); // a Wednesday
    expect(suggested("2026-02-14")).toBe("2026-02-17"); // Saturday, then Washington's Birthday
    expect(suggested("2026-07-04")).toBe("2026-07-06"); // Independence Day on a Saturday (observed Friday 3rd)
    expect(suggested("2026-11-26")).toBe("2026-11-27"); // Thanksgiving
    expect(suggested("2027-12-31")).toBe("2028-01-03"); // New Year's Day 2028 observed on Friday Dec 31
  });
});

describe("the federal calendar", () => {
  it("keeps Month 1, 3, 6, 9 and 12, then option years, each on a business day", () => {
    expect(between(federal("2026-06-04"), "2026-06-01", "2027-09-30")).toEqual([
      "2026-07-06 (due 2026-07-04): Go-live review",
      "2026-09-04: Q1 outcome review",
      "2026-12-04: Mid-year review + ISSO security check",
      "2027-03-04: Q3 outcome review + renewal prep",
      "2027-06-04: Annual review + option year exercise",
      "2027-09-07 (due 2027-09-04): Q1 outcome review (option year 1)",
    ]);
  });

  it("gives each review its seed attendees, the vendor's team named from the company name", () => {
    const [goLiveReview, q1] = reviewSchedule(federal("2026-01-15")).reviewsBetween(
      d("2026-01-01"),
      d("2026-05-01"),
    );
    expect(formatAttendees(goLiveReview.attendees, "NorthAI")).toBe(
      "NorthAI Customer Success + agency PM + agency ISSO",
    );
    expect(formatAttendees(q1.attendees)).toBe("Customer Success + agency PM");
    expect(q1.month).toBe(3);
  });
});

describe("the commercial lifecycle", () => {
  it("holds 30/60/90-day check-ins, business reviews from month 6, and the renewal review 90 days before go-live's anniversary", () => {
    expect(between(commercial("2026-01-15"), "2026-01-01", "2027-12-31")).toEqual([
      "2026-02-17 (due 2026-02-14): 30-day onboarding check-in",
      "2026-03-16: 60-day onboarding check-in",
      "2026-04-15: 90-day onboarding check-in",
      "2026-07-15: Quarterly business review",
      // The month-9 business review (Oct 15) is within 45 days of the renewal review: it is not held.
      "2026-10-19 (due 2026-10-17): Renewal review",
      "2027-01-15: Quarterly business review",
      "2027-04-15: Quarterly business review",
      "2027-07-15: Quarterly business review",
      "2027-10-18 (due 2027-10-17): Renewal review",
    ]);
  });

  it("prepares each renewal from the Renewal date, then yearly", () => {
    const reviews = reviewSchedule(commercial("2026-01-15", "2026-08-31")).reviewsBetween(
      d("2026-05-01"),
      d("2027-08-31"),
    );
    expect(reviews.map(line)).toEqual([
      "2026-06-02: Renewal review",
      // Jul 15 is 43 days after the renewal review: not held. Apr 15, 2027 is 48 days before the next.
      "2026-10-15: Quarterly business review",
      "2027-01-15: Quarterly business review",
      "2027-04-15: Quarterly business review",
      "2027-06-02: Renewal review",
    ]);
    expect(reviews.filter((r) => r.renewalDate).map((r) => toIsoDate(r.renewalDate!))).toEqual([
      "2026-08-31",
      "2027-08-31",
    ]);
  });

  it("reviews a renewal that comes less than 90 days after go-live on go-live day, and keeps the onboarding check-ins", () => {
    expect(between(commercial("2026-01-15", "2026-03-01"), "2026-01-01", "2026-04-30")).toEqual([
      "2026-01-15: Renewal review",
      "2026-02-17 (due 2026-02-14): 30-day onboarding check-in",
      "2026-03-16: 60-day onboarding check-in",
      "2026-04-15: 90-day onboarding check-in",
    ]);
  });

  it("moves a check-in due on New Year's Eve 2027 past the observed New Year's Day", () => {
    expect(between(commercial("2027-10-02"), "2027-10-01", "2028-01-31")).toEqual([
      "2027-11-01: 30-day onboarding check-in",
      "2027-12-01: 60-day onboarding check-in",
      "2028-01-03 (due 2027-12-31): 90-day onboarding check-in",
    ]);
  });

  it("speaks no federal language in any review of ten years", () => {
    for (const review of reviewSchedule(commercial("2026-01-15", "2026-11-30")).reviewsBetween(
      d("2026-01-01"),
      d("2036-01-01"),
    )) {
      const text = [review.type, formatAttendees(review.attendees, "Acme"), ...review.agenda].join(" | ");
      expect(text).not.toMatch(FEDERAL_WORDING);
    }
  });
});

describe("reviewsInQuarter", () => {
  const inQuarter = (account: CadenceAccount, fiscalYear: number, quarter: number) =>
    reviewsInQuarter(account, fiscalYear, quarter, 10).map(line);

  it("lists both the month-1 and the month-3 review when go-live is in a quarter's last month", () => {
    // Go-live Dec 15, 2026: the last month of FY27 Q1 (October start). Both reviews fall in FY27 Q2.
    expect(inQuarter(federal("2026-12-15"), 2027, 1)).toEqual([]);
    expect(inQuarter(federal("2026-12-15"), 2027, 2)).toEqual([
      "2027-01-15: Go-live review",
      "2027-03-15: Q1 outcome review",
    ]);
    expect(inQuarter(federal("2026-12-31"), 2027, 2)).toEqual([
      "2027-02-01 (due 2027-01-31): Go-live review",
      "2027-03-31: Q1 outcome review",
    ]);
  });

  it("lists every commercial check-in of the quarter", () => {
    expect(inQuarter(commercial("2026-09-15"), 2027, 1)).toEqual([
      "2026-10-15: 30-day onboarding check-in",
      "2026-11-16 (due 2026-11-14): 60-day onboarding check-in",
      "2026-12-14: 90-day onboarding check-in",
    ]);
  });

  it("puts a review moved past the quarter's last day into the next quarter, once", () => {
    // Go-live Dec 31, 2028: month 3 is Saturday Mar 31, 2029, held Monday Apr 2 (FY29 Q3).
    expect(inQuarter(federal("2028-12-31"), 2029, 2)).toEqual(["2029-01-31: Go-live review"]);
    expect(inQuarter(federal("2028-12-31"), 2029, 3)).toEqual([
      "2029-04-02 (due 2029-03-31): Q1 outcome review",
    ]);
  });
});

describe("nextReviewOnOrAfter (the Portfolio's Next review)", () => {
  const next = (account: CadenceAccount, today: string) => line(nextReviewOnOrAfter(account, d(today)));

  it("is the first review on or after today: a date and its type", () => {
    expect(next(federal("2026-01-15"), "2026-02-18")).toBe("2026-04-15: Q1 outcome review");
    // Sunday Feb 15, then Washington's Birthday: the go-live review is held Tuesday Feb 17.
    expect(next(federal("2026-01-15"), "2025-11-01")).toBe("2026-02-17 (due 2026-02-15): Go-live review");
    expect(next(commercial("2026-01-15"), "2026-04-16")).toBe("2026-07-15: Quarterly business review");
  });

  it("still shows a review due on the weekend as upcoming until the business day it moved to has passed", () => {
    expect(next(commercial("2026-01-15"), "2026-02-14")).toBe(
      "2026-02-17 (due 2026-02-14): 30-day onboarding check-in",
    );
    expect(next(commercial("2026-01-15"), "2026-02-17")).toBe(
      "2026-02-17 (due 2026-02-14): 30-day onboarding check-in",
    );
    expect(next(commercial("2026-01-15"), "2026-02-18")).toBe("2026-03-16: 60-day onboarding check-in");
  });
});

describe("reviewOn (REVIEW_TYPE's answer)", () => {
  it("counts a commercial date as the nearest scheduled review, the later one on a tie", () => {
    const type = (iso: string) => reviewOn(commercial("2026-01-15"), d(iso)).type;
    expect(type("2026-01-15")).toBe("30-day onboarding check-in");
    expect(type("2026-03-02")).toBe("30-day onboarding check-in"); // 13 days after Feb 17, 14 before Mar 16
    expect(type("2026-03-03")).toBe("60-day onboarding check-in"); // 14 days after, 13 before
    expect(type("2026-03-30")).toBe("60-day onboarding check-in"); // 14 days after Mar 16, 16 before Apr 15
    expect(type("2026-03-31")).toBe("90-day onboarding check-in"); // 15 days either side: the later
    expect(type("2026-05-30")).toBe("90-day onboarding check-in"); // 45 days after Apr 15, 46 before Jul 15
    expect(type("2026-05-31")).toBe("Quarterly business review");
    expect(type("2026-01-14")).toBe("Pre-go-live");
  });

  it("gives the review's agenda and attendees, and none before go-live", () => {
    const slot = reviewOn(commercial("2026-01-15"), d("2026-10-01"));
    expect(slot.type).toBe("Renewal review");
    expect(slot.agenda[0]).toBe("Renewal intent and timeline");
    expect(toIsoDate(slot.review!.renewalDate!)).toBe("2027-01-15");
    expect(reviewOn(federal("2026-01-15"), d("2025-12-31"))).toMatchObject({
      review: null,
      agenda: [],
      attendees: [],
    });
  });

  it("keeps the federal windows: months 0–1 go-live, 2–4 Q1, … and the scheduled review it counts as", () => {
    const slot = reviewOn(federal("2026-01-15"), d("2026-05-20"));
    expect(slot.type).toBe("Q1 outcome review");
    expect(line(slot.review!)).toBe("2026-04-15: Q1 outcome review");
    expect(reviewOn(federal("2026-01-15"), d("2027-03-15")).type).toBe("Q1 outcome review (option year 1)");
  });
});

describe("reviewKindsOf", () => {
  it("offers each segment its own calendar rows in order", () => {
    expect(reviewKindsOf("Federal").map((kind) => kind.key)).toEqual([
      "federal-month-1",
      "federal-month-3",
      "federal-month-6",
      "federal-month-9",
      "federal-month-12",
    ]);
    expect(reviewKindsOf("Commercial").map((kind) => kind.type)).toEqual([
      "30-day onboarding check-in",
      "60-day onboarding check-in",
      "90-day onboarding check-in",
      "Quarterly business review",
      "Renewal review",
    ]);
  });
});

describe("findReviewKind", () => {
  it("finds a review type as a user wrote it in Review Outcomes, in that segment's calendar only", () => {
    expect(findReviewKind(" quarterly BUSINESS review ", "Commercial")?.key).toBe("commercial-qbr");
    expect(findReviewKind("60-day onboarding check-in", "Commercial")?.key).toBe("commercial-onboarding-60");
    expect(findReviewKind("Q1 outcome review (option year 2)", "Federal")?.key).toBe("federal-month-3");
    expect(findReviewKind("Quarterly business review", "Federal")).toBeUndefined();
    expect(findReviewKind("Annual review + option year exercise", "Commercial")).toBeUndefined();
  });
});
