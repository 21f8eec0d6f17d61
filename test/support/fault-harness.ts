// Fault-suite helpers: bad cell values, junk grids, user-data snapshots, log-row and duplicate-email checks, and the tally.

import type { GasEnvironment } from "../../emulation/index";
import type { BundleContext } from "../../emulation/load-bundle";
import { seededRandom } from "../../emulation/seeded-random";
import { SEVERITY_COLORS } from "../../src/domain/scan/severity-colors";
import { cellAddress } from "../../src/domain/workbook/cell-address";
import { TAB } from "../../src/domain/workbook-schema";
import { plain } from "./scan-scenario";
import { logRows } from "./workbook-fixture";

/** A value a user (or an import) can leave in a cell, and how to name it in a test title. */
export interface BadCell {
  label: string;
  /** What the cell holds; a `Date` is made in the spreadsheet's time zone by {@link badCellValue}. */
  value: string | number | boolean | "date";
}

/** The 50,000-character text (Sheets' limit for one cell). */
export const LONG_TEXT = "x".repeat(49_990) + " the end.";

/** Every bad value of the fault suite's table. */
export const BAD_CELLS: BadCell[] = [
  { label: 'text "abc"', value: "abc" },
  { label: '"#N/A"', value: "#N/A" },
  { label: '"#DIV/0!"', value: "#DIV/0!" },
  { label: "a date", value: "date" },
  { label: "TRUE", value: true },
  { label: "FALSE", value: false },
  { label: "1e308", value: 1e308 },
  { label: "-1e308", value: -1e308 },
  { label: '"NaN" text', value: "NaN" },
  { label: "a blank cell", value: "" },
  { label: 'a space " "', value: " " },
  { label: '"=1+1" as text', value: "=1+1" },
  { label: "a 50,000-character string", value: LONG_TEXT },
  { label: "<script>alert(1)</script>", value: "<script>alert(1)</script>" },
];

/** The cell value of a {@link BadCell} as `getValues()` would return it. */
export function badCellValue(env: GasEnvironment, cell: BadCell): string | number | boolean | Date {
  return cell.value === "date" ? env.sheetDate("2026-02-14") : cell.value;
}

/** Writes `value` into `tab!a1` exactly (text stays text: no formula, number or date parsing), uncounted. */
export function putCell(env: GasEnvironment, tab: string, a1: string, value: unknown): void {
  env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`putCell: no tab ${tab}`);
    const range = sheet.getRange(a1);
    range.setValue(typeof value === "string" && value !== "" ? `'${value}` : value);
  });
}

/** A cell's value as read (uncounted). */
export function cellAt(env: GasEnvironment, tab: string, a1: string): unknown {
  return env.counter.uncounted(() => env.spreadsheet.getSheetByName(tab)?.getRange(a1).getValue());
}

/** The A1 address of the cell in `column` (header name) of the row whose first cell is `key`. */
export function cellOfRow(env: GasEnvironment, tab: string, key: string, column: string): string {
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`cellOfRow: no tab ${tab}`);
    const values = sheet.getDataRange().getValues();
    const col = values[0].findIndex((header) => String(header) === column);
    const row = values.findIndex((cells) => String(cells[0]) === key);
    if (col < 0 || row < 0) throw new Error(`cellOfRow: no ${key} / ${column} on ${tab}`);
    return cellAddress(row + 1, col + 1);
  });
}

