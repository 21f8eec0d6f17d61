// The status colours of the review tab and the Portfolio: the scan's severity colours plus OK and No data.
import { SEVERITY_COLORS } from "./scan/severity-colors";
import type { Severity } from "./workbook-schema";

/** A status tone: a severity, `OK` (met / healthy), or `No data`. */
export type StatusTone = Severity | "OK" | "No data";

/**
 * Background colour of each tone. Severities are exactly the colours the scan paints on breaching
 * cells (src/domain/scan/severity-colors.ts), so a review's statuses read like the account tab's
 * highlights; OK is Sheets' light green 3 and No data light grey 2.
 */
export const STATUS_COLORS: Readonly<Record<StatusTone, string>> = {
  ...SEVERITY_COLORS,
  OK: "#d9ead3",
  "No data": "#efefef",
};

/** The background colour of a tone. */
export function toneColor(tone: StatusTone): string {
  return STATUS_COLORS[tone];
}
