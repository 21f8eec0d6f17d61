// The account-tab rows a scan measures from the Incidents tab: availability and time to remediate replace what is typed.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import { addMonths, formatWallClock, readWallClockUtc } from "../civil-date";
import type { RollingWindowSource } from "../condition/rolling-window";
import { civilDateOf } from "../workbook/date-cells";
import type { AccountMetricRow, ParsedAccountTab } from "../workbook/parse-account-tab";
import type { CatalogEntry } from "../workbook/parse-catalog";
import { findCatalogEntry } from "../workbook/parse-catalog";
import type { Incident } from "../workbook/parse-incidents";
import type { Priority } from "../workbook-schema";
import { TAB } from "../workbook-schema";
import { type AvailabilityWindow, type MonthAvailability, monthAvailability } from "./availability";
import { availabilitySeries } from "./availability-series";
import { accountDowntime, incidentsOf, MINUTE_MS } from "./downtime";
import { incidentMeasure, isFromIncidents } from "./incident-measure";
import { monthSpan } from "./month-span";
import {
  type MonthRemediation,
  monthRemediation,
  type RemediationTime,
  remediationTime,
} from "./remediation";
import { remediationValue } from "./remediation-rule";
import { beforeTracking, incidentsTrackedFrom } from "./tracked-from";

/** How one metric row of an account tab is measured in a scan. */
export interface MeasuredRow {
  /**
   * `incidents`: `values` come from the Incidents tab; `typed`: the metric is `from Incidents` in the
   * catalog but the account logs no incident and has typed values, which are judged as typed (a
   * rolling clause is then judged on the month's own value).
   */
  source: "incidents" | "typed";
  /** One value per period of the tab (the tab's own values when `typed`). */
  values: CellValue[];
  /** The rolling windows of each period (availability measured from incidents only). */
  rollingWindows?: RollingWindowSource;
  /** Each period's availability with its worst window (availability from incidents only). */
  months?: (MonthAvailability | null)[];
  /**
   * Time to remediate from incidents: the incidents its rules judge one by one ({@link judgedIncidents}),
   * by start. A rule such as `above 4 hours` fires on each of them that took longer, not on the month's mean.
   */
  perIncident?: RemediationTime[];
  /** Time to remediate from incidents: each period's incidents resolved, mean and worst; `null` for a period not started. */
  remediation?: (MonthRemediation | null)[];
}

/** The rows of one account tab measured from incidents, by row, and what could not be measured. */
export interface MeasuredTab {
  rows: Map<AccountMetricRow, MeasuredRow>;
  /** The tab with each measured row's values replaced (so missing-data checks see them too). */
  tab: ParsedAccountTab;
  problems: string[];
  /**
   * Since when incidents are tracked ({@link incidentsTrackedFrom}); `null` when the tab holds none.
   * Months that ended before it keep their typed values (or stay blank), never claimed as 100%.
   */
  trackedFrom: Date | null;
}

/** What {@link measureFromIncidents} needs besides the tab. */
export interface MeasureOptions {
  catalog: readonly CatalogEntry[];
  /** Every incident of the Incidents tab as read once for the run; `null` when the workbook has no Incidents tab. */
  incidents: readonly Incident[] | null;
  now: Date;
  readWallClock?: ReadWallClock;
}

/**
 * Measures the rows of `tab` whose catalog `Measurement method` is `from Incidents`. An account with
 * at least one incident on the Incidents tab, or whose row is blank, is measured from incidents:
 * uptime (`System uptime`) is each month's availability (a fraction) with its rolling windows,
 * time to remediate (`MTTR - P1`) each month's mean over the incidents resolved in it (`5.5
 * hours`, blank in a month with none); a month that ended before the first incident on the tab
 * (any account's: when logging began) keeps what was typed for it, or stays blank. An account that
 * logs no incident but types the row keeps
 * its typed values, so workbooks that type uptime by hand work as before. A metric whose name says
 * neither is reported, never guessed.
 */
