// Appends the evidence trail of sidebar writes to the Audit Log tab: who, when, what, where, before, after.
import { text } from "../../domain/sidebar/typed-cell";
import { COLUMNS, TAB } from "../../domain/workbook-schema";
import { appendTableRows, openTable } from "./table-tab";

/** One accepted change: the action, the cell or row it touched, and its text before and after. */
export interface AuditEntry {
  action: string;
  where: string;
  before: string;
  after: string;
}

/** An opened Audit Log, ready to take entries. */
export interface AuditLog {
  append(entries: AuditEntry[]): void;
}

/** The signed-in user's email; blank when Apps Script withholds it (consumer accounts, other domains). */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? "";
  } catch (_error) {
    return "";
  }
}

/**
 * Opens Audit Log (creating it when missing) and checks its header. Call it inside the document
 * lock BEFORE writing anything, so a broken Audit Log stops the save before any change is made.
 */
export function openAuditLog(timeZone: string): AuditLog {
  const table = openTable(TAB.auditLog, COLUMNS.auditLog, true)!;
  return {
    append(entries, now = new Date()) {
      if (entries.length === 0) return;
      const user = activeUserEmail();
      appendTableRows(
        table,
        entries.map((entry) => ({
          Timestamp: { kind: "timestamp", date: now },
          User: text(user),
          Action: text(entry.action),
          Where: text(entry.where),
          Before: text(entry.before),
          After: text(entry.after),
        })),
        timeZone,
      );
    },
  };
}
