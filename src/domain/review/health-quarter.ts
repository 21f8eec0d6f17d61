// The health score over a review quarter: each month's score and band, each component's weighted contribution, and why it moved.

import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { bandSeverity, healthBand } from "../metrics/health-band";
import type { HealthBreakdown } from "../metrics/health-score";
import { HEALTH_COMPONENTS, healthBreakdown } from "../metrics/health-score";
import { countOf, wordFor } from "../plural";
import type { StatusTone } from "../severity-colors";
import { numericValue } from "./metric-values";
import { formatMonthList } from "./review-quarter";

/** A component's row values in the quarter months (`null` when the tab has no such row). */
export type ComponentSeries = (readonly CellValue[] | null)[];

/** One month of health. */
export interface HealthMonth {
  month: CivilDate;
  /** The four components (0–100) in {@link HEALTH_COMPONENTS} order; `null` when blank or missing. */
  components: (number | null)[];
  /** The components weighted with Settings `Health weights` (blank components re-weighted away). */
  breakdown: HealthBreakdown;
  /** The score shown: the tab's `Health score` row when it has a value, else the computed one. */
  score: number | null;
  /** Where the score comes from. */
  scoreSource: "row" | "computed" | null;
  band: string | null;
  tone?: StatusTone;
}

/** How one component moved between the first and last scored month. */
export interface ComponentMove {
  component: (typeof HEALTH_COMPONENTS)[number];
  from: number | null;
  to: number | null;
  /** Weighted points of the score at the first and last month and their difference. */
  pointsFrom: number;
  pointsTo: number;
  pointsChange: number;
  /** The component's share of the score at the last month (after re-weighting blanks away). */
  weight: number;
}

/** Health over a quarter. */
export interface HealthQuarter {
  months: HealthMonth[];
  /** Where the change is measured from (the baseline month, else the first scored month) and to. */
  first: HealthMonth | null;
  last: HealthMonth | null;
  moves: ComponentMove[];
  /** One or two sentences: how much the score moved and which component moved it, with numbers. */
  explanation: string;
  /** The Health score row and the weighted components disagree by more than a point (latest month). */
  mismatch: { row: number; computed: number } | null;
}

