// The menu's scan and trigger commands: run the job, then tell a user who ran it from the menu what it did.
import type { ScanSummary } from "../domain/scan/scan-summary";
import { type DailyScanStatus, installDailyScanTrigger, removeDailyScanTrigger } from "./daily-scan-trigger";
import { alertIfInteractive } from "./platform/ui";
import { runScanJob } from "./run-scan";
import { scanAlertText } from "./scan-alert";

/** Scan now: scans every account tab, alerts the summary when run from the menu, and returns it. */
export function runScanFromMenu(): ScanSummary {
  const summary = runScanJob({ mode: "run" });
  alertIfInteractive("KPI Steward: Scan now", scanAlertText(summary));
  return summary;
}

/** Preview scan: what a scan would flag and email, changing and sending nothing; alerted and returned. */
export function previewScanFromMenu(): ScanSummary {
  const summary = runScanJob({ mode: "preview" });
  alertIfInteractive("KPI Steward: Preview scan", scanAlertText(summary));
  return summary;
}

/** Install daily scan: installs the one daily trigger, alerts the outcome and returns it. */
export function installDailyScanFromMenu(): DailyScanStatus {
  const status = installDailyScanTrigger();
  alertIfInteractive("KPI Steward: Install daily scan", status.message);
  return status;
}

/** Remove daily scan: removes the daily trigger, alerts the outcome and returns it. */
export function removeDailyScanFromMenu(): DailyScanStatus {
  const status = removeDailyScanTrigger();
  alertIfInteractive("KPI Steward: Remove daily scan", status.message);
  return status;
}
