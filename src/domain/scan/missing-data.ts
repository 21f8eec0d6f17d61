// Stale inputs: a metric with no value for the month that has just ended (or its reporting window).

import { isBlank } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { addMonths, compareCivil, daysInMonth } from "../civil-date";
import { isFromIncidents } from "../incidents/incident-measure";
import { cellAddress } from "../workbook/cell-address";
import { civilDateOf, wallClockOf } from "../workbook/date-cells";
import type { ParsedAccountTab } from "../workbook/parse-account-tab";
import type { CatalogEntry } from "../workbook/parse-catalog";
import { nameKey } from "./breach-key";

/** A metric whose value is missing for an ended period. */
export interface MissingData {
  tabName: string;
  account: string;
  ownerEmail: string;
  metric: string;
  /** The latest ended month (day 1) the value was expected for. */
  period: CivilDate;
  /** How many months back a value would have counted (1 monthly, 3 quarterly, 12 yearly). */
  months: number;
  /** A1 cell of the period's column on the metric's row; `null` when the tab has no column for it yet. */
  cell: string | null;
  /**
   * True for a metric the catalog measures `from Incidents`: blank because no incident was logged
   * on the Incidents tab by then (months before it are not measured), so the fix is to type the
   * month's value or log incidents.
   */
  fromIncidents?: boolean;
}

const CADENCE_WORDS: [RegExp, number | null][] = [
  [/\b(per|each|every) (incident|event|occurrence)|as needed|ad[- ]hoc|on demand|when (it )?happens/i, null],
  [/\bmonth/i, 1],
  [/\bweek/i, 1],
  [/\bquarter/i, 3],
  [/\b(annual|year)/i, 12],
];

/**
 * How many months may pass without a value, read from the catalog's `Reporting cadence`: the
 * first cadence word in the text decides (`Monthly to CO; quarterly summary` → 1, `Quarterly to
 * agency ISSO` → 3, `Annual` → 12); `null` for event-driven metrics (`Reported per incident`) that
 * are blank in a month without an event. Blank or unknown text means monthly.
 */
export function monthsBetweenValues(cadence: string): number | null {
  let best: { index: number; months: number | null } | undefined;
  for (const [pattern, months] of CADENCE_WORDS) {
    const match = pattern.exec(cadence);
    if (match && (best === undefined || match.index < best.index)) best = { index: match.index, months };
  }
  return best ? best.months : 1;
}

function monthNumber(date: CivilDate): number {
  return date.year * 12 + date.month - 1;
}

/**
 * Metrics of a tab with no value for the month that ended last (today's month minus one), or, for
 * quarterly and yearly metrics, no value in that many months up to it. Only metrics that are in the
 * KPI Catalog or have a rule are expected; a month before go-live expects nothing.
 */
export function findMissingData(
  tab: ParsedAccountTab,
  catalog: readonly CatalogEntry[],
  ruleMetricKeys: ReadonlySet<string>,
  today: CivilDate,
  readWallClock?: ReadWallClock,
): MissingData[] {
  if (tab.periods.length === 0) return [];
  const ended = addMonths({ year: today.year, month: today.month, day: 1 }, -1);
  if (tab.goLive) {
    const goLive = civilDateOf(tab.goLive, wallClockOf({ readWallClock }));
    const endOfMonth = { year: ended.year, month: ended.month, day: daysInMonth(ended.year, ended.month) };
    if (compareCivil(goLive, endOfMonth) > 0) return [];
  }
  // A tab whose columns all lie in the future (a plan) expects nothing yet.
  if (monthNumber(tab.periods[0].month) > monthNumber(ended)) return [];
  // The catalog by metric name, as findCatalogEntry matches it (the first entry of a name wins), built once per tab.
  const catalogByName = new Map<string, CatalogEntry>();
  for (const entry of catalog)
    if (!catalogByName.has(nameKey(entry.metric))) catalogByName.set(nameKey(entry.metric), entry);
  const missing: MissingData[] = [];
  for (const row of tab.metrics) {
    const entry = catalogByName.get(nameKey(row.name));
    if (!entry && !ruleMetricKeys.has(nameKey(row.name))) continue;
    const months = entry ? monthsBetweenValues(entry.reportingCadence) : 1;
    if (months === null) continue;
    const last = monthNumber(ended);
    let hasValue = false;
    let cell: string | null = null;
    tab.periods.forEach((period, index) => {
      const number = monthNumber(period.month);
      if (number === last) cell = cellAddress(row.row, period.column);
      if (number > last - months && number <= last && !isBlank(row.values[index])) hasValue = true;
    });
    if (!hasValue)
      missing.push({
        tabName: tab.tabName,
        account: tab.account,
        ownerEmail: tab.ownerEmail,
        metric: row.name,
        period: ended,
        months,
        cell,
        ...(entry && isFromIncidents(entry.measurementMethod) ? { fromIncidents: true } : {}),
      });
  }
  return missing;
}
