// Where a month's column is on an account tab, or where a new one goes so periods stay in date order.
import type { CivilDate } from "../civil-date";
import type { AccountPeriod, ParsedAccountTab } from "../workbook/parse-account-tab";

function monthIndex(date: CivilDate): number {
  return date.year * 12 + date.month - 1;
}

/** The period column holding `month`'s month, if any. */
export function findPeriodColumn(tab: ParsedAccountTab, month: CivilDate): AccountPeriod | undefined {
  return tab.periods.find((p) => monthIndex(p.month) === monthIndex(month));
}

/**
 * The 1-based column a new period column should take so periods stay oldest to newest: before the
 * first later period, else right after the last period, else right after the fixed grid columns.
 */
export function newPeriodColumn(tab: ParsedAccountTab, month: CivilDate): number {
  const later = tab.periods.find((p) => monthIndex(p.month) > monthIndex(month));
  if (later) return later.column;
  if (tab.periods.length > 0) return tab.periods[tab.periods.length - 1].column + 1;
  const { metric, category, target } = tab.gridColumns;
  return Math.max(metric, category, target) + 1;
}
