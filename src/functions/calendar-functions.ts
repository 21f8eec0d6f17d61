// REVIEW_TYPE and FISCAL_QUARTER custom functions over date cells.
import { reviewTypeFor } from "../domain/cadence/review-cadence";
import { fiscalQuarterOf, parseFiscalYearStart } from "../domain/calendar/fiscal-quarter";
import type { ReadWallClock } from "../domain/civil-date";
import { ArgumentError } from "./argument-error";
import { type CellResult, mapCells } from "./map-cells";
import { readCivilDate } from "./read-date";

/** The seed 000 review type for a review date, counted in months since go-live; blank if either is blank. */
export function reviewTypeFunction(goLiveDate: unknown, reviewDate: unknown, readWallClock: ReadWallClock) {
  const fn = "REVIEW_TYPE";
  return mapCells(
    fn,
    [
      { name: "go-live date", value: goLiveDate },
      { name: "review date", value: reviewDate },
    ],
    (cells): CellResult => {
      const goLive = readCivilDate(fn, "go-live date", cells[0], readWallClock);
      const review = readCivilDate(fn, "review date", cells[1], readWallClock);
      if (goLive === null || review === null) return "";
      return reviewTypeFor(goLive, review).type;
    },
  );
}

/** `FY27 Q1`-style labels; the fiscal year is named after the calendar year in which it ends. */
export function fiscalQuarterFunction(date: unknown, fyStartMonth: unknown, readWallClock: ReadWallClock) {
  const fn = "FISCAL_QUARTER";
  let start: number;
  try {
    start = parseFiscalYearStart(fyStartMonth, fn);
  } catch (error) {
    throw new ArgumentError((error as Error).message);
  }
  return mapCells(fn, [{ name: "date", value: date }], (cells): CellResult => {
    const civil = readCivilDate(fn, "date", cells[0], readWallClock);
    return civil === null ? "" : fiscalQuarterOf(civil, start).label;
  });
}
