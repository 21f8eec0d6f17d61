// Server side of the sidebar's Incidents panel: an account's incidents, and logging or closing one on the Incidents tab.
import type { CellValue } from "../../domain/cell-value";
import { parseIsoDate, toIsoDate } from "../../domain/civil-date";
import { fieldErrorsOf, refused, type SaveResult } from "../../domain/forms/form-result";
import {
  type IncidentRow,
  type IncidentsFormData,
  incidentForm,
  type ValidIncidentForm,
} from "../../domain/forms/incident-form";
import { accountRequest, parseRequest } from "../../domain/forms/load-requests";
import { incidentsOf } from "../../domain/incidents/downtime";
import type { TypedCell } from "../../domain/sidebar/typed-cell";
import { dateCell, text } from "../../domain/sidebar/typed-cell";
import { tabReference } from "../../domain/workbook/cell-address";
import { dateOfWallClock, formatInstant } from "../../domain/workbook/date-time-cells";
import { type Incident, type ParsedIncidents, parseIncidents } from "../../domain/workbook/parse-incidents";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { COLUMNS, normalizeHeader, TAB } from "../../domain/workbook-schema";
import { openAuditLog } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import { findTab } from "../platform/find-tab";
import { appendTableRows, openTable, writeTableRow } from "../platform/table-tab";
import { spreadsheetTimeZone, wallClockReader } from "../platform/wall-clock";
import { openAccountTab } from "./account-tabs";

/** `YYYY-MM-DDTHH:MM` of an instant on the spreadsheet's clock. */
function localOf(date: Date, timeZone: string): string {
  return formatInstant(date, wallClockReader(timeZone)).slice(0, 16).replace(" ", "T");
}

/** The incident as the form shows it. */
function rowOf(incident: Incident, timeZone: string): IncidentRow {
  return {
    incidentId: incident.id,
    priority: incident.priority,
    startedLocal: localOf(incident.started, timeZone),
    resolvedLocal: incident.resolved ? localOf(incident.resolved, timeZone) : "",
    affectsAvailability: incident.affectsAvailability ? "Yes" : "No",
    summary: incident.summary,
    rootCauseIso: incident.rootCauseReport ? toIsoDate(incident.rootCauseReport) : "",
  };
}

/** The Incidents tab parsed (`null` when the workbook has none); a header it cannot read stops the call. */
function readIncidents(values: CellValue[][], timeZone: string): ParsedIncidents {
  const parsed = parseIncidents(values, { readWallClock: wallClockReader(timeZone) });
  if (isWorkbookProblem(parsed)) throw new Error(`${parsed.message}. Fix the tab's header, then try again.`);
  return parsed;
}

/** `loadIncidents({account})`: the account's incidents (open ones first, then the latest), and its unreadable rows. */
export function loadIncidents(input: unknown): IncidentsFormData {
  const request = parseRequest("Incidents", accountRequest(), input);
  const timeZone = spreadsheetTimeZone();
  const tab = openAccountTab(request.account, timeZone);
  const sheet = findTab(SpreadsheetApp.getActiveSpreadsheet(), TAB.incidents);
  const data: IncidentsFormData = {
    account: request.account,
    accountName: tab.accountName,
    incidents: [],
    problems: [],
    notice: "",
  };
  if (!sheet) {
    data.notice = `No "${TAB.incidents}" tab yet: the first incident you log creates it.`;
    return data;
  }
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const parsed = readIncidents(values, timeZone);
  const mine = incidentsOf(parsed.incidents, tab.accountName);
  mine.sort(
    (a, b) =>
      Number(a.resolved !== null) - Number(b.resolved !== null) || b.started.getTime() - a.started.getTime(),
  );
  data.incidents = mine.map((incident) => rowOf(incident, timeZone));
  const column = parsed.columns.Account;
  const key = normalizeHeader(tab.accountName);
  data.problems = parsed.problems
    .filter((problem) => normalizeHeader(values[problem.row - 1]?.[column - 1]) === key)
    .map((problem) => problem.message);
  return data;
}

/** A date-time field as the instant the spreadsheet's clock shows; `null` for blank. */
function instantOf(local: string, timeZone: string): Date | null {
  if (local === "") return null;
  const [day, time] = local.split("T");
  const date = parseIsoDate(day)!;
  const [hour, minute] = time.split(":").map(Number);
  return dateOfWallClock({ ...date, hour, minute, second: 0 }, wallClockReader(timeZone));
}

