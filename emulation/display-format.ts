// Renders a cell value as Sheets displays it under a number format (getDisplayValues).

import { DAYS, MONTHS } from "./calendar-names";
import type { StoredValue } from "./formula-cell";
import { zonedParts, zonedTimeToMillis } from "./time-zone";

/** What `getNumberFormat()` returns for a cell nobody formatted (Sheets' automatic format). */
export const DEFAULT_NUMBER_FORMAT = "0.###############";

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** True for the automatic format (unformatted cell, `General`). */
export function isAutomaticFormat(format: string): boolean {
  return format === DEFAULT_NUMBER_FORMAT || format === "" || /^general$/i.test(format);
}

const sectionCache = new Map<string, string[]>();

/** Splits a format into its `;` sections, ignoring `;` inside quotes. */
function sections(format: string): string[] {
  const cached = sectionCache.get(format);
  if (cached) return cached;
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  sectionCache.set(format, out);
  return out;
}

/** The format with quoted text, escapes and `[…]` blocks removed (to see which letters it uses). */
function bareLetters(section: string): string {
  return section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function isDateFormat(section: string): boolean {
  return /[ydhms]/i.test(bareLetters(section)) || /\[h+\]|\[m+\]|\[s+\]/i.test(section);
}

/** Automatic display of a number: integers as is, others to 10 significant digits. */
function automaticNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "#NUM!" : value > 0 ? "Infinity" : "-Infinity";
  const plain = String(value);
  // Ten significant digits or fewer print as they are (the common case; avoids toPrecision).
  if (plain.length <= 11 && !plain.includes("e")) return plain;
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return plain;
  const rounded = Number(value.toPrecision(10));
  const text = String(rounded);
  return text.includes("e")
    ? rounded
        .toExponential()
        .replace(/e([+-])(\d)$/, "E$10$2")
        .toUpperCase()
    : text;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A parsed number-format section: literal text around one `0#?,.` placeholder block. */
interface NumberPattern {
  prefix: string;
  suffix: string;
  percent: boolean;
  /** False when the section has no digit placeholders (text only). */
  hasDigits: boolean;
  minDecimals: number;
  maxDecimals: number;
  minInt: number;
  grouping: boolean;
  trailingPoint: boolean;
  /** Exponent sign ("+" or "") and digits, for scientific formats. */
  exponent: { sign: string; digits: number } | null;
}

const numberPatterns = new Map<string, NumberPattern>();

function parseNumberSection(section: string): NumberPattern {
  const cached = numberPatterns.get(section);
  if (cached) return cached;
  let prefix = "";
  let core = "";
  let suffix = "";
  let percent = false;
  let phase: "prefix" | "core" | "suffix" = "prefix";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (phase !== "suffix" && /[0#?.,]/.test(ch)) {
      core += ch;
      phase = "core";
      continue;
    }
    const exponent = phase === "core" ? /^[Ee][+-]?0+/.exec(section.slice(i)) : null;
    if (exponent) {
      core += exponent[0];
      i += exponent[0].length - 1;
      continue;
    }
    if (phase === "core") phase = "suffix";
    let literal = "";
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" && i + 1 < section.length) {
      literal = section[++i];
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
      if (inner.startsWith("$")) literal = inner.slice(1).split("-")[0];
    } else if (ch === "_") {
      i++;
      literal = " ";
    } else if (ch === "*") {
      i++;
    } else {
      if (ch === "%") percent = true;
      literal = ch;
    }
    if (phase === "prefix") prefix += literal;
    else suffix += literal;
  }
  const expMatch = /[Ee]([+-]?)(0+)$/.exec(core);
  const mantissa = expMatch ? core.slice(0, expMatch.index) : core;
  const [intPattern, decPattern = ""] = mantissa.split(".");
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const pattern: NumberPattern = {
    prefix,
    suffix,
    percent,
    hasDigits: core !== "",
    minDecimals: (decPattern.match(/0/g) ?? []).length,
    maxDecimals,
    minInt: (intPattern.match(/0/g) ?? []).length,
    grouping: intPattern.includes(","),
    trailingPoint: mantissa.includes(".") && maxDecimals === 0,
    exponent: expMatch ? { sign: expMatch[1], digits: expMatch[2].length } : null,
  };
  numberPatterns.set(section, pattern);
  return pattern;
}