/** `rows` × `columns` of junk: random text, numbers, #N/A, dates, booleans, blanks. */
export function junkGrid(rows: number, columns: number, seed: number): unknown[][] {
  const next = seededRandom(seed);
  const words = ["lorem", "ipsum", "#N/A", "#REF!", "n/a", "TBD", "System uptime", "<b>bold</b>", "=SUM(A1)"];
  const cell = (): unknown => {
    const pick = Math.floor(next() * 8);
    switch (pick) {
      case 0:
        return `${words[Math.floor(next() * words.length)]} ${Math.floor(next() * 1000)}`;
      case 1:
        return Math.round((next() - 0.5) * 1e6) / 100;
      case 2:
        return "#N/A";
      case 3:
        return new Date(
          Date.UTC(1990 + Math.floor(next() * 50), Math.floor(next() * 12), 1 + Math.floor(next() * 28)),
        );
      case 4:
        return next() < 0.5;
      case 5:
        return "";
      case 6:
        return next() * 1e308 * (next() < 0.5 ? -1 : 1);
      default:
        return `${Math.floor(next() * 100)}%`;
    }
  };
  return Array.from({ length: rows }, () => Array.from({ length: columns }, cell));
}

/** Writes rows into a tab exactly as given (strings stay text), creating it if needed; uncounted. */
export function rawSheet(env: GasEnvironment, name: string, rows: unknown[][]): void {
  env.sheetFromRows(name, [[]]);
  env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(name);
    if (!sheet || rows.length === 0) return;
    const width = Math.max(...rows.map((row) => row.length));
    if (sheet.getMaxRows() < rows.length)
      sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    if (sheet.getMaxColumns() < width)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    const range = sheet.getRange(1, 1, rows.length, width);
    range.setNumberFormat("@");
    range.setValues(rows.map((row) => [...row, ...new Array(width - row.length).fill("")]));
  });
}

/** What the suite counts over its run. */
export interface FaultTally {
  casesTried: number;
  faultsInjected: number;
  scans: number;
  comparisons: number;
  /** Comparisons of user data or log rows that failed. */
  dataLost: number;
  /** Escalation IDs mailed twice within one reminder interval. */
  duplicateEmails: number;
  /** Emails whose HTML held unescaped markup from a cell. */
  unescapedEmails: number;
  /** Summaries with a crash-like message or an outcome of failed. */
  crashes: number;
  functionCalls: number;
}

/** A fresh tally. */
export function newTally(): FaultTally {
  return {
    casesTried: 0,
    faultsInjected: 0,
    scans: 0,
    comparisons: 0,
    dataLost: 0,
    duplicateEmails: 0,
    unescapedEmails: 0,
    crashes: 0,
    functionCalls: 0,
  };
}

const SCAN_OWNED = new Set<string>([TAB.escalationLog, TAB.portfolio]);
const HIGHLIGHTS = new Set(Object.values(SEVERITY_COLORS).map((color) => color.toLowerCase()));

interface TabSnapshot {
  name: string;
  values: string[][];
  formulas: string[][];
  backgrounds: string[][];
}

/** Every user tab (all but the Escalation Log and Portfolio) by sheet id: values, formulas, backgrounds. */
export type UserSnapshot = Map<number, TabSnapshot>;

function cellJson(value: unknown): string {
  if (Object.prototype.toString.call(value) === "[object Date]") return `date:${(value as Date).getTime()}`;
  return `${typeof value}:${String(value)}`;
}

function normalizeBackground(color: string): string {
  const text = (color ?? "").trim().toLowerCase();
  return text === "" ? "#ffffff" : text;
}

/** Snapshots every user tab (uncounted). */
export function userSnapshot(env: GasEnvironment): UserSnapshot {
  return env.counter.uncounted(() => {
    const snapshot: UserSnapshot = new Map();
    for (const sheet of env.spreadsheet.getSheets()) {
      if (SCAN_OWNED.has(sheet.getName())) continue;
      const range = sheet.getDataRange();
      snapshot.set(sheet.getSheetId(), {
        name: sheet.getName(),
        values: range.getValues().map((row) => row.map(cellJson)),
        formulas: range.getFormulas(),
        backgrounds: range.getBackgrounds().map((row) => row.map(normalizeBackground)),
      });
    }
    return snapshot;
  });
}

/** The escalation-log fields that must never change once a row exists. */
const KEPT_FIELDS = ["ID", "Account", "Metric", "Period", "Opened"] as const;

