// Reads instants on the spreadsheet's wall clock with Utilities.formatDate, for the domain's civil-date math.
import type { ReadWallClock, WallClock } from "../../domain/civil-date";
import { type PlannedWallClock, zoneWallClock } from "../../domain/zone-wall-clock";

/** The spreadsheet's time zone, or the script's when no spreadsheet is open. */
export function spreadsheetTimeZone(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet ? spreadsheet.getSpreadsheetTimeZone() : Session.getScriptTimeZone();
}

/** Reads one instant on a time zone's wall clock: one `Utilities.formatDate` call. */
function formatDateReading(date: Date, timeZone: string): WallClock {
  const parts = Utilities.formatDate(date, timeZone, "yyyy-MM-dd-HH-mm-ss").split("-").map(Number);
  return {
    year: parts[0],
    month: parts[1],
    day: parts[2],
    hour: parts[3],
    minute: parts[4],
    second: parts[5],
  };
}

/**
 * A ReadWallClock for a time zone, built on Utilities.formatDate. Readings are memoised by instant,
 * so a column of repeated dates (period headers, go-live dates) costs one service call per distinct date.
 */
export function wallClockReader(timeZone: string): ReadWallClock {
  const memo = new Map<number, WallClock>();
  return (date: Date): WallClock => {
    const instant = date.getTime();
    const known = memo.get(instant);
    if (known) return known;
    const clock = formatDateReading(date, timeZone);
    memo.set(instant, clock);
    return clock;
  };
}

/**
 * The spreadsheet's wall clock for a custom function: planned, so a column of 10,000 dates costs a
 * handful of `Utilities.formatDate` calls (see zoneWallClock), and lazy, so nothing is called, not even
 * for the time zone, until an instant is read.
 */
export function spreadsheetWallClock(): PlannedWallClock {
  let timeZone: string | undefined;
  return zoneWallClock((date) => {
    if (timeZone === undefined) timeZone = spreadsheetTimeZone();
    return formatDateReading(date, timeZone);
  });
}
