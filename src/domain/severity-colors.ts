// The one set of status colours the add-in paints with: scan highlights, review tab statuses, Portfolio bands.
import type { Severity } from "./workbook-schema";

/** A status tone: a severity, `OK` (met / healthy), or `No data`. */
export type StatusTone = Severity | "OK" | "No data";

/**
 * Background colour of each tone (Google Sheets' light yellow 3, light orange 3, light red 3,
 * light green 3 and light grey 2): mildest to worst, readable under black text and in print.
 */
export const SEVERITY_COLORS: Readonly<Record<StatusTone, string>> = {
  OK: "#d9ead3",
  Watch: "#fff2cc",
  Warning: "#fce5cd",
  Critical: "#f4cccc",
  "No data": "#efefef",
};

/** The background colour of a tone. */
export function toneColor(tone: StatusTone): string {
  return SEVERITY_COLORS[tone];
}