export function measureFromIncidents(tab: ParsedAccountTab, options: MeasureOptions): MeasuredTab {
  const rows = new Map<AccountMetricRow, MeasuredRow>();
  const problems: string[] = [];
  const incidents = options.incidents ?? [];
  const logged = incidentsOf(incidents, tab.account).length > 0;
  const trackedFrom = incidentsTrackedFrom(incidents);
  const months = tab.periods.map((period) => ({ year: period.month.year, month: period.month.month }));
  let downtime: ReturnType<typeof accountDowntime> | null = null;
  for (const row of tab.metrics) {
    const entry = findCatalogEntry(options.catalog, row.name);
    if (!entry || !isFromIncidents(entry.measurementMethod)) continue;
    const typed = row.values.some((value) => !isBlank(value));
    if (options.incidents === null || (!logged && typed)) {
      if (options.incidents === null && !typed)
        problems.push(
          `${tab.tabName}: "${row.name}" is measured from Incidents (KPI Catalog row ${entry.row}) but the ` +
            `workbook has no ${TAB.incidents} tab; run KPI Steward › Setup workbook to add it`,
        );
      rows.set(row, { source: "typed", values: row.values });
      continue;
    }
    const measure = incidentMeasure(row.name);
    if (!measure) {
      problems.push(
        `${tab.tabName}: "${row.name}" is measured from Incidents (KPI Catalog row ${entry.row}), but its name ` +
          "says neither uptime/availability nor MTTR/time to remediate; its typed values are used",
      );
      continue;
    }
    if (measure.kind === "availability") {
      downtime ??= accountDowntime(incidents, tab.account, options.now);
      const series = availabilitySeries(downtime, months, options.readWallClock);
      // Months that ended before incidents were tracked keep what was typed (no rolling windows).
      series.months.forEach((month, index) => {
        if (month && beforeTracking(month, trackedFrom)) {
          series.months[index] = null;
          series.values[index] = row.values[index] ?? "";
        }
      });
      rows.set(row, {
        source: "incidents",
        values: series.values,
        rollingWindows: series.rollingWindows,
        months: series.months,
      });
      continue;
    }
    const now = options.now.getTime();
    const remediation = months.map((month) => {
      const result = monthRemediation(incidents, {
        account: tab.account,
        month,
        priority: measure.priority,
        now: options.now,
        readWallClock: options.readWallClock,
      });
      return result.start > now ? null : result;
    });
    const values = remediation.map((month, index): CellValue => {
      if (month && beforeTracking(month, trackedFrom)) {
        remediation[index] = null;
        return row.values[index] ?? "";
      }
      return month?.meanMinutes == null ? "" : remediationValue(Math.round(month.meanMinutes));
    });
    rows.set(row, {
      source: "incidents",
      values,
      perIncident: judgedIncidents(incidents, tab.account, measure.priority, options),
      remediation,
    });
  }
  const measuredTab: ParsedAccountTab = {
    ...tab,
    metrics: tab.metrics.map((row) => {
      const measured = rows.get(row);
      return measured && measured.source === "incidents" ? { ...row, values: measured.values } : row;
    }),
  };
  return { rows, tab: measuredTab, problems, trackedFrom };
}

/**
 * The incidents of `account` (of `priority`, every priority when `null`) that time-to-remediate rules
 * judge one by one: those still open (started by `now`) and those resolved since the start of the
 * previous month on the spreadsheet's calendar (so an incident resolved just before a month ends is
 * not missed by a scan that runs on the 1st), oldest start first. Older incidents are not judged: a
 * first scan of a workbook with years of incidents does not open an escalation for each of them, and
 * an escalation already open for one stays as the people working it left it.
 */
export function judgedIncidents(
  incidents: readonly Incident[],
  account: string,
  priority: Priority | null,
  options: { now: Date; readWallClock?: ReadWallClock },
): RemediationTime[] {
  const now = options.now.getTime();
  const today = civilDateOf(options.now, options.readWallClock ?? readWallClockUtc);
  const from = monthSpan(
    addMonths({ year: today.year, month: today.month, day: 1 }, -1),
    options.readWallClock ?? readWallClockUtc,
  ).start;
  return incidentsOf(incidents, account)
    .filter((incident) => priority === null || incident.priority === priority)
    .filter((incident) => {
      if (incident.started.getTime() > now) return false;
      const resolved = incident.resolved?.getTime();
      return resolved === undefined || resolved > now || resolved >= from;
    })
    .sort((a, b) => a.started.getTime() - b.started.getTime())
    .map((incident) =>
      incident.resolved && incident.resolved.getTime() > now
        ? { incident, minutes: (now - incident.started.getTime()) / MINUTE_MS, open: true }
        : remediationTime(incident, options.now),
    );
}

/**
 * A window as the log and the digest name it: `worst 7 days 2026-03-02 14:00 to 2026-03-09 14:00:
 * 98.21% available, 180 minutes down (INC-7 Database failover)`.
 */
export function describeWindow(window: AvailabilityWindow, readWallClock: ReadWallClock): string {
  const at = (ms: number) => formatWallClock(readWallClock(new Date(ms)));
  const days = Math.round(window.minutes / (24 * 60));
  const percent = `${(Math.floor(window.value * 10_000) / 100).toFixed(2)}%`;
  const names = [...new Set(window.outages.map((outage) => outage.incident))].map((incident) =>
    incident.summary ? `${incident.id} ${incident.summary}` : incident.id,
  );
  const down = Math.round(window.downtimeMinutes);
  return (
    `worst ${days} days ${at(window.start)} to ${at(window.end)}: ${percent} available, ` +
    `${down} minute${down === 1 ? "" : "s"} down${names.length > 0 ? ` (${names.join("; ")})` : ""}`
  );
}

/** The incidents behind a window, by start, each once. */
export function windowIncidents(window: AvailabilityWindow): Incident[] {
  return [...new Set(window.outages.map((outage) => outage.incident))];
}

/**
 * The incidents behind an escalation of `account` whose period is `period`: those of the worst
 * 7-day window touching that month (what a rolling availability rule names), `null` when none
 * affects availability there.
 */
export function incidentsBehindPeriod(
  incidents: readonly Incident[],
  account: string,
  period: { year: number; month: number },
  now: Date,
  readWallClock?: ReadWallClock,
): Incident[] | null {
  const downtime = accountDowntime(incidents, account, now);
  if (downtime.intervals.length === 0) return null;
  const window = monthAvailability(downtime, period, { readWallClock }).worstWindow;
  const found = window ? windowIncidents(window) : [];
  return found.length > 0 ? found : null;
}
