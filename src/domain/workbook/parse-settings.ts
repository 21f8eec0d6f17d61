// Reads the Settings tab (Setting / Value rows) into typed settings, using the default for anything missing or invalid.

import { monthFromName } from "../calendar/month-names";
import type { CellValue } from "../cell-value";
import { describeValue, isBlank, shortText } from "../cell-value";
import { readSegment, type Segment } from "../segment";
import { COLUMNS, SETTINGS_DEFAULTS, TAB } from "../workbook-schema";
import { mapHeaders } from "./column-map";
import { cellText, readWholeNumberCell } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, problemAt } from "./workbook-problem";

/** A key of the Settings tab. */
export type SettingKey = keyof typeof SETTINGS_DEFAULTS;

/** The Settings tab as typed values. */
export interface Settings {
  /** Month the fiscal year starts, 1–12 (`October` → 10). */
  fiscalYearStartMonth: number;
  /** Health score weights of usage, outcomes, relationship and growth (`40/25/20/15`). */
  healthWeights: [number, number, number, number];
  /** Band thresholds, highest first: three (`90/70/50`, four bands) or two (`90/70`, green/yellow/red). */
  healthBands: number[];
  /** Lower-case domains email may go to; empty means any. */
  allowedEmailDomains: string[];
  /** Days between reminders about the same open escalation (at least 1). */
  reminderEveryDays: number;
  /** Hour of the day (0–23) the daily scan runs. */
  scanHour: number;
  /** Display name on digest emails. */
  senderName: string;
  /** The segment of an account tab without a `Segment` row. */
  defaultSegment: Segment;
  /** The vendor's name for attendee lines (`<Company name> Customer Success`); blank = none. */
  companyName: string;
}

/** The Settings tab as read. */
export interface ParsedSettings {
  tabName: string;
  /** Every setting, from the tab where valid and from the defaults otherwise. */
  settings: Settings;
  /** 1-based sheet row of each key present on the tab (so a writer can update it in place). */
  rows: Partial<Record<SettingKey, number>>;
  /** 1-based sheet columns of `Setting` and `Value`. */
  columns: Record<(typeof COLUMNS.settings)[number], number>;
  /** Invalid values (the default was used), repeated keys (the first was used). */
  problems: WorkbookProblem[];
}

const SETTING_KEYS = Object.keys(SETTINGS_DEFAULTS) as SettingKey[];

/** Settings when the tab is missing or unreadable: every default of SPEC §2. */
export function defaultSettings(): Settings {
  return {
    fiscalYearStartMonth: monthFromName(SETTINGS_DEFAULTS["Fiscal year starts"]) ?? 1,
    healthWeights: parseNumberList(SETTINGS_DEFAULTS["Health weights"]) as Settings["healthWeights"],
    healthBands: parseNumberList(SETTINGS_DEFAULTS["Health bands"]) ?? [],
    allowedEmailDomains: [],
    reminderEveryDays: SETTINGS_DEFAULTS["Reminder every (days)"],
    scanHour: SETTINGS_DEFAULTS["Scan hour"],
    senderName: SETTINGS_DEFAULTS["Sender name"],
    defaultSegment: SETTINGS_DEFAULTS["Default segment"],
    companyName: SETTINGS_DEFAULTS["Company name"],
  };
}

/** Splits `40/25/20/15` (also `,` `;` or spaces, `%` allowed) into numbers; `null` if any part is not a number. */
function parseNumberList(text: string): number[] | null {
  const parts = text
    .split(/[/,;\s]+/)
    .map((part) => part.trim().replace(/%$/, ""))
    .filter((part) => part !== "");
  const numbers = parts.map((part) => (/^\d*\.?\d+$/.test(part) ? Number(part) : Number.NaN));
  return numbers.length > 0 && numbers.every((n) => Number.isFinite(n)) ? numbers : null;
}

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

/** A value read for one key: the value, or what it should have been. */
export type Reading<T> = { value: T } | { expected: string };

/** Reads a `Fiscal year starts` value: a month name (`October`, `Oct`) or a whole number 1–12. */
export function readFiscalYearStart(value: CellValue): Reading<number> {
  const whole = readWholeNumberCell(value);
  if (typeof whole === "number" && whole >= 1 && whole <= 12) return { value: whole };
  const month = typeof value === "string" ? monthFromName(value) : null;
  return month !== null ? { value: month } : { expected: "a month name such as October (or 1–12)" };
}

function readWeights(value: CellValue): Reading<Settings["healthWeights"]> {
  const numbers = typeof value === "string" ? parseNumberList(value) : null;
  if (numbers && numbers.length === 4 && numbers.some((n) => n > 0))
    return { value: numbers as Settings["healthWeights"] };
  return { expected: "four weights for usage/outcomes/relationship/growth such as 40/25/20/15" };
}

