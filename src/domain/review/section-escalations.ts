// Section 3: the account's escalations opened, resolved and still open in the quarter, from the Escalation Log.
import type { StatusTone } from "../severity-colors";
import { civilDateOf } from "../workbook/date-cells";
import { formatEscalationStatus } from "../workbook/escalation-status";
import { escalationsInQuarter } from "./escalations-in-quarter";
import type { ReviewContext } from "./review-context";
import type { RowCollector } from "./review-document";
import { cell, label, status, text } from "./review-document";

/** The escalations section. */
export function addEscalationSection(rows: RowCollector, context: ReviewContext): void {
  const section = "escalations";
  const { readWallClock } = context.input;
  rows.heading(section, "3. Escalations this quarter — Escalation Log");
  const found = escalationsInQuarter(
    context.input.escalations,
    context.account.account,
    context.quarter,
    readWallClock,
  );
  const count = (item: string, value: number, remark: string) =>
    rows.add(`${section}|${item}`, "body", [
      label(item),
      cell("number", value, { format: "0", bold: true }),
      null,
      null,
      null,
      null,
      null,
      text(remark),
    ]);
  count("Opened this quarter", found.opened, "Opened date within the quarter");
  count("Resolved this quarter", found.resolved, "Status Resolved, last seen within the quarter");
  count("Still open", found.stillOpen, "Not resolved now; opened by the quarter's end");
  if (found.rows.length === 0) {
    rows.message(
      `${section}|none`,
      `No escalations for ${context.account.account} were opened, resolved or open in ${context.quarter.label}.`,
    );
    return;
  }
  rows.columns(section, [
    "Escalation",
    "Severity",
    "Period",
    "Opened",
    "Due",
    "Last seen",
    "Status",
    "Condition → action",
  ]);
  for (const item of found.rows) {
    const { entry } = item;
    const severityTone: StatusTone | undefined = entry.severity ?? undefined;
    const statusText = formatEscalationStatus(entry.status, readWallClock);
    const statusTone: StatusTone = entry.status.kind === "Resolved" ? "OK" : (entry.severity ?? "Watch");
    const day = (date: Date | null) => (date ? cell("date", civilDateOf(date, readWallClock)) : null);
    const when = [item.openedInQuarter ? "opened" : "", item.resolvedInQuarter ? "resolved" : ""]
      .filter((w) => w !== "")
      .join(" and ");
    const detail =
      `${entry.condition || "(no condition)"} → ${entry.action || "(no action)"}` +
      (entry.note ? ` · Note: ${entry.note}` : "") +
      (entry.incident ? ` · Incident ${entry.incident}` : "") +
      (entry.followUp ? ` · ${entry.followUp}` : "") +
      (when ? ` · ${when} this quarter` : " · opened before this quarter");
    rows.add(`${section}|${entry.id || `row ${entry.row}`}`, "body", [
      label(`${entry.id || `Row ${entry.row}`} · ${entry.metric}`),
      entry.severity ? status(entry.severity, severityTone) : status("—"),
      entry.period ? cell("month", civilDateOf(entry.period, readWallClock)) : null,
      day(entry.opened),
      day(entry.due),
      day(entry.lastSeen),
      status(statusText, statusTone),
      text(detail),
    ]);
  }
}
