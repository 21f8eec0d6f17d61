// The CO report of a federal account and quarter: only what a contracting officer may see, by CPARS area, built so nothing internal can leak into it.
import { customerSuccessTeamName } from "../cadence/attendees";
import { monthName } from "../calendar/month-names";
import { readFollowUpCell } from "../scan/follow-up-cell";
import { civilDateOf } from "../workbook/date-cells";
import { formatEscalationStatus } from "../workbook/escalation-status";
import type { EscalationLogEntry } from "../workbook/parse-escalation-log";
import { normalizeHeader } from "../workbook-schema";
import { escalationsInQuarter } from "./escalations-in-quarter";
import type { ReviewContext } from "./review-context";
import type { ReviewDocument } from "./review-document";
import { cell, label, NOTES_HEADER, note, RowCollector, status, text } from "./review-document";
import { formatDay, formatQuarterDays } from "./review-quarter";
import {
  contractColumns,
  contractMetrics,
  cparsSummary,
  metricRow,
  reachedCoInQuarter,
} from "./section-contract";
import { addIncidentRecord } from "./section-incidents";
import { addYearInReview, addYearToDate, holdsAnnualReview } from "./section-year-record";

/** The CO report's title: `Contracting officer report · FY27 Q1 · <Account>`. */
export function coReportTitle(quarterLabel: string, account: string): string {
  return `Contracting officer report · ${quarterLabel} · ${account}`;
}

/**
 * The CO report of a federal account (SPEC §6; the outcome-review document: internal metrics are
 * not shared with the CO in standard reporting). It holds the account, contract/CLIN, the quarter,
 * the contract-facing metrics with targets, monthly values and status grouped by CPARS area, the
 * CPARS-area summary, availability and P1 incidents when the account logs incidents (no summaries),
 * the fiscal year to date (the whole year month by month at the annual review),
 * and the escalations of rules marked `Reaches CO`. It is built from a whitelist, never by filtering
 * the review: no health score or component, no internal metric (unless an escalation of a `Reaches
 * CO` rule was open for it), no escalation action or note, no outcome text, no expansion content.
 */
export function buildCoReport(context: ReviewContext): ReviewDocument {
  const { account, quarter, input } = context;
  const rows = new RowCollector();
  const preparedBy = customerSuccessTeamName(input.settings.companyName);
  rows.add("title", "title", [cell("title", coReportTitle(quarter.label, account.account))]);
  rows.add("subtitle", "subtitle", [
    note(
      `${formatQuarterDays(quarter.range)} · prepared ${formatDay(input.today)} by ${preparedBy} · ` +
        "contract-facing metrics only; the Notes column is kept when the report is refreshed",
    ),
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    cell("column", NOTES_HEADER),
  ]);

  rows.heading("contract", "Contract and reporting period");
  const pair = (item: string, value: ReturnType<typeof text>) =>
    rows.add(`contract|${item}`, "body", [label(item), value]);
  pair("Account", text(account.account));
  pair("Contract / CLIN", account.contract ? text(account.contract) : note("not given on the account tab"));
  pair("Quarter", text(`${quarter.label} · ${formatQuarterDays(quarter.range)}`));
  pair("Fiscal year", text(`starts in ${monthName(quarter.fyStartMonth)}`));
  pair(
    "Basis",
    text("QASP/CLIN metrics as recorded each month; each month's status is judged on the value recorded now"),
  );
  rows.spacer("contract");

  const section = "metrics";
  rows.heading(section, "Contract-facing metrics vs target, by CPARS area");
  const contract = contractMetrics(context);
  if (contract.length === 0)
    rows.message(`${section}|none`, "No contract-facing metrics are tracked for this account yet.");
  else {
    rows.columns(section, contractColumns(context));
    let area: string | null | undefined;
    for (const metric of contract) {
      if (metric.cparsArea !== area) {
        area = metric.cparsArea;
        rows.add(`${section}|area|${area ?? "none"}`, "body", [
          label(area ?? "No CPARS area", { bold: true }),
        ]);
      }
      rows.add(`${section}|${metric.row.name}`, "body", metricRow(context, metric, metric.cparsArea ?? "—"));
    }
    rows.message(`${section}|cpars summary`, cparsSummary(contract));
    addIncidentRecord(rows, context, section, false);
  }
  const coLevel = context.metrics.filter((m) => m.category === "Internal" && reachedCoInQuarter(m));
  if (coLevel.length > 0) {
    rows.add(`${section}|co level`, "body", [
      label("Other metrics with an escalation at contracting-officer level this quarter", { bold: true }),
    ]);
    for (const metric of coLevel)
      rows.add(`${section}|co level|${metric.row.name}`, "body", metricRow(context, metric, "—"));
  }
  if (contract.length > 0) {
    rows.spacer(section);
    rows.heading("year", `${quarter.label.split(" ")[0]}: the fiscal year so far`);
    addYearToDate(rows, context, contract, "year");
    if (holdsAnnualReview(context)) addYearInReview(rows, context, contract, "year");
  }
  rows.spacer("year");
  addCoEscalations(rows, context);
  return { kind: "co-report", account: account.account, quarterLabel: quarter.label, rows: rows.rows };
}

