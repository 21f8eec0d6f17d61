// What the log and the digest say of an incident judged on its time to remediate: which one, how long, when.
import type { ReadWallClock } from "../civil-date";
import { formatWallClock } from "../civil-date";
import { formatDuration } from "./duration-text";
import type { RemediationTime } from "./remediation";

/**
 * `INC-7 Database failover (P1): 9.0 h to remediate, 2026-10-09 14:05 to 2026-10-09 23:05`, or for an
 * open incident `INC-9 Search down (P1): open 5.2 h so far, since 2026-11-23 02:00`; times on the
 * spreadsheet's clock.
 */
export function describeIncidentTime(time: RemediationTime, readWallClock: ReadWallClock): string {
  const { incident } = time;
  const at = (date: Date) => formatWallClock(readWallClock(date));
  const name = `${incident.id}${incident.summary ? ` ${incident.summary}` : ""} (${incident.priority})`;
  return time.open
    ? `${name}: open ${formatDuration(time.minutes)} so far, since ${at(incident.started)}`
    : `${name}: ${formatDuration(time.minutes)} to remediate, ${at(incident.started)} to ${at(incident.resolved as Date)}`;
}
