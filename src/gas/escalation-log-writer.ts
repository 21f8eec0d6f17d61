// Writes the planned Escalation Log changes in blocks: one setValues per run of changed rows and columns, one for new rows.
import type { CellValue } from "../domain/cell-value";
import { conditionUnit } from "../domain/condition";
import type { EscalationRecord } from "../domain/scan/escalation-plan";
import { literalText } from "../domain/scan/literal-text";
import { consecutiveRuns } from "../domain/workbook/consecutive-runs";
import type { EscalationLogColumn, ParsedEscalationLog } from "../domain/workbook/parse-escalation-log";
import { ESCALATION_LOG_HEADER, OPTIONAL_COLUMNS, TAB } from "../domain/workbook-schema";
import { LOG_DATE_TIME_FORMAT, LOG_MONTH_FORMAT, presentEscalationLog } from "./escalation-log-presentation";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function cellToWrite(value: CellValue): CellValue {
  if (value === null || value === undefined) return "";
  return literalText(value);
}

/** Number formats of a new row: months, one date-time format, the value in its rule's unit; text is kept by the apostrophe. */
function newRowFormats(record: EscalationRecord, log: ParsedEscalationLog): string[] {
  const formats = new Array<string>(log.width).fill("General");
  const set = (column: EscalationLogColumn, format: string) => {
    formats[log.columns[column] - 1] = format;
  };
  set("Since", LOG_MONTH_FORMAT);
  set("Latest period", LOG_MONTH_FORMAT);
  set("Opened", LOG_DATE_TIME_FORMAT);
  set("Last seen", LOG_DATE_TIME_FORMAT);
  set("Last notified", LOG_DATE_TIME_FORMAT);
  set("Due", LOG_DATE_TIME_FORMAT);
  const condition = record.breach?.target ?? record.rule?.condition;
  const unit = condition ? conditionUnit(condition) : undefined;
  if (typeof record.value === "number" && (unit === "percent" || unit === "percentagePoints"))
    set("Value", "0.0#%");
  if (log.incidentColumn !== undefined) formats[log.incidentColumn - 1] = "@";
  return formats;
}

/**
 * Writes every changed and new row of the plan. Existing rows: for each run of consecutive changed
 * rows, one `setValues` per run of consecutive changed columns (untouched columns, such as a user's
 * own, are never rewritten). New rows: one `setValues` (and one `setNumberFormats`) after the last
 * row, growing the tab first when needed. Text is written so it stays text (`=x` never becomes a
 * formula). Creates the Escalation Log tab, header first, when it does not exist and there is
 * something to write; a log made before `Latest period` existed gets that header after its last
 * column first (nothing moved). Returns the log tab (or `null` when nothing was written and there is none).
 */
export function writeEscalationLog(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  logSheet: Sheet | null,
  log: ParsedEscalationLog,
  records: readonly EscalationRecord[],
): Sheet | null {
  const updates = records.filter((record) => !record.isNew && record.changed.size > 0);
  const appends = records.filter((record) => record.isNew).sort((a, b) => a.row - b.row);
  if (updates.length === 0 && appends.length === 0) return logSheet;
  const sheet = logSheet ?? createLogSheet(spreadsheet);
  if (logSheet) addMissingHeaders(sheet, log);

  const byRow = new Map(updates.map((record) => [record.row, record]));
  for (const rows of consecutiveRuns(updates.map((record) => record.row))) {
    const group = rows.map((row) => byRow.get(row) as EscalationRecord);
    const columns = group.flatMap((record) => [...record.changed]);
    for (const span of consecutiveRuns(columns)) {
      const values = group.map((record) => span.map((column) => cellToWrite(record.cells[column - 1])));
      sheet.getRange(rows[0], span[0], rows.length, span.length).setValues(values);
    }
  }

  if (appends.length > 0) {
    const first = appends[0].row;
    const last = first + appends.length - 1;
    const maxRows = sheet.getMaxRows();
    if (last > maxRows) sheet.insertRowsAfter(maxRows, last - maxRows);
    const range = sheet.getRange(first, 1, appends.length, log.width);
    range.setValues(appends.map((record) => record.cells.map(cellToWrite)));
    range.setNumberFormats(appends.map((record) => newRowFormats(record, log)));
  }
  return sheet;
}

/** Creates the Escalation Log tab with its header row (bold, frozen) and its presentation. */
function createLogSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(TAB.escalationLog);
  const columns = [...ESCALATION_LOG_HEADER];
  const header = sheet.getRange(1, 1, 1, columns.length);
  header.setValues([columns]);
  header.setFontWeight("bold");
  sheet.setFrozenRows(1);
  presentEscalationLog(sheet, columns);
  return sheet;
}

/**
 * Writes the headers an older log lacks (`Latest period`, `Incident`) after its last column, bold, with
 * the column's format below (a month; plain text for incident IDs).
 */
function addMissingHeaders(sheet: Sheet, log: ParsedEscalationLog): void {
  for (const { column, name } of log.missingHeaders) {
    if (column > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
    sheet.getRange(1, column).setNumberFormat("@").setValue(name).setFontWeight("bold");
    if (sheet.getMaxRows() > 1)
      sheet
        .getRange(2, column, sheet.getMaxRows() - 1, 1)
        .setNumberFormat(name === "Latest period" ? LOG_MONTH_FORMAT : "@");
  }
}

/**
 * Writes `Last notified` for the rows a digest covered: one `setValues` per run of consecutive rows
 * in that one column.
 */
export function writeLastNotified(sheet: Sheet, column: number, notified: ReadonlyMap<number, Date>): void {
  for (const rows of consecutiveRuns([...notified.keys()])) {
    const values = rows.map((row) => [notified.get(row) as Date]);
    sheet.getRange(rows[0], column, rows.length, 1).setValues(values);
  }
}

/**
 * Writes `Notified` (who was told) for the rows a digest covered, each row's earlier names kept and
 * the new ones added: one `setValues` per run of consecutive rows. A log made before the column
 * existed gets its `Notified` header after the last column first (nothing moved).
 */
export function writeNotified(
  sheet: Sheet,
  log: { notifiedColumn: number | null; width: number },
  told: ReadonlyMap<number, { before: string; emails: readonly string[] }>,
): void {
  if (told.size === 0) return;
  let column = log.notifiedColumn;
  if (column === null) {
    column = log.width + 1;
    sheet.getRange(1, column).setValue(OPTIONAL_COLUMNS.escalationLog[0]);
  }
  for (const rows of consecutiveRuns([...told.keys()])) {
    const values = rows.map((row) => {
      const { before, emails } = told.get(row)!;
      return [mergeNames(before, emails)];
    });
    const range = sheet.getRange(rows[0], column, rows.length, 1);
    range.setNumberFormat("@");
    range.setValues(values);
  }
}

/** `a@x, b@y` with `emails` added after the names already there (case-insensitive, no repeats). */
function mergeNames(before: string, emails: readonly string[]): string {
  const names = before
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  for (const email of emails)
    if (!names.some((name) => name.toLowerCase() === email.toLowerCase())) names.push(email);
  return names.join(", ");
}
