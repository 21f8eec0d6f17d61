// What acknowledging, snoozing or resolving an escalation writes: the new status and the note with a dated line.
import type { EscalationAction } from "../forms/escalation-update-form";
import type { EscalationStatus } from "../workbook/escalation-status";

/** The status an action leads to; `dateOf` turns the snooze's ISO date into the log's date. */
export function statusAfter(
  action: EscalationAction,
  dateOf: (iso: string) => Date,
  snoozeUntilIso: string,
): EscalationStatus {
  switch (action) {
    case "acknowledge":
      return { kind: "Acknowledged" };
    case "snooze":
      return { kind: "Snoozed", until: dateOf(snoozeUntilIso) };
    case "resolve":
      return { kind: "Resolved" };
  }
}

/**
 * The Note cell after an update: earlier notes kept, then one line
 * `2026-03-05 Acknowledged (ana@agency.gov): <note>` (the user part left out when unknown, the
 * note part when blank).
 */
export function noteWithEntry(
  previous: string,
  todayIso: string,
  status: string,
  note: string,
  user: string,
): string {
  const line = `${todayIso} ${status}${user ? ` (${user})` : ""}${note ? `: ${note}` : ""}`;
  return previous.trim() ? `${previous.trim()}\n${line}` : line;
}
