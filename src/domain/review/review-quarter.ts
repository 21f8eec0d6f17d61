// The quarter a review covers: its three months, its days, and where its months sit on an account tab.

import type { FiscalQuarter, QuarterRange } from "../calendar/fiscal-quarter";
import { quarterMonths, quarterRange } from "../calendar/fiscal-quarter";
import { shortMonthName } from "../calendar/month-names";
import type { CivilDate } from "../civil-date";
import { compareCivil } from "../civil-date";
import type { AccountPeriod } from "../workbook/parse-account-tab";

/** A fiscal quarter with its months and days, on a given fiscal-year start. */
export interface ReviewQuarter extends FiscalQuarter {
  /** First month of the fiscal year, 1–12 (Settings `Fiscal year starts`). */
  fyStartMonth: number;
  /** First day of each of the quarter's three months, in order. */
  months: CivilDate[];
  /** First and last day, inclusive. */
  range: QuarterRange;
}

/** The quarter `quarter` on a fiscal year starting in month `fyStartMonth`. */
export function reviewQuarter(quarter: FiscalQuarter, fyStartMonth: number): ReviewQuarter {
  return {
    ...quarter,
    fyStartMonth,
    months: quarterMonths(quarter.fiscalYear, quarter.quarter, fyStartMonth),
    range: quarterRange(quarter.fiscalYear, quarter.quarter, fyStartMonth),
  };
}

/** True when `day` falls within the quarter (both ends included). */
export function inQuarter(quarter: ReviewQuarter, day: CivilDate): boolean {
  return compareCivil(day, quarter.range.start) >= 0 && compareCivil(day, quarter.range.end) <= 0;
}

/** Index into `periods` of each of `months`, or `-1` when the tab has no column for it. */
export function monthIndexes(months: readonly CivilDate[], periods: readonly AccountPeriod[]): number[] {
  return months.map((month) =>
    periods.findIndex((period) => period.month.year === month.year && period.month.month === month.month),
  );
}

/** `Jul 1 – Sep 30, 2026` (or `Nov 1, 2026 – Jan 31, 2027` across a year end). */
export function formatQuarterDays(range: QuarterRange): string {
  const short = (day: CivilDate) => `${shortMonthName(day.month)} ${day.day}`;
  if (range.start.year === range.end.year)
    return `${short(range.start)} – ${short(range.end)}, ${range.end.year}`;
  return `${short(range.start)}, ${range.start.year} – ${short(range.end)}, ${range.end.year}`;
}

/** `2026-07-01` → `Jul 1, 2026`. */
export function formatDay(day: CivilDate): string {
  return `${shortMonthName(day.month)} ${day.day}, ${day.year}`;
}

/** The months of a list as `Jul, Aug 2026` (or `Dec 2026, Jan 2027`). */
export function formatMonthList(months: readonly CivilDate[]): string {
  const parts: string[] = [];
  months.forEach((month, index) => {
    const next = months[index + 1];
    const name = shortMonthName(month.month);
    parts.push(next && next.year === month.year ? name : `${name} ${month.year}`);
  });
  return parts.join(", ");
}
