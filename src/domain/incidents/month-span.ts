// A calendar month of the spreadsheet's time zone as a span of real time: from its first local midnight to the next month's.
import type { ReadWallClock } from "../civil-date";
import { addMonths } from "../civil-date";
import { dateOfCivil } from "../workbook/date-cells";

/** A reporting month: `month` is 1–12. */
export interface ReportingMonth {
  year: number;
  month: number;
}

/** A month as instants (ms since the epoch): `[start, end)`, local midnights of the 1st and of the next 1st. */
export interface MonthSpan extends ReportingMonth {
  start: number;
  end: number;
}

/**
 * The real-time span of a month on the spreadsheet's calendar. A month with a daylight-saving change
 * is an hour shorter or longer than its days × 24 h (March 2026 in New York: 44,580 minutes).
 */
export function monthSpan(month: ReportingMonth, readWallClock: ReadWallClock): MonthSpan {
  const first = { year: month.year, month: month.month, day: 1 };
  return {
    year: month.year,
    month: month.month,
    start: dateOfCivil(first, readWallClock).getTime(),
    end: dateOfCivil(addMonths(first, 1), readWallClock).getTime(),
  };
}
