// A response's due as one instant: a due time as given, a due day as the end of that day (23:59) on the spreadsheet's clock.
import type { ReadWallClock, WallClock } from "../civil-date";
import { dateOfWallClock } from "../workbook/date-time-cells";
import type { DueDate } from "./response-window";

/** The minute a due day ends: a due given in days is met by 23:59 of that day. */
const END_OF_DAY = { hour: 23, minute: 59 } as const;

/**
 * The instant a response is due: its time when the window gives one (`24 hours` → the opening time
 * a day later), else the end of its due day (`5 business days`, `immediately` = the same day, by
 * 23:59), so the log's one date-time format never shows a due day as its midnight (which read as
 * before the escalation was opened).
 */
export function dueMoment(due: DueDate, readWallClock: ReadWallClock): Date {
  const at = due.dueAt
    ? { ...due.dueAt.date, hour: due.dueAt.hour, minute: due.dueAt.minute, second: 0 }
    : { ...due.due, ...END_OF_DAY, second: 0 };
  return dateOfWallClock(at, readWallClock);
}

/**
 * True for a Due that stands for a whole day: 23:59 (written by {@link dueMoment}) or midnight
 * (logs written before due days had a time). It is met by the end of that day.
 */
export function isDueDay(clock: Pick<WallClock, "hour" | "minute" | "second">): boolean {
  const midnight = clock.hour === 0 && clock.minute === 0 && clock.second === 0;
  return midnight || (clock.hour === END_OF_DAY.hour && clock.minute === END_OF_DAY.minute);
}
