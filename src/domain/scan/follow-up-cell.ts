// The Escalation Log's `Follow-up due` cell: the second deadline of `Respond within`, and whether the incidents' root-cause report met it.
import { followUpStatus } from "../calendar/follow-up-status";
import type { FollowUp, ResponseWindow } from "../calendar/response-window";
import { computeResponseDues } from "../calendar/response-window";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { parseIsoDate } from "../civil-date";
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

/** A `Follow-up due` cell as read back: what is owed, where it stands, and its due day. */
export interface FollowUpReading {
  /** What is owed, as the cell names it: `Root cause report`. */
  label: string;
  /** Pending or Overdue (still owed); `met` for Met and Met late; `not needed` after a corrected value. */
  state: "pending" | "overdue" | "met" | "not needed";
  /** The due day (and time when the cell gives one) while owed. */
  due: { day: CivilDate; hour?: number; minute?: number } | null;
}

const OWED = /^([^:]+): (Pending|Overdue) \(due (\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?\)$/;
const DONE = /^([^:]+): (Met|not needed)\b/;

/**
 * Reads a `Follow-up due` cell the scan wrote (`Root cause report: Overdue (due 2026-10-21)`,
 * `… Met 2026-10-19`, `… not needed (value corrected)`); `null` for a blank cell or a person's own
 * text, which the scan never rewrites.
 */
export function readFollowUpCell(text: string): FollowUpReading | null {
  const trimmed = text.trim();
  const owed = OWED.exec(trimmed);
  if (owed) {
    const day = parseIsoDate(owed[3]);
    if (!day) return null;
    const time = owed[4] === undefined ? {} : { hour: Number(owed[4]), minute: Number(owed[5]) };
    return { label: owed[1], state: owed[2] === "Overdue" ? "overdue" : "pending", due: { day, ...time } };
  }
  const done = DONE.exec(trimmed);
  if (!done) return null;
  return { label: done[1], state: done[2] === "Met" ? "met" : "not needed", due: null };
}

/** The text of a corrected escalation's follow-up: nothing is owed, the breach never was. */
export function followUpNotNeededText(reading: FollowUpReading): string {
  return `${reading.label}: not needed (value corrected)`;
}