function keptOf(row: Record<string, unknown>): string {
  return KEPT_FIELDS.map((field) => cellJson(row[field])).join(" | ");
}

/** One comparison's result: what failed, empty when it held. */
export type Differences = string[];

/**
 * Compares user tabs after a run with the snapshot before it: the same tabs, names, values and
 * formulas; a background may change only to a severity colour (a highlight) or, from a severity
 * colour, back to the colour the cell had in `pristine` (the scan giving a cell back its colour).
 */
export function compareUserData(
  before: UserSnapshot,
  after: UserSnapshot,
  pristine: UserSnapshot,
): Differences {
  const problems: string[] = [];
  for (const [id, tab] of before) {
    const now = after.get(id);
    if (!now) {
      problems.push(`tab ${tab.name} is gone`);
      continue;
    }
    if (now.name !== tab.name) problems.push(`tab ${tab.name} was renamed ${now.name}`);
    const rows = Math.max(tab.values.length, now.values.length);
    for (let r = 0; r < rows; r += 1) {
      const width = Math.max(tab.values[r]?.length ?? 0, now.values[r]?.length ?? 0);
      for (let c = 0; c < width; c += 1) {
        const where = `${tab.name}!R${r + 1}C${c + 1}`;
        const a = tab.values[r]?.[c] ?? "string:";
        const b = now.values[r]?.[c] ?? "string:";
        if (a !== b) problems.push(`${where} value ${a.slice(0, 60)} → ${b.slice(0, 60)}`);
        const fa = tab.formulas[r]?.[c] ?? "";
        const fb = now.formulas[r]?.[c] ?? "";
        if (fa !== fb) problems.push(`${where} formula ${fa} → ${fb}`);
        const ba = tab.backgrounds[r]?.[c] ?? "#ffffff";
        const bb = now.backgrounds[r]?.[c] ?? "#ffffff";
        if (ba === bb || HIGHLIGHTS.has(bb)) continue;
        const original = pristine.get(id)?.backgrounds[r]?.[c] ?? "#ffffff";
        if (!(HIGHLIGHTS.has(ba) && bb === original)) problems.push(`${where} background ${ba} → ${bb}`);
      }
    }
  }
  return problems;
}

/** Formulas in the Escalation Log (the scan writes values only: `=1+1` typed in a cell stays text there). */
export function logFormulas(env: GasEnvironment): string[] {
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(TAB.escalationLog);
    if (!sheet) return [];
    return sheet
      .getDataRange()
      .getFormulas()
      .flat()
      .filter((formula) => formula !== "");
  });
}

