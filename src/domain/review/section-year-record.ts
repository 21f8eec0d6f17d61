// The contract-facing record beyond the quarter: the fiscal year to date per metric and CPARS area, and the annual review's year month by month.

import type { CivilDate } from "../civil-date";
import { countOf } from "../plural";
import { CPARS_AREAS } from "../workbook-schema";
import { describeBreaches, sameMonth } from "./metric-quarter";
import type { MetricRecord } from "./metric-record";
import { fiscalYearToDate, metricRecord, monthMet, twelveMonthsTo } from "./metric-record";
import { formatNumber, valueCell } from "./metric-values";
import type { EvaluatedMetric, ReviewContext } from "./review-context";
import type { ReviewCell, RowCollector } from "./review-document";
import { cell, label, REVIEW_CONTENT_COLUMNS, status, text } from "./review-document";
import { formatMonthList } from "./review-quarter";

/** `FY26` of `FY26 Q4`. */
export function fiscalYearLabel(context: ReviewContext): string {
  return context.quarter.label.split(" ")[0];
}

/** `Oct 2025 – Sep 2026`. */
function span(months: readonly CivilDate[]): string {
  const first = formatMonthList([months[0]]);
  const last = formatMonthList([months[months.length - 1]]);
  return months.length === 1 ? first : `${first} – ${last}`;
}

/** `5 of 6` or `none reported`. */
function metOf(record: MetricRecord): string {
  return record.reported === 0 ? "none reported" : `${record.met} of ${record.reported}`;
}

/** The status of a record: Met when every reported month was, else the worst month's severity or Missed. */
function recordStatus(record: MetricRecord): ReviewCell {
  if (record.reported === 0) return status("No data", "No data");
  if (record.worst === null) return status("Met", "OK");
  if (record.worst.severity !== null) return status(record.worst.severity, record.worst.severity);
  return status("Missed", "Watch");
}

/** What happened in the worst month: its value and the breach or the missed target. */
function worstText(
  metric: EvaluatedMetric,
  judged: ReturnType<EvaluatedMetric["over"]>,
  record: MetricRecord,
) {
  const worst = record.worst;
  if (!worst) return "";
  const value = worst.number !== null ? formatNumber(worst.number, metric.style) : String(worst.value);
  const breaches = judged.breaches.filter((b) => sameMonth(b.month, worst.month));
  return breaches.length > 0
    ? `${value} — ${describeBreaches(breaches)}`
    : `${value} — missed the target${metric.target ? ` (${metric.target})` : ""}`;
}

/** Where a metric sorts among CPARS areas. */
function areaOf(metric: EvaluatedMetric): string {
  return metric.cparsArea ?? "No CPARS area";
}

/**
 * The fiscal year to date next to the quarter: per metric the months met of the months reported, the
 * share, the worst month and what happened in it; then per CPARS area. Months not reported yet (a
 * running quarter) are not counted.
 */
export function addYearToDate(
  rows: RowCollector,
  context: ReviewContext,
  metrics: readonly EvaluatedMetric[],
  section: string,
): void {
  if (metrics.length === 0) return;
  const months = fiscalYearToDate(context.quarter);
  const fy = fiscalYearLabel(context);
  rows.add(`${section}|ytd title`, "body", [
    label(`${fy} to date (${span(months)}): months met of months reported`, { bold: true }),
  ]);
  rows.columns(`${section}|ytd`, [
    "Metric",
    "CPARS area",
    "Target",
    "Months met",
    "Share met",
    "Status",
    "Worst month",
    "What happened in it",
  ]);
  const byArea = new Map<string, { met: number; reported: number }>();
  for (const metric of metrics) {
    const judged = metric.over(months);
    const record = metricRecord(judged, metric.target.trim() !== "");
    const area = byArea.get(areaOf(metric)) ?? { met: 0, reported: 0 };
    area.met += record.met;
    area.reported += record.reported;
    byArea.set(areaOf(metric), area);
    rows.add(`${section}|ytd|${metric.row.name}`, "body", [
      label(metric.row.name),
      text(metric.cparsArea ?? "—"),
      text(metric.target || "—"),
      text(metOf(record), { align: "center" }),
      record.reported > 0 ? cell("percent", record.met / record.reported, { format: "0%" }) : null,
      recordStatus(record),
      record.worst ? cell("month", record.worst.month) : text("—", { align: "center" }),
      text(worstText(metric, judged, record)),
    ]);
  }
  const areas = [...CPARS_AREAS, "No CPARS area"].filter((area) => byArea.has(area));
  const parts = areas.map((area) => {
    const counts = byArea.get(area) as { met: number; reported: number };
    return `${area}: ${counts.met} of ${countOf(counts.reported, "monthly result")} met`;
  });
  rows.message(`${section}|ytd by area`, `${fy} to date by CPARS area — ${parts.join(" · ")}.`);
}

/** True when the quarter holds the annual review (month 12, or an option year's). */
export function holdsAnnualReview(context: ReviewContext): boolean {
  const types = [context.review.type, ...(context.review.alsoInQuarter ?? []).map((other) => other.type)];
  return types.some((type) => /^annual review/i.test(type));
}

/** Metric columns per block of the year table (the first column holds the month). */
const METRICS_PER_BLOCK = REVIEW_CONTENT_COLUMNS - 1;

/**
 * The annual review's evidence: the twelve months to the quarter's end (the fiscal year when the
 * quarter is its fourth) month by month, one column per metric, breaching months in their
 * severity's colour and missed targets in Watch's, the target on top and the months met at the foot. Blocks of seven metrics.
 */
export function addYearInReview(
  rows: RowCollector,
  context: ReviewContext,
  metrics: readonly EvaluatedMetric[],
  section: string,
): void {
  if (metrics.length === 0) return;
  const months = twelveMonthsTo(context.quarter);
  const whole = context.quarter.quarter === 4 ? ` — fiscal year ${fiscalYearLabel(context)}` : "";
  rows.add(`${section}|year title`, "body", [
    label(`The year month by month (${span(months)}${whole}): past-performance evidence`, { bold: true }),
  ]);
  for (let start = 0; start < metrics.length; start += METRICS_PER_BLOCK) {
    const block = metrics.slice(start, start + METRICS_PER_BLOCK);
    const judged = block.map((metric) => metric.over(months));
    const key = `${section}|year|${start / METRICS_PER_BLOCK + 1}`;
    rows.columns(key, ["Month", ...block.map((metric) => metric.row.name)]);
    rows.add(`${key}|target`, "body", [
      label("Target"),
      ...block.map((metric) => text(metric.target || "—", { align: "center" })),
    ]);
    months.forEach((month, index) => {
      rows.add(`${key}|${formatMonthList([month])}`, "body", [
        cell("month", month, { align: "left" }),
        ...block.map((metric, column) => {
          const reading = judged[column].months[index];
          const value = valueCell(reading.value, metric.style, context.input.readWallClock);
          if (!value) return text("—", { align: "center" });
          // A breach in its severity's colour; a missed target without a breach in Watch's.
          if (reading.severity) value.tone = reading.severity;
          else if (!monthMet(reading, metric.target.trim() !== "")) value.tone = "Watch";
          value.align = "center";
          return value;
        }),
      ]);
    });
    rows.add(`${key}|met`, "body", [
      label("Months met"),
      ...block.map((metric, column) =>
        text(metOf(metricRecord(judged[column], metric.target.trim() !== "")), {
          align: "center",
          bold: true,
        }),
      ),
    ]);
  }
}
