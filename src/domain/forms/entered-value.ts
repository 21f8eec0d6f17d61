// Reads what a user typed as a metric value: blank, a number (percent as a fraction) or text, never a formula.

/** A metric value as typed into the values form, classified for writing to the account tab. */
export type EnteredValue =
  | { kind: "blank" }
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "text"; value: string };

/** The result of reading a typed value: the value, or a message for the field. */
export type EnteredValueReading = EnteredValue | { kind: "error"; message: string };

/** Longest text accepted as a metric value. */
export const MAX_VALUE_TEXT_LENGTH = 500;

const NUMBER = /^([+-])?\$?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(%)?$/;
const LOOKS_NUMERIC = /^[+-]?\$?[.,]?\d/;

/**
 * Reads a typed metric value. `99.5%` is the number 0.995 (percent cells hold fractions), `1,200`
 * and `$1,200` are 1200, `-3` is -3; `Yes`, `n/a` or `=IMPORTRANGE(...)` are text kept literally.
 * Something that starts like a number but is not one (`4 hours`, `1.2.3`) is refused so a unit
 * word does not silently turn a number into text.
 */
export function readEnteredValue(typed: string): EnteredValueReading {
  const text = typed.trim();
  if (text === "") return { kind: "blank" };
  const match = NUMBER.exec(text.replace(/\s+%$/, "%"));
  if (match && (match[2] !== undefined || match[3] !== undefined)) {
    const digits = `${match[2] ?? "0"}${match[3] ?? ""}`.replace(/,/g, "");
    let value = Number(digits) * (match[1] === "-" ? -1 : 1);
    const percent = match[4] === "%";
    if (percent) value = Number((value / 100).toPrecision(15));
    if (Number.isFinite(value)) return { kind: "number", value, percent };
  }
  if (LOOKS_NUMERIC.test(text)) {
    return {
      kind: "error",
      message: `Expected a number such as 12, 99.5% or 1,200 (in the metric's unit), got "${text}"`,
    };
  }
  if (text.length > MAX_VALUE_TEXT_LENGTH) {
    return { kind: "error", message: `Text values are at most ${MAX_VALUE_TEXT_LENGTH} characters` };
  }
  return { kind: "text", value: text };
}

/** How a stored cell value is shown in the form so that reading it back gives the same value. */
export function formatStoredValue(value: unknown, percentFormat: boolean): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "number") {
    if (percentFormat) return `${Number((value * 100).toPrecision(12))}%`;
    return String(Number(value.toPrecision(15)));
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}
