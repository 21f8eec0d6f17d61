// Which figure a metric measured `from Incidents` takes from the Incidents tab: availability or time to remediate.
import type { Priority } from "../workbook-schema";

/** What a `from Incidents` metric measures. */
export type IncidentMeasure =
  /** Uptime (`System uptime`): the month's availability, and its rolling windows. */
  | { kind: "availability" }
  /** Time to remediate (`MTTR - P1`), per incident, of one priority or (`null`) all of them. */
  | { kind: "remediation"; priority: Priority | null };

const REMEDIATION = /\bmttr\b|\btime to (remediate|remediation|resolve|resolution|restore|repair|recover)\b/i;
const AVAILABILITY = /\b(uptime|availability|available)\b/i;
const PRIORITY = /\bp\s*-?\s*([1-4])\b/i;

/**
 * True for a catalog `Measurement method` saying the value is computed from the Incidents tab
 * (`from Incidents`, `From incidents tab`), ignoring case and spaces.
 */
export function isFromIncidents(method: string): boolean {
  return /^from\s+(the\s+)?incidents?(\s+tab)?\.?$/i.test(method.trim());
}

/**
 * What a metric measured from incidents computes, from its name: time to remediate when the name
 * says MTTR or "time to remediate/resolve/restore" (of the priority it names: `MTTR - P1`, `Mean time
 * to remediate (MTTR) - P1`; every priority when it names none), availability when it says uptime or
 * availability (`System uptime`), else `undefined`: the caller reports the metric rather than guess.
 */
export function incidentMeasure(metricName: string): IncidentMeasure | undefined {
  if (REMEDIATION.test(metricName)) {
    const priority = PRIORITY.exec(metricName);
    return { kind: "remediation", priority: priority ? (`P${priority[1]}` as Priority) : null };
  }
  return AVAILABILITY.test(metricName) ? { kind: "availability" } : undefined;
}
