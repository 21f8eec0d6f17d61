// The wall clock a custom function reads its date cells with: planned over every date of the call, on first use.
import { isDate, isGrid } from "../domain/cell-value";
import type { ReadWallClock } from "../domain/civil-date";
import type { PlannedWallClock } from "../domain/zone-wall-clock";

/** What a custom function reads dates with: a plain reader (tests, UTC) or a planned one (Apps Script). */
export type WallClockSource = ReadWallClock | PlannedWallClock;

/** Every valid `Date` among the arguments, single values or ranges. */
function datesIn(args: readonly unknown[]): Date[] {
  const dates: Date[] = [];
  const add = (value: unknown) => {
    if (isDate(value) && !Number.isNaN(value.getTime())) dates.push(value);
  };
  for (const arg of args) {
    if (isGrid(arg)) for (const row of arg) row.forEach(add);
    else add(arg);
  }
  return dates;
}

/**
 * The reader for one call of a custom function. A planned source is told every date in `args` when the
 * first date is read, so reading a whole column costs a few service calls, and a call that reads no
 * date costs none.
 */
export function callWallClock(source: WallClockSource, args: readonly unknown[]): ReadWallClock {
  if (typeof source === "function") return source;
  let planned = false;
  return (date) => {
    if (!planned) {
      planned = true;
      source.plan(datesIn(args));
    }
    return source.read(date);
  };
}
