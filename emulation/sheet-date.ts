// The Date a Sheets cell holds for a calendar day (or wall-clock time) in the spreadsheet's time zone.
import { zonedTimeToMillis } from "./time-zone";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The `Date` that `getValue()` returns for a cell showing `iso` in a spreadsheet of `timeZone`:
 * local midnight for `"2026-10-01"`, that wall-clock time for `"2026-10-01T14:30"`.
 */
export function sheetDate(iso: string, timeZone = "Etc/UTC"): Date {
  const m = ISO.exec(iso.trim());
  if (!m)
    throw new Error(`sheetDate: expected YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss], got ${JSON.stringify(iso)}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new Error(`sheetDate: ${JSON.stringify(iso)} is not a calendar date`);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  return new Date(zonedTimeToMillis({ year, month, day, hour, minute, second }, timeZone));
}
