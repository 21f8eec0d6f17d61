// Background colours the scan paints on breaching cells, one per severity (also used by the review tab).
import type { Severity } from "../workbook-schema";

/**
 * Cell backgrounds by severity, lightest to darkest so they stay distinguishable without colour
 * vision: Watch light yellow, Warning orange, Critical red. Black text keeps a contrast of at least
 * 6:1 on each (WCAG AA). Lower-case `#rrggbb`, as Sheets reports backgrounds back.
 */
export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  Watch: "#fff2cc",
  Warning: "#f6b26b",
  Critical: "#e06666",
};

/** Severity rank, mildest first: Watch 0, Warning 1, Critical 2. */
export function severityRank(severity: Severity): number {
  return severity === "Critical" ? 2 : severity === "Warning" ? 1 : 0;
}