/**
 * `saveIncident(form)`: validates (the form's rules, then the tab's: an ID not already used for the
 * account when logging, an existing one when updating), then writes the incident's row of the
 * Incidents tab (appended, or rewritten in place, extra columns untouched) under the document lock,
 * with one audit row. Creates the tab when the workbook has none.
 */
export function saveIncident(input: unknown): SaveResult {
  const checked = incidentForm().safeParse(input);
  if (!checked.success) return refused(fieldErrorsOf(checked.error.issues));
  const form: ValidIncidentForm = checked.data;
  const timeZone = spreadsheetTimeZone();
  return withDocumentLock({ kind: "save", action: "Save incident" }, () => {
    const auditLog = openAuditLog(timeZone);
    const tab = openAccountTab(form.account, timeZone);
    const table = openTable(TAB.incidents, COLUMNS.incidents, true)!;
    const parsed = readIncidents(table.rows as CellValue[][], timeZone);
    const idKey = normalizeHeader(form.incidentId);
    const existing = incidentsOf(parsed.incidents, tab.accountName).find(
      (incident) => normalizeHeader(incident.id) === idKey,
    );
    // A row of that ID the tab could not read still holds the ID: never a second row for it.
    const unreadable = table.rows.findIndex(
      (row, index) =>
        index > 0 &&
        normalizeHeader(row[table.column.Account - 1]) === normalizeHeader(tab.accountName) &&
        normalizeHeader(row[table.column["Incident ID"] - 1]) === idKey,
    );
    if (form.mode === "new" && (existing || unreadable > 0))
      return refused({
        incidentId: `Incident ID: "${form.incidentId}" is already logged for ${tab.accountName} (${TAB.incidents} row ${existing?.row ?? unreadable + 1}); pick it to update it`,
      });
    if (form.mode === "update" && !existing)
      return refused({
        incidentId: `Incident ID: no incident "${form.incidentId}" of ${tab.accountName} on the ${TAB.incidents} tab to update`,
      });
    const started = instantOf(form.startedLocal, timeZone)!;
    const resolved = instantOf(form.resolvedLocal, timeZone);
    const cells: Record<(typeof COLUMNS.incidents)[number], TypedCell> = {
      Account: text(tab.accountName),
      "Incident ID": text(form.incidentId),
      Priority: text(form.priority),
      Started: { kind: "timestamp", date: started },
      Resolved: resolved ? { kind: "timestamp", date: resolved } : { kind: "blank" },
      "Affects availability": text(form.affectsAvailability),
      Summary: text(form.summary),
      "Root cause report": dateCell(parseIsoDate(form.rootCauseIso)),
    };
    const width = Math.max(...Object.values(table.column));
    const after = describe(form);
    if (existing) {
      const before = describe(rowOf(existing, timeZone));
      writeTableRow(table, existing.row, cells, timeZone);
      auditLog.append([
        {
          action: `Update incident: ${tab.accountName}, ${form.incidentId}`,
          where: tabReference(TAB.incidents, existing.row, 1, width),
          before,
          after,
        },
      ]);
      return {
        ok: true,
        message: `Updated ${form.incidentId} of ${tab.accountName} (${TAB.incidents} row ${existing.row})${resolved ? ", resolved" : ""}. The next scan uses it.`,
      };
    }
    const row = appendTableRows(table, [cells], timeZone);
    auditLog.append([
      {
        action: `Log incident: ${tab.accountName}, ${form.incidentId}`,
        where: tabReference(TAB.incidents, row, 1, width),
        before: "",
        after,
      },
    ]);
    return {
      ok: true,
      message: `Logged ${form.incidentId} for ${tab.accountName} (${TAB.incidents} row ${row}). The next scan uses it.`,
    };
  });
}

/** The incident as the Audit Log's Before/After text. */
function describe(form: Omit<IncidentRow, "incidentId"> & { incidentId: string }): string {
  return [
    `${form.incidentId} ${form.priority}`,
    `Started ${form.startedLocal.replace("T", " ")}`,
    form.resolvedLocal ? `Resolved ${form.resolvedLocal.replace("T", " ")}` : "open",
    `Affects availability: ${form.affectsAvailability}`,
    form.summary ? `Summary: ${form.summary}` : "",
    form.rootCauseIso ? `Root cause report: ${form.rootCauseIso}` : "",
  ]
    .filter(Boolean)
    .join(" | ");
}
