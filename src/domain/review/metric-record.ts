// A metric's record over many months (the fiscal year to date, a year in review): months met of months reported, the worst month.
import { isBlank } from "../cell-value";
import type { CivilDate } from "../civil-date";
import { addMonths, compareCivil } from "../civil-date";
import type { MetricQuarter, MonthReading } from "./metric-quarter";
import { severityRank } from "./metric-quarter";
import type { ReviewQuarter } from "./review-quarter";

/** How a metric did month by month over a span. */
export interface MetricRecord {
  /** Months with a value. */
  reported: number;
  /** Months with a value that met the target (or, without a target, breached no rule) and breached no rule. */
  met: number;
  /** The month that did worst (the worst severity, else a missed target); `null` when every month was met. */
  worst: MonthReading | null;
}

/**
 * True when a month counts as met: it has a value, breached no escalation rule, and met the target
 * (a metric without a target only has to breach no rule). An unreadable value is reported, not met.
 */
export function monthMet(reading: MonthReading, hasTarget: boolean): boolean {
  if (isBlank(reading.value) || reading.severity !== null) return false;
  return hasTarget ? reading.metTarget === true : true;
}

/** The months met of the months reported, and the worst month, of a metric judged over a span. */
export function metricRecord(judged: MetricQuarter, hasTarget: boolean): MetricRecord {
  const reported = judged.months.filter((m) => !isBlank(m.value));
  const met = reported.filter((m) => monthMet(m, hasTarget));
  // Rank: a breach by its severity (0–2), a miss without a breach just below Watch.
  const rank = (m: MonthReading) => (m.severity !== null ? severityRank(m.severity) : -0.5);
  let worst: MonthReading | null = null;
  for (const month of reported) {
    if (monthMet(month, hasTarget)) continue;
    if (worst === null || rank(month) > rank(worst)) worst = month;
  }
  return { reported: reported.length, met: met.length, worst };
}

/** The first day of each month from the start of the quarter's fiscal year to the quarter's last month. */
export function fiscalYearToDate(quarter: ReviewQuarter): CivilDate[] {
  const start = addMonths(quarter.months[0], -3 * (quarter.quarter - 1));
  return monthsFrom(start, quarter.months[quarter.months.length - 1]);
}

/**
 * The twelve months that end with the quarter's last month: the whole fiscal year when the quarter is
 * its fourth, else the year of performance up to the quarter (an annual review late in a fiscal year).
 */
export function twelveMonthsTo(quarter: ReviewQuarter): CivilDate[] {
  const last = quarter.months[quarter.months.length - 1];
  return monthsFrom(addMonths(last, -11), last);
}

function monthsFrom(first: CivilDate, last: CivilDate): CivilDate[] {
  const months: CivilDate[] = [];
  for (let month = { ...first, day: 1 }; compareCivil(month, last) <= 0; month = addMonths(month, 1))
    months.push(month);
  return months;
}
