// Section 2, internal only: health score and band by month, each component's weighted contribution, why it moved, NRR, other indicators.

import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import { HEALTH_COMPONENTS } from "../metrics/health-score";
import { wordFor } from "../plural";
import { normalizeHeader, WELL_KNOWN_METRICS } from "../workbook-schema";
import type { HealthQuarter } from "./health-quarter";
import { healthOverQuarter } from "./health-quarter";
import { formatNumber, numericValue } from "./metric-values";
import type { EvaluatedMetric, ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { cell, label, status, text } from "./review-document";
import { formatMonthList } from "./review-quarter";
import { metricRow } from "./section-contract";

const round1 = (n: number) => Math.round(n * 10) / 10;
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(round1(n))}`;

function findMetric(context: ReviewContext, name: string): EvaluatedMetric | undefined {
  return context.metrics.find((m) => normalizeHeader(m.row.name) === normalizeHeader(name));
}

function quarterValues(context: ReviewContext, metric: EvaluatedMetric | undefined): CellValue[] | null {
  if (!metric) return null;
  return context.quarterIndexes.map((index) => (index >= 0 ? metric.row.values[index] : ""));
}

/**
 * The last month before the quarter in which any health row has a value: the end of the previous
 * quarter as a rule, so the change "over the quarter" starts where the last review left off.
 */
function baselineBefore(context: ReviewContext, rows: readonly (EvaluatedMetric | undefined)[]) {
  const start = context.quarter.range.start;
  const periods = context.account.periods;
  for (let index = periods.length - 1; index >= 0; index -= 1) {
    const month = periods[index].month;
    if (month.year * 12 + month.month >= start.year * 12 + start.month) continue;
    const values = rows.map((metric) => (metric ? metric.row.values[index] : ""));
    if (values.every((value) => isBlank(value))) continue;
    return { month, components: values.slice(0, 4), score: values[4] ?? "" };
  }
  return null;
}

/** Names of the rows this section shows itself (not repeated under "Other internal indicators"). */
const HEALTH_ROWS = [...HEALTH_COMPONENTS, WELL_KNOWN_METRICS.healthScore, WELL_KNOWN_METRICS.arr].map(
  normalizeHeader,
);

/** The health section. Returns the health over the quarter (the agenda and checks refer to it). */
export function addHealthSection(rows: RowCollector, context: ReviewContext): HealthQuarter {
  const section = "health";
  const { settings } = context.input;
  rows.heading(
    section,
    context.segment === "Federal"
      ? "2. Internal health — internal only, not for the contracting officer"
      : "2. Account health — internal only, not for the customer",
  );
  const components = HEALTH_COMPONENTS.map((name) => findMetric(context, name));
  const scoreMetric = findMetric(context, WELL_KNOWN_METRICS.healthScore);
  const health = healthOverQuarter({
    months: context.quarter.months,
    components: components.map((metric) => quarterValues(context, metric)),
    scoreRow: quarterValues(context, scoreMetric),
    weights: settings.healthWeights,
    bands: settings.healthBands,
    readWallClock: context.input.readWallClock,
    baseline: baselineBefore(context, [...components, scoreMetric]),
  });
  const weightSum = settings.healthWeights.reduce((a, b) => a + b, 0);
  rows.columns(section, [
    "Health component",
    "Weight",
    "Target",
    ...context.monthHeadings,
    "Status",
    "Change over the quarter",
  ]);

  HEALTH_COMPONENTS.forEach((name, i) => {
    const metric = components[i];
    const weight = cell("percent", settings.healthWeights[i] / weightSum, { format: "0%", align: "center" });
    if (!metric) {
      rows.add(`${section}|${name}`, "body", [
        label(name),
        weight,
        null,
        null,
        null,
        null,
        status("Missing", "No data"),
        text(`no "${name}" row on the account tab; the score re-weights the other components`),
      ]);
      return;
    }
    const row = metricRow(context, metric, "");
    row[1] = weight;
    const move = health.moves[i];
    row[7] = text(
      move && move.from !== null && move.to !== null && health.first !== health.last
        ? `${signed(move.to - move.from)} (${round1(move.from)} → ${round1(move.to)}) = ${signed(move.pointsChange)} ${wordFor(round1(move.pointsChange), "point")} of the score`
        : metric.quarter.trend,
    );
    rows.add(`${section}|${name}`, "body", row);
  });

  const scoreCells = health.months.map((month) =>
    month.score === null
      ? null
      : cell("number", round1(month.score), { format: "0", bold: true, tone: month.tone, align: "center" }),
  );
  const last = health.last;
  const scoreLabel = scoreMetric
    ? "Health score"
    : `Health score (computed with weights ${settings.healthWeights.join("/")})`;
  rows.add(`${section}|health score`, "body", [
    label(scoreLabel, { bold: true }),
    null,
    scoreMetric?.target ? text(scoreMetric.target) : null,
    ...scoreCells,
    last?.band ? status(last.band, last.tone) : status("No data", "No data"),
    text(
      health.first && last && health.first !== last
        ? `${signed((last.score as number) - (health.first.score as number))} points (${round1(health.first.score as number)} → ${round1(last.score as number)}, ${formatMonthList([health.first.month])} → ${formatMonthList([last.month])})`
        : last
          ? `${round1(last.score as number)} (one scored month)`
          : "no score this quarter",
      { bold: true },
    ),
  ]);
  rows.message(`${section}|why`, `Why: ${health.explanation}`);
  if (health.mismatch)
    rows.message(
      `${section}|mismatch`,
      `The Health score row (${round1(health.mismatch.row)}) differs from the components weighted ` +
        `${settings.healthWeights.join("/")} (${round1(health.mismatch.computed)}); check the row's formula or Settings › Health weights.`,
    );

  addNrrRow(rows, context, section);

  const others = context.metrics.filter(
    (m) => m.category === "Internal" && !HEALTH_ROWS.includes(normalizeHeader(m.row.name)),
  );
  if (others.length > 0) {
    rows.columns(`${section}|indicators`, [
      "Internal indicator",
      "",
      "Target",
      ...context.monthHeadings,
      "Status",
      "Trend and breaches",
    ]);
    for (const metric of others)
      rows.add(`${section}|indicator|${metric.row.name}`, "body", metricRow(context, metric, ""));
  }
  return health;
}

