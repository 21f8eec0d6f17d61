// The quarters the review dialog offers: every quarter the account tabs have months in, and the current one.

import { fiscalQuarterOf } from "../calendar/fiscal-quarter";
import type { CivilDate } from "../civil-date";
import { compareCivil } from "../civil-date";

/** Quarter labels, newest first, and the one to pick by default. */
export interface QuarterChoices {
  quarters: string[];
  defaultQuarter: string;
}

/**
 * Every fiscal quarter holding one of `months` (the account tabs' period columns) plus the current
 * quarter, newest first. The default is the newest quarter with a period column that has begun by
 * `today` (the review usually looks back at the quarter just measured), else the current quarter.
 */
export function quarterChoices(
  months: readonly CivilDate[],
  today: CivilDate,
  fyStartMonth: number,
): QuarterChoices {
  const current = fiscalQuarterOf(today, fyStartMonth);
  const byLabel = new Map<string, number>();
  const order = (q: { fiscalYear: number; quarter: number }) => q.fiscalYear * 4 + q.quarter;
  byLabel.set(current.label, order(current));
  let latestStarted: { label: string; order: number } | null = null;
  for (const month of months) {
    const quarter = fiscalQuarterOf(month, fyStartMonth);
    byLabel.set(quarter.label, order(quarter));
    if (compareCivil(month, today) <= 0 && (!latestStarted || order(quarter) > latestStarted.order))
      latestStarted = { label: quarter.label, order: order(quarter) };
  }
  const quarters = [...byLabel.entries()].sort((a, b) => b[1] - a[1]).map(([label]) => label);
  return { quarters, defaultQuarter: latestStarted?.label ?? current.label };
}