function readBands(value: CellValue): Reading<number[]> {
  const numbers = typeof value === "string" ? parseNumberList(value) : null;
  const descending = numbers?.every((n, i) => n > 0 && n <= 100 && (i === 0 || n < numbers[i - 1]));
  if (numbers && (numbers.length === 2 || numbers.length === 3) && descending) return { value: numbers };
  return { expected: "band floors from high to low within 0–100, such as 90/70/50 or 90/70" };
}

function readWhole(min: number, max: number, expected: string) {
  return (value: CellValue): Reading<number> => {
    const whole = readWholeNumberCell(value);
    return typeof whole === "number" && whole >= min && whole <= max ? { value: whole } : { expected };
  };
}

/**
 * Reads the Settings tab (`values` from `getValues()`, header row `Setting`, `Value` first). Keys
 * match case- and space-insensitively; unknown keys are left alone. A missing key or blank value
 * takes its default; an invalid value is reported and the default used.
 */
export function parseSettings(values: readonly CellValue[][]): ParsedSettings | WorkbookProblem {
  const tabName = TAB.settings;
  const table = readTable(tabName, values, COLUMNS.settings);
  if (isWorkbookProblem(table)) return table;
  const settings = defaultSettings();
  const rows: Partial<Record<SettingKey, number>> = {};
  const problems: WorkbookProblem[] = [];
  const keys = mapHeaders(
    table.rows.map((tableRow) => tableRow.value("Setting")),
    SETTING_KEYS,
  );
  const keyAt = new Map<number, SettingKey>();
  for (const key of SETTING_KEYS) {
    const position = keys.positions[key];
    if (position !== undefined) keyAt.set(position, key);
  }
  for (const { name, positions } of keys.duplicated) {
    keyAt.set(positions[0], name);
    const first = table.rows[positions[0]].row;
    for (const position of positions.slice(1))
      problems.push(
        problemAt(
          tabName,
          table.rows[position].row,
          `"${name}" is set again; the value in row ${first} is used`,
        ),
      );
  }

  table.rows.forEach((tableRow, position) => {
    const key = keyAt.get(position);
    if (key === undefined) return;
    rows[key] = tableRow.row;
    const value = tableRow.value("Value");
    if (isBlank(value)) return;
    const report = (expected: string) =>
      problems.push(
        problemAt(
          tabName,
          tableRow.row,
          `"${key}" in ${tableRow.address("Value")} must be ${expected}, got ${describeValue(value)}; ` +
            `using the default ${JSON.stringify(SETTINGS_DEFAULTS[key])}`,
        ),
      );
    const apply = <T>(reading: Reading<T>, set: (v: T) => void) => {
      if ("value" in reading) set(reading.value);
      else report(reading.expected);
    };
    switch (key) {
      case "Fiscal year starts":
        apply(readFiscalYearStart(value), (v) => {
          settings.fiscalYearStartMonth = v;
        });
        break;
      case "Health weights":
        apply(readWeights(value), (v) => {
          settings.healthWeights = v;
        });
        break;
      case "Health bands":
        apply(readBands(value), (v) => {
          settings.healthBands = v;
        });
        break;
      case "Allowed email domains":
        settings.allowedEmailDomains = readDomains(value, (text) =>
          problems.push(problemAt(tabName, tableRow.row, text.replace("{cell}", tableRow.address("Value")))),
        );
        break;
      case "Reminder every (days)":
        apply(readWhole(1, 365, "a whole number of days 1–365")(value), (v) => {
          settings.reminderEveryDays = v;
        });
        break;
      case "Scan hour":
        apply(readWhole(0, 23, "a whole number 0–23")(value), (v) => {
          settings.scanHour = v;
        });
        break;
      case "Sender name":
        settings.senderName = cellText(value);
        break;
      case "Default segment": {
        const reading = readSegment(value);
        if (reading && "value" in reading) settings.defaultSegment = reading.value;
        else if (reading) report(reading.expected);
        break;
      }
      case "Company name":
        settings.companyName = cellText(value);
        break;
    }
  });
  return { tabName, settings, rows, columns: table.columns, problems };
}

/**
 * Splits the allowed domains (comma, semicolon or space separated), lower-cased, without a leading
 * `@`. An entry that is not a domain is reported but kept, so a typo never widens who gets email.
 */
function readDomains(value: CellValue, report: (text: string) => void): string[] {
  const entries = cellText(value)
    .toLowerCase()
    .split(/[,;\s]+/)
    .map((entry) => entry.replace(/^@/, ""))
    .filter((entry) => entry !== "");
  const invalid = entries.filter((entry) => !DOMAIN.test(entry));
  if (invalid.length > 0) {
    const list = invalid.map((entry) => JSON.stringify(shortText(entry))).join(", ");
    report(
      `"Allowed email domains" in {cell} must list domains such as agency.gov, got ${list}; ` +
        "no email goes to an address that does not match a listed domain",
    );
  }
  return entries;
}
