// An account's health score month by month and its trend as a compact text sparkline (`▃▅▆▆▇▆ +4 since Aug`).
import { shortMonthName } from "../calendar/month-names";
import { isBlank } from "../cell-value";
import type { CivilDate } from "../civil-date";
import { HEALTH_COMPONENTS, healthScore } from "../metrics/health-score";
import type { ParsedAccountTab } from "../workbook/parse-account-tab";
import { normalizeHeader, WELL_KNOWN_METRICS } from "../workbook-schema";

/** One month's health score (`null` when the month has no health data). */
export interface HealthPoint {
  month: CivilDate;
  score: number | null;
}

/** Eight block heights, lowest first, over {@link SCALE_FLOOR}–100 in steps of 7.5 points. */
const BLOCKS = "▁▂▃▄▅▆▇█";
/** Scores at or below this read as the lowest block: the scale spends its eight steps where the bands differ (50/70/90). */
const SCALE_FLOOR = 40;
/** Months the sparkline shows. */
export const TREND_MONTHS = 6;
/** How far back the change is measured: the previous quarter. */
const QUARTER_MONTHS = 3;

function numberOf(value: unknown): number | null {
  if (isBlank(value) || typeof value !== "number" || !Number.isFinite(value)) return null;
  return value;
}

/**
 * The health score of each period of the tab, oldest first: the `Health score` row where it has a
 * number, otherwise the weighted score of the four components present (as `HEALTH_SCORE` computes it).
 */
export function healthSeries(tab: ParsedAccountTab, weights?: readonly number[]): HealthPoint[] {
  const find = (name: string) => tab.metrics.find((m) => normalizeHeader(m.name) === normalizeHeader(name));
  const scoreRow = find(WELL_KNOWN_METRICS.healthScore);
  const components = HEALTH_COMPONENTS.map(find);
  return tab.periods.map((period, index) => {
    const given = numberOf(scoreRow?.values[index]);
    if (given !== null) return { month: period.month, score: given };
    const parts = components.map((row) => {
      const value = numberOf(row?.values[index]);
      return value === null || value < 0 || value > 100 ? null : value;
    });
    return { month: period.month, score: healthScore(parts, weights) };
  });
}

/** The block of a 0–100 score. */
function block(score: number): string {
  const step = (100 - SCALE_FLOOR) / BLOCKS.length;
  const index = Math.min(BLOCKS.length - 1, Math.max(0, Math.floor((score - SCALE_FLOOR) / step)));
  return BLOCKS[index];
}

/**
 * The last six months up to the latest month with a score as blocks on one fixed scale (so two
 * accounts read alike: 40 or less `▁`, 93 or more `█`), a month without data as `·`, then the change since the previous quarter
 * (the score three months before the latest): `▃▅▆▆▇▆ +4 since Aug`, `… no change since Aug`, or
 * `… (no Aug score)`. Empty when the account has no score at all.
 */
export function trendText(series: readonly HealthPoint[]): string {
  let latest = -1;
  series.forEach((point, index) => {
    if (point.score !== null) latest = index;
  });
  if (latest < 0) return "";
  const shown = series.slice(Math.max(0, latest - TREND_MONTHS + 1), latest + 1);
  const spark = shown.map((point) => (point.score === null ? "·" : block(point.score))).join("");
  const before = latest - QUARTER_MONTHS;
  if (before < 0) return spark;
  const earlier = series[before];
  const month = shortMonthName(earlier.month.month);
  if (earlier.score === null) return `${spark} (no ${month} score)`;
  const change = Math.round((series[latest].score as number) - earlier.score);
  const sign = change > 0 ? `+${change}` : change < 0 ? `−${Math.abs(change)}` : "no change";
  return `${spark} ${sign} since ${month}`;
}

/** The latest month's score, or null. */
export function latestScore(series: readonly HealthPoint[]): number | null {
  for (let index = series.length - 1; index >= 0; index -= 1) {
    const score = series[index].score;
    if (score !== null) return score;
  }
  return null;
}
