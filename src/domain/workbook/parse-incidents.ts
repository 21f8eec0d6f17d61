// Reads the Incidents tab: one row per incident, with its priority, start, resolution and root-cause report.
import type { CellValue } from "../cell-value";
import { describeValue, isBlank } from "../cell-value";
import type { CivilDate } from "../civil-date";
import { compareCivil, toIsoDate } from "../civil-date";
import { readYesNo } from "../condition/read-yes-no";
import type { Priority } from "../workbook-schema";
import { COLUMNS, normalizeHeader, PRIORITIES, TAB } from "../workbook-schema";
import type { WorkbookReadOptions } from "./date-cells";
import { civilDateOf, readDateCell, wallClockOf } from "./date-cells";
import { formatInstant, readDateTimeCell } from "./date-time-cells";
import { cellText, matchChoice } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, listChoices, problemAt } from "./workbook-problem";

/** A column of the Incidents tab. */
export type IncidentColumn = (typeof COLUMNS.incidents)[number];

/** One incident as logged. */
export interface Incident {
  /** 1-based sheet row. */
  row: number;
  /** The account as typed (matched to account tabs case- and space-insensitively). */
  account: string;
  /** The incident's ID as typed, unique within its account. */
  id: string;
  priority: Priority;
  /** When the incident was declared (an instant). */
  started: Date;
  /** When it was resolved; `null` while it is open. Never before `started`. */
  resolved: Date | null;
  /** True when the product was unavailable for the incident's duration (it counts against uptime). */
  affectsAvailability: boolean;
  summary: string;
  /** The day the root-cause report was delivered, on the spreadsheet's calendar; `null` until then. */
  rootCauseReport: CivilDate | null;
  /** Every cell of the row as read, extra columns included. */
  cells: CellValue[];
}

/** The Incidents tab as read. */
export interface ParsedIncidents {
  tabName: string;
  /** 1-based sheet column of each incidents column. */
  columns: Record<IncidentColumn, number>;
  /** Number of columns of the header row (extra user columns included). */
  width: number;
  /** The incidents that could be read, top to bottom. */
  incidents: Incident[];
  /** One problem per row left out, naming each cell that could not be read. */
  problems: WorkbookProblem[];
}

const EXAMPLE_DATE_TIME = "a date and time such as 2026-03-04 14:30";

/**
 * Reads the Incidents tab (`values` from `getValues()`, header row first; columns in any order,
 * headers case- and space-insensitive, extra columns kept in `cells`). A row with a cell that cannot
 * be read — no account or ID, a priority other than P1–P4, a Started or Resolved that is not a date
 * and time, Resolved before Started, Affects availability not Yes/No, a Root cause report that is not
 * a date or falls before the day the incident started, or an ID already used for the same account —
 * is reported, naming each cell, and left out: nothing is guessed. Date-times are read on the
 * spreadsheet's wall clock (`options.readWallClock`).
 */
export function parseIncidents(
  values: readonly CellValue[][],
  options?: WorkbookReadOptions,
): ParsedIncidents | WorkbookProblem {
  const tabName = TAB.incidents;
  const readWallClock = wallClockOf(options);
  const table = readTable(tabName, values, COLUMNS.incidents);
  if (isWorkbookProblem(table)) return table;
  const incidents: Incident[] = [];
  const problems: WorkbookProblem[] = [];
  /** The row of each account's incident IDs, by account and ID key. */
  const rowOfId = new Map<string, number>();

  for (const tableRow of table.rows) {
    const faults: string[] = [];
    const at = (column: IncidentColumn) => tableRow.address(column);
    const cell = (column: IncidentColumn) => tableRow.value(column);

    const account = cellText(cell("Account"));
    if (account === "") faults.push(`${at("Account")} has no account`);
    const id = cellText(cell("Incident ID"));
    if (id === "") faults.push(`${at("Incident ID")} has no incident ID`);

    const priority = matchChoice(cell("Priority"), PRIORITIES);
    if (priority === undefined)
      faults.push(
        isBlank(cell("Priority"))
          ? `${at("Priority")} has no priority (${listChoices(PRIORITIES)})`
          : `Priority ${describeValue(cell("Priority"))} in ${at("Priority")} is not one of ${listChoices(PRIORITIES)}`,
      );

    const started = readDateTimeCell(cell("Started"), readWallClock);
    if (started === null) faults.push(`${at("Started")} has no start (${EXAMPLE_DATE_TIME})`);
    else if (started === undefined)
      faults.push(
        `Started ${describeValue(cell("Started"))} in ${at("Started")} is not ${EXAMPLE_DATE_TIME}`,
      );

    const resolved = readDateTimeCell(cell("Resolved"), readWallClock);
    if (resolved === undefined)
      faults.push(
        `Resolved ${describeValue(cell("Resolved"))} in ${at("Resolved")} is not ${EXAMPLE_DATE_TIME} ` +
          "(leave it blank while the incident is open)",
      );
    else if (resolved && started && resolved.getTime() < started.getTime())
      faults.push(
        `Resolved ${formatInstant(resolved, readWallClock)} in ${at("Resolved")} is before Started ` +
          `${formatInstant(started, readWallClock)} in ${at("Started")}`,
      );

    const affects = readYesNo(cell("Affects availability"));
    if (affects === undefined)
      faults.push(
        isBlank(cell("Affects availability"))
          ? `${at("Affects availability")} is blank: say Yes if the product was unavailable, else No`
          : `Affects availability ${describeValue(cell("Affects availability"))} in ` +
              `${at("Affects availability")} is not Yes or No`,
      );

    const reportCell = cell("Root cause report");
    const reportDate = readDateCell(reportCell, readWallClock);
    const rootCauseReport = reportDate ? civilDateOf(reportDate, readWallClock) : null;
    if (reportDate === undefined)
      faults.push(
        `Root cause report ${describeValue(reportCell)} in ${at("Root cause report")} is not a date ` +
          "(the day it was delivered; blank until then)",
      );
    else if (
      rootCauseReport &&
      started &&
      compareCivil(rootCauseReport, civilDateOf(started, readWallClock)) < 0
    )
      faults.push(
        `Root cause report ${toIsoDate(rootCauseReport)} in ` +
          `${at("Root cause report")} is before the incident started (${formatInstant(started, readWallClock)} ` +
          `in ${at("Started")})`,
      );

    if (account !== "" && id !== "") {
      const key = `${normalizeHeader(account)}#${normalizeHeader(id)}`;
      const earlier = rowOfId.get(key);
      if (earlier !== undefined)
        faults.push(
          `Incident ID "${id}" in ${at("Incident ID")} is already used for ${account} in row ${earlier}`,
        );
      else rowOfId.set(key, tableRow.row);
    }

    if (faults.length > 0 || !priority || !started || resolved === undefined || affects === undefined) {
      problems.push(problemAt(tabName, tableRow.row, `${faults.join("; ")}; the incident is left out`));
      continue;
    }
    incidents.push({
      row: tableRow.row,
      account,
      id,
      priority,
      started,
      resolved,
      affectsAvailability: affects,
      summary: cellText(cell("Summary")),
      rootCauseReport,
      cells: tableRow.cells,
    });
  }
  return { tabName, columns: table.columns, width: table.width, incidents, problems };
}
