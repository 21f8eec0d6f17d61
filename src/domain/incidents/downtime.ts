// An account's downtime from its incidents: the outages that affect availability, merged so overlaps count once.
import type { Incident } from "../workbook/parse-incidents";
import { normalizeHeader } from "../workbook-schema";

/** One minute in milliseconds: availability is measured to the minute. */
export const MINUTE_MS = 60_000;

/** An incident's outage as counted: its start and end, whole minutes, up to `now` while it is open. */
export interface Outage {
  incident: Incident;
  start: number;
  end: number;
}

/** A stretch of continuous downtime (overlapping outages merged), with the outages in it. */
export interface DowntimeInterval {
  start: number;
  end: number;
  outages: Outage[];
}

/** An account's downtime, ready for questions about any span of time. */
export interface Downtime {
  account: string;
  /** The instant downtime is counted up to (the minute of `now`). */
  now: number;
  /** Merged intervals, in time order, not touching each other. */
  intervals: readonly DowntimeInterval[];
  /** Milliseconds of downtime within `[from, to)`. */
  between(from: number, to: number): number;
  /** The outages that overlap `[from, to)` (by a positive amount), by start. */
  outagesBetween(from: number, to: number): Outage[];
}

const floorMinute = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;
const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE_MS) * MINUTE_MS;

/** The incidents of one account (names matched case- and space-insensitively). */
export function incidentsOf(incidents: readonly Incident[], account: string): Incident[] {
  const key = normalizeHeader(account);
  return incidents.filter((incident) => normalizeHeader(incident.account) === key);
}

/**
 * The downtime of `account` from the incidents that affect availability. Each outage runs from the
 * minute it started to the minute it was resolved (a minute with any downtime counts as down); an
 * open incident, or one resolved after `now`, counts up to the minute of `now`; one that starts after
 * `now` does not count yet. Overlapping or touching outages are merged, so no minute counts twice.
 */
export function accountDowntime(incidents: readonly Incident[], account: string, now: Date): Downtime {
  const nowMinute = floorMinute(now.getTime());
  const outages: Outage[] = [];
  for (const incident of incidentsOf(incidents, account)) {
    if (!incident.affectsAvailability) continue;
    const start = floorMinute(incident.started.getTime());
    const end = Math.min(incident.resolved ? ceilMinute(incident.resolved.getTime()) : nowMinute, nowMinute);
    if (end > start) outages.push({ incident, start, end });
  }
  outages.sort((a, b) => a.start - b.start || a.end - b.end);
  const intervals: DowntimeInterval[] = [];
  for (const outage of outages) {
    const last = intervals[intervals.length - 1];
    if (last && outage.start <= last.end) {
      last.end = Math.max(last.end, outage.end);
      last.outages.push(outage);
    } else intervals.push({ start: outage.start, end: outage.end, outages: [outage] });
  }
  /** Downtime before each interval, so any span costs two binary searches. */
  const before: number[] = [];
  let total = 0;
  for (const interval of intervals) {
    before.push(total);
    total += interval.end - interval.start;
  }
  /** Index of the last interval starting before `t`, or -1. */
  const lastStartingBefore = (t: number): number => {
    let low = 0;
    let high = intervals.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (intervals[middle].start < t) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  };
  /** Downtime before `t`. */
  const upTo = (t: number): number => {
    const index = lastStartingBefore(t);
    if (index < 0) return 0;
    const interval = intervals[index];
    return before[index] + Math.min(t, interval.end) - interval.start;
  };
  return {
    account,
    now: nowMinute,
    intervals,
    between: (from, to) => (to > from ? upTo(to) - upTo(from) : 0),
    outagesBetween: (from, to) => {
      const found: Outage[] = [];
      for (let index = Math.max(0, lastStartingBefore(from)); index < intervals.length; index++) {
        const interval = intervals[index];
        if (interval.start >= to) break;
        for (const outage of interval.outages) if (outage.start < to && outage.end > from) found.push(outage);
      }
      return found;
    },
  };
}
