// The Status cell of the Escalation Log: Open, Acknowledged, Snoozed until <date>, Resolved.
import type { CellValue } from "../cell-value";
import { isBlank, isDate } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import { toIsoDate } from "../civil-date";
import { civilDateOf, dateOfCivil } from "./date-cells";
import { parseDateText } from "./date-text";

/** The kinds of escalation status. */
export const ESCALATION_STATUS_KINDS = ["Open", "Acknowledged", "Snoozed", "Resolved"] as const;
/** One kind of escalation status. */
export type EscalationStatusKind = (typeof ESCALATION_STATUS_KINDS)[number];

/**
 * An escalation's status. `until` is set exactly for `Snoozed`: midnight starting the day the
 * snooze ends, in the spreadsheet's time zone.
 */
export type EscalationStatus =
  | { kind: Exclude<EscalationStatusKind, "Snoozed">; until?: undefined }
  | { kind: "Snoozed"; until: Date };

/**
 * Reads a Status cell: `Open`, `Acknowledged`, `Resolved` (any case), `Snoozed until 2026-12-01`
 * (the date also as `12/1/2026`, `Dec 1, 2026` or `1 Dec 2026`), or a bare date cell, read as
 * snoozed until that date. Returns `undefined` for a blank or unreadable cell, including `Snoozed`
 * without a readable date.
 */
export function parseEscalationStatus(
  value: CellValue,
  readWallClock: ReadWallClock,
): EscalationStatus | undefined {
  if (isBlank(value)) return undefined;
  if (isDate(value)) return Number.isNaN(value.getTime()) ? undefined : { kind: "Snoozed", until: value };
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const snoozed = /^snoozed\b\s*(?:until\b)?\s*:?\s*(.*)$/i.exec(text);
  if (snoozed) {
    const day = parseDateText(snoozed[1]);
    return day ? { kind: "Snoozed", until: dateOfCivil(day, readWallClock) } : undefined;
  }
  const kind = ESCALATION_STATUS_KINDS.find((k) => k.toLowerCase() === text.toLowerCase());
  return kind && kind !== "Snoozed" ? { kind } : undefined;
}

/** The text a writer puts in a Status cell: `Open`, …, `Snoozed until 2026-12-01`. */
export function formatEscalationStatus(status: EscalationStatus, readWallClock: ReadWallClock): string {
  if (status.kind === "Snoozed")
    return `Snoozed until ${toIsoDate(civilDateOf(status.until, readWallClock))}`;
  return status.kind;
}
