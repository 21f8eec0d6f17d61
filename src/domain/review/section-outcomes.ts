// Section 4: review outcomes recorded for the account in the quarter, one row per agenda item, grouped by review.
import { compareCivil } from "../civil-date";
import { civilDateOf } from "../workbook/date-cells";
import type { ReviewOutcome } from "../workbook/parse-review-outcomes";
import { normalizeHeader } from "../workbook-schema";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { cell, label, status, text } from "./review-document";
import { formatDay } from "./review-quarter";

/** The outcomes section: the quarter's outcomes, then the actions still open from earlier reviews. */
export function addOutcomesSection(rows: RowCollector, context: ReviewContext): void {
  addQuarterOutcomes(rows, context);
  addCarriedActions(rows, context);
}

/** An action is one when an outcome names an owner or a due date. */
function hasAction(outcome: ReviewOutcome): boolean {
  return outcome.actionOwner !== "" || outcome.actionDue !== null;
}

/**
 * Actions of earlier reviews of the account that are not done (Review Outcomes › Action done blank):
 * owner, due date, and `Overdue` once the due date has passed (as of today, or the quarter's end for
 * a past quarter). They stay on every review until someone records them done.
 */
function addCarriedActions(rows: RowCollector, context: ReviewContext): void {
  const section = "outcomes";
  const { readWallClock } = context.input;
  const account = normalizeHeader(context.account.account);
  const start = context.quarter.range.start;
  const open = context.input.outcomes
    .filter((outcome) => normalizeHeader(outcome.account) === account)
    .filter((outcome) => compareCivil(civilDateOf(outcome.reviewDate, readWallClock), start) < 0)
    .filter((outcome) => hasAction(outcome) && outcome.actionDone === null)
    .sort(
      (a, b) => (a.actionDue?.getTime() ?? Infinity) - (b.actionDue?.getTime() ?? Infinity) || a.row - b.row,
    );
  const count = open.length;
  rows.add(`${section}|carried`, "body", [
    cell("label", `Actions carried forward from earlier reviews (${count} open)`, { bold: true }),
  ]);
  if (count === 0) {
    rows.message(`${section}|carried|none`, "No action of an earlier review is still open.");
    return;
  }
  for (const outcome of open) {
    const day = civilDateOf(outcome.reviewDate, readWallClock);
    const due = outcome.actionDue ? civilDateOf(outcome.actionDue, readWallClock) : null;
    const overdue = due !== null && compareCivil(due, context.asOf) < 0;
    rows.add(`${section}|carried|row ${outcome.row}`, "body", [
      label(outcome.agendaItem || "(no agenda item)"),
      cell("date", day),
      outcome.actionOwner ? text(outcome.actionOwner) : null,
      due ? cell("date", due) : null,
      null,
      null,
      overdue ? status("Overdue", "Critical") : status("Open"),
      text(
        [
          outcome.decision ? `Decision: ${outcome.decision}` : "",
          outcome.outcome ? `Outcome: ${outcome.outcome}` : "",
        ]
          .filter((part) => part !== "")
          .join(" · ") || `${outcome.reviewType || "review"} of ${formatDay(day)}`,
      ),
    ]);
  }
}

/** The outcomes recorded in the quarter, grouped by review; a done action says so. */
function addQuarterOutcomes(rows: RowCollector, context: ReviewContext): void {
  const section = "outcomes";
  const { readWallClock } = context.input;
  rows.heading(section, "4. Review outcomes recorded this quarter — Review Outcomes");
  if (context.outcomes.length === 0) {
    rows.message(
      `${section}|none`,
      `No outcomes recorded for ${context.account.account} in ${context.quarter.label} yet. After the review, ` +
        "record one outcome per agenda item (sidebar › Review outcomes) and generate this tab again.",
    );
    return;
  }
  rows.columns(section, [
    "Agenda item",
    "Review date",
    "Action owner",
    "Action due",
    "",
    "",
    context.segment === "Federal" ? "CPARS area" : "",
    "Outcome and decision",
  ]);
  let previous: { day: ReturnType<typeof civilDateOf>; type: string } | null = null;
  for (const outcome of context.outcomes) {
    const day = civilDateOf(outcome.reviewDate, readWallClock);
    if (!previous || compareCivil(previous.day, day) !== 0 || previous.type !== outcome.reviewType) {
      const heading =
        `${formatDay(day)} · ${outcome.reviewType || "review"}` +
        (outcome.attendees ? ` · attendees: ${outcome.attendees}` : "");
      rows.add(`${section}|review|${formatDay(day)}|${outcome.reviewType}`, "body", [
        cell("label", heading, { bold: true }),
      ]);
      previous = { day, type: outcome.reviewType };
    }
    const detail = [
      outcome.outcome ? `Outcome: ${outcome.outcome}` : "Outcome: (not recorded)",
      outcome.decision ? `Decision: ${outcome.decision}` : "",
    ]
      .filter((part) => part !== "")
      .join(" · ");
    rows.add(`${section}|${formatDay(day)}|${outcome.agendaItem || `row ${outcome.row}`}`, "body", [
      label(outcome.agendaItem || "(no agenda item)"),
      cell("date", day),
      outcome.actionOwner ? text(outcome.actionOwner) : null,
      outcome.actionDue ? cell("date", civilDateOf(outcome.actionDue, readWallClock)) : null,
      null,
      null,
      outcome.cparsArea && context.segment === "Federal" ? text(outcome.cparsArea) : null,
      text(hasAction(outcome) && outcome.actionDone !== null ? `Done · ${detail}` : detail),
    ]);
  }
}
