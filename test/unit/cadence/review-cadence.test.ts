// Tests for the seed 000 review calendar: review types by month since go-live and the next review.
import { describe, expect, it } from "vitest";
import {
  findReviewMilestone,
  formatAttendees,
  nextReview,
  PRE_GO_LIVE,
  REVIEW_CADENCE,
  reviewTypeFor,
} from "../../../src/domain/cadence/review-cadence";
import { addDays, addMonths, type CivilDate, parseIsoDate, toIsoDate } from "../../../src/domain/civil-date";

const d = (iso: string): CivilDate => parseIsoDate(iso)!;

/** Seed 000's review calendar rows, verbatim. */
const SEED_000_CALENDAR = `
| Month 1 | Go-live review (inline with onboarding Step 4) | NorthAI Customer Success + agency PM + agency ISSO | (1) Confirm go-live milestone, (2) Review 30-day health baseline, (3) Set Q1 KPI targets |
| Month 3 | Q1 outcome review | NorthAI Customer Success + agency PM | (1) Contract-facing metrics vs. targets, (2) Internal health review, (3) Open issues log, (4) Feature requests categorized |
| Month 6 | Mid-year review + ISSO security check | NorthAI Customer Success + Authorization Architect + agency PM + agency ISSO | (1) Contract metrics YTD, (2) ConMon status and POA&M summary, (3) Option year discussion if applicable, (4) Expansion signals |
| Month 9 | Q3 outcome review + renewal prep | NorthAI Customer Success + Revenue Lead + agency PM | (1) Contract metrics YTD, (2) Renewal intent discussion, (3) User count adjustment for option year, (4) Expansion CLIN proposal if triggered |
| Month 12 | Annual review + option year exercise | NorthAI Customer Success + First-SKU Launch Lead + agency PM + agency CO | (1) Full-year contract metrics summary, (2) CPARS / past performance prep, (3) Option year exercise confirmation, (4) Year 2 plan |
`
  .trim()
  .split("\n")
  .map((line) =>
    line
      .split("|")
      .map((cell) => cell.trim())
      .slice(1, -1),
  );

describe("REVIEW_CADENCE", () => {
  it("holds seed 000's review calendar: months, types, attendees (the vendor named from Company name) and numbered agendas, word for word", () => {
    expect(REVIEW_CADENCE).toHaveLength(SEED_000_CALENDAR.length);
    SEED_000_CALENDAR.forEach(([month, type, attendees, agenda], i) => {
      const row = REVIEW_CADENCE[i];
      expect(`Month ${row.month}`).toBe(month);
      expect(row.note ? `${row.type} (${row.note})` : row.type).toBe(type);
      expect(formatAttendees(row.attendees, "NorthAI")).toBe(attendees);
      expect(row.agenda.map((item, n) => `(${n + 1}) ${item}`).join(", ")).toBe(agenda);
    });
  });

  it("covers every month of a contract year (0–13) with exactly one review window", () => {
    for (let month = 0; month <= 13; month += 1)
      expect(
        REVIEW_CADENCE.filter((r) => month >= r.window[0] && month <= r.window[1]),
        `month ${month}`,
      ).toHaveLength(1);
  });
});

