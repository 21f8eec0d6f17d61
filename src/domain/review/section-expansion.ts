// Section 6: seed 004's expansion-readiness checklist, each trigger met or not with its evidence, and the verdict.
import { compareCivil } from "../civil-date";
import { bandSeverity, healthBand } from "../metrics/health-band";
import { formatMonth } from "../workbook/date-text";
import { normalizeHeader, WELL_KNOWN_METRICS } from "../workbook-schema";
import { expansionChecklist } from "./expansion-evidence";
import { numericValue } from "./metric-values";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { label, status, text } from "./review-document";
import { formatDay } from "./review-quarter";

/**
 * The enterprise-license rule of the expansion framework, whose list of conditions is not given: the
 * tab says so in the customer's words instead of checking a made-up list.
 */
export const ENTERPRISE_LICENSE_REMARK =
  "Enterprise license: discussions are appropriate when at least three agreed conditions are true. The " +
  "conditions are not agreed yet, so this tab does not check them — agree them with the account and record them here.";

/** The expansion-readiness section. */
export function addExpansionSection(rows: RowCollector, context: ReviewContext): void {
  if (context.segment === "Commercial") {
    addCommercialExpansionSection(rows, context);
    return;
  }
  const section = "expansion";
  rows.heading(section, "6. Expansion readiness — triggers");
  const checklist = expansionChecklist({
    metrics: context.account.metrics,
    periods: context.account.periods,
    goLive: context.goLive,
    provisionedUsers: context.account.provisionedUsers,
    asOf: context.asOf,
    readWallClock: context.input.readWallClock,
  });
  rows.columns(section, ["Trigger", "Minimum threshold", "", "", "", "", "Met?", "Evidence"]);
  for (const check of checklist.checks)
    rows.add(`${section}|${check.trigger}`, "body", [
      label(check.trigger),
      text(check.threshold),
      null,
      null,
      null,
      null,
      check.met
        ? status("Met", "OK")
        : status("Not met", check.evidence.startsWith("no data") ? "No data" : "Warning"),
      text(check.evidence),
    ]);
  const total = checklist.checks.length;
  rows.add(`${section}|verdict`, "body", [
    label("Verdict", { bold: true }),
    text(`${checklist.metCount} of ${total} triggers met as of ${formatDay(checklist.asOf)}`),
    null,
    null,
    null,
    null,
    checklist.ready ? status("Ready", "OK") : status("Not ready", "Warning"),
    text(
      checklist.ready
        ? "An expansion conversation may start (structured, not a pitch)."
        : "Hold the expansion conversation until every trigger is met.",
    ),
  ]);
  rows.message(`${section}|enterprise license`, ENTERPRISE_LICENSE_REMARK);
}

/** The latest number of a metric row on or before `asOf` (its month), with that month; `null` without one. */
function latestOf(context: ReviewContext, name: string): { value: number; month: string } | null {
  const row = context.metrics.find((metric) => normalizeHeader(metric.row.name) === normalizeHeader(name));
  if (!row) return null;
  const periods = context.account.periods;
  for (let index = periods.length - 1; index >= 0; index -= 1) {
    if (compareCivil(periods[index].month, context.asOf) > 0) continue;
    const value = numericValue(row.row.values[index], undefined, context.input.readWallClock);
    if (value !== null) return { value, month: formatMonth(periods[index].month) };
  }
  return null;
}

/**
 * A commercial account's expansion signals (the CS metrics framework): a health score in the best
 * band makes the account an expansion-assessment and success-story candidate; ARR growth since the
 * start shows as expansion revenue and NRR. No federal checklist.
 */
function addCommercialExpansionSection(rows: RowCollector, context: ReviewContext): void {
  const section = "expansion";
  rows.heading(section, "6. Expansion signals");
  rows.columns(section, ["Signal", "What it takes", "", "", "", "", "Now", "Evidence"]);
  const bands = context.input.settings.healthBands;
  const score = latestOf(context, WELL_KNOWN_METRICS.healthScore);
  const band = score ? healthBand(score.value, bands) : null;
  const best = band !== null && bandSeverity(band) === "ok";
  const topBand = bands.length === 2 ? "Green" : "Excellent";
  const signal = (name: string, threshold: string, met: boolean | null, evidence: string) =>
    rows.add(`${section}|${name}`, "body", [
      label(name),
      text(threshold),
      null,
      null,
      null,
      null,
      met === null ? status("No data", "No data") : met ? status("Yes", "OK") : status("Not yet", "Warning"),
      text(evidence),
    ]);
  const scoreEvidence = score
    ? `Health score ${score.value} (${band}) in ${score.month}`
    : "no Health score yet";
  signal("Expansion assessment", `Health score in the ${topBand} band`, score ? best : null, scoreEvidence);
  signal(
    "Success-story candidate",
    `Health score in the ${topBand} band`,
    score ? best : null,
    scoreEvidence,
  );
  const arr = latestOf(context, WELL_KNOWN_METRICS.arr);
  const start = context.account.startingArr;
  if (arr && start) {
    const growth = arr.value - start;
    const nrr = arr.value / start;
    signal(
      "Expansion revenue",
      "ARR above Starting ARR",
      growth > 0,
      `ARR ${arr.value.toLocaleString("en-US")} in ${arr.month} vs Starting ARR ${start.toLocaleString("en-US")} ` +
        `(${growth >= 0 ? "+" : "−"}${Math.abs(growth).toLocaleString("en-US")})`,
    );
    signal("NRR", "above 100%", nrr > 1, `NRR ${(nrr * 100).toFixed(1)}% (latest ARR ÷ Starting ARR)`);
  } else
    signal(
      "Expansion revenue and NRR",
      "ARR above Starting ARR",
      null,
      "no ARR row or no Starting ARR on the tab",
    );
}
