// The one Audit Log writer: who, when, what, where, before, after; matched by header, the tab created when missing.
import { text } from "../../domain/sidebar/typed-cell";
import { COLUMNS, TAB } from "../../domain/workbook-schema";
import { activeUserEmail } from "./active-user";
import { appendTableRows, openTable } from "./table-tab";

/** One accepted change: the action, the cell, row or tabs it touched, and its text before and after. */
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

/**
 * Opens Audit Log (found by the shared tab-name rule, created with its header when missing) and
 * checks its header. Call it inside the document lock BEFORE writing anything, so a broken Audit Log
 * stops a save before any change is made.
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

/**
 * Records `entries` after a command's own writes are done (setup, review tab): never throws, returns
 * null when written or why not (an Audit Log whose header lacks columns), for the command's result.
 */
export function recordAudit(timeZone: string, entries: AuditEntry[]): string | null {
  try {
    openAuditLog(timeZone).append(entries);
    return null;
  } catch (error) {
    return `${(error as Error).message.replace(/ Nothing was saved\.$/, "")}; the change was not recorded there`;
  }
}
