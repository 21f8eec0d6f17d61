// Reads single cells as text, numbers or one of a fixed set of choices, the way a user would have typed them.
import type { CellValue } from "../cell-value";
import { isBlank, isDate } from "../cell-value";
import { type ReadWallClock, readWallClockUtc, toIsoDate } from "../civil-date";

/**
 * A cell as trimmed text: blank → `""`, numbers (to 15 significant digits, as Sheets keeps them) and
 * booleans as Sheets shows them, dates as `YYYY-MM-DD` on the spreadsheet's calendar (`readWallClock`
 * of its time zone; UTC only where no zone is known).
 */
export function cellText(value: CellValue, readWallClock: ReadWallClock = readWallClockUtc): string {
  if (isBlank(value)) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "" : toIsoDate(readWallClock(value));
  return typeof value === "number" ? String(Number(value.toPrecision(15))) : String(value);
}

/**
 * Reads a number cell: a finite number as it is, or text such as `1,200,000`, `$180,000`, `45%`
 * (→ 0.45). Returns `null` for a blank cell and `undefined` for anything that is not a number.
 */
export function readNumberCell(value: CellValue): number | null | undefined {
  if (isBlank(value)) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = /^([-+]?)\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d*\.?\d+)(?:\.(\d+))?\s*(%?)$/.exec(value.trim());
  if (!match) return undefined;
  const digits = match[2].replace(/,/g, "") + (match[3] !== undefined ? `.${match[3]}` : "");
  const number = Number(digits) * (match[1] === "-" ? -1 : 1);
  if (!Number.isFinite(number)) return undefined;
  return match[4] === "%" ? number / 100 : number;
}

/** Reads a whole-number cell (`7`, `"7"`, `7.0`); `null` for blank, `undefined` when not a whole number. */
export function readWholeNumberCell(value: CellValue): number | null | undefined {
  const number = readNumberCell(value);
  if (number === null || number === undefined) return number;
  return Number.isInteger(number) ? number : undefined;
}

function choiceKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

/**
 * The choice a cell names, ignoring case, spaces, hyphens and underscores (`contract facing` →
 * `Contract-facing`); `undefined` when it names none of them.
 */
export function matchChoice<Choice extends string>(
  value: CellValue,
  choices: readonly Choice[],
): Choice | undefined {
  const key = choiceKey(cellText(value));
  if (key === "") return undefined;
  return choices.find((choice) => choiceKey(choice) === key);
}
