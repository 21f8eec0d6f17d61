// Reads date-time cells (an incident's Started, Resolved): a Date as it is, or date-time text read on the spreadsheet's wall clock.
import type { CellValue } from "../cell-value";
import { isBlank, isDate } from "../cell-value";
import type { ReadWallClock, WallClock } from "../civil-date";
import { formatWallClock } from "../civil-date";
import { parseDateText } from "./date-text";

/** Milliseconds of a wall-clock reading taken as if it were UTC. */
function wallMillis(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/**
 * The instant at which the spreadsheet's wall clock reads `clock`. In the hour a daylight-saving
 * change skips (02:30 on a spring-forward day in New York) there is no such instant; the answer is
 * then the instant the same number of minutes after the clock change (03:30), as Sheets does for a
 * typed date-time. In the hour that repeats, the first (daylight-time) reading is taken.
 */
export function dateOfWallClock(clock: WallClock, readWallClock: ReadWallClock): Date {
  const wanted = wallMillis(clock);
  const offsetAt = (instant: number) => wallMillis(readWallClock(new Date(instant))) - instant;
  // The offsets a day either side cover any clock change near the wanted reading.
  const offsets = [offsetAt(wanted - 86_400_000), offsetAt(wanted + 86_400_000)];
  const matches = offsets
    .map((offset) => wanted - offset)
    .filter((instant) => offsetAt(instant) + instant === wanted);
  if (matches.length > 0) return new Date(Math.min(...matches));
  // A skipped reading: counted on the offset before the change.
  return new Date(wanted - offsets[0]);
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$/i;

/**
 * Reads date-time text: a date that {@link parseDateText} reads (`2026-03-04`, `3/4/2026`,
 * `Mar 4, 2026`) followed by a time (`14:30`, `2:30 PM`, `14:30:15`), separated by a space, a
 * `T` or a comma. A date alone is midnight. Returns `null` for anything else or an impossible time.
 */
export function parseDateTimeText(text: string): WallClock | null {
  const trimmed = text.trim();
  const alone = parseDateText(trimmed);
  if (alone) return { ...alone, hour: 0, minute: 0, second: 0 };
  const split = /^(.*?\d)(?:\s*,\s*|\s+|T)(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]m)?)$/i.exec(trimmed);
  if (!split) return null;
  const day = parseDateText(split[1]);
  const time = CLOCK.exec(split[2]);
  if (!day || !time) return null;
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = Number(time[3] ?? 0);
  const meridiem = time[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { ...day, hour, minute, second };
}

/**
 * Reads a date-time cell: a valid `Date` as it is (a date cell is local midnight), or text that
 * {@link parseDateTimeText} reads, on the spreadsheet's wall clock. `null` for a blank cell,
 * `undefined` for anything unreadable (numbers included: a bare serial is not a date a user typed).
 */
export function readDateTimeCell(value: CellValue, readWallClock: ReadWallClock): Date | null | undefined {
  if (isBlank(value)) return null;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value !== "string") return undefined;
  const clock = parseDateTimeText(value);
  return clock ? dateOfWallClock(clock, readWallClock) : undefined;
}

/** An instant on the spreadsheet's wall clock as `2026-03-04 14:30`. */
export function formatInstant(instant: Date | number, readWallClock: ReadWallClock): string {
  return formatWallClock(readWallClock(typeof instant === "number" ? new Date(instant) : instant));
}
