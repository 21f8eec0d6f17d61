// What the Portfolio ranks accounts by: open escalations by severity, overdue ones, and the health band.
import { bandSeverity, healthBand } from "../metrics/health-band";
import { nameKey } from "../scan/breach-key";
import type { EscalationStatus } from "../workbook/escalation-status";
import type { Severity } from "../workbook-schema";

/** The fields of an Escalation Log row the Portfolio counts. */
export interface PortfolioEscalation {
  account: string;
  severity: Severity | null;
  status: EscalationStatus;
  due: Date | null;
}

/** One account's unresolved escalations. */
export interface OpenEscalations {
  Critical: number;
  Warning: number;
  Watch: number;
  /** Open or Acknowledged (not snoozed) rows whose Due has passed. */
  overdue: number;
}

const NONE: OpenEscalations = { Critical: 0, Warning: 0, Watch: 0, overdue: 0 };

/** Unresolved escalations per account (by the scan's account-name key), counted at `now`. */
export function openEscalationsByAccount(
  entries: readonly PortfolioEscalation[],
  now: Date,
): Map<string, OpenEscalations> {
  const counts = new Map<string, OpenEscalations>();
  for (const entry of entries) {
    if (entry.status.kind === "Resolved") continue;
    const key = nameKey(entry.account);
    const count = counts.get(key) ?? { ...NONE };
    if (entry.severity) count[entry.severity] += 1;
    if (entry.status.kind !== "Snoozed" && entry.due && entry.due.getTime() < now.getTime())
      count.overdue += 1;
    counts.set(key, count);
  }
  return counts;
}

/** An account's counts (zeros when it has none). */
export function openEscalationsOf(
  counts: ReadonlyMap<string, OpenEscalations>,
  account: string,
): OpenEscalations {
  return counts.get(nameKey(account)) ?? NONE;
}

/** `1 Critical · 2 Warning`, most severe first; `none` without open escalations. */
export function openBySeverityText(open: OpenEscalations): string {
  const parts = (["Critical", "Warning", "Watch"] as const)
    .filter((severity) => open[severity] > 0)
    .map((severity) => `${open[severity]} ${severity}`);
  return parts.length === 0 ? "none" : parts.join(" · ");
}

/** What an account is ranked by. */
export interface RiskFacts {
  account: string;
  open: OpenEscalations;
  /** The latest health score, or null without data. */
  score: number | null;
}

/** How bad a band is: 3 for the worst band, 0 for the best; -1 without a score (ranked after every band). */
function bandRisk(score: number | null, cutoffs: readonly number[] | undefined): number {
  if (score === null) return -1;
  const severity = bandSeverity(healthBand(score, cutoffs));
  return severity === "Critical" ? 3 : severity === "Warning" ? 2 : severity === "Watch" ? 1 : 0;
}

/**
 * Orders accounts most at risk first: more open Critical escalations, then more overdue ones, then
 * the worse health band, then the lower score, then by name (accounts without a score after those
 * with one in the same place).
 */
export function compareRisk(a: RiskFacts, b: RiskFacts, cutoffs?: readonly number[]): number {
  return (
    b.open.Critical - a.open.Critical ||
    b.open.overdue - a.open.overdue ||
    bandRisk(b.score, cutoffs) - bandRisk(a.score, cutoffs) ||
    (a.score ?? 101) - (b.score ?? 101) ||
    a.account.localeCompare(b.account)
  );
}
