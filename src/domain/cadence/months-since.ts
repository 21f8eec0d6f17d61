// Months since go-live, and the `From month` column of `Escalation Rules` that depends on it.
import { describeValue, isBlank } from "../cell-value";
import { type CivilDate, monthsBetween } from "../civil-date";

/**
 * Whole months from go-live to `date`, counting a month only once its day is reached: go-live
 * 2026-01-15 → 2026-04-14 is 2, 2026-04-15 is 3 ("Month 3" in seed 000). Negative before go-live.
 */
export function monthsSinceGoLive(goLive: CivilDate, date: CivilDate): number {
  return monthsBetween(goLive, date);
}

/**
 * Reads a `From month` cell: blank (the rule always applies) gives `null`; otherwise a whole
 * number ≥ 0, written `3`, `"3"`, `"3+"`, `"Month 3"` or `"Month 3+"`. `source` starts the error message.
 */
export function parseFromMonth(value: unknown, source = "From month"): number | null {
  if (isBlank(value)) return null;
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  const match = /^(?:month\s*)?(\d+)\s*\+?$/i.exec(text.trim());
  if (match) return Number(match[1]);
  throw new Error(
    `${source}: must be the number of months since go-live (e.g. 3 or "Month 3+"), or blank for always; got ${describeValue(value)}`,
  );
}

/**
 * True when a rule with this `From month` applies on `date`: always for `null`, else once
 * {@link monthsSinceGoLive} has reached it. Without a go-live date a rule with a `From month`
 * does not apply (there is no month to count from).
 */
export function fromMonthReached(
  fromMonth: number | null,
  goLive: CivilDate | null,
  date: CivilDate,
): boolean {
  if (fromMonth === null) return true;
  if (goLive === null) return false;
  return monthsSinceGoLive(goLive, date) >= fromMonth;
}
