// Section 1, the part a contracting officer may see: contract-facing metrics vs target by CPARS area, plus internal breaches.
import { CPARS_AREAS } from "../workbook-schema";
import { describeBreaches, sameMonth } from "./metric-quarter";
import { valueCell } from "./metric-values";
import type { EvaluatedMetric, ReviewContext } from "./review-context";
import type { ReviewCell, RowCollector } from "./review-document";
import { cell, label, status, text } from "./review-document";
import { formatMonthList } from "./review-quarter";
import { addIncidentRecord } from "./section-incidents";
import { addYearInReview, addYearToDate, holdsAnnualReview } from "./section-year-record";

/** Where a metric sorts in the CPARS grouping: Schedule, Quality, Cost, Management, then none. */
function areaRank(metric: EvaluatedMetric): number {
  return metric.cparsArea === null ? CPARS_AREAS.length : CPARS_AREAS.indexOf(metric.cparsArea);
}

/**
 * True when an escalation of a `Reaches CO` rule was open for an internal metric in the quarter: the
 * only case in which an internal metric may be shown to the contracting officer (the outcome-review
 * document: internal metrics stay out of standard CO reporting unless an escalation reaches CO level).
 */
export function reachedCoInQuarter(metric: EvaluatedMetric): boolean {
  return metric.quarter.breaches.some((breach) => breach.reachesCo);
}

/** The metric's row: name, area, target, the three months, status, trend and breaches. */
export function metricRow(
  context: ReviewContext,
  metric: EvaluatedMetric,
  area: string,
): (ReviewCell | null)[] {
  const months = metric.quarter.months.map((month) => {
    const value = valueCell(month.value, metric.style, context.input.readWallClock);
    if (value && month.severity) value.tone = month.severity;
    if (value) value.align = "center";
    return value;
  });
  const breaches = describeBreaches(metric.quarter.breaches);
  const corrected =
    metric.quarter.corrections.length > 0 ? ` Corrected: ${metric.quarter.corrections.join("; ")}.` : "";
  const detail =
    (breaches ? `${metric.quarter.trend}. Breached: ${breaches}` : metric.quarter.trend) + corrected;
  return [
    label(metric.row.name),
    area ? text(area) : null,
    metric.target ? text(metric.target) : text("—"),
    ...months,
    status(metric.quarter.status.text, metric.quarter.status.tone),
    text(detail),
  ];
}

/** The account's contract-facing metrics in CPARS order (Schedule, Quality, Cost, Management, none), else as on the tab. */
export function contractMetrics(context: ReviewContext): EvaluatedMetric[] {
  return context.metrics
    .map((metric, order) => ({ metric, order }))
    .filter(({ metric }) => metric.category === "Contract-facing")
    .sort((a, b) => areaRank(a.metric) - areaRank(b.metric) || a.order - b.order)
    .map(({ metric }) => metric);
}

/** The column headings of a contract-facing metrics table: metric, area, target, the months, status, trend. */
export function contractColumns(context: ReviewContext): string[] {
  return ["Metric", "CPARS area", "Target", ...context.monthHeadings, "Status", "Trend and breaches"];
}

/**
 * Contract-facing metrics (QASP/CLIN-aligned) sorted into CPARS areas, then any internal metric an
 * escalation of a `Reaches CO` rule was open for in the quarter (internal metrics are not reported
 * to the CO otherwise, Watch and Warning included). A CPARS summary line closes the section.
 */
