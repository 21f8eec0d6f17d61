// One kind of review on a segment's calendar: its type, suggested attendees and agenda skeleton.
import type { Segment } from "../segment";
import type { Attendee } from "./attendees";

/** A row of a segment's review calendar (the federal Month 1/3/6/9/12 table, or a commercial lifecycle review). */
export interface ReviewKind {
  /** The segment whose calendar holds it. */
  segment: Segment;
  /** A stable identifier: `federal-month-6`, `commercial-onboarding-30`, `commercial-qbr`, `commercial-renewal`. */
  key: string;
  /** The review type as `REVIEW_TYPE` returns it (before any `(option year N)`), e.g. `Quarterly business review`. */
  type: string;
  /** A remark on the type, if any (`inline with onboarding Step 4`). */
  note?: string;
  /** Suggested attendees in order; the vendor's team is {@link CUSTOMER_SUCCESS_TEAM}, named when shown. */
  attendees: readonly Attendee[];
  /** The numbered agenda skeleton, in order (item 1 first); one review outcome per item. */
  agenda: readonly string[];
}

/** Review-type text reduced for matching: no `( … )` remarks, single spaces, lower case. */
export function reviewTypeKey(reviewType: string): string {
  return reviewType
    .replace(/\([^)]*\)/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
