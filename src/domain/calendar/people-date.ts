// Dates and times as a person reads them in an email or a message: `Tue Dec 1, 9:00 AM ET`.
import type { CivilDate, WallClock } from "../civil-date";
import { dayOfWeek } from "../civil-date";
import { shortMonthName } from "./month-names";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/**
 * Short names of the zones people say by their generic name (no daylight-saving letter to get
 * wrong): `America/New_York` → `ET`.
 */
const ZONE_LABELS: Readonly<Record<string, string>> = {
  "America/New_York": "ET",
  "America/Detroit": "ET",
  "America/Indiana/Indianapolis": "ET",
  "America/Kentucky/Louisville": "ET",
  "US/Eastern": "ET",
  "America/Chicago": "CT",
  "US/Central": "CT",
  "America/Denver": "MT",
  "America/Boise": "MT",
  "America/Phoenix": "MST",
  "US/Mountain": "MT",
  "America/Los_Angeles": "PT",
  "US/Pacific": "PT",
  "America/Anchorage": "AKT",
  "Pacific/Honolulu": "HT",
  "America/Puerto_Rico": "AST",
  "Pacific/Guam": "ChST",
  "Etc/UTC": "UTC",
  "Etc/GMT": "GMT",
  UTC: "UTC",
  GMT: "GMT",
  "Europe/London": "UK time",
};

/**
 * The label of a time zone after a time: `ET` for America/New_York, `UTC`; for a zone without a
 * common short name, its place (`Berlin time` for Europe/Berlin). `""` when no zone is given.
 */
export function zoneLabel(timeZone: string | undefined): string {
  if (!timeZone) return "";
  const known = ZONE_LABELS[timeZone];
  if (known) return known;
  const place = timeZone.slice(timeZone.lastIndexOf("/") + 1).replace(/_/g, " ");
  return `${place} time`;
}

/** `Tue Dec 1`, with `, 2027` when `withYear`. */
export function formatPeopleDay(day: CivilDate, withYear = false): string {
  const text = `${WEEKDAYS[dayOfWeek(day)]} ${shortMonthName(day.month)} ${day.day}`;
  return withYear ? `${text}, ${day.year}` : text;
}

/** `9:00 AM`, `12:30 PM`. */
export function formatPeopleTime(clock: Pick<WallClock, "hour" | "minute">): string {
  const hour12 = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
  return `${hour12}:${String(clock.minute).padStart(2, "0")} ${clock.hour < 12 ? "AM" : "PM"}`;
}

/**
 * A moment as a person reads it: `Tue Dec 1, 9:00 AM ET`; a date without a time (midnight) as
 * `Tue Dec 1`. The year is shown when it is not `thisYear`, or always with `withYear`.
 */
export function formatPeopleMoment(
  clock: WallClock,
  options: { hasTime: boolean; timeZone?: string; thisYear?: number; withYear?: boolean },
): string {
  const withYear = options.withYear ?? (options.thisYear !== undefined && clock.year !== options.thisYear);
  const day = formatPeopleDay(clock, withYear);
  if (!options.hasTime) return day;
  const zone = zoneLabel(options.timeZone);
  return `${day}, ${formatPeopleTime(clock)}${zone ? ` ${zone}` : ""}`;
}
