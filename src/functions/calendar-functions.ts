// REVIEW_TYPE and FISCAL_QUARTER custom functions over date cells.
import { reviewTypeFor } from "../domain/cadence/review-cadence";
import { type CadenceAccount, type ReviewSchedule, reviewSchedule } from "../domain/cadence/review-schedule";
import { fiscalQuarterOf, parseFiscalYearStart } from "../domain/calendar/fiscal-quarter";
import { type CellValue, describeValue, isBlank, isGrid } from "../domain/cell-value";
import { toIsoDate } from "../domain/civil-date";
import { readSegment, type Segment } from "../domain/segment";
import { columnLetter } from "../domain/workbook/cell-address";
import { parseSettings, readFiscalYearStart } from "../domain/workbook/parse-settings";
import { isWorkbookProblem } from "../domain/workbook/workbook-problem";
import { ArgumentError, mustBe } from "./argument-error";
import { callWallClock, type WallClockSource } from "./call-wall-clock";
import { type CellResult, mapCells } from "./map-cells";
import { readCivilDate } from "./read-date";

/** Reads the workbook's Settings tab (`getValues()` of its data range), or null when there is none. */
export type ReadSettingsTab = () => CellValue[][] | null;

/** Reads `REVIEW_TYPE`'s segment argument: blank is Federal (the calendar before segments existed). */
function readSegmentArgument(fn: string, value: CellValue): Segment {
  const reading = readSegment(value);
  if (reading === null) return "Federal";
  if ("value" in reading) return reading.value;
  throw mustBe(fn, "segment", `${reading.expected} (or blank for Federal)`, describeValue(value));
}

/**
 * The review type of a review date for an account that went live on `goLiveDate`: the federal
 * calendar (Month 1/3/6/9/12 with option years) by default or for `Federal`, the commercial lifecycle
 * (30/60/90-day onboarding check-ins, quarterly business reviews, renewal reviews) for `Commercial`.
 * `renewalDate` places a commercial account's renewal reviews (blank: the anniversaries of go-live);
 * the federal calendar does not use it. Blank when the go-live or review date is blank. Every
 * argument may be a range; the dates of the whole call are read with one planned wall clock, and
 * each distinct account's calendar is built once.
 */
export function reviewTypeFunction(
  goLiveDate: unknown,
  reviewDate: unknown,
  segment: unknown,
  renewalDate: unknown,
  clock: WallClockSource,
) {
  const fn = "REVIEW_TYPE";
  const readWallClock = callWallClock(clock, [goLiveDate, reviewDate, renewalDate]);
  const schedules = new Map<string, ReviewSchedule>();
  const scheduleOf = (account: CadenceAccount): ReviewSchedule => {
    const renewal = account.renewalDate ? toIsoDate(account.renewalDate) : "";
    const key = `${account.segment}|${toIsoDate(account.goLive)}|${renewal}`;
    let schedule = schedules.get(key);
    if (schedule === undefined) {
      schedule = reviewSchedule(account);
      schedules.set(key, schedule);
    }
    return schedule;
  };
  return mapCells(
    fn,
    [
      { name: "go-live date", value: goLiveDate },
      { name: "review date", value: reviewDate },
      { name: "segment", value: segment },
      { name: "renewal date", value: renewalDate },
    ],
    (cells): CellResult => {
      const goLive = readCivilDate(fn, "go-live date", cells[0], readWallClock);
      const review = readCivilDate(fn, "review date", cells[1], readWallClock);
      const accountSegment = readSegmentArgument(fn, cells[2]);
      const renewal = readCivilDate(fn, "renewal date", cells[3], readWallClock);
      if (goLive === null || review === null) return "";
      if (accountSegment === "Federal") return reviewTypeFor(goLive, review).type;
      return scheduleOf({ segment: accountSegment, goLive, renewalDate: renewal }).reviewOn(review).type;
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
