// Shows a metric's cells in the review: as typed cells with a number format, and as short text for trends.
import type { CellValue } from "../cell-value";
import { isBlank, isDate } from "../cell-value";
import type { ReadWallClock } from "../civil-date";
import { readQuantity } from "../condition";
import { isDurationUnit, isPercentUnit, type Unit, unitName } from "../condition/units";
import { cellText } from "../workbook/read-cells";
import type { ReviewCell } from "./review-document";
import { cell } from "./review-document";

/** How one metric's values are shown: the unit its target reads them in and a Sheets number format. */
export interface ValueStyle {
  unit: Unit | undefined;
  /** Number format for the value cells, e.g. `0.00%`, `$#,##0`, `0.0`. */
  format: string;
}

const GENERAL_FORMATS = new Set(["", "general", "@"]);

/**
 * The style of a metric's values: the account tab's own number format when it has one (`0.00%`,
 * `$#,##0`), else one fitting the target's unit (`0.0%` for percents, `0.0 "h"` for hours) or the
 * numbers themselves (`#,##0` for whole numbers, `#,##0.0#` otherwise).
 */
export function valueStyle(
  unit: Unit | undefined,
  tabFormat: string | undefined,
  numbers: readonly number[],
): ValueStyle {
  if (tabFormat !== undefined && !GENERAL_FORMATS.has(tabFormat.trim().toLowerCase()))
    return { unit, format: tabFormat };
  if (unit !== undefined && isPercentUnit(unit)) return { unit, format: "0.0%" };
  if (unit !== undefined && isDurationUnit(unit)) return { unit, format: `0.0 "${shortUnit(unit)}"` };
  const whole = numbers.every((n) => Number.isInteger(n));
  return { unit, format: whole ? "#,##0" : "#,##0.0#" };
}

function shortUnit(unit: Unit): string {
  if (unit === "hours") return "h";
  if (unit === "minutes") return "min";
  if (unit === "seconds") return "s";
  if (unit === "milliseconds") return "ms";
  return unitName(unit);
}

/** True when a tab number format shows percents (`0%`, `0.00%`, `+0%;-0%;0%`). */
function isPercentFormat(format: string): boolean {
  return /%/.test(format.replace(/"[^"]*"/g, ""));
}

/**
 * A metric cell as a number in the metric's unit (a fraction for percents, hours for a duration
 * target), or `null` for blank or non-numeric cells (Yes/No, text).
 */
export function numericValue(value: CellValue, unit: Unit | undefined, readWallClock: ReadWallClock) {
  if (isBlank(value) || typeof value === "boolean") return null;
  const reading = readQuantity(value, unit ?? "number", readWallClock);
  return reading.ok ? reading.quantity : null;
}

/** The review cell of one month's value: a formatted number, or the text as typed; `null` when blank. */
export function valueCell(
  value: CellValue,
  style: ValueStyle,
  readWallClock: ReadWallClock,
): ReviewCell | null {
  if (isBlank(value)) return null;
  const number =
    typeof value === "number" || isDate(value) || typeof value === "string"
      ? numericValue(value, style.unit, readWallClock)
      : null;
  if (number === null) return cell("text", cellText(value));
  return cell("number", number, { format: style.format });
}

/** A number as short text in the style's unit: `99.42%`, `5.2 h`, `$201,600`, `7.5`. */
export function formatNumber(value: number, style: ValueStyle): string {
  const percent = (style.unit !== undefined && isPercentUnit(style.unit)) || isPercentFormat(style.format);
  if (percent) return `${round(value * 100, 2)}%`;
  const money = /\$/.test(style.format) ? "$" : "";
  const digits = Math.abs(value) >= 1000 ? 0 : 2;
  const text = round(Math.abs(value), digits);
  const sign = value < 0 ? "-" : "";
  const unit = style.unit !== undefined && isDurationUnit(style.unit) ? ` ${shortUnit(style.unit)}` : "";
  return `${sign}${money}${text}${unit}`;
}

/** Rounds to at most `digits` decimals and groups thousands: 201600 → `201,600`, 99.4200 → `99.42`. */
function round(value: number, digits: number): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  const [whole, fraction] = String(rounded).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}
