// The Escalation Log's `Follow-up due` cell: the second deadline of `Respond within`, and whether the incidents' root-cause report met it.
import { followUpStatus } from "../calendar/follow-up-status";
import type { FollowUp, ResponseWindow } from "../calendar/response-window";
import { computeResponseDues } from "../calendar/response-window";
import type { ReadWallClock } from "../civil-date";
import { rootCauseDelivered } from "../incidents/root-cause-delivery";
import type { Incident } from "../workbook/parse-incidents";

/** What a follow-up is counted from and judged on. */
export interface FollowUpFacts {
  /** The rule's first window and its follow-up (`immediately; root cause report within 5 business days`). */
  first: ResponseWindow;
  followUp: FollowUp;
  /** When the escalation was opened (used when there are no incidents). */
  opened: Date;
  /**
   * The incidents behind the escalation (a breached window's), or `null` when it did not come from
   * incidents: the follow-up is then counted from `opened` and stays pending or overdue until someone
   * edits the cell.
   */
  incidents: readonly Incident[] | null;
  now: Date;
  readWallClock: ReadWallClock;
  fiscalYearStartMonth?: number;
}

/**
 * The text of `Follow-up due`: `Root cause report: Pending (due 2026-03-11)`, `… Overdue (due …)`,
 * `… Met 2026-03-10`, `… Met late 2026-03-16 (due 2026-03-11)`. An escalation from incidents counts
 * from the first incident's start (when the breach began) and is met once every incident of it has
 * its `Root cause report` date on the Incidents tab.
 */
export function followUpCellText(facts: FollowUpFacts): string {
  const incidents = facts.incidents ?? [];
  let from = facts.opened;
  for (const incident of incidents) if (incident.started.getTime() < from.getTime()) from = incident.started;
  const dues = computeResponseDues(
    facts.readWallClock(from),
    { first: facts.first, followUp: facts.followUp },
    { fiscalYearStartMonth: facts.fiscalYearStartMonth },
  );
  const due = dues.followUp ?? dues.first;
  const delivered = incidents.length > 0 ? rootCauseDelivered(incidents) : null;
  const status = followUpStatus(due, delivered, facts.readWallClock(facts.now));
  const label = facts.followUp.label;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${status.text}`;
}
