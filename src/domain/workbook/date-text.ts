// Reads dates and months that users typed as text: "2026-10-01", "10/1/2026", "Oct 1, 2026", "2026-10", "Oct 2026".

import { monthFromName, shortMonthName } from "../calendar/month-names";
import type { CivilDate } from "../civil-date";
import { daysInMonth, parseIsoDate } from "../civil-date";

/** A month as users read it on a period header: `Oct 2026`. */
export function formatMonth(date: { year: number; month: number }): string {
  return `${shortMonthName(date.month)} ${date.year}`;
}

function civil(year: number, month: number, day: number): CivilDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * Parses a calendar date typed as text: ISO `2026-10-01`, US `10/1/2026`, `Oct 1, 2026` or
 * `1 Oct 2026` (month names in English, four-digit years). Returns `null` for anything else.
 */
export function parseDateText(text: string): CivilDate | null {
  const trimmed = text.trim();
  const iso = parseIsoDate(trimmed);
  if (iso) return iso;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (us) return civil(Number(us[3]), Number(us[1]), Number(us[2]));
  const monthFirst = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(trimmed);
  if (monthFirst) {
    const month = monthFromName(monthFirst[1]);
    return month === null ? null : civil(Number(monthFirst[3]), month, Number(monthFirst[2]));
  }
  const dayFirst = /^(\d{1,2})\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(trimmed);
  if (dayFirst) {
    const month = monthFromName(dayFirst[2]);
    return month === null ? null : civil(Number(dayFirst[3]), month, Number(dayFirst[1]));
  }
  return null;
}

/**
 * Parses a period typed as text: a month (`2026-10`, `Oct 2026`, `October 2026`, `Oct-2026`,
 * `10/2026`, giving day 1) or any date {@link parseDateText} reads (its day kept, so a caller can
 * tell that it is not the first of the month). Returns `null` for anything else.
 */
export function parseMonthText(text: string): CivilDate | null {
  const trimmed = text.trim();
  const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  if (isoMonth) return civil(Number(isoMonth[1]), Number(isoMonth[2]), 1);
  const named = /^([A-Za-z]+\.?)[\s-]+(\d{4})$/.exec(trimmed);
  if (named) {
    const month = monthFromName(named[1]);
    return month === null ? null : civil(Number(named[2]), month, 1);
  }
  const slashed = /^(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (slashed) return civil(Number(slashed[2]), Number(slashed[1]), 1);
  return parseDateText(trimmed);
}

/**
 * True when text looks like an attempt at a date or month: only digits and date separators
 * (`2026-13`, `13/2026`), a month name among its words (`Oct 20266`), or a misspelt month next to
 * a year (`Octobr 2026`). Words such as `Notes` or `Q1 total` are not.
 */
export function looksLikeDate(text: string): boolean {
  const trimmed = text.trim();
  if (/^[\d\s/.,-]+$/.test(trimmed) && /\d/.test(trimmed)) return true;
  const words = trimmed.split(/[\s,./-]+/);
  if (words.some((word) => monthFromName(word) !== null)) return true;
  const hasYear = words.some((word) => /^(19|20)\d\d$/.test(word));
  return hasYear && words.some((word) => monthFromName(word.slice(0, 3)) !== null);
}
