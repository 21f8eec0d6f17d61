// Reads a cell (number, percent text like "45%", duration text like "4 hrs", a duration cell) in a condition's unit.

import { type CellValue, describeValue, isBlank, isDate, shortText } from "../cell-value";
import { type ReadWallClock, readWallClockUtc, toIsoDate, toSerial } from "../civil-date";
import { convertDuration, isDurationUnit, isPercentUnit, matchUnit, type Unit, unitName } from "./units";

/** The outcome of reading a cell as a number: the quantity in the asked unit, or what went wrong. */
export type QuantityReading = { ok: true; quantity: number } | { ok: false; problem: string };

/** A number typed as text with the unit written after it (`unit` is absent for a plain number). */
export interface QuantityText {
  amount: number;
  unit?: Unit;
}

/** Serials at or above this (1927-05-18) are calendar dates, not durations. */
const LATEST_DURATION_SERIAL = 10_000;

const NUMBER_TEXT = /^([+-]?)\s*[$€£]?\s*((?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)\s*(.*)$/;
const CLOCK_TEXT = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;

/**
 * Reads text such as `45%`, `4 hrs`, `1,234`, `$1,200`, `6:30` (hours:minutes) or `06:00:00`;
 * returns `undefined` when the text is not a number with an optional known unit.
 */
export function parseQuantityText(text: string): QuantityText | undefined {
  const trimmed = text.trim();
  const clock = CLOCK_TEXT.exec(trimmed);
  if (clock) {
    const seconds = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
    return { amount: seconds, unit: "seconds" };
  }
  const match = NUMBER_TEXT.exec(trimmed);
  if (!match) return undefined;
  const amount = Number(`${match[1]}${match[2].replace(/,/g, "")}`);
  const rest = match[3].toLowerCase();
  if (rest === "") return { amount };
  const words = rest.match(/%|[a-z]+/g) ?? [];
  if (rest.replace(/%|[a-z]+/g, "").trim() !== "") return undefined;
  const unit = matchUnit(words);
  if (!unit || unit.length !== words.length) return undefined;
  return { amount, unit: unit.unit };
}

/**
 * Reads a cell as a quantity in `unit`, the unit of the condition it is checked against.
 * - numbers are taken as they are: a plain number is in the condition's unit (6 against hours is
 *   six hours) and a percent cell is already a fraction (0.25 for 25%);
 * - text is read with its own unit and converted (`"45%"` → 0.45, `"4 hrs"` → 240 against minutes,
 *   `"1,234"` → 1234); text without a unit is a plain number;
 * - a duration cell (a `Date` on the 1899-12-30 epoch) is read on the spreadsheet's wall clock
 *   (`readWallClock`, UTC when not given) and converted from days to the condition's time unit;
 * - anything else (TRUE, `"abc"`, a calendar date, a percent against hours) is a problem
 *   such as `not a number: "abc"`.
 */
export function readQuantity(
  value: CellValue,
  unit: Unit,
  readWallClock: ReadWallClock = readWallClockUtc,
): QuantityReading {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, quantity: value } : notANumber(value);
  }
  if (isBlank(value)) return { ok: false, problem: "no value" };
  if (isDate(value)) return readDurationCell(value, unit, readWallClock);
  if (typeof value !== "string") return notANumber(value);
  const parsed = parseQuantityText(value);
  if (!parsed) return notANumber(value);
  return convertText(value, parsed, unit);
}

function notANumber(value: unknown): QuantityReading {
  return { ok: false, problem: `not a number: ${describeValue(value)}` };
}

function readDurationCell(date: Date, unit: Unit, readWallClock: ReadWallClock): QuantityReading {
  if (Number.isNaN(date.getTime())) return notANumber(date);
  const clock = readWallClock(date);
  const days = toSerial(clock);
  if (days < 0 || days >= LATEST_DURATION_SERIAL) {
    return { ok: false, problem: `expected a number or a duration, got the date ${toIsoDate(clock)}` };
  }
  const shown = formatClock(days);
  if (unit === "businessDays") {
    return {
      ok: false,
      problem: `a duration (${shown}) cannot be read as business days: type a number of business days`,
    };
  }
  const quantity = convertDuration(days, "days", unit);
  if (quantity === undefined) {
    return {
      ok: false,
      problem: `a duration (${shown}) needs a time unit in the condition, such as "above 4 hours"`,
    };
  }
  return { ok: true, quantity };
}

function convertText(text: string, parsed: QuantityText, unit: Unit): QuantityReading {
  const from = parsed.unit;
  if (from === undefined || from === "number" || from === "points")
    return { ok: true, quantity: parsed.amount };
  const conditionUnit =
    unit === "number" || unit === "points"
      ? 'has no time unit (write e.g. "above 4 hours")'
      : `is in ${isPercentUnit(unit) ? "%" : unitName(unit)}`;
  const wrongUnit = (kind: string): QuantityReading => ({
    ok: false,
    problem: `${JSON.stringify(shortText(text))} is ${kind}, but the condition ${conditionUnit}`,
  });
  if (isPercentUnit(from)) {
    return isDurationUnit(unit) ? wrongUnit("a percentage") : { ok: true, quantity: parsed.amount / 100 };
  }
  if (from === unit) return { ok: true, quantity: parsed.amount };
  const converted = convertDuration(parsed.amount, from, unit);
  if (converted === undefined) return wrongUnit(`in ${unitName(from)}`);
  return { ok: true, quantity: converted };
}

/** A duration in days as `h:mm:ss` (`0.25` → `6:00:00`). */
export function formatClock(days: number): string {
  const totalSeconds = Math.round(days * 86_400);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${hours}:${pad(minutes)}:${pad(seconds)}`;
}
