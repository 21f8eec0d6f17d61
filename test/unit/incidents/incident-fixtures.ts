// Shared test helpers for incidents: a time zone's wall clock (from Intl), instants typed as wall-clock text, incident rows.
import type { ReadWallClock } from "../../../src/domain/civil-date";
import { dateOfWallClock, parseDateTimeText } from "../../../src/domain/workbook/date-time-cells";
import type { Incident } from "../../../src/domain/workbook/parse-incidents";
import type { Priority } from "../../../src/domain/workbook-schema";

/** Reads instants on `zone`'s wall clock, as the spreadsheet's time zone would. */
export function zoneClock(zone: string): ReadWallClock {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (date) => {
    const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
    return {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
    };
  };
}

export const UTC = zoneClock("Etc/UTC");
export const NEW_YORK = zoneClock("America/New_York");

/** The instant `2026-03-07 23:00` reads on `clock`. */
export function at(text: string, clock: ReadWallClock = UTC): Date {
  const wall = parseDateTimeText(text);
  if (!wall) throw new Error(`not a date-time: ${text}`);
  return dateOfWallClock(wall, clock);
}

/** An incident as the parser would give it; times are wall-clock text on `clock`. */
export function incident(
  fields: {
    id: string;
    started: string;
    resolved?: string | null;
    account?: string;
    priority?: Priority;
    affectsAvailability?: boolean;
    rootCauseReport?: string | null;
  },
  clock: ReadWallClock = UTC,
): Incident {
  const report = fields.rootCauseReport ? at(fields.rootCauseReport, clock) : null;
  const reportClock = report ? clock(report) : null;
  return {
    row: 2,
    account: fields.account ?? "Acme",
    id: fields.id,
    priority: fields.priority ?? "P1",
    started: at(fields.started, clock),
    resolved: fields.resolved ? at(fields.resolved, clock) : null,
    affectsAvailability: fields.affectsAvailability ?? true,
    summary: "",
    rootCauseReport: reportClock
      ? { year: reportClock.year, month: reportClock.month, day: reportClock.day }
      : null,
    cells: [],
  };
}
