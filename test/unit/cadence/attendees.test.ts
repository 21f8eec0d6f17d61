// Tests for suggested attendees: the vendor's Customer Success team is named from Settings › Company name, never hard-coded.
import { describe, expect, it } from "vitest";
import {
  attendeeNames,
  CUSTOMER_SUCCESS_TEAM,
  customerSuccessTeamName,
  formatAttendees,
} from "../../../src/domain/cadence/attendees";
import { COMMERCIAL_REVIEWS } from "../../../src/domain/cadence/commercial-cadence";
import { REVIEW_CADENCE } from "../../../src/domain/cadence/review-cadence";

describe("customerSuccessTeamName", () => {
  it("puts the company name before Customer Success", () => {
    expect(customerSuccessTeamName("NorthAI")).toBe("NorthAI Customer Success");
    expect(customerSuccessTeamName("  Acme Analytics ")).toBe("Acme Analytics Customer Success");
  });

  it("says Customer Success when Settings › Company name is blank", () => {
    expect(customerSuccessTeamName("")).toBe("Customer Success");
    expect(customerSuccessTeamName("   ")).toBe("Customer Success");
  });

  it("does not repeat Customer Success when the name already ends with it", () => {
    expect(customerSuccessTeamName("Acme Customer Success")).toBe("Acme Customer Success");
  });
});

describe("formatAttendees", () => {
  const attendees = [CUSTOMER_SUCCESS_TEAM, "agency PM"];

  it("joins the attendees with + and names the vendor's team after the company", () => {
    expect(formatAttendees(attendees, "NorthAI")).toBe("NorthAI Customer Success + agency PM");
    expect(attendeeNames(attendees, "Contoso")).toEqual(["Contoso Customer Success", "agency PM"]);
  });

  it("says Customer Success without a company name", () => {
    expect(formatAttendees(attendees)).toBe("Customer Success + agency PM");
  });

  it("finds no company written into any review calendar: every review starts with the vendor's team, named when shown", () => {
    for (const kind of [...REVIEW_CADENCE, ...COMMERCIAL_REVIEWS]) {
      expect(kind.attendees[0], kind.type).toBe(CUSTOMER_SUCCESS_TEAM);
      expect(formatAttendees(kind.attendees, "Globex"), kind.type).toMatch(
        /^Globex Customer Success( \+ |$)/,
      );
      expect(JSON.stringify(kind)).not.toMatch(/NorthAI/);
    }
  });
});
