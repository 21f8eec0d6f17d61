// When the root-cause report behind an escalation was delivered: once every incident it names has its report date.
import type { CivilDate } from "../civil-date";
import { compareCivil } from "../civil-date";
import type { Incident } from "../workbook/parse-incidents";

/**
 * The day the root-cause follow-up of these incidents was delivered: the latest `Root cause report`
 * date once every one of them has one, else `null` (still owed; also for no incidents). An escalation
 * whose window holds two outages is met when both are explained.
 */
export function rootCauseDelivered(incidents: readonly Incident[]): CivilDate | null {
  let latest: CivilDate | null = null;
  for (const incident of incidents) {
    const report = incident.rootCauseReport;
    if (!report) return null;
    if (!latest || compareCivil(report, latest) > 0) latest = report;
  }
  return latest;
}