/**
 * The quarter's escalations of rules marked `Reaches CO`: ID, metric, severity, month, dates, status,
 * incident and root-cause follow-up — no action or note.
 */
function addCoEscalations(rows: RowCollector, context: ReviewContext): void {
  const section = "co escalations";
  const { readWallClock } = context.input;
  rows.heading(section, "Escalations at contracting-officer level");
  const coRules = context.compiledRules.filter((compiled) => compiled.rule.reachesCo).map((c) => c.rule);
  const reachesCo = (metric: string, severity: string | null, condition: string) =>
    coRules.some(
      (rule) =>
        normalizeHeader(rule.metric) === normalizeHeader(metric) &&
        rule.severity === severity &&
        normalizeHeader(rule.condition) === normalizeHeader(condition),
    );
  const found = escalationsInQuarter(
    context.input.escalations,
    context.account.account,
    context.quarter,
    readWallClock,
  ).rows.filter(({ entry }) => reachesCo(entry.metric, entry.severity, entry.condition));
  if (found.length === 0) {
    rows.message(
      `${section}|none`,
      `None: no escalation reached contracting-officer level in ${context.quarter.label}.`,
    );
    return;
  }
  rows.columns(section, [
    "Escalation",
    "Severity",
    "Month",
    "Opened",
    "Due",
    "Last seen",
    "Status",
    "Condition",
  ]);
  const day = (date: Date | null) => (date ? cell("date", civilDateOf(date, readWallClock)) : null);
  for (const { entry } of found) {
    const resolved = entry.status.kind === "Resolved";
    rows.add(`${section}|${entry.id || `row ${entry.row}`}`, "body", [
      label(`${entry.id || "Escalation"} · ${entry.metric}`),
      entry.severity ? status(entry.severity, entry.severity) : status("—"),
      entry.period ? cell("month", civilDateOf(entry.period, readWallClock)) : null,
      day(entry.opened),
      day(entry.due),
      day(entry.lastSeen),
      status(
        formatEscalationStatus(entry.status, readWallClock),
        resolved ? "OK" : (entry.severity ?? "Watch"),
      ),
      text(coEscalationDetail(entry)),
    ]);
  }
}

/**
 * The Condition cell of a CO escalation: the condition, the incident behind it, and the follow-up
 * (a root-cause report due or met) only as the scan wrote it, never a person's own text.
 */
function coEscalationDetail(entry: EscalationLogEntry): string {
  const followUp = entry.followUp && readFollowUpCell(entry.followUp) ? entry.followUp : "";
  return [entry.condition, entry.incident ? `Incident ${entry.incident}` : "", followUp]
    .filter((part) => part !== "")
    .join(" · ");
}