describe("reviewTypeFor", () => {
  const goLive = d("2026-01-15");
  const base = [
    "Go-live review",
    "Q1 outcome review",
    "Mid-year review + ISSO security check",
    "Q3 outcome review + renewal prep",
    "Annual review + option year exercise",
  ];
  const [GO_LIVE, Q1, MID, Q3, ANNUAL] = base;
  const oy = (type: string, year: number) => `${type} (option year ${year})`;
  // Months since go-live 0..40, three months per review after the go-live review.
  const EXPECTED: string[] = [
    GO_LIVE,
    GO_LIVE,
    Q1,
    Q1,
    Q1,
    MID,
    MID,
    MID,
    Q3,
    Q3,
    Q3,
    ANNUAL,
    ANNUAL,
    ANNUAL,
    oy(Q1, 1),
    oy(Q1, 1),
    oy(Q1, 1),
    oy(MID, 1),
    oy(MID, 1),
    oy(MID, 1),
    oy(Q3, 1),
    oy(Q3, 1),
    oy(Q3, 1),
    oy(ANNUAL, 1),
    oy(ANNUAL, 1),
    oy(ANNUAL, 1),
    oy(Q1, 2),
    oy(Q1, 2),
    oy(Q1, 2),
    oy(MID, 2),
    oy(MID, 2),
    oy(MID, 2),
    oy(Q3, 2),
    oy(Q3, 2),
    oy(Q3, 2),
    oy(ANNUAL, 2),
    oy(ANNUAL, 2),
    oy(ANNUAL, 2),
    oy(Q1, 3),
    oy(Q1, 3),
    oy(Q1, 3),
  ];

  it("names the review for each month 0–40 after go-live, repeating yearly for option years", () => {
    expect(EXPECTED).toHaveLength(41);
    EXPECTED.forEach((type, month) => {
      const slot = reviewTypeFor(goLive, addMonths(goLive, month));
      expect(slot.type, `month ${month}`).toBe(type);
      expect(slot.monthsSinceGoLive).toBe(month);
    });
  });

  it("counts a month only once its day is reached: the day before month 2 is still the go-live review", () => {
    expect(reviewTypeFor(goLive, d("2026-03-14")).type).toBe(GO_LIVE);
    expect(reviewTypeFor(goLive, d("2026-03-15")).type).toBe(Q1);
    expect(reviewTypeFor(goLive, d("2027-03-14")).type).toBe(ANNUAL);
    expect(reviewTypeFor(goLive, d("2027-03-15")).type).toBe(oy(Q1, 1));
  });

  it("says Pre-go-live, with no agenda, for a review date before go-live", () => {
    const slot = reviewTypeFor(goLive, d("2026-01-14"));
    expect(slot).toMatchObject({ type: PRE_GO_LIVE, milestone: null, agenda: [], attendees: [] });
    expect(slot.monthsSinceGoLive).toBe(-1);
  });

  it("gives the review's attendees and agenda, with the annual plan naming the coming contract year", () => {
    const q1 = reviewTypeFor(goLive, d("2026-04-20"));
    expect(formatAttendees(q1.attendees)).toBe("Customer Success + agency PM");
    expect(q1.agenda[0]).toBe("Contract-facing metrics vs. targets");
    expect(reviewTypeFor(goLive, d("2027-01-20")).agenda.at(-1)).toBe("Year 2 plan");
    expect(reviewTypeFor(goLive, d("2028-01-20")).agenda.at(-1)).toBe("Year 3 plan");
    expect(reviewTypeFor(goLive, d("2028-01-20")).optionYear).toBe(1);
  });
});

describe("nextReview", () => {
  const goLive = d("2026-01-15");
  const next = (iso: string) => {
    const review = nextReview(goLive, d(iso));
    return `${toIsoDate(review.date)} month ${review.month}: ${review.type}`;
  };

  it("before go-live is the go-live review a month after go-live", () => {
    expect(next("2025-12-01")).toBe("2026-02-15 month 1: Go-live review");
  });

  it("counts a review scheduled for today as the next one, and moves on the day after", () => {
    expect(next("2026-02-15")).toBe("2026-02-15 month 1: Go-live review");
    expect(next("2026-02-16")).toBe("2026-04-15 month 3: Q1 outcome review");
  });

  it("walks months 1, 3, 6, 9, 12 and then every option year's 3, 6, 9, 12", () => {
    const months: number[] = [];
    let today = goLive;
    for (let i = 0; i < 13; i += 1) {
      const review = nextReview(goLive, today);
      months.push(review.month);
      today = addDays(review.date, 1);
    }
    expect(months).toEqual([1, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36]);
    expect(next("2027-01-16")).toBe("2027-04-15 month 15: Q1 outcome review (option year 1)");
    expect(next("2027-12-01")).toBe(
      "2028-01-15 month 24: Annual review + option year exercise (option year 1)",
    );
  });

  it("agrees with reviewTypeFor on every milestone, even for a go-live on the 31st", () => {
    for (const start of [d("2026-01-31"), d("2026-08-31"), d("2028-02-29"), goLive]) {
      let today = start;
      for (let i = 0; i < 20; i += 1) {
        const review = nextReview(start, today);
        expect(reviewTypeFor(start, review.date).type, toIsoDate(review.date)).toBe(review.type);
        today = addDays(review.date, 1);
      }
    }
  });
});

describe("findReviewMilestone", () => {
  it("finds the cadence row of a review type as a user or REVIEW_TYPE wrote it", () => {
    expect(findReviewMilestone("Go-live review (inline with onboarding Step 4)")?.milestone.month).toBe(1);
    expect(findReviewMilestone("  mid-year REVIEW + ISSO security check ")?.milestone.month).toBe(6);
    expect(findReviewMilestone("Q1 outcome review (option year 2)")).toMatchObject({
      milestone: { month: 3 },
      optionYear: 2,
    });
  });

  it("returns nothing for a review outside the cadence", () => {
    expect(findReviewMilestone("Ad-hoc escalation review")).toBeUndefined();
    expect(findReviewMilestone(PRE_GO_LIVE)).toBeUndefined();
  });
});
