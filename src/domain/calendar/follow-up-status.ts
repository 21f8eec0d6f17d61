// Whether a follow-up (a root-cause report due within 5 business days) was delivered on time, late, or is still owed.
import type { CivilDate } from "../civil-date";
import { compareCivil, toIsoDate } from "../civil-date";
import type { DueDate, OpenedAt } from "./response-window";

/** Where a follow-up stands. */
export type FollowUpState = "met" | "met late" | "overdue" | "pending";

/** A follow-up's state, with the dates behind it. */
export interface FollowUpStatus {
  state: FollowUpState;
  due: DueDate;
  /** The day it was delivered; `null` while it is owed. */
  delivered: CivilDate | null;
  /** For the log, digest and review: `Met 2026-03-10`, `Met late 2026-03-16 (due 2026-03-11)`, `Overdue (due 2026-03-11)`, `Pending (due 2026-03-11)`. */
  text: string;
}

/** Minutes since 1970 of a day and optional time, for ordering. */
function minuteOf(at: OpenedAt): number {
  return Date.UTC(at.year, at.month - 1, at.day, at.hour ?? 0, at.minute ?? 0) / 60_000;
}

/**
 * The state of a follow-up due at `due`: **met** when it was delivered (the day filled in, e.g. the
 * incident's `Root cause report`) on or before the due day, **met late** when delivered after it,
 * **overdue** when nothing is delivered and `now` is past the due time (past the due day; past the
 * hour for a window in hours), else **pending**.
 */
export function followUpStatus(due: DueDate, delivered: CivilDate | null, now: OpenedAt): FollowUpStatus {
  const dueDay = due.dueAt?.date ?? due.due;
  const dueText = due.dueAt
    ? `${toIsoDate(due.dueAt.date)} ${String(due.dueAt.hour).padStart(2, "0")}:${String(due.dueAt.minute).padStart(2, "0")}`
    : toIsoDate(due.due);
  if (delivered) {
    const late = compareCivil(delivered, dueDay) > 0;
    return {
      state: late ? "met late" : "met",
      due,
      delivered,
      text: late ? `Met late ${toIsoDate(delivered)} (due ${dueText})` : `Met ${toIsoDate(delivered)}`,
    };
  }
  const past = due.dueAt
    ? minuteOf(now) > minuteOf({ ...due.dueAt.date, hour: due.dueAt.hour, minute: due.dueAt.minute })
    : compareCivil(now, due.due) > 0;
  return {
    state: past ? "overdue" : "pending",
    due,
    delivered: null,
    text: `${past ? "Overdue" : "Pending"} (due ${dueText})`,
  };
}
