// Section 4: review outcomes recorded for the account in the quarter, one row per agenda item, grouped by review.
import { compareCivil } from "../civil-date";
import { civilDateOf } from "../workbook/date-cells";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { cell, label, text } from "./review-document";
import { formatDay } from "./review-quarter";

/** The outcomes section. */
export function addOutcomesSection(rows: RowCollector, context: ReviewContext): void {
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
      text(detail),
    ]);
  }
}
