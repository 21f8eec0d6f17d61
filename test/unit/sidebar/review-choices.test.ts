// The Review outcomes form pre-selects the cadence's review for the date and offers that year's other reviews.
import { describe, expect, it } from "vitest";
import { REVIEW_CADENCE } from "../../../src/domain/cadence/review-cadence";
import { AD_HOC_REVIEW, reviewChoices } from "../../../src/domain/sidebar/review-choices";

const goLive = { year: 2026, month: 1, day: 15 };

describe("review types offered for a review date", () => {
  it("pre-selects the mid-year review six months after go-live, with its agenda and attendees", () => {
    const { reviewType, choices } = reviewChoices(goLive, { year: 2026, month: 7, day: 20 });
    expect(reviewType).toBe("Mid-year review + ISSO security check");
    const picked = choices.find((c) => c.reviewType === reviewType)!;
    expect(picked.items).toEqual(REVIEW_CADENCE[2].agenda);
    expect(picked.attendees).toContain("agency ISSO");
  });

  it("offers every review of the base year and an ad-hoc review", () => {
    const { choices } = reviewChoices(goLive, { year: 2026, month: 4, day: 20 });
    expect(choices.map((c) => c.reviewType)).toEqual([...REVIEW_CADENCE.map((m) => m.type), AD_HOC_REVIEW]);
  });

  it("labels option-year reviews and leaves out the go-live review after the base year", () => {
    const { reviewType, choices } = reviewChoices(goLive, { year: 2027, month: 4, day: 20 });
    expect(reviewType).toBe("Q1 outcome review (option year 1)");
    expect(choices.some((c) => c.reviewType.startsWith("Go-live"))).toBe(false);
    const annual = choices.find((c) => c.reviewType.startsWith("Annual"))!;
    expect(annual.items).toContain("Year 3 plan");
  });

  it("selects an ad-hoc review when the account has no go-live date", () => {
    expect(reviewChoices(null, { year: 2026, month: 4, day: 20 }).reviewType).toBe(AD_HOC_REVIEW);
  });
});
