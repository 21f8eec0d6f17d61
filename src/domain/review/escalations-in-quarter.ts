// An account's escalations as a review quarter saw them: opened in it, resolved in it, still open.
import type { CivilDate, ReadWallClock } from "../civil-date";
import { compareCivil } from "../civil-date";
import { civilDateOf } from "../workbook/date-cells";
import type { EscalationLogEntry } from "../workbook/parse-escalation-log";
import { normalizeHeader } from "../workbook-schema";
import type { ReviewQuarter } from "./review-quarter";
import { inQuarter } from "./review-quarter";

/** One escalation with the days the review needs. */
export interface QuarterEscalation {
  entry: EscalationLogEntry;
  opened: CivilDate | null;
  /**
   * When a resolved escalation was resolved, as well as the log tells: its `Last seen` day (the
   * log has no resolution date), else its `Opened` day.
   */
  resolved: CivilDate | null;
  openedInQuarter: boolean;
  resolvedInQuarter: boolean;
  /** Not resolved (Open, Acknowledged or Snoozed) and opened by the quarter's end. */
  stillOpen: boolean;
}

/** The quarter's escalations and the three counts. */
export interface EscalationsInQuarter {
  rows: QuarterEscalation[];
  opened: number;
  resolved: number;
  stillOpen: number;
}

/**
 * The log rows of `account` (case- and space-insensitive) that matter to the quarter: opened in
 * it, resolved in it, or still open having been opened by its end. Sorted by opened day.
 */
export function escalationsInQuarter(
  entries: readonly EscalationLogEntry[],
  account: string,
  quarter: ReviewQuarter,
  readWallClock: ReadWallClock,
): EscalationsInQuarter {
  const key = normalizeHeader(account);
  const day = (date: Date | null) => (date ? civilDateOf(date, readWallClock) : null);
  const rows: QuarterEscalation[] = [];
  for (const entry of entries) {
    if (normalizeHeader(entry.account) !== key) continue;
    const opened = day(entry.opened) ?? (entry.period ? day(entry.period) : null);
    const isResolved = entry.status.kind === "Resolved";
    const resolved = isResolved ? (day(entry.lastSeen) ?? opened) : null;
    const openedInQuarter = opened !== null && inQuarter(quarter, opened);
    const resolvedInQuarter = resolved !== null && inQuarter(quarter, resolved);
    const stillOpen = !isResolved && (opened === null || compareCivil(opened, quarter.range.end) <= 0);
    if (openedInQuarter || resolvedInQuarter || stillOpen)
      rows.push({ entry, opened, resolved, openedInQuarter, resolvedInQuarter, stillOpen });
  }
  rows.sort((a, b) => {
    if (a.opened && b.opened) return compareCivil(a.opened, b.opened) || a.entry.row - b.entry.row;
    return a.opened ? -1 : b.opened ? 1 : a.entry.row - b.entry.row;
  });
  return {
    rows,
    opened: rows.filter((r) => r.openedInQuarter).length,
    resolved: rows.filter((r) => r.resolvedInQuarter).length,
    stillOpen: rows.filter((r) => r.stillOpen).length,
  };
}
