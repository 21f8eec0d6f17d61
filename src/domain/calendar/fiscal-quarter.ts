// Fiscal years and quarters: the `Fiscal year starts` setting, `FY27 Q1` labels and quarter date ranges.
import { describeValue, isBlank } from "../cell-value";
import { addDays, addMonths, type CivilDate } from "../civil-date";
import { monthFromName } from "./month-names";

/** A fiscal quarter. `fiscalYear` is the calendar year in which the fiscal year ends. */
export interface FiscalQuarter {
  fiscalYear: number;
  quarter: 1 | 2 | 3 | 4;
  /** e.g. `FY27 Q1`. */
  label: string;
}

/** The first and last day (inclusive) of a fiscal quarter. */
export interface QuarterRange {
  start: CivilDate;
  end: CivilDate;
}

/**
 * Reads a fiscal-year start month: a whole number 1–12 (`10`, `"10"`) or an English month name,
 * full or abbreviated, any case, surrounding spaces ignored (`"October"`, `"oct"`, `" Sept "`).
 * A blank value gives the default, January (1). `source` starts the error message, e.g.
 * `FISCAL_QUARTER` or `Settings: Fiscal year starts`.
 */
export function parseFiscalYearStart(value: unknown, source = "FISCAL_QUARTER"): number {
  if (isBlank(value)) return 1;
  let month = 0;
  if (typeof value === "number") month = value;
  else if (typeof value === "string") {
    const text = value.trim();
    month = /^\d+(\.0+)?$/.test(text) ? Number(text) : (monthFromName(text) ?? 0);
  }
  if (Number.isInteger(month) && month >= 1 && month <= 12) return month;
  throw new Error(
    `${source}: fiscal year start must be a month 1–12 or a month name, got ${describeValue(value)}`,
  );
}

function checkStartMonth(fyStartMonth: number): void {
  if (!Number.isInteger(fyStartMonth) || fyStartMonth < 1 || fyStartMonth > 12)
    throw new Error(`Fiscal quarter: fiscal year start month must be 1–12, got ${fyStartMonth}`);
}

/** The label of a fiscal quarter: `FY27 Q1` (two-digit year). */
export function formatQuarterLabel(fiscalYear: number, quarter: number): string {
  const yy = String(((fiscalYear % 100) + 100) % 100).padStart(2, "0");
  return `FY${yy} Q${quarter}`;
}

/**
 * The fiscal quarter containing `date` when the fiscal year starts on the first of `fyStartMonth`.
 * The fiscal year is named after the calendar year in which it ends: 2026-10-15 with an October
 * start is `FY27 Q1`; 2026-02-01 with a January start is `FY26 Q1`.
 */
export function fiscalQuarterOf(date: CivilDate, fyStartMonth: number): FiscalQuarter {
  checkStartMonth(fyStartMonth);
  const monthsIntoYear = (date.month - fyStartMonth + 12) % 12;
  const quarter = (Math.floor(monthsIntoYear / 3) + 1) as 1 | 2 | 3 | 4;
  const fiscalYear = fyStartMonth !== 1 && date.month >= fyStartMonth ? date.year + 1 : date.year;
  return { fiscalYear, quarter, label: formatQuarterLabel(fiscalYear, quarter) };
}

/**
 * Reads a quarter label: `FY27 Q1`, `fy27q1`, `FY2027 Q1`, `FY27-Q1`, `Q1 FY27`. A two-digit year
 * means 20xx. `source` starts the error message, e.g. `generateReviewTab`.
 */
export function parseQuarterLabel(text: unknown, source = "Quarter"): FiscalQuarter {
  const raw = typeof text === "string" ? text.trim() : "";
  const compact = raw.toUpperCase().replace(/[\s\-_/,.]+/g, "");
  const match = /^FY(\d{2}|\d{4})Q(\d)$/.exec(compact) ?? /^Q(\d)FY(\d{2}|\d{4})$/.exec(compact);
  if (match) {
    const yearFirst = compact.startsWith("FY");
    const yearText = yearFirst ? match[1] : match[2];
    const quarter = Number(yearFirst ? match[2] : match[1]);
    const fiscalYear = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    if (quarter >= 1 && quarter <= 4)
      return {
        fiscalYear,
        quarter: quarter as 1 | 2 | 3 | 4,
        label: formatQuarterLabel(fiscalYear, quarter),
      };
  }
  throw new Error(
    `${source}: quarter must look like "FY27 Q1" (fiscal year, then Q1–Q4), got ${describeValue(text)}`,
  );
}

/** The first day of the fiscal year named `fiscalYear` (the year it ends in). */
function fiscalYearStart(fiscalYear: number, fyStartMonth: number): CivilDate {
  return { year: fyStartMonth === 1 ? fiscalYear : fiscalYear - 1, month: fyStartMonth, day: 1 };
}

/** The three first-of-month dates of a fiscal quarter, in order. */
export function quarterMonths(fiscalYear: number, quarter: number, fyStartMonth: number): CivilDate[] {
  checkStartMonth(fyStartMonth);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)
    throw new Error(`Fiscal quarter: quarter must be 1–4, got ${quarter}`);
  const start = addMonths(fiscalYearStart(fiscalYear, fyStartMonth), (quarter - 1) * 3);
  return [start, addMonths(start, 1), addMonths(start, 2)];
}

/** The first and last day (inclusive) of a fiscal quarter. */
export function quarterRange(fiscalYear: number, quarter: number, fyStartMonth: number): QuarterRange {
  const [start] = quarterMonths(fiscalYear, quarter, fyStartMonth);
  return { start, end: addDays(addMonths(start, 3), -1) };
}

/** The first day of the fiscal quarter after the one containing `date`. */
export function nextQuarterStart(date: CivilDate, fyStartMonth: number): CivilDate {
  const { fiscalYear, quarter } = fiscalQuarterOf(date, fyStartMonth);
  return addMonths(quarterRange(fiscalYear, quarter, fyStartMonth).start, 3);
}
