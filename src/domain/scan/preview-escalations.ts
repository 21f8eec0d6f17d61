// The escalations a scan would open or continue, each said in full for a preview: ID, account, metric, value against its rule, severity, due.
import type { ReadWallClock } from "../civil-date";
import { civilDateOf } from "../workbook/date-cells";
import { digestDue, isOverdue } from "./digest-plan";
import type { EscalationRecord } from "./escalation-plan";
import { dueLine } from "./render-digest";
import { formatValueAgainstRule, valueAgainstRule } from "./value-against-rule";

/** One escalation a scan would open (`open`) or keep open with this run's value (`continue`). */
export interface PreviewEscalation {
  id: string;
  action: "open" | "continue";
  account: string;
  metric: string;
  /** `99.1% — target at least 99.5%, 0.4 points short`. */
  value: string;
  severity: string;
  /** `Due Tue Dec 1, 9:00 AM ET`, `Overdue: was due Mon Nov 23`, `Due: not set`. */
  due: string;
  overdue: boolean;
}

/**
 * The log rows a run opens or continues (a breach this run saw), new ones first, each with its
 * value against its target or threshold and its due time on the spreadsheet's clock.
 */
export function previewEscalations(
  records: readonly EscalationRecord[],
  now: Date,
  readWallClock: ReadWallClock,
  timeZone: string,
): PreviewEscalation[] {
  const today = civilDateOf(now, readWallClock);
  const rows = records
    .filter((record) => record.isNew || record.breach !== undefined)
    .map((record): PreviewEscalation => {
      const overdue = record.due ? isOverdue(record.due, now, readWallClock) : false;
      const due = record.due ? digestDue(record.due, today, readWallClock) : null;
      return {
        id: record.id,
        action: record.isNew ? "open" : "continue",
        account: record.account,
        metric: record.metric,
        value: formatValueAgainstRule(
          valueAgainstRule(
            record.breach?.value ?? record.value,
            record.breach?.rule.condition ?? record.condition,
            {
              target: record.breach?.target,
              metricTarget: record.breach?.metricTarget,
              readWallClock,
            },
          ),
        ),
        severity: record.severity ?? "",
        due: dueLine({ due, overdue }, timeZone),
        overdue,
      };
    });
  return [...rows.filter((row) => row.action === "open"), ...rows.filter((row) => row.action === "continue")];
}