/** What {@link healthOverQuarter} needs. */
export interface HealthQuarterInput {
  months: readonly CivilDate[];
  /** Per component, its values in the quarter months; `null` for a missing row. */
  components: ComponentSeries;
  /** The Health score row's values in the quarter months, or `null` when the tab has no such row. */
  scoreRow: readonly CellValue[] | null;
  weights: readonly number[];
  bands: readonly number[];
  readWallClock: ReadWallClock;
  /**
   * The last month before the quarter with health values (the end of the previous quarter, as a
   * rule): the change over the quarter is measured from it when present.
   */
  baseline?: { month: CivilDate; components: readonly CellValue[]; score: CellValue } | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(round1(n))}`;

/**
 * Scores each quarter month and explains the change from the baseline (the last scored month
 * before the quarter) or else the quarter's first scored month, to its last scored month: the
 * component whose weighted contribution changed most is named with its values, weight and points.
 */
export function healthOverQuarter(input: HealthQuarterInput): HealthQuarter {
  const read = (value: CellValue | undefined) => {
    if (value === undefined || isBlank(value)) return null;
    const number = numericValue(value, undefined, input.readWallClock);
    return number !== null && number >= 0 && number <= 100 ? number : null;
  };
  const scoreMonth = (
    month: CivilDate,
    values: readonly (number | null)[],
    scoreValue: CellValue | undefined,
  ) => {
    const breakdown = healthBreakdown(values, input.weights);
    const fromRow = read(scoreValue);
    const score = fromRow ?? breakdown.score;
    const band = score === null ? null : healthBand(score, input.bands);
    const health: HealthMonth = {
      month,
      components: [...values],
      breakdown,
      score,
      scoreSource: fromRow !== null ? "row" : breakdown.score !== null ? "computed" : null,
      band,
    };
    if (band) health.tone = toneOfBand(band);
    return health;
  };
  const months = input.months.map((month, position) =>
    scoreMonth(
      month,
      input.components.map((series) => (series ? read(series[position]) : null)),
      input.scoreRow ? input.scoreRow[position] : undefined,
    ),
  );
  const baseline = input.baseline
    ? scoreMonth(input.baseline.month, input.baseline.components.map(read), input.baseline.score)
    : null;
  const scored = months.filter((m) => m.score !== null);
  const last = scored[scored.length - 1] ?? null;
  const first = last && baseline && baseline.score !== null ? baseline : (scored[0] ?? null);
  const moves = first && last ? componentMoves(first, last) : [];
  const latest = last;
  const mismatch =
    latest && latest.scoreSource === "row" && latest.breakdown.score !== null
      ? Math.abs((latest.score as number) - latest.breakdown.score) > 1
        ? { row: latest.score as number, computed: latest.breakdown.score }
        : null
      : null;
  return { months, first, last, moves, explanation: explain(first, last, moves), mismatch };
}

function toneOfBand(band: string): StatusTone {
  const severity = bandSeverity(band);
  return severity === "ok" ? "OK" : severity;
}

function componentMoves(first: HealthMonth, last: HealthMonth): ComponentMove[] {
  return HEALTH_COMPONENTS.map((component, i): ComponentMove => {
    const pointsFrom = first.breakdown.contributions[i].points;
    const pointsTo = last.breakdown.contributions[i].points;
    return {
      component,
      from: first.components[i],
      to: last.components[i],
      pointsFrom,
      pointsTo,
      pointsChange: pointsTo - pointsFrom,
      weight: last.breakdown.contributions[i].weight || first.breakdown.contributions[i].weight,
    };
  });
}

function explain(
  first: HealthMonth | null,
  last: HealthMonth | null,
  moves: readonly ComponentMove[],
): string {
  if (!first || !last)
    return "No health score this quarter: the component rows have no values in its months.";
  const from = first.score as number;
  const to = last.score as number;
  if (first === last)
    return `One scored month (${formatMonthList([last.month])}): ${round1(to)} (${last.band}); no change to explain yet.`;
  const change = to - from;
  const span = `${formatMonthList([first.month])} → ${formatMonthList([last.month])}`;
  const verb = Math.abs(change) < 0.05 ? "held at" : change > 0 ? "rose" : "fell";
  const head =
    verb === "held at"
      ? `Health score held at ${round1(to)} (${span}).`
      : `Health score ${verb} ${countOf(Math.abs(round1(change)), "point")}, ${round1(from)} → ${round1(to)} (${span})` +
        (first.band !== last.band ? `, from ${first.band} to ${last.band}.` : `, still ${last.band}.`);
  const ranked = moves
    .filter((m) => Math.abs(m.pointsChange) >= 0.05)
    .sort((a, b) => Math.abs(b.pointsChange) - Math.abs(a.pointsChange));
  if (ranked.length === 0)
    return `${head} No component's weighted contribution changed${first.scoreSource === "row" ? " (the score comes from the Health score row)" : ""}.`;
  const describe = (m: ComponentMove) =>
    `${m.component} ${signed(m.pointsChange)} ${wordFor(round1(m.pointsChange), "point")} of the score (${valueText(m.from)} → ` +
    `${valueText(m.to)} at ${Math.round(m.weight * 100)}% weight)`;
  const main = ranked[0];
  const sameWay = Math.sign(main.pointsChange) === Math.sign(change) || Math.abs(change) < 0.05;
  const lead = sameWay ? "Biggest mover" : "Biggest single move, against the overall direction";
  const rest = ranked.slice(1, 3).map(describe);
  return `${head} ${lead}: ${describe(main)}${rest.length ? `; then ${rest.join("; ")}` : ""}.`;
}

function valueText(value: number | null): string {
  return value === null ? "blank" : String(round1(value));
}
