// Tells a user who ran the scan from the menu what it did, in a short alert (trigger runs have no UI).
import type { ScanSummary } from "../domain/scan/scan-summary";

/** The alert's text: the one-line summary, then for a preview the emails it would send. */
export function scanAlertText(summary: ScanSummary): string {
  const lines = [summary.message];
  if (summary.mode === "preview") {
    if (summary.emails.length === 0) lines.push("", "No email would be sent.");
    else {
      lines.push("", "Would email:");
      for (const email of summary.emails.slice(0, 10))
        lines.push(`• ${email.to}: ${email.subject.replace(/^KPI Steward: /, "")}`);
      if (summary.emails.length > 10) lines.push(`• … and ${summary.emails.length - 10} more`);
    }
  }
  const cap = 1500;
  const text = lines.join("\n");
  return text.length > cap ? `${text.slice(0, cap - 1)}…` : text;
}
