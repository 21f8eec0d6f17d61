// Since when outages are tracked on the Incidents tab: the start of its first incident, any account's.

import type { Incident } from "../workbook/parse-incidents";

/**
 * The start of the earliest incident on the Incidents tab (any account): the team logs outages there
 * since. Availability measured from incidents speaks only for months that end after it; a month that
 * ended before keeps what was typed for it (or stays blank), never claimed as 100% from the absence
 * of incidents nobody was logging yet. `null` when the tab holds no incident.
 */
export function incidentsTrackedFrom(incidents: readonly Incident[] | null): Date | null {
  let first: Date | null = null;
  for (const incident of incidents ?? []) if (!first || incident.started < first) first = incident.started;
  return first;
}

/** True for a span (a month) that ended before incidents were tracked: incidents say nothing of it. */
export function beforeTracking(span: { end: number }, trackedFrom: Date | null): boolean {
  return trackedFrom === null || span.end <= trackedFrom.getTime();
}
