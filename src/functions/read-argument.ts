// Readers that turn one cell of a custom-function argument into a checked number, flag or text.
import { type CellValue, describeValue, isBlank } from "../domain/cell-value";
import { parseQuantityText, readYesNo as readCellYesNo } from "../domain/condition";
import { mustBe } from "./argument-error";

/** What a numeric argument must be, in words a user reads in the error. */
export interface NumberRule {
  expected: string;
  accept: (n: number) => boolean;
}

/** Numeric rules shared by the functions. */
export const NUMBER_RULES = {
  positive: { expected: "a positive number", accept: (n: number) => n > 0 },
  nonNegative: { expected: "zero or a positive number", accept: (n: number) => n >= 0 },
  fraction: { expected: "a fraction between 0 and 1 (80% is 0.8)", accept: (n: number) => n >= 0 && n <= 1 },
  positiveFraction: {
    expected: "a fraction above 0 and at most 1 (5% is 0.05)",
    accept: (n: number) => n > 0 && n <= 1,
  },
  score: { expected: "a score from 0 to 100", accept: (n: number) => n >= 0 && n <= 100 },
  count: { expected: "a whole number of zero or more", accept: (n: number) => n >= 0 && Number.isInteger(n) },
} satisfies Record<string, NumberRule>;

/**
 * Reads text that plainly holds a number ("1200", "1,200.50", "$1,200", "45%" → 0.45), as a
 * tracker exported from another tool often does. Returns null for anything else, including
 * numbers with another unit ("4 hrs").
 */
export function numberFromText(text: string): number | null {
  const parsed = parseQuantityText(text);
  if (parsed === undefined || !Number.isFinite(parsed.amount)) return null;
  if (parsed.unit === undefined) return parsed.amount;
  return parsed.unit === "percent" ? parsed.amount / 100 : null;
}

/** Reads a numeric argument; blank gives null. Throws an ArgumentError naming fn, argument and value. */
export function readNumber(fn: string, argument: string, value: unknown, rule: NumberRule): number | null {
  if (isBlank(value)) return null;
  let n: number | null = null;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") n = numberFromText(value);
  if (n === null || !Number.isFinite(n) || !rule.accept(n)) {
    throw mustBe(fn, argument, rule.expected, describeValue(value));
  }
  return n;
}

/** Reads a yes/no argument: TRUE/FALSE, Yes/No, Y/N, 1/0. Blank gives null. */
export function readYesNo(fn: string, argument: string, value: unknown): boolean | null {
  if (isBlank(value)) return null;
  if (value === 1 || value === 0) return value === 1;
  const answer = readCellYesNo(value as CellValue);
  if (answer === undefined) throw mustBe(fn, argument, "Yes or No (or TRUE/FALSE)", describeValue(value));
  return answer;
}
