// Server side of the Escalations panel: list an account's open rows of Escalation Log, and act on one.
import { isDate } from "../../domain/cell-value";
import { parseIsoDate } from "../../domain/civil-date";
import { formatStoredValue } from "../../domain/forms/entered-value";
import { escalationUpdateForm } from "../../domain/forms/escalation-update-form";
import { fieldErrorsOf, refused, type SaveResult } from "../../domain/forms/form-result";
import { accountRequest, parseRequest } from "../../domain/forms/load-requests";
import type { EscalationList, EscalationRow } from "../../domain/forms/sidebar-api";
import { isOverdue } from "../../domain/scan/digest-plan";
import { readFollowUpCell } from "../../domain/scan/follow-up-cell";
import { noteWithEntry, statusAfter } from "../../domain/sidebar/escalation-update";
import { text } from "../../domain/sidebar/typed-cell";
import { tabReference } from "../../domain/workbook/cell-address";
import { dateOfCivil } from "../../domain/workbook/date-cells";
import { formatEscalationStatus } from "../../domain/workbook/escalation-status";
import {
  type EscalationLogEntry,
  type ParsedEscalationLog,
  parseEscalationLog,
} from "../../domain/workbook/parse-escalation-log";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { normalizeHeader, TAB } from "../../domain/workbook-schema";
import { activeUserEmail } from "../platform/active-user";
import { openAuditLog } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import { findTab } from "../platform/find-tab";
import { dateToIso, todayIso } from "../platform/spreadsheet-dates";
import { spreadsheetTimeZone, wallClockReader } from "../platform/wall-clock";
import { writeTypedBlock } from "../platform/write-typed-cells";
import { type OpenAccountTab, openAccountTab } from "./account-tabs";

interface OpenLog {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  log: ParsedEscalationLog;
  /** Display text of the Value column by sheet row (percent cells read as `99.1%`). */
  valueText: Map<number, string>;
}

/** Reads Escalation Log in one batch (values, plus number formats of the Value column); `null` when the tab is missing. */
function openLog(timeZone: string): OpenLog | null {
  const sheet = findTab(SpreadsheetApp.getActiveSpreadsheet(), TAB.escalationLog);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const log = parseEscalationLog(values, { readWallClock: wallClockReader(timeZone) });
  if (isWorkbookProblem(log)) throw new Error(log.message);
  const valueText = new Map<number, string>();
  if (log.entries.length > 0) {
    const formats = sheet.getRange(1, log.columns.Value, values.length, 1).getNumberFormats();
    for (const entry of log.entries) {
      const format = String(formats[entry.row - 1]?.[0] ?? "");
      valueText.set(
        entry.row,
        isDate(entry.value)
          ? dateToIso(entry.value, timeZone)
          : formatStoredValue(entry.value, format.includes("%")),
      );
    }
  }
  return { sheet, log, valueText };
}

/** True when a log row belongs to the account (its Account cell names the account or its tab). */
function belongsTo(entry: EscalationLogEntry, tab: OpenAccountTab): boolean {
  const account = normalizeHeader(entry.account);
  return (
    account !== "" &&
    (account === normalizeHeader(tab.accountName) || account === normalizeHeader(tab.parsed.tabName))
  );
}

function rowOf(entry: EscalationLogEntry, open: OpenLog, timeZone: string, now: Date): EscalationRow {
  const read = wallClockReader(timeZone);
  return {
    id: entry.id,
    metric: entry.metric,
    periodIso: entry.period ? dateToIso(entry.period, timeZone) : "",
    value: open.valueText.get(entry.row) ?? "",
    condition: entry.condition,
    severity: entry.severity ?? "",
    action: entry.action,
    owner: entry.owner,
    openedIso: entry.opened ? dateToIso(entry.opened, timeZone) : "",
    dueIso: entry.due ? dateToIso(entry.due, timeZone) : "",
    status: formatEscalationStatus(entry.status, read),
    note: entry.note,
    overdue: entry.due !== null && isOverdue(entry.due, now, read) && entry.status.kind === "Open",
    incident: entry.incident ?? "",
    followUp: entry.followUp ?? "",
    followUpOverdue: readFollowUpCell(entry.followUp ?? "")?.state === "overdue",
  };
}

/** `listEscalations({account})`: the account's rows that are not resolved, most severe and oldest due first. */
export function listEscalations(input: unknown): EscalationList {
  const request = parseRequest("Escalations", accountRequest(), input);
  const timeZone = spreadsheetTimeZone();
  const tab = openAccountTab(request.account, timeZone);
  const open = openLog(timeZone);
  const now = new Date();
  const severityRank = (s: string) => ["Critical", "Warning", "Watch"].indexOf(s);
  const rows = (open?.log.entries ?? [])
    .filter((entry) => entry.status.kind !== "Resolved" && belongsTo(entry, tab))
    .map((entry) => rowOf(entry, open!, timeZone, now))
    .sort(
      (a, b) =>
        ((severityRank(a.severity) + 4) % 4) - ((severityRank(b.severity) + 4) % 4) ||
        (a.dueIso || "9999").localeCompare(b.dueIso || "9999"),
    );
  return { account: request.account, accountName: tab.accountName, rows };
}

/**
 * `updateEscalation(form)`: validates (a snooze ends after today, a resolution has a note), then under
 * the lock re-reads the row by ID, refuses it if its status changed since the user saw it, and writes
 * the new Status and the Note (the note is added as a dated line; earlier notes are kept).
 */
export function updateEscalation(input: unknown): SaveResult {
  const timeZone = spreadsheetTimeZone();
  const today = todayIso(timeZone);
  const checked = escalationUpdateForm(today).safeParse(input);
  if (!checked.success) return refused(fieldErrorsOf(checked.error.issues));
  const form = checked.data;
  return withDocumentLock({ kind: "save", action: "Update escalation" }, () => {
    const auditLog = openAuditLog(timeZone);
    const tab = openAccountTab(form.account, timeZone);
    const open = openLog(timeZone);
    const entry = open?.log.entries.find((e) => e.id === form.id);
    if (!open || !entry || !belongsTo(entry, tab))
      return refused(
        {},
        `Escalation Log has no escalation "${form.id}" for ${tab.accountName}; refresh the list.`,
      );
    const read = wallClockReader(timeZone);
    const current = formatEscalationStatus(entry.status, read);
    if (normalizeHeader(current) !== normalizeHeader(form.expectedStatus))
      return refused(
        {},
        `Escalation ${form.id} changed since you loaded it (now "${current}"); nothing was saved. Refresh the list.`,
      );
    const status = formatEscalationStatus(
      statusAfter(form.action, (iso) => dateOfCivil(parseIsoDate(iso)!, read), form.snoozeUntilIso),
      read,
    );
    const note = noteWithEntry(entry.note, today, status, form.note, activeUserEmail());
    const { columns } = open.log;
    writeTypedBlock(open.sheet, entry.row, columns.Status, [[text(status)]], timeZone);
    writeTypedBlock(open.sheet, entry.row, columns.Note, [[text(note)]], timeZone);
    auditLog.append([
      {
        action: `Escalation ${form.action}: ${entry.id} (${entry.metric})`,
        where: tabReference(TAB.escalationLog, entry.row, columns.Status),
        before: current,
        after: status,
      },
      {
        action: `Escalation note: ${entry.id}`,
        where: tabReference(TAB.escalationLog, entry.row, columns.Note),
        before: entry.note,
        after: note,
      },
    ]);
    return { ok: true, message: `${entry.metric} (${entry.id}): ${status}.` };
  });
}
