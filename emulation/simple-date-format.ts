// Java SimpleDateFormat patterns (what Utilities.formatDate takes) rendered in an IANA time zone.

import { DAYS, MONTHS } from "./calendar-names";
import { zonedParts, zoneLongName, zoneOffsetMillis, zoneShortName } from "./time-zone";

/** A pattern piece: a run of one letter (`yyyy`) or literal text. */
type Token = { letter: string; count: number } | { text: string };

/** Splits a SimpleDateFormat pattern; `'…'` is literal text and `''` a single quote. */
function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      let text = "";
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += pattern[i++];
      }
      if (i >= pattern.length) throw new Error(`Unterminated quote in date pattern "${pattern}"`);
      i++;
      tokens.push({ text });
    } else if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      tokens.push({ letter: ch, count });
      i += count;
    } else {
      tokens.push({ text: ch });
      i++;
    }
  }
  return tokens;
}

const pad = (value: number, width: number) =>
  (value < 0 ? "-" : "") + String(Math.abs(value)).padStart(width, "0");

function dayOfYear(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
}

/** US week numbering (weeks start on Sunday, week 1 holds 1 January), as Java's default en_US calendar. */
function weekOfYear(
  year: number,
  month: number,
  day: number,
  weekday: number,
): { week: number; year: number } {
  const doy = dayOfYear(year, month, day);
  const jan1Weekday = (weekday - ((doy - 1) % 7) + 7) % 7;
  const saturdayDoy = doy + (6 - weekday);
  const daysInYear = dayOfYear(year, 12, 31);
  if (saturdayDoy > daysInYear) return { week: 1, year: year + 1 };
  return { week: Math.floor((doy - 1 + jan1Weekday) / 7) + 1, year };
}

function formatOffset(offsetMs: number, withColon: boolean, zForZero: boolean, hoursOnly = false): string {
  const minutesTotal = Math.round(offsetMs / 60_000);
  if (minutesTotal === 0 && zForZero) return "Z";
  const sign = minutesTotal < 0 ? "-" : "+";
  const abs = Math.abs(minutesTotal);
  const hours = String(Math.floor(abs / 60)).padStart(2, "0");
  const minutes = String(abs % 60).padStart(2, "0");
  if (hoursOnly) return `${sign}${hours}`;
  return withColon ? `${sign}${hours}:${minutes}` : `${sign}${hours}${minutes}`;
}

/**
 * Formats `date` with a Java SimpleDateFormat `pattern` on the wall clock of `timeZone`, in English,
 * as `Utilities.formatDate(date, timeZone, pattern)` does. Throws on a pattern letter Java rejects.
 */
export function formatSimpleDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error("Invalid argument: date");
  const p = zonedParts(ms, timeZone);
  let out = "";
  for (const token of tokenize(pattern)) {
    if ("text" in token) {
      out += token.text;
      continue;
    }
    const { letter, count } = token;
    const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
    switch (letter) {
      case "G":
        out += p.year > 0 ? "AD" : "BC";
        break;
      case "y":
      case "Y": {
        const year = letter === "Y" ? weekOfYear(p.year, p.month, p.day, p.weekday).year : p.year;
        out += count === 2 ? pad(year % 100, 2) : pad(year, count);
        break;
      }
      case "M":
      case "L":
        if (count >= 4) out += MONTHS[p.month - 1];
        else if (count === 3) out += MONTHS[p.month - 1].slice(0, 3);
        else out += pad(p.month, count);
        break;
      case "d":
        out += pad(p.day, count);
        break;
      case "D":
        out += pad(dayOfYear(p.year, p.month, p.day), count);
        break;
      case "E":
        out += count >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        break;
      case "u":
        out += pad(p.weekday === 0 ? 7 : p.weekday, count);
        break;
      case "F":
        out += pad(Math.floor((p.day - 1) / 7) + 1, count);
        break;
      case "w":
        out += pad(weekOfYear(p.year, p.month, p.day, p.weekday).week, count);
        break;
      case "W": {
        const firstWeekday = (p.weekday - ((p.day - 1) % 7) + 7) % 7;
        out += pad(Math.floor((p.day - 1 + firstWeekday) / 7) + 1, count);
        break;
      }
      case "a":
        out += p.hour < 12 ? "AM" : "PM";
        break;
      case "H":
        out += pad(p.hour, count);
        break;
      case "k":
        out += pad(p.hour === 0 ? 24 : p.hour, count);
        break;
      case "K":
        out += pad(p.hour % 12, count);
        break;
      case "h":
        out += pad(hour12, count);
        break;
      case "m":
        out += pad(p.minute, count);
        break;
      case "s":
        out += pad(p.second, count);
        break;
      case "S":
        out += pad(p.millisecond, count);
        break;
      case "z":
        out += count >= 4 ? zoneLongName(ms, timeZone) : zoneShortName(ms, timeZone);
        break;
      case "Z":
        out += formatOffset(zoneOffsetMillis(ms, timeZone), false, false);
        break;
      case "X":
        if (count > 3) throw new Error(`Invalid date pattern "${pattern}": too many pattern letters: X`);
        out += formatOffset(zoneOffsetMillis(ms, timeZone), count === 3, true, count === 1);
        break;
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  }
  return out;
}
