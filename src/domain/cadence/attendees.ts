// Suggested review attendees: the vendor's own Customer Success team, named from Settings › Company name, and the other roles.

/**
 * The vendor's own Customer Success team in an attendee list. It carries no company: the text
 * shown to a customer takes `Settings` › `Company name` (see {@link customerSuccessTeamName}), so
 * no company is ever written into the cadence.
 */
export const CUSTOMER_SUCCESS_TEAM = { team: "Customer Success" } as const;

/** One suggested attendee: the vendor's Customer Success team, or a role as written (`agency PM`, `Revenue Lead`). */
export type Attendee = typeof CUSTOMER_SUCCESS_TEAM | string;

/**
 * The vendor's Customer Success team as attendees read it: `NorthAI Customer Success` for the
 * company name `NorthAI`; `Customer Success` when the name is blank. Spaces around the name are
 * ignored, and a name that already ends in `Customer Success` is not repeated.
 */
export function customerSuccessTeamName(companyName: string): string {
  const company = companyName.trim();
  if (company === "") return CUSTOMER_SUCCESS_TEAM.team;
  return /\bcustomer success$/i.test(company) ? company : `${company} ${CUSTOMER_SUCCESS_TEAM.team}`;
}

/** The attendees as text, the Customer Success team named after `companyName` (blank → `Customer Success`). */
export function attendeeNames(attendees: readonly Attendee[], companyName = ""): string[] {
  return attendees.map((attendee) =>
    typeof attendee === "string" ? attendee : customerSuccessTeamName(companyName),
  );
}

/**
 * Attendees as the review calendar writes them, joined with ` + `: `NorthAI Customer Success +
 * agency PM` for the company name `NorthAI`, `Customer Success + agency PM` without one.
 */
export function formatAttendees(attendees: readonly Attendee[], companyName = ""): string {
  return attendeeNames(attendees, companyName).join(" + ");
}
