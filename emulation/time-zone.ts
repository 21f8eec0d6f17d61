// Wall-clock readings and offsets of an instant in an IANA time zone, through Intl.

/** The wall clock of an instant in a time zone. `month` is 1–12, `weekday` 0 = Sunday … 6 = Saturday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const UTC_ZONES = new Set([
  "UTC",
  "Etc/UTC",
  "GMT",
  "Etc/GMT",
  "Etc/Universal",
  "Etc/Zulu",
  "Universal",
  "Zulu",
]);
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name that Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Reads instant `ms` on the wall clock of `timeZone`. Throws a RangeError for an unknown zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  if (UTC_ZONES.has(timeZone)) {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
      weekday: d.getUTCDay(),
    };
  }
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === "BC" || parts.era === "B") year = 1 - year;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (New York in winter: −5 h). */
export function zoneOffsetMillis(ms: number, timeZone: string): number {
  if (UTC_ZONES.has(timeZone)) return 0;
  const p = zonedParts(ms, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  const asUtc = new Date(wall);
  if (p.year < 100) asUtc.setUTCFullYear(p.year);
  return asUtc.getTime() - ms;
}

/** A wall-clock reading in a time zone; missing time fields are 0. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

/** The instant at which `timeZone`'s wall clock shows `wall`: the earlier one in a DST overlap, shifted forward in a gap. */
export function zonedTimeToMillis(wall: WallTime, timeZone: string): number {
  const naive = new Date(
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0),
  );
  if (wall.year < 100 && wall.year >= 0) naive.setUTCFullYear(wall.year);
  const guess = naive.getTime() + (wall.millisecond ?? 0);
  if (UTC_ZONES.has(timeZone)) return guess;
  const first = guess - zoneOffsetMillis(guess, timeZone);
  const second = guess - zoneOffsetMillis(first, timeZone);
  const exact = [first, second].filter(
    (candidate) => candidate + zoneOffsetMillis(candidate, timeZone) === guess,
  );
  return exact.length > 0 ? Math.min(...exact) : first;
}

/** Short zone name as Java prints it for `z` (`EST`, `EDT`, `UTC`, `GMT+05:30`). */
export function zoneShortName(ms: number, timeZone: string): string {
  if (UTC_ZONES.has(timeZone)) return timeZone.includes("GMT") ? "GMT" : "UTC";
  const name = zoneNamePart(ms, timeZone, "short");
  const gmt = /^GMT([+-])(\d{1,2})(?::(\d{2}))?$/.exec(name);
  if (gmt) return `GMT${gmt[1]}${gmt[2].padStart(2, "0")}:${gmt[3] ?? "00"}`;
  return name;
}

/** Long zone name (`Eastern Standard Time`). */
export function zoneLongName(ms: number, timeZone: string): string {
  if (UTC_ZONES.has(timeZone))
    return timeZone.includes("GMT") ? "Greenwich Mean Time" : "Coordinated Universal Time";
  return zoneNamePart(ms, timeZone, "long");
}

function zoneNamePart(ms: number, timeZone: string, style: "short" | "long"): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: style }).formatToParts(
    new Date(ms),
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
