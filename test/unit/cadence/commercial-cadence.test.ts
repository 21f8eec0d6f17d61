// Tests for the commercial review lifecycle (CS metrics framework): types, attendees and agendas, in commercial words only.
import { describe, expect, it } from "vitest";
import { formatAttendees } from "../../../src/domain/cadence/attendees";
import { COMMERCIAL_REVIEWS } from "../../../src/domain/cadence/commercial-cadence";
import { FEDERAL_WORDING } from "../../support/federal-wording";

describe("commercial lifecycle reviews", () => {
  it("are the 30-, 60- and 90-day onboarding check-ins, the quarterly business review and the renewal review", () => {
    expect(COMMERCIAL_REVIEWS.map((kind) => `${kind.stage}: ${kind.type}`)).toEqual([
      "onboarding: 30-day onboarding check-in",
      "onboarding: 60-day onboarding check-in",
      "onboarding: 90-day onboarding check-in",
      "growth: Quarterly business review",
      "renewal: Renewal review",
    ]);
  });

  it("never mention CPARS, ISSO, POA&M, CLINs, option years, the contracting officer or an agency", () => {
    for (const kind of COMMERCIAL_REVIEWS) {
      const words = [kind.type, kind.note ?? "", formatAttendees(kind.attendees, "Acme"), ...kind.agenda];
      for (const text of words) expect(text, kind.type).not.toMatch(FEDERAL_WORDING);
    }
  });

  it("review usage and adoption, outcomes against the success plan, the relationship, expansion when green, and the renewal", () => {
    const qbr = COMMERCIAL_REVIEWS[3].agenda.join(" | ");
    expect(qbr).toMatch(/usage and adoption/i);
    expect(qbr).toMatch(/outcomes vs\. success plan/i);
    expect(qbr).toMatch(/relationship/i);
    expect(qbr).toMatch(/expansion assessment and success-story candidate if the health score is green/i);
    const renewal = COMMERCIAL_REVIEWS[4].agenda.join(" | ");
    expect(renewal).toMatch(/renewal intent/i);
    expect(renewal).toMatch(/success plan/i);
    expect(renewal).toMatch(/expansion opportunity if the health score is green/i);
  });

  it("suggest the customer's champion and executive sponsor, and the Revenue Lead for the renewal", () => {
    expect(COMMERCIAL_REVIEWS.map((kind) => formatAttendees(kind.attendees, "Acme"))).toEqual([
      "Acme Customer Success + customer champion",
      "Acme Customer Success + customer champion",
      "Acme Customer Success + customer champion + customer executive sponsor",
      "Acme Customer Success + customer champion + customer executive sponsor",
      "Acme Customer Success + Revenue Lead + customer executive sponsor + customer champion",
    ]);
  });

  it("have distinct types and keys, and agendas of at least three items", () => {
    expect(new Set(COMMERCIAL_REVIEWS.map((kind) => kind.type)).size).toBe(COMMERCIAL_REVIEWS.length);
    expect(new Set(COMMERCIAL_REVIEWS.map((kind) => kind.key)).size).toBe(COMMERCIAL_REVIEWS.length);
    for (const kind of COMMERCIAL_REVIEWS) expect(kind.agenda.length).toBeGreaterThanOrEqual(3);
  });
});
