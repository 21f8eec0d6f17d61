// Availability and P1 incidents of the quarter from the Incidents tab: each month's availability and worst 7-day window, each P1's time to remediate.
import { formatPeopleTime, zoneLabel } from "../calendar/people-date";
import type { ReadWallClock } from "../civil-date";
import { evaluateCondition } from "../condition";
import { type MonthAvailability, monthAvailability } from "../incidents/availability";
import { accountDowntime, incidentsOf } from "../incidents/downtime";
import { formatDuration } from "../incidents/duration-text";
import { monthSpan } from "../incidents/month-span";
import { monthRemediation, remediationTime } from "../incidents/remediation";
import { beforeTracking, incidentsTrackedFrom } from "../incidents/tracked-from";
import { countOf } from "../plural";
import type { Incident } from "../workbook/parse-incidents";
import { normalizeHeader } from "../workbook-schema";
import { readTarget } from "./metric-quarter";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { cell, label, status, text } from "./review-document";
import { formatDay, formatMonthList } from "./review-quarter";

/** The metric whose target judges availability. */
const UPTIME_METRIC = "System uptime";
/** The priority whose time to remediate the contract measures. */
const MEASURED_PRIORITY = "P1";

/** `Oct 9, 2:05 PM` on the spreadsheet's clock. */
export function formatMoment(at: Date | number, readWallClock: ReadWallClock): string {
  const clock = readWallClock(new Date(at));
  return `${formatDay(clock).replace(/, \d+$/, "")}, ${formatPeopleTime(clock)}`;
}

/** Whether an availability meets the System uptime target; `null` without a readable target. */
function meetsUptimeTarget(context: ReviewContext, availability: number): boolean | null {
  const metric = context.metrics.find((m) => normalizeHeader(m.row.name) === normalizeHeader(UPTIME_METRIC));
  const target = readTarget(UPTIME_METRIC, metric?.target ?? "").condition;
  if (!target) return null;
  const result = evaluateCondition(target, [availability], { readWallClock: context.input.readWallClock });
  return result.problem ? null : result.matched;
}

/** The tone of an availability: OK when it meets the uptime target, Critical when it does not. */
function availabilityCell(context: ReviewContext, availability: number) {
  const met = meetsUptimeTarget(context, availability);
  const tone = met === null ? undefined : met ? ("OK" as const) : ("Critical" as const);
  return cell("percent", availability, { format: "0.00%", align: "center", ...(tone ? { tone } : {}) });
}

/**
 * The quarter's availability and P1 incidents for an account that logs incidents (any row of it in
 * the Incidents tab): per month the availability, the worst rolling 7-day window (the SLA's measure)
 * and when it ran, the P1s resolved with their mean and worst time to remediate; then each P1 of the
 * quarter. `withSummaries` adds each incident's summary (the review tab; never the CO report).
 */
export function addIncidentRecord(
  rows: RowCollector,
  context: ReviewContext,
  section: string,
  withSummaries: boolean,
): void {
  const all = context.input.incidents ?? [];
  const mine = incidentsOf(all, context.account.account);
  if (mine.length === 0) return;
  const { readWallClock } = context.input;
  const now = context.input.now ?? new Date(0);
  const downtime = accountDowntime(all, context.account.account, now);
  const zone = context.input.timeZone;
  const times = zone ? `; times ${zoneLabel(zone)} (${zone})` : "";
  rows.add(`${section}|incidents title`, "body", [
    label(
      `Availability and P1 incidents from the Incidents tab — the SLA is judged over any rolling 7 days${times}`,
      { bold: true },
    ),
  ]);
  rows.columns(`${section}|incidents`, [
    "Month",
    "Availability",
    "Worst 7 days",
    "Worst 7-day window",
    "",
    "",
    "P1 resolved",
    "Time to remediate (P1)",
  ]);
  const spans = context.quarter.months.map((month) => monthSpan(month, readWallClock));
  const trackedFrom = incidentsTrackedFrom(all);
  for (const [index, month] of context.quarter.months.entries()) {
    if (spans[index].start > now.getTime()) continue;
    if (beforeTracking(spans[index], trackedFrom)) {
      // Nobody logged outages yet: the month is not claimed as fully available.
      rows.add(`${section}|incidents|${formatMonthList([month])}`, "body", [
        cell("month", month, { align: "left" }),
        text("—", { align: "center" }),
        text("—", { align: "center" }),
        text(
          `not tracked: the Incidents tab starts ${trackedFrom ? formatMoment(trackedFrom, readWallClock) : "later"}`,
        ),
        null,
        null,
        null,
        null,
      ]);
      continue;
    }
    const availability: MonthAvailability = monthAvailability(downtime, month, { readWallClock });
    const remediation = monthRemediation(all, {
      account: context.account.account,
      month,
      priority: MEASURED_PRIORITY,
      now,
      readWallClock,
    });
    const worst = availability.worstWindow;
    const remedy =
      remediation.meanMinutes === null
        ? remediation.open.length > 0
          ? `${countOf(remediation.open.length, "P1")} still open`
          : "no P1 resolved"
        : `mean ${formatDuration(remediation.meanMinutes)}; worst ${remediation.worst?.incident.id} ` +
          `${formatDuration(remediation.worst?.minutes ?? 0)}`;
    rows.add(`${section}|incidents|${formatMonthList([month])}`, "body", [
      cell("month", month, { align: "left" }),
      availabilityCell(context, availability.availability),
      worst ? availabilityCell(context, worst.value) : text("—", { align: "center" }),
      worst
        ? text(`${formatMoment(worst.start, readWallClock)} – ${formatMoment(worst.end, readWallClock)}`)
        : text(availability.complete ? "—" : "no full window yet"),
      null,
      null,
      cell("number", remediation.resolved.length, { format: "0", align: "center" }),
      text(remedy),
    ]);
  }
  const quarterP1s = mine
    .filter((incident) => incident.priority === MEASURED_PRIORITY)
    .filter((incident) => {
      const at = incident.started.getTime();
      return at >= spans[0].start && at < spans[spans.length - 1].end;
    })
    .sort((a, b) => a.started.getTime() - b.started.getTime());
  if (quarterP1s.length === 0) {
    rows.message(`${section}|incidents|none`, `No P1 incident started in ${context.quarter.label}.`);
    return;
  }
  for (const incident of quarterP1s)
    rows.add(
      `${section}|incident|${incident.id}`,
      "body",
      incidentRow(incident, context, now, withSummaries),
    );
}

function incidentRow(incident: Incident, context: ReviewContext, now: Date, withSummary: boolean) {
  const { readWallClock } = context.input;
  const { minutes } = remediationTime(incident, now);
  const rca = incident.rootCauseReport
    ? `root cause report delivered ${formatDay(incident.rootCauseReport)}`
    : "root cause report not delivered yet";
  const resolved = incident.resolved
    ? `resolved ${formatMoment(incident.resolved, readWallClock)}`
    : `open for ${formatDuration(minutes)} so far`;
  return [
    label(`${incident.id} · ${incident.priority}`),
    text(`started ${formatMoment(incident.started, readWallClock)}; ${resolved}`),
    null,
    null,
    null,
    null,
    incident.resolved ? status(formatDuration(minutes)) : status("Open", "Warning"),
    text(`${rca}${withSummary && incident.summary ? ` · ${incident.summary}` : ""}`),
  ];
}