/** Net revenue retention by month: the month's ARR ÷ Starting ARR (SPEC §2). */
function addNrrRow(rows: RowCollector, context: ReviewContext, section: string): void {
  const arr = findMetric(context, WELL_KNOWN_METRICS.arr);
  const start = context.account.startingArr;
  const name = "Net revenue retention (ARR ÷ Starting ARR)";
  if (!arr || !start) {
    const why = !arr
      ? `no "${WELL_KNOWN_METRICS.arr}" row on the account tab`
      : "Starting ARR is blank on the account tab";
    rows.add(`${section}|nrr`, "body", [
      label(name),
      null,
      null,
      null,
      null,
      null,
      status("No data", "No data"),
      text(why),
    ]);
    return;
  }
  const values = quarterValues(context, arr) ?? [];
  const ratios = values.map((value) => {
    const number = isBlank(value) ? null : numericValue(value, undefined, context.input.readWallClock);
    return number === null ? null : number / start;
  });
  const latestIndex = ratios
    .map((r, i) => (r === null ? -1 : i))
    .filter((i) => i >= 0)
    .pop();
  const latestArr =
    latestIndex === undefined
      ? null
      : numericValue(values[latestIndex], undefined, context.input.readWallClock);
  rows.add(`${section}|nrr`, "body", [
    label(name),
    null,
    null,
    ...ratios.map((ratio) =>
      ratio === null ? null : cell("percent", ratio, { format: "0.0%", align: "center" }),
    ),
    latestIndex === undefined ? status("No data", "No data") : null,
    text(
      latestArr === null
        ? "no ARR value this quarter"
        : `ARR ${formatNumber(latestArr, { unit: undefined, format: "$#,##0" })} vs Starting ARR ${formatNumber(start, { unit: undefined, format: "$#,##0" })}`,
    ),
  ]);
}
