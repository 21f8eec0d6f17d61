// An account's availability month by month, in the shape the condition evaluator reads: values and rolling windows.
import type { CellValue } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import type { RollingWindowSource } from "../condition/rolling-window";
import { type MonthAvailability, monthAvailability, rollingExtremes, SLA_WINDOW_MS } from "./availability";
import type { Downtime } from "./downtime";
import type { ReportingMonth } from "./month-span";

/** A metric row measured from incidents: one value per period, and the windows behind each. */
export interface AvailabilitySeries {
  /** Each period's availability (a fraction), oldest first; `""` for a period that has not started. */
  values: CellValue[];
  /** Each period's full result (with its worst 7-day window); `null` where `values` is blank. */
  months: (MonthAvailability | null)[];
  /** For `over any rolling N days` conditions: pass as `rollingWindows` in the evaluation context. */
  rollingWindows: RollingWindowSource;
}

/**
 * The availability of each of `periods` (months, oldest first) for the account of `downtime`, to be
 * evaluated like a typed row: `evaluateCondition(condition, series.values, { rollingWindows:
 * series.rollingWindows, readWallClock })`. A plain `below 99.5%` reads the month's value; `below
 * 99.5% over any rolling 7 days` reads the month's worst window. Windows of other lengths are
 * computed when a rule asks for them, once each.
 */
export function availabilitySeries(
  downtime: Downtime,
  periods: readonly ReportingMonth[],
  readWallClock?: ReadWallClock,
): AvailabilitySeries {
  const options = { readWallClock };
  const months = periods.map((period) => {
    const month = monthAvailability(downtime, period, options);
    return downtime.now > month.start ? month : null;
  });
  const byLength = new Map<string, MonthAvailability>();
  const rollingWindows: RollingWindowSource = (periodIndex, lengthMs) => {
    const month = months[periodIndex];
    if (!month) return undefined;
    if (lengthMs === SLA_WINDOW_MS) return rollingExtremes(month);
    const key = `${periodIndex}|${lengthMs}`;
    let other = byLength.get(key);
    if (!other) {
      other = monthAvailability(downtime, periods[periodIndex], { readWallClock, windowMs: lengthMs });
      byLength.set(key, other);
    }
    return rollingExtremes(other);
  };
  return { values: months.map((month) => month?.availability ?? ""), months, rollingWindows };
}
