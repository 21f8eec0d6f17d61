// Plans the account-grid cells a scan fills from the Incidents tab: the month's uptime or mean time to remediate, with a note naming the worst.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import type { MonthAvailability } from "../incidents/availability";
import { formatDuration } from "../incidents/duration-text";
import { describeWindow, type MeasuredRow, type MeasuredTab } from "../incidents/measured-rows";
import type { MonthRemediation } from "../incidents/remediation";
import { countOf } from "../plural";
import { cellAddress } from "../workbook/cell-address";
import { formatMonth } from "../workbook/date-text";
import type { AccountMetricRow, ParsedAccountTab } from "../workbook/parse-account-tab";
import { gridCellKey } from "./breach-key";

/** What the scan last wrote into a tab's grid, by grid cell key (`systemuptime@2026-10`): the number written. */
export type MeasuredCellsRecord = Record<string, number>;

/** One cell to write: its value (`""` clears a value the scan wrote that incidents no longer give) and note. */
export interface MeasuredCellWrite {
  row: number;
  column: number;
  value: number | "";
  /** The cell's note: where the value comes from and the worst incident or window behind it; `""` clears it. */
  note: string;
}

/** A cell a person typed that disagrees with the incidents: left as typed, reported. */
export interface MeasuredCellConflict {
  metric: string;
  /** A1 cell. */
  cell: string;
  problem: string;
}

/** What a scan writes into one account tab's grid from the Incidents tab. */
export interface MeasuredCellsPlan {
  writes: MeasuredCellWrite[];
  /** The record to keep for the next run (what the grid holds of ours once written). */
  record: MeasuredCellsRecord;
  conflicts: MeasuredCellConflict[];
}

/** What {@link planMeasuredCells} needs besides the tab. */
export interface MeasuredCellsOptions {
  /** The tab's record from the previous run (`{}` when none). */
  previous: MeasuredCellsRecord;
  /** The run's day, `2026-11-23`, for the notes. */
  stamp: string;
  readWallClock: ReadWallClock;
}

/** A measured row's value of one period as the grid holds it: a fraction for uptime, hours for time to remediate; `null` when there is none. */
function gridNumber(measured: MeasuredRow, index: number): number | null {
  const availability = measured.months?.[index];
  if (availability) return Math.round(availability.availability * 1e6) / 1e6;
  const remediation = measured.remediation?.[index];
  if (remediation?.meanMinutes != null) return Math.round((remediation.meanMinutes / 60) * 100) / 100;
  return null;
}

function sameNumber(cell: CellValue, value: number): boolean {
  return typeof cell === "number" && Math.abs(cell - value) < 1e-9;
}

/** The note of an availability cell: minutes down and the worst 7 days touching the month. */
function availabilityNote(month: MonthAvailability, readWallClock: ReadWallClock): string {
  const name = formatMonth(month);
  const down = Math.round(month.downtimeMinutes);
  const sofar = month.complete ? "" : " so far";
  const lines = [
    down === 0 ? `No downtime in ${name}${sofar}.` : `${countOf(down, "minute")} down in ${name}${sofar}.`,
  ];
  if (month.worstWindow && month.worstWindow.downtimeMinutes > 0)
    lines.push(`${describeWindow(month.worstWindow, readWallClock).replace(/^worst/, "Worst")}.`);
  return lines.join("\n");
}

/** The note of a time-to-remediate cell: the mean of how many incidents, and the worst one. */
function remediationNote(month: MonthRemediation): string {
  const which = month.priority ?? "incident";
  const lines = [`Mean of ${countOf(month.resolved.length, which)} resolved in ${formatMonth(month)}.`];
  if (month.worst && month.resolved.length > 1) {
    const { incident } = month.worst;
    lines.push(
      `Worst: ${incident.id}${incident.summary ? ` ${incident.summary}` : ""}, ${formatDuration(month.worst.minutes)}.`,
    );
  }
  return lines.join("\n");
}

function noteOf(measured: MeasuredRow, index: number, options: MeasuredCellsOptions): string {
  const head = `From the Incidents tab (KPI Steward scan ${options.stamp}).`;
  const availability = measured.months?.[index];
  if (availability) return `${head}\n${availabilityNote(availability, options.readWallClock)}`;
  const remediation = measured.remediation?.[index];
  return remediation ? `${head}\n${remediationNote(remediation)}` : head;
}

/** How a grid number reads in a message: `99.60%` for uptime, `5.5 hours` for time to remediate. */
function shown(measured: MeasuredRow, value: number): string {
  return measured.months ? `${(value * 100).toFixed(2)}%` : `${value} hours`;
}

/**
 * The grid cells of `tab` to fill from the Incidents tab: for each row measured from incidents, each
 * month's value (uptime as a fraction, time to remediate in hours; months before incidents were
 * tracked have none, see `trackedFrom`) with a note naming the minutes down and the worst 7 days,
 * or the mean's incidents and the worst one. A cell is written only when
 * it is blank or still holds what the scan wrote there last time (`previous`), and only when its
 * value changes, so an unchanged day writes nothing. A value a person typed is never overwritten:
 * the same as the incidents, it is adopted; different, it is reported (the scan judges the incidents).
 * A value the scan wrote that the incidents no longer give (an incident deleted) is cleared.
 */
export function planMeasuredCells(
  tab: ParsedAccountTab,
  measured: MeasuredTab,
  options: MeasuredCellsOptions,
): MeasuredCellsPlan {
  const plan: MeasuredCellsPlan = { writes: [], record: {}, conflicts: [] };
  const rows: [AccountMetricRow, MeasuredRow][] = [...measured.rows].filter(
    ([, row]) => row.source === "incidents",
  );
  for (const [row, measuredRow] of rows) {
    tab.periods.forEach((period, index) => {
      const column = row.columns[index];
      if (column === undefined) return;
      const key = gridCellKey(row.name, period.month);
      const current = row.values[index];
      const written = options.previous[key];
      const ours = written !== undefined && sameNumber(current, written);
      const value = gridNumber(measuredRow, index);
      if (value === null) {
        if (ours) plan.writes.push({ row: row.row, column, value: "", note: "" });
        return;
      }
      if (isBlank(current) || ours) {
        plan.record[key] = value;
        if (!sameNumber(current, value))
          plan.writes.push({ row: row.row, column, value, note: noteOf(measuredRow, index, options) });
        return;
      }
      if (sameNumber(current, value)) {
        plan.record[key] = value;
        return;
      }
      const cell = cellAddress(row.row, column);
      plan.conflicts.push({
        metric: row.name,
        cell,
        problem:
          `${row.name} ${formatMonth(period.month)}: ${cell} holds ${typeof current === "number" ? shown(measuredRow, current) : JSON.stringify(String(current))}, ` +
          `but the Incidents tab gives ${shown(measuredRow, value)}; the scan judges the incidents (KPI Catalog: ` +
          "from Incidents) and keeps the cell as typed. Clear the cell to have the scan fill it in, or change " +
          "the metric's Measurement method in the KPI Catalog to judge the typed values",
      });
    });
  }
  return plan;
}