/** Checks that every log row present before is still there with the same ID/Account/Metric/Period/Opened. */
export function compareLogRows(
  before: Record<string, unknown>[],
  after: Record<string, unknown>[],
): Differences {
  const problems: string[] = [];
  const byId = new Map<string, Record<string, unknown>[]>();
  for (const row of after) {
    const id = String(row.ID);
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  for (const [id, rows] of byId)
    if (id !== "" && rows.length > 1) problems.push(`log ID ${id} appears ${rows.length} times`);
  for (const row of before) {
    const id = String(row.ID);
    const now = byId.get(id)?.[0];
    if (!now) problems.push(`log row ${id} (${String(row.Account)} / ${String(row.Metric)}) is gone`);
    else if (keptOf(now) !== keptOf(row))
      problems.push(`log row ${id} changed: ${keptOf(row)} → ${keptOf(now)}`);
  }
  return problems;
}

/**
 * Escalation IDs mailed twice within one reminder interval: for each ID, consecutive emails
 * mentioning it less than `reminderDays` apart (an hour's slack for time-zone shifts).
 */
export function duplicateMails(env: GasEnvironment, reminderDays: number): string[] {
  const times = new Map<string, number[]>();
  for (const mail of env.mail.sent)
    for (const id of new Set(mail.body.match(/ESC-\d{4,}/g) ?? []))
      times.set(id, [...(times.get(id) ?? []), mail.sentAt.getTime()]);
  const duplicates: string[] = [];
  const gap = reminderDays * 86_400_000 - 3_600_000;
  for (const [id, list] of times) {
    list.sort((a, b) => a - b);
    for (let i = 1; i < list.length; i += 1)
      if (list[i] - list[i - 1] < gap)
        duplicates.push(
          `${id} mailed at ${new Date(list[i - 1]).toISOString()} and ${new Date(list[i]).toISOString()}`,
        );
  }
  return duplicates;
}

/** Markup from cells that must never reach an email's HTML unescaped. */
const UNESCAPED = /<script|<b>bold|onerror=/i;

/** Words of a crashed program rather than a sentence for the user. */
export const CRASH_WORDS =
  /Cannot read propert|Cannot set propert|is not a function|is not defined|is not iterable|undefined|\[object |Maximum call stack|TypeError|RangeError|ReferenceError|Invalid time value/;

/** Every text of a summary a user reads. */
export function summaryTexts(summary: Record<string, unknown>): string[] {
  const texts: string[] = [String(summary.message ?? "")];
  if (summary.error !== undefined) texts.push(String(summary.error));
  for (const key of ["problems", "ruleProblems"])
    texts.push(...((summary[key] as string[]) ?? []).map(String));
  for (const item of (summary.skipped as { reason: string }[]) ?? []) texts.push(String(item.reason));
  for (const item of (summary.valueProblems as { problem: string }[]) ?? []) texts.push(String(item.problem));
  for (const item of (summary.emailsSkipped as { reason: string }[]) ?? []) texts.push(String(item.reason));
  for (const item of (summary.emailsFailed as { reason: string }[]) ?? []) texts.push(String(item.reason));
  return texts;
}

/** What one scan of a fault case gave. */
export interface ScanResult {
  /** The summary as plain JSON; `null` when runScan threw. */
  summary: ScanSummaryLike | null;
  thrown: unknown;
  /** Everything the checks found wrong (also counted in the tally). */
  failures: string[];
}

/** The summary fields the suite reads. */
export interface ScanSummaryLike {
  accountsScanned: number;
  breaches: number;
  newEscalations: number;
  emailsSent: number;
  emailsQueued: number;
  skipped: { tab: string; reason: string }[];
  outcome: string;
  message: string;
  error?: string;
  problems: string[];
  ruleProblems: string[];
  valueProblems: { tab: string; cell: string; problem: string }[];
  emailsSkipped: { tab: string; owner: string; reason: string }[];
  emailsFailed: { to: string; tabs: string[]; escalations: string[]; missingData: number; reason: string }[];
  escalationsWithoutTab: { id: string; account: string }[];
  emails: { to: string; subject: string; escalations: string[] }[];
  resolved: number;
  uncertainDeliveries: unknown[];
  pass: { resumed: boolean; complete: boolean; tabsRemaining: number };
  [key: string]: unknown;
}

/** Longest one-line summary the suite accepts as readable. */
export const MAX_MESSAGE_CHARS = 2_000;

/**
 * A fault case's bundle run: runs `runScan` (or `fn`) with the checks around it, counting into
 * `tally`: user data and log rows compared before/after, summary texts checked, emails of the run
 * checked for unescaped markup.
 */
export class FaultSession {
  readonly pristine: UserSnapshot;
  constructor(
    readonly env: GasEnvironment,
    readonly gas: BundleContext,
    readonly tally: FaultTally,
  ) {
    this.pristine = userSnapshot(env);
    tally.casesTried += 1;
  }

  /** Counts one injected fault. */
  inject(action: () => void, faults = 1): void {
    action();
    this.tally.faultsInjected += faults;
  }

  /** Runs one scan (runScan unless `entry` names another global) with every check. */
  scan(entry = "runScan"): ScanResult {
    const { env, tally } = this;
    const failures: string[] = [];
    const before = userSnapshot(env);
    const logBefore = logRows(env);
    const mailsBefore = env.mail.sent.length;
    let summary: ScanSummaryLike | null = null;
    let thrown: unknown = null;
    tally.scans += 1;
    try {
      summary = plain(this.gas[entry]()) as ScanSummaryLike;
    } catch (error) {
      thrown = error;
      failures.push(`${entry} threw: ${(error as Error)?.message ?? String(error)}`);
    }
    const userDiff = compareUserData(before, userSnapshot(env), this.pristine);
    const logDiff = [
      ...compareLogRows(logBefore, logRows(env)),
      ...logFormulas(env).map((formula) => `the log holds a formula ${formula}`),
    ];
    tally.comparisons += 2;
    if (userDiff.length > 0) {
      tally.dataLost += 1;
      failures.push(`user data changed: ${userDiff.slice(0, 5).join("; ")}`);
    }
    if (logDiff.length > 0) {
      tally.dataLost += 1;
      failures.push(`log rows changed: ${logDiff.slice(0, 5).join("; ")}`);
    }
    if (summary) {
      const crashy = summaryTexts(summary).filter((text) => CRASH_WORDS.test(text));
      const failed = summary.outcome === "failed" || crashy.length > 0;
      if (failed) {
        tally.crashes += 1;
        failures.push(`crash-like summary: ${summary.outcome} ${summary.error ?? ""} ${crashy.join(" / ")}`);
      }
      if (!["complete", "partial", "locked", "blocked"].includes(summary.outcome))
        failures.push(`unexpected outcome ${summary.outcome}`);
      if (
        typeof summary.message !== "string" ||
        !/^Scan \d{4}-\d{2}-\d{2} \d{2}:\d{2}: /.test(summary.message)
      )
        failures.push(`summary message is not a one-line summary: ${String(summary.message).slice(0, 80)}`);
      for (const text of summaryTexts(summary))
        if (text.length > MAX_MESSAGE_CHARS)
          failures.push(`a summary text is ${text.length} characters long: ${text.slice(0, 80)}…`);
    }
    // Exactly once: a run that finished has written Last notified and cleared the mail journal.
    if (
      summary &&
      ["complete", "partial"].includes(summary.outcome) &&
      env.properties.document.entries().KPI_STEWARD_MAIL_JOURNAL !== undefined
    )
      failures.push("the mail journal was left behind by a run that finished");
    for (const mail of env.mail.sent.slice(mailsBefore))
      if (UNESCAPED.test(mail.htmlBody ?? "") || /undefined|\[object /.test(mail.body)) {
        tally.unescapedEmails += 1;
        failures.push(`email to ${mail.to} holds unescaped markup or a crash word`);
      }
    return { summary, thrown, failures };
  }

  /**
   * Compares the log's statuses with `expected` (ID → Status), counted like the other comparisons:
   * an escalation that stayed resolved after its fault was undone is data lost.
   */
  compareStatuses(expected: Map<string, string>): Differences {
    const now = new Map(logRows(this.env).map((row) => [String(row.ID), String(row.Status)]));
    const problems = [...expected]
      .filter(([id, status]) => now.get(id) !== status)
      .map(([id, status]) => `${id} is ${now.get(id) ?? "gone"}, was ${status}`);
    this.tally.comparisons += 1;
    if (problems.length > 0) this.tally.dataLost += 1;
    return problems;
  }

  /** The log's statuses now, by ID. */
  statuses(): Map<string, string> {
    return new Map(logRows(this.env).map((row) => [String(row.ID), String(row.Status)]));
  }

  /** Duplicate emails so far in this case (each counted into the tally once, at the case's end). */
  finish(reminderDays = 7): string[] {
    const duplicates = duplicateMails(this.env, reminderDays);
    this.tally.duplicateEmails += duplicates.length;
    return duplicates;
  }
}
