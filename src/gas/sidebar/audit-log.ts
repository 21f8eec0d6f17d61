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

/** The signed-in user's email; blank when Apps Script withholds it (consumer accounts, other domains). */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail() ?? "";
  } catch (_error) {
    return "";
  }
}

/** Appends one Audit Log row per entry (creating the tab when missing). Call inside the document lock. */
export function appendAudit(entries: AuditEntry[], timeZone: string, now = new Date()): void {
  if (entries.length === 0) return;
  const table = openTable(TAB.auditLog, COLUMNS.auditLog, true)!;
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
}
