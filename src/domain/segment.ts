// The account segment (Federal or Commercial): what it is and how a cell naming it is read.
import { isBlank } from "./cell-value";

/**
 * The kind of customer an account is: `Federal` (an agency contract: CPARS, option years, the
 * contracting officer) or `Commercial` (the SaaS lifecycle: onboarding, business reviews, renewal).
 */
export type Segment = "Federal" | "Commercial";

/** Every segment, in the order messages list them. */
export const SEGMENTS: readonly Segment[] = ["Federal", "Commercial"];

/** What a segment cell must hold, in the words of an error message. */
export const SEGMENT_EXPECTED = "Federal or Commercial";

/** A segment read from a cell: the segment, or (for anything else) what the cell should have held. */
export type SegmentReading = { value: Segment } | { expected: string };

/** The segment a text names: `federal`, ` COMMERCIAL ` (any case, spaces around ignored); else `undefined`. */
export function parseSegment(text: string): Segment | undefined {
  const word = text.trim().toLowerCase();
  return SEGMENTS.find((segment) => segment.toLowerCase() === word);
}

/**
 * Reads a `Segment` cell (an account tab's header row, `Settings` › `Default segment`, the third
 * argument of `REVIEW_TYPE`). A blank cell gives `null`: the caller applies its default. Text naming
 * a segment, in any case, gives it; anything else (another word, a number, a date, `TRUE`) is reported
 * as `{ expected }` and never guessed, so a typo such as `Comercial` is shown to the user rather than
 * read as the default.
 */
export function readSegment(value: unknown): SegmentReading | null {
  if (isBlank(value)) return null;
  const segment = typeof value === "string" ? parseSegment(value) : undefined;
  return segment ? { value: segment } : { expected: SEGMENT_EXPECTED };
}

/** Which accounts a catalog row or rule is for: every account, or one segment's. */
export type SegmentScope = "All" | Segment;

/** What a `Segment` column cell must hold, in the words of an error message. */
export const SEGMENT_SCOPE_EXPECTED = "All, Federal or Commercial (blank = All)";

/** Reads a `Segment` column cell of the KPI Catalog or Escalation Rules: blank or `All` → All; `undefined` when it is neither a segment nor All. */
export function readSegmentScope(value: unknown): SegmentScope | undefined {
  if (isBlank(value)) return "All";
  if (typeof value !== "string") return undefined;
  if (value.trim().toLowerCase() === "all") return "All";
  return parseSegment(value);
}

/** True when a row scoped to `scope` is for an account of `segment`. */
export function inSegment(scope: SegmentScope, segment: Segment): boolean {
  return scope === "All" || scope === segment;
}
