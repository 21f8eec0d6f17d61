// Reads a date argument of a custom function as a civil date on the spreadsheet's calendar.

import { describeValue, isBlank, isDate } from "../domain/cell-value";
import { type CivilDate, parseIsoDate, type ReadWallClock } from "../domain/civil-date";
import { mustBe } from "./argument-error";

/**
 * A date cell (a `Date`, read on the spreadsheet's wall clock) or ISO text "2026-10-15";
 * blank gives null. Numbers, other text and invalid dates throw naming fn and argument.
 */
export function readCivilDate(
  fn: string,
  argument: string,
  value: unknown,
  readWallClock: ReadWallClock,
): CivilDate | null {
  if (isBlank(value)) return null;
  if (isDate(value) && !Number.isNaN(value.getTime())) {
    const { year, month, day } = readWallClock(value);
    return { year, month, day };
  }
  if (typeof value === "string") {
    const parsed = parseIsoDate(value);
    if (parsed) return parsed;
  }
  throw mustBe(fn, argument, "a date (a date cell or text like 2026-10-15)", describeValue(value));
}
