// The daily trigger's run: stops cleanly, saying so, when the add-on needs the user's authorization again.
import type { ScanSummary } from "../domain/scan/scan-summary";
import { notRunSummary } from "../domain/scan/summarize-scan";
import { recordRunSummary, runScanJob } from "./run-scan";

/**
 * What `scheduledScan` does. First asks Apps Script whether the user must authorize the add-on again
 * (`ScriptApp.getAuthorizationInfo(FULL)`: after an update adds a scope, the trigger still fires but
 * calls needing the new scope fail, and add-on triggers send no failure email). When authorization is
 * required it changes and sends nothing and records `outcome: "needs-authorization"` with the
 * authorization URL in the execution log and Document Property `KPI_STEWARD_LAST_RUN`, using only calls
 * that need no scope; otherwise it runs the scan.
 */
export function runScheduledScan(): ScanSummary {
  const authorization = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (authorization.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED)
    return runScanJob({ mode: "run" });
  const started = new Date();
  const url = authorization.getAuthorizationUrl();
  const summary = notRunSummary(
    "run",
    started,
    { outcome: "needs-authorization", ...(url ? { authorizationUrl: url } : {}) },
    {
      when: Utilities.formatDate(started, Session.getScriptTimeZone(), "yyyy-MM-dd HH:mm"),
      durationMs: 0,
    },
  );
  recordRunSummary(summary);
  return summary;
}