export function addContractSection(rows: RowCollector, context: ReviewContext): void {
  if (context.segment === "Commercial") {
    addCommitmentsSection(rows, context);
    return;
  }
  const section = "contract";
  rows.heading(section, "1. Contract-facing metrics vs target — the part the contracting officer may see");
  rows.message(
    `${section}|about`,
    "QASP/CLIN-aligned metrics (KPI Catalog Category = Contract-facing), grouped by CPARS area. Internal metrics " +
      "appear here only when an escalation of a rule marked Reaches CO was open for them this quarter.",
  );
  rows.columns(section, contractColumns(context));
  const contract = contractMetrics(context);
  if (contract.length === 0)
    rows.message(
      `${section}|none`,
      `No contract-facing metrics on the account tab "${context.account.tabName}": mark QASP/CLIN metrics ` +
        "Contract-facing in the KPI Catalog or the tab's Category column.",
    );
  for (const metric of contract)
    rows.add(`${section}|${metric.row.name}`, "body", metricRow(context, metric, metric.cparsArea ?? "—"));

  const breached = context.metrics.filter((m) => m.category === "Internal" && reachedCoInQuarter(m));
  if (breached.length > 0) {
    rows.add(`${section}|internal breaches`, "body", [
      cell("label", "Internal metrics with an escalation at contracting-officer level this quarter", {
        bold: true,
      }),
    ]);
    for (const metric of breached)
      rows.add(
        `${section}|internal|${metric.row.name}`,
        "body",
        metricRow(context, metric, metric.cparsArea ? `Internal · ${metric.cparsArea}` : "Internal"),
      );
  }
  if (contract.length === 0) return;
  rows.message(`${section}|cpars summary`, cparsSummary(contract));
  addIncidentRecord(rows, context, section, true);
  addYearToDate(rows, context, contract, section);
  if (holdsAnnualReview(context)) addYearInReview(rows, context, contract, section);
}

/** ` in Jun 2026, recovered Jul 2026` for a metric with breaches; blank otherwise. */
function whenBreached(metric: EvaluatedMetric): string {
  const { breaches } = metric.quarter;
  if (breaches.length === 0) return "";
  const months = [...new Map(breaches.map((b) => [b.month.year * 12 + b.month.month, b.month])).entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, month]) => month);
  const latest = breaches.filter((b) => sameMonth(b.month, months[months.length - 1]));
  const recovered = latest.every((b) => b.recoveredIn !== null) ? latest[0].recoveredIn : null;
  return ` in ${formatMonthList(months)}${recovered ? `, recovered ${formatMonthList([recovered])}` : ""}`;
}

/** `CPARS summary — Schedule: all 2 met · Quality: System uptime critical in Jun 2026, recovered Jul 2026 · …`. */
export function cparsSummary(metrics: readonly EvaluatedMetric[]): string {
  const areas = [...CPARS_AREAS, null] as const;
  const parts: string[] = [];
  for (const area of areas) {
    const inArea = metrics.filter((m) => m.cparsArea === area);
    if (inArea.length === 0) continue;
    const name = area ?? "No CPARS area";
    const issues = inArea.filter((m) => !["Met", "No target"].includes(m.quarter.status.text));
    parts.push(
      issues.length === 0
        ? `${name}: ${inArea.length === 1 ? "met" : `all ${inArea.length} met`}`
        : `${name}: ${issues.map((m) => `${m.row.name} ${m.quarter.status.text.toLowerCase()}${whenBreached(m)}`).join(", ")}`,
    );
  }
  return `CPARS summary — ${parts.join(" · ")}.`;
}

/**
 * A commercial account's section 1: the service commitments it was sold (KPI Catalog Category
 * Contract-facing, e.g. the SLA's first response, resolution time and uptime) against target, in
 * the customer's words — no CPARS areas, no contracting officer.
 */
function addCommitmentsSection(rows: RowCollector, context: ReviewContext): void {
  const section = "contract";
  rows.heading(section, "1. Service commitments vs target — what the customer was promised");
  rows.message(
    `${section}|about`,
    "The metrics the customer's agreement commits to (KPI Catalog Category = Contract-facing), such as SLA " +
      "response, resolution and uptime, month by month against their targets.",
  );
  rows.columns(section, ["Metric", "", "Target", ...context.monthHeadings, "Status", "Trend and breaches"]);
  const committed = context.metrics.filter((metric) => metric.category === "Contract-facing");
  if (committed.length === 0)
    rows.message(
      `${section}|none`,
      `No service commitments on the account tab "${context.account.tabName}": mark the agreement's metrics ` +
        "Contract-facing in the KPI Catalog or the tab's Category column.",
    );
  for (const metric of committed)
    rows.add(`${section}|${metric.row.name}`, "body", metricRow(context, metric, ""));
  addIncidentRecord(rows, context, section, true);
}
