// Reads the Escalation Log tab, keeping every cell of every row so a writer can update a row without losing anything.
import type { CellValue } from "../cell-value";
import { describeValue, isDate } from "../cell-value";
import type { Severity } from "../workbook-schema";
import {
  COLUMNS,
  ESCALATION_LOG_LEGACY_SINCE,
  headersMatch,
  OPTIONAL_COLUMNS,
  SEVERITIES,
  TAB,
} from "../workbook-schema";
import type { WorkbookReadOptions } from "./date-cells";
import { dateOfCivil, readDateCell, readMonthCell, wallClockOf } from "./date-cells";
import type { EscalationStatus } from "./escalation-status";
import { parseEscalationStatus } from "./escalation-status";
import { cellText, matchChoice } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, listChoices, problemAt } from "./workbook-problem";

/** A column of the Escalation Log the scan writes (`Latest period` included: added when a log lacks it). */
export type EscalationLogColumn = (typeof COLUMNS.escalationLog)[number] | "Latest period";

/** One row of the Escalation Log. Unreadable cells are reported and read as blank (`null`, `""`). */
export interface EscalationLogEntry {
  /** 1-based sheet row. */
  row: number;
  id: string;
  account: string;
  metric: string;
  /** `Since`: the first breaching period of the episode (first day of its month). */
  period: Date | null;
  /** `Latest period`: the period whose value is in `Value` (blank in rows logged before the column existed). */
  latestPeriod: Date | null;
  /** The value that breached, as stored: the value of `Latest period`. */
  value: CellValue;
  condition: string;
  severity: Severity | null;
  action: string;
  owner: string;
  opened: Date | null;
  due: Date | null;
  /** Unreadable or blank status cells are reported and read as `Open`, so nothing goes quiet. */
  status: EscalationStatus;
  lastNotified: Date | null;
  lastSeen: Date | null;
  note: string;
  /**
   * `Incident`: the incident an escalation is about (`INC-7`, one row per incident for time-to-remediate
   * rules) or behind it (`INC-7; INC-9`, the outages of a breached availability window); `""` otherwise
   * (absent in entries built by hand).
   */
  incident?: string;
  /** `Follow-up due` as written (`Root cause report: Pending (due 2026-10-21)`); `""` when blank or absent. */
  followUp?: string;
  /** Every cell of the row as read, including columns the add-in does not know, header width or wider. */
  cells: CellValue[];
}

/** The Escalation Log as read. */
export interface ParsedEscalationLog {
  tabName: string;
  /**
   * 1-based sheet column of each log column. A log made before `Latest period` existed gets it after
   * its last column (listed in `missingHeaders`, written with the first row the scan writes).
   */
  columns: Record<EscalationLogColumn, number>;
  /** Number of columns (extra user columns and a `Latest period` still to add included). */
  width: number;
  /** Headers to write before rows are written: `Latest period` of an older log, with its column. */
  missingHeaders: { column: number; name: string }[];
  /** 1-based column of `Notified` (who was told), `null` for a log made before the column existed. */
  notifiedColumn: number | null;
  /**
   * 1-based column of `Follow-up due` (the second deadline of `Respond within` and where it stands),
   * `null` (or absent) for a log made before the column existed.
   */
  followUpColumn?: number | null;
  /**
   * 1-based column of `Incident`. A log made before the column existed gets it after its last column
   * (listed in `missingHeaders`, written with the first row the scan writes); absent in logs built by hand in tests.
   */
  incidentColumn?: number;
  entries: EscalationLogEntry[];
  problems: WorkbookProblem[];
}

const DATE_COLUMNS = ["Opened", "Due", "Last notified", "Last seen"] as const;

/**
 * Reads the Escalation Log (`values` from `getValues()`, header row first). Every non-blank row
 * becomes an entry (rows are never dropped: the log is evidence); cells that cannot be read are
 * reported.
 */
