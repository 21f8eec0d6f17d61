// REVIEW_TYPE and FISCAL_QUARTER custom functions over date cells.
import { reviewTypeFor } from "../domain/cadence/review-cadence";
import { fiscalQuarterOf, parseFiscalYearStart } from "../domain/calendar/fiscal-quarter";
import { type CellValue, describeValue, isBlank, isGrid } from "../domain/cell-value";
import { columnLetter } from "../domain/workbook/cell-address";
import { parseSettings, readFiscalYearStart } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import { ArgumentError } from "./argument-error";
import { callWallClock, type WallClockSource } from "./call-wall-clock";
import { type CellResult, mapCells } from "./map-cells";
import { readCivilDate } from "./read-date";

/** Reads the workbook's Settings tab (`getValues()` of its data range), or null when there is none. */
export type ReadSettingsTab = () => CellValue[][] | null;

/** The seed 000 review type for a review date, counted in months since go-live; blank if either is blank. */
export function reviewTypeFunction(goLiveDate: unknown, reviewDate: unknown, clock: WallClockSource) {
  const fn = "REVIEW_TYPE";
  const readWallClock = callWallClock(clock, [goLiveDate, reviewDate]);
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

/**
 * The first month of the fiscal year when FISCAL_QUARTER has no start month: `Settings` ›
 * `Fiscal year starts`, read as the scan reads it; January without a Settings tab, a Setting/Value
 * table, that row or a value. A value that is not a month is an error on the cell rather than a quiet
 * January: quarters labelled from the wrong month look right and are wrong.
 */
function settingsFiscalYearStart(fn: string, readSettingsTab: ReadSettingsTab): number {
  const values = readSettingsTab();
  if (values === null) return 1;
  const parsed = parseSettings(values);
  if (isWorkbookProblem(parsed)) return 1;
  const row = parsed.rows["Fiscal year starts"];
  if (row === undefined) return 1;
  const value = values[row - 1]?.[parsed.columns.Value - 1];
  if (isBlank(value)) return 1;
  const reading = readFiscalYearStart(value);
  if ("value" in reading) return reading.value;
  throw new ArgumentError(
    `${fn}: Settings › Fiscal year starts (${columnLetter(parsed.columns.Value)}${row}) must be ${reading.expected}, ` +
      `got ${describeValue(value)}; correct it there or give the start month as the second argument`,
  );
}

/**
 * `FY27 Q1`-style labels; the fiscal year is named after the calendar year in which it ends. Without
 * `fyStartMonth` the year starts at Settings › Fiscal year starts (read once, and only when there is
 * a date to label), else in January.
 */
export function fiscalQuarterFunction(
  date: unknown,
  fyStartMonth: unknown,
  clock: WallClockSource,
  readSettingsTab: ReadSettingsTab = () => null,
) {
  const fn = "FISCAL_QUARTER";
  let start: number;
  try {
    start = parseFiscalYearStart(fyStartMonth, fn);
  } catch (error) {
    throw new ArgumentError((error as Error).message);
  }
  const dates = isGrid(date) ? date.flat() : [date];
  if (isBlank(fyStartMonth) && !dates.every(isBlank)) start = settingsFiscalYearStart(fn, readSettingsTab);
  const readWallClock = callWallClock(clock, [date]);
  return mapCells(fn, [{ name: "date", value: date }], (cells): CellResult => {
    const civil = readCivilDate(fn, "date", cells[0], readWallClock);
    return civil === null ? "" : fiscalQuarterOf(civil, start).label;
  });
}
