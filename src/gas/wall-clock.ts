// Reads instants on the spreadsheet's wall clock with Utilities.formatDate, for the domain's civil-date math.
import type { ReadWallClock, WallClock } from "../domain/civil-date";

/** The spreadsheet's time zone, or the script's when no spreadsheet is open. */
export function spreadsheetTimeZone(): string {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return spreadsheet ? spreadsheet.getSpreadsheetTimeZone() : Session.getScriptTimeZone();
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
    const parts = Utilities.formatDate(date, timeZone, "yyyy-MM-dd-HH-mm-ss").split("-").map(Number);
    const clock = {
      year: parts[0],
      month: parts[1],
      day: parts[2],
      hour: parts[3],
      minute: parts[4],
      second: parts[5],
    };
    memo.set(instant, clock);
    return clock;
  };
}