export function parseEscalationLog(
  values: readonly CellValue[][],
  options?: WorkbookReadOptions,
): ParsedEscalationLog | WorkbookProblem {
  const tabName = TAB.escalationLog;
  const readWallClock = wallClockOf(options);
  const table = readTable(
    tabName,
    withSinceHeader(values),
    COLUMNS.escalationLog,
    OPTIONAL_COLUMNS.escalationLog,
  );
  if (isWorkbookProblem(table)) return table;
  const {
    Notified: notifiedColumn,
    "Latest period": latestColumn,
    "Follow-up due": followUpColumn,
    Incident: incidentColumnRead,
    ...required
  } = table.columns;
  let width = table.width;
  const missingHeaders: ParsedEscalationLog["missingHeaders"] = [];
  if (latestColumn === undefined) {
    width += 1;
    missingHeaders.push({ column: width, name: "Latest period" });
  }
  const latest = latestColumn ?? width;
  let incidentColumn = incidentColumnRead;
  if (incidentColumn === undefined) {
    width += 1;
    incidentColumn = width;
    missingHeaders.push({ column: width, name: "Incident" });
  }
  const columns = { ...required, "Latest period": latest } as Record<EscalationLogColumn, number>;
  const entries: EscalationLogEntry[] = [];
  const problems: WorkbookProblem[] = [];
  const rowOfId = new Map<string, number>();

  for (const tableRow of table.rows) {
    const report = (text: string) => problems.push(problemAt(tabName, tableRow.row, text));
    const id = cellText(tableRow.value("ID"));
    if (id === "") report(`${tableRow.address("ID")} has no escalation ID`);
    else if (rowOfId.has(id)) report(`ID "${id}" is also used in row ${rowOfId.get(id)}`);
    else rowOfId.set(id, tableRow.row);

    const dates = {} as Record<(typeof DATE_COLUMNS)[number], Date | null>;
    for (const column of DATE_COLUMNS) {
      const cell = tableRow.value(column);
      const date = readDateCell(cell, readWallClock);
      if (date === undefined)
        report(
          `${column} ${describeValue(cell)} in ${tableRow.address(column)} is not a date; read as blank`,
        );
      dates[column] = date ?? null;
    }

    const month = (column: "Since" | "Latest period", label: string): Date | null => {
      const cell = tableRow.value(column);
      const day = readMonthCell(cell, readWallClock);
      if (day === undefined)
        report(
          `${label} ${describeValue(cell)} in ${tableRow.address(column)} is not a month ` +
            '(e.g. 2026-10-01 or "Oct 2026"); read as blank',
        );
      if (!day) return null;
      return isDate(cell) ? cell : dateOfCivil(day, readWallClock);
    };
    const period = month("Since", sinceLabel(values));
    const latestPeriod = month("Latest period", "Latest period");

    const severityCell = tableRow.value("Severity");
    const severity = matchChoice(severityCell, SEVERITIES) ?? null;
    if (severity === null)
      report(
        `Severity ${describeValue(severityCell)} in ${tableRow.address("Severity")} is not one of ` +
          `${listChoices(SEVERITIES)}; read as blank`,
      );

    const statusCell = tableRow.value("Status");
    let status = parseEscalationStatus(statusCell, readWallClock);
    if (status === undefined) {
      report(
        `Status ${describeValue(statusCell)} in ${tableRow.address("Status")} is not one of Open, ` +
          "Acknowledged, Snoozed until <date> (e.g. Snoozed until 2026-12-01) or Resolved; treated as Open",
      );
      status = { kind: "Open" };
    }

    entries.push({
      row: tableRow.row,
      id,
      account: cellText(tableRow.value("Account")),
      metric: cellText(tableRow.value("Metric")),
      period,
      latestPeriod,
      value: tableRow.value("Value"),
      condition: cellText(tableRow.value("Condition")),
      severity,
      action: cellText(tableRow.value("Action")),
      owner: cellText(tableRow.value("Owner")),
      opened: dates.Opened,
      due: dates.Due,
      status,
      lastNotified: dates["Last notified"],
      lastSeen: dates["Last seen"],
      note: cellText(tableRow.value("Note")),
      incident: cellText(tableRow.value("Incident")),
      followUp: cellText(tableRow.value("Follow-up due")),
      cells: tableRow.cells,
    });
  }
  return {
    tabName,
    columns,
    width,
    missingHeaders,
    notifiedColumn: notifiedColumn ?? null,
    followUpColumn: followUpColumn ?? null,
    incidentColumn,
    entries,
    problems,
  };
}

/**
 * The values with a log's legacy `Period` header read as `Since` (logs made before the split have
 * `Period` in its place, with the same meaning); the sheet is not changed.
 */
function withSinceHeader(values: readonly CellValue[][]): readonly CellValue[][] {
  const header = values[0] ?? [];
  if (header.some((cell) => headersMatch(cell, "Since"))) return values;
  const legacy = header.findIndex((cell) => headersMatch(cell, ESCALATION_LOG_LEGACY_SINCE));
  if (legacy < 0) return values;
  const renamed = header.slice();
  renamed[legacy] = "Since";
  return [renamed, ...values.slice(1)];
}

/** How the log's header names `Since` (a log made before the split says `Period`), for messages. */
function sinceLabel(values: readonly CellValue[][]): string {
  const header = values[0] ?? [];
  return header.some((cell) => headersMatch(cell, "Since")) ? "Since" : ESCALATION_LOG_LEGACY_SINCE;
}
