// The one set of status colours the add-in paints with: scan highlights, review tab statuses, Portfolio bands.
import type { Severity } from "./workbook-schema";

/** A status tone: a severity, `OK` (met / healthy), or `No data`. */
export type StatusTone = Severity | "OK" | "No data";

/**
 * Background colour of each tone. The severities are the colours the scan paints on breaching
 * cells (branch `scan`: src/domain/scan/severity-colors.ts — Watch light yellow, Warning orange,
 * Critical red, each at least 6:1 under black text), so a review's statuses read like the account
 * tab's highlights; OK is light green 3 and No data light grey 2. Keep the two in step (one should
 * re-export the other once both are on main).
 */
export const SEVERITY_COLORS: Readonly<Record<StatusTone, string>> = {
  OK: "#d9ead3",
  Watch: "#fff2cc",
  Warning: "#f6b26b",
  Critical: "#e06666",
  "No data": "#efefef",
};

/** The background colour of a tone. */
export function toneColor(tone: StatusTone): string {
  return SEVERITY_COLORS[tone];
}
