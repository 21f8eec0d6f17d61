// Time to remediate per incident (MTTR): each incident resolved in a month, the month's mean and worst, and what is still open.
import type { ReadWallClock } from "../civil-date";
import { readWallClockUtc } from "../civil-date";
import type { Incident } from "../workbook/parse-incidents";
import type { Priority } from "../workbook-schema";
import { incidentsOf, MINUTE_MS } from "./downtime";
import { type MonthSpan, monthSpan, type ReportingMonth } from "./month-span";

/** How long an incident took to remediate, or for an open one how long it has been open so far. */
export interface RemediationTime {
  incident: Incident;
  /** Minutes from Started to Resolved (to now while open); fractional when the cells hold seconds. */
  minutes: number;
  /** True while the incident has no Resolved time: `minutes` is its age. */
  open: boolean;
}

/** Time to remediate over one month for one account. */
export interface MonthRemediation extends MonthSpan {
  account: string;
  /** The priority measured (`MTTR - P1`), or `null` for every priority. */
  priority: Priority | null;
  /** Incidents resolved within the month, in the order they were resolved. */
  resolved: RemediationTime[];
  /** Mean minutes over `resolved`; `null` when none was resolved in the month. */
  meanMinutes: number | null;
  /** The incident resolved in the month that took longest (the first of equals); `null` when none. */
  worst: RemediationTime | null;
  /** Incidents still open now that started before the month ended, oldest first, with their age. */
  open: RemediationTime[];
}

/** Options of {@link monthRemediation}. */
export interface RemediationOptions {
  account: string;
  month: ReportingMonth;
  /** Only incidents of this priority; all priorities when absent or `null`. */
  priority?: Priority | null;
  now: Date;
  /** Month boundaries are midnights on this wall clock; UTC when absent. */
  readWallClock?: ReadWallClock;
}

/** The time to remediate an incident (its age up to `now` while open). */
export function remediationTime(incident: Incident, now: Date): RemediationTime {
  const end = incident.resolved ?? now;
  return {
    incident,
    minutes: Math.max(0, end.getTime() - incident.started.getTime()) / MINUTE_MS,
    open: incident.resolved === null,
  };
}

/**
 * Time to remediate for one account and month: every incident of the priority resolved in the month
 * (whenever it started), their mean and the worst one, and the incidents still open now that started
 * before the month's end, with their age — so one 9-hour P1 is named, not hidden in an average.
 */
export function monthRemediation(
  incidents: readonly Incident[],
  options: RemediationOptions,
): MonthRemediation {
  const span = monthSpan(options.month, options.readWallClock ?? readWallClockUtc);
  const priority = options.priority ?? null;
  const now = options.now.getTime();
  const mine = incidentsOf(incidents, options.account).filter(
    (incident) => priority === null || incident.priority === priority,
  );
  const resolved = mine
    .filter((incident) => {
      const at = incident.resolved?.getTime();
      return at !== undefined && at >= span.start && at < span.end && at <= now;
    })
    .sort((a, b) => (a.resolved as Date).getTime() - (b.resolved as Date).getTime())
    .map((incident) => remediationTime(incident, options.now));
  const open = mine
    .filter((incident) => {
      const started = incident.started.getTime();
      const stillOpen = incident.resolved === null || incident.resolved.getTime() > now;
      return stillOpen && started < span.end && started <= now;
    })
    .sort((a, b) => a.started.getTime() - b.started.getTime())
    .map((incident) => ({
      ...remediationTime(incident, options.now),
      minutes: (now - incident.started.getTime()) / MINUTE_MS,
      open: true,
    }));
  let worst: RemediationTime | null = null;
  for (const time of resolved) if (!worst || time.minutes > worst.minutes) worst = time;
  const meanMinutes =
    resolved.length === 0 ? null : resolved.reduce((sum, time) => sum + time.minutes, 0) / resolved.length;
  return { ...span, account: options.account, priority, resolved, meanMinutes, worst, open };
}