/** Formats a number with a `0`/`#`/`,`/`.`/`%`/`E+00` pattern, with literal prefix and suffix text. */
function formatNumber(value: number, format: string): string {
  const parts = sections(format);
  let section = parts[0];
  let sign = value < 0 ? "-" : "";
  if (value < 0 && parts.length > 1 && parts[1] !== "") {
    section = parts[1];
    sign = "";
  } else if (value === 0 && parts.length > 2 && parts[2] !== "") section = parts[2];
  const p = parseNumberSection(section);
  let number = Math.abs(value);
  if (p.percent) number *= 100;
  if (!p.hasDigits) return sign + p.prefix + p.suffix;

  let exponentText = "";
  if (p.exponent) {
    const exponent = number === 0 ? 0 : Math.floor(Math.log10(number));
    number /= 10 ** exponent;
    const expSign = exponent < 0 ? "-" : p.exponent.sign === "+" ? "+" : "";
    exponentText = `E${expSign}${String(Math.abs(exponent)).padStart(p.exponent.digits, "0")}`;
  }
  let fixed = number.toFixed(p.maxDecimals);
  if (p.maxDecimals > p.minDecimals) {
    const [i, d = ""] = fixed.split(".");
    let decimals = d;
    while (decimals.length > p.minDecimals && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
    fixed = decimals === "" ? i : `${i}.${decimals}`;
  }
  let [integer, decimals] = fixed.split(".");
  if (integer === "0" && p.minInt === 0) integer = "";
  integer = integer.padStart(p.minInt, "0");
  if (p.grouping) integer = groupThousands(integer);
  const body = decimals !== undefined ? `${integer}.${decimals}` : p.trailingPoint ? `${integer}.` : integer;
  if (sign && !/[1-9]/.test(body)) sign = "";
  return sign + p.prefix + body + exponentText + p.suffix;
}

/** A wall-clock reading plus the serial (days since 1899-12-30) it stands for. */
interface Clock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  serial: number;
}

function clockOfSerial(serial: number): Clock {
  const ms = Math.round(SERIAL_EPOCH_MS + serial * MS_PER_DAY);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    serial,
  };
}

