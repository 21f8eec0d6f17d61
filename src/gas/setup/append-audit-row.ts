// Appends one evidence row to the Audit Log tab, matching its columns by header (any order, extra columns kept blank).
import { mapHeaders } from "../../domain/workbook/column-map";
import { COLUMNS, normalizeHeader, TAB } from "../../domain/workbook-schema";
import { DATE_TIME_FORMAT, TEXT_FORMAT } from "./tab-layout";

/** What an Audit Log row records. */
export interface AuditEntry {
  timestamp: Date;
  user: string;
  action: string;
  where: string;
  before: string;
  after: string;
}

/** The tab whose name matches `name` ignoring case and spacing, or null. */
export function findSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const wanted = normalizeHeader(name);
  return spreadsheet.getSheets().find((sheet) => normalizeHeader(sheet.getName()) === wanted) ?? null;
}

/**
 * Appends `entry` below the last row of `Audit Log`, text cells formatted as text first so nothing a
 * user typed becomes a formula. Returns null when written, or why not (no tab, or its header lacks
 * columns) so the caller can tell the user.
 */
export function appendAuditRow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entry: AuditEntry,
): string | null {
  const sheet = findSheet(spreadsheet, TAB.auditLog);
  if (!sheet) return `no "${TAB.auditLog}" tab, so this change was not recorded there`;
  const lastColumn = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
  const match = mapHeaders(header, COLUMNS.auditLog);
  if (match.missing.length > 0 || match.duplicated.length > 0)
    return `"${TAB.auditLog}" row 1 must hold the headers ${COLUMNS.auditLog.join(", ")}; the change was not recorded there`;
  const byColumn: Record<(typeof COLUMNS.auditLog)[number], Date | string> = {
    Timestamp: entry.timestamp,
    User: entry.user,
    Action: entry.action,
    Where: entry.where,
    Before: entry.before,
    After: entry.after,
  };
  const row: (Date | string)[] = header.map(() => "");
  const formats: string[] = header.map(() => TEXT_FORMAT);
  for (const name of COLUMNS.auditLog) {
    const position = match.positions[name] as number;
    row[position] = byColumn[name];
    if (name === "Timestamp") formats[position] = DATE_TIME_FORMAT;
  }
  const target = sheet.getLastRow() + 1;
  if (target > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), target - sheet.getMaxRows());
  const range = sheet.getRange(target, 1, 1, row.length);
  range.setNumberFormats([formats]);
  range.setValues([row]);
  return null;
}
