// English month names, the one list the product reads and writes them with (`October`, `Oct`, `Sept`).

/** January … December. */
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The English name of a month number 1–12: 10 → `October`. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1];
}

/** The three-letter name of a month number 1–12: 10 → `Oct`. */
export function shortMonthName(month: number): string {
  return MONTH_NAMES[month - 1].slice(0, 3);
}

/**
 * The month number (1–12) of an English month name or any abbreviation of three letters or more
 * (`October`, `Oct`, `oct.`, `Sept`, `Janu`), any case, or `null`.
 */
export function monthFromName(text: string): number | null {
  const word = text.trim().toLowerCase().replace(/\.$/, "");
  if (word.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
  return index === -1 ? null : index + 1;
}