function clockOfDate(date: Date, timeZone: string): Clock {
  const p = zonedParts(date.getTime(), timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return { ...p, serial: (wall - SERIAL_EPOCH_MS) / MS_PER_DAY };
}

/** The serial number a date stands for in a time zone (what a number format shows for a date). */
export function dateToSerial(date: Date, timeZone: string): number {
  return clockOfDate(date, timeZone).serial;
}

/** The date a serial number stands for in a time zone. */
export function serialToDate(serial: number, timeZone: string): Date {
  const c = clockOfSerial(serial);
  return new Date(zonedTimeToMillis(c, timeZone));
}

const DATE_TOKEN =
  /^(yyyy|yyy|yy|y|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\[h+\]|\[m+\]|\[s+\]|\.0+)/i;

/** Formats a wall clock with a Sheets date/time pattern (`yyyy-mm-dd`, `m/d/yyyy h:mm`, `[h]:mm`). */
function formatClock(clock: Clock, section: string): string {
  type Piece = { token: string } | { text: string };
  const pieces: Piece[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      pieces.push({ text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (ch === "\\" && i + 1 < section.length) {
      pieces.push({ text: section[i + 1] });
      i += 2;
      continue;
    }
    const match = DATE_TOKEN.exec(section.slice(i));
    if (match) {
      pieces.push({ token: match[0] });
      i += match[0].length;
      continue;
    }
    if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    pieces.push({ text: ch });
    i++;
  }
  const twelveHour = pieces.some((p) => "token" in p && /^(am\/pm|a\/p)$/i.test(p.token));
  const tokenIndexes = pieces.map((p, i) => ("token" in p ? i : -1)).filter((i) => i >= 0);
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  let out = "";
  pieces.forEach((piece, index) => {
    if ("text" in piece) {
      out += piece.text;
      return;
    }
    const token = piece.token.toLowerCase();
    const position = tokenIndexes.indexOf(index);
    const previous = position > 0 ? pieces[tokenIndexes[position - 1]] : undefined;
    const next = position < tokenIndexes.length - 1 ? pieces[tokenIndexes[position + 1]] : undefined;
    const prevToken = previous && "token" in previous ? previous.token.toLowerCase() : "";
    const nextToken = next && "token" in next ? next.token.toLowerCase() : "";
    const hour12 = clock.hour % 12 === 0 ? 12 : clock.hour % 12;
    const hour = twelveHour ? hour12 : clock.hour;
    if (token.startsWith("y")) out += token.length <= 2 ? pad(clock.year % 100, 2) : String(clock.year);
    else if (token === "m" || token === "mm") {
      const minute = /^(h|hh|\[h+\])$/.test(prevToken) || /^(s|ss)$/.test(nextToken);
      const n = minute ? clock.minute : clock.month;
      out += token === "mm" ? pad(n, 2) : String(n);
    } else if (token === "mmm") out += MONTHS[clock.month - 1].slice(0, 3);
    else if (token === "mmmm") out += MONTHS[clock.month - 1];
    else if (token === "mmmmm") out += MONTHS[clock.month - 1][0];
    else if (token === "d") out += String(clock.day);
    else if (token === "dd") out += pad(clock.day, 2);
    else if (token === "ddd") out += DAYS[clock.weekday].slice(0, 3);
    else if (token === "dddd") out += DAYS[clock.weekday];
    else if (token === "h") out += String(hour);
    else if (token === "hh") out += pad(hour, 2);
    else if (token === "s") out += String(clock.second);
    else if (token === "ss") out += pad(clock.second, 2);
    else if (token === "am/pm") out += clock.hour < 12 ? "AM" : "PM";
    else if (token === "a/p") out += clock.hour < 12 ? "A" : "P";
    else if (token.startsWith("[h")) out += pad(Math.floor(clock.serial * 24 + 1e-9), token.length - 2);
    else if (token.startsWith("[m")) out += pad(Math.floor(clock.serial * 1440 + 1e-9), token.length - 2);
    else if (token.startsWith("[s")) out += pad(Math.floor(clock.serial * 86400 + 1e-6), token.length - 2);
    else if (token.startsWith(".")) out += `.${pad(clock.millisecond, 3).slice(0, token.length - 1)}`;
  });
  return out;
}

/** Default display of a date in an automatic-format cell: date, date and time, or time of day. */
function automaticDate(clock: Clock): string {
  if (clock.year === 1899 && clock.month === 12 && clock.day === 30) return formatClock(clock, "h:mm:ss");
  if (clock.hour === 0 && clock.minute === 0 && clock.second === 0) return formatClock(clock, "m/d/yyyy");
  return formatClock(clock, "m/d/yyyy h:mm:ss");
}

/**
 * The text Sheets shows for `value` under `numberFormat` in a spreadsheet of `timeZone`: booleans as
 * TRUE/FALSE, numbers and dates through the format (automatic when unformatted), text unchanged.
 */
export function formatForDisplay(value: StoredValue | "", numberFormat: string, timeZone: string): string {
  if (value === "") return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const kind = formatKind(numberFormat);
  if (typeof value === "number") {
    if (kind.automatic) return automaticNumber(value);
    if (kind.date) return formatClock(clockOfSerial(value), kind.section);
    return formatNumber(value, numberFormat);
  }
  if (Number.isNaN(value.getTime())) return "";
  const clock = clockOfDate(value, timeZone);
  if (kind.automatic) return automaticDate(clock);
  if (kind.date) return formatClock(clock, kind.section);
  return formatNumber(clock.serial, numberFormat);
}

/** How a format renders: automatic, date/time (with its first section) or number. */
interface FormatKind {
  automatic: boolean;
  date: boolean;
  section: string;
}

const formatKinds = new Map<string, FormatKind>();

function formatKind(numberFormat: string): FormatKind {
  let kind = formatKinds.get(numberFormat);
  if (!kind) {
    const section = sections(numberFormat)[0];
    kind = {
      automatic: isAutomaticFormat(numberFormat) || numberFormat === "@",
      date: isDateFormat(section),
      section,
    };
    formatKinds.set(numberFormat, kind);
  }
  return kind;
}
