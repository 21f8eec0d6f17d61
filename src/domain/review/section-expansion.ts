// Section 6: seed 004's expansion-readiness checklist, each trigger met or not with its evidence, and the verdict.
import { expansionChecklist } from "./expansion-evidence";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { label, status, text } from "./review-document";
import { formatDay } from "./review-quarter";

/** The seed 004 enterprise-license sentence whose list of conditions is cut off in the seed. */
export const ENTERPRISE_LICENSE_REMARK =
  'Enterprise license (seed 004): "discussions are appropriate when at least three of the following are true" — ' +
  "but the seed's list of conditions is cut off, so this tab does not check them. Agree the list and record it here.";

/** The expansion-readiness section. */
export function addExpansionSection(rows: RowCollector, context: ReviewContext): void {
  const section = "expansion";
  rows.heading(section, "6. Expansion readiness — seed 004 triggers");
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
        : "Hold the expansion conversation until every trigger is met (seed 004).",
    ),
  ]);
  rows.message(`${section}|enterprise license`, ENTERPRISE_LICENSE_REMARK);
}
