// A small Sheets formula engine for the emulation: references, arithmetic, a few built-ins, and custom functions supplied by the caller.

import { MONTHS } from "./calendar-names";
import type { CallCounter } from "./call-counter";
import type { FormulaEvaluator, FormulaLocation } from "./formula-cell";
import type { Sheet } from "./sheet";
import { sheetDate } from "./sheet-date";
import { zonedParts } from "./time-zone";

/** A Sheets error value (`#DIV/0!`, `#VALUE!`, `#NAME?`, `#REF!`, `#ERROR!`), thrown through the evaluation. */
export class FormulaError extends Error {
  constructor(
    /** The code the cell shows. */
    readonly code: string,
    detail = code,
  ) {
    super(detail);
  }
}

/** A custom function as Sheets calls it: single cells as values, ranges as 2-D arrays. */
export type CustomFunction = (...args: unknown[]) => unknown;

/** What the engine needs besides the formula. */
export interface FormulaEngineOptions {
  /** Custom functions by upper-case name (the add-in's `HEALTH_BAND`, `REVIEW_TYPE`, …). */
  functions?: Record<string, CustomFunction>;
  /** The environment's call counter: the engine's own reads are not the add-in's calls. */
  counter?: CallCounter;
  /** Runs each custom-function call (e.g. `(call) => env.withAuthMode("CUSTOM_FUNCTION", call)`). */
  runCustomFunction?: <T>(call: () => T) => T;
}

/**
 * The custom functions a loaded bundle defines: its global functions whose names are upper case, as
 * Sheets offers them in formulas (`HEALTH_BAND`, `REVIEW_TYPE`, …).
 */
export function customFunctionsOf(globals: Record<string, unknown>): Record<string, CustomFunction> {
  const found: Record<string, CustomFunction> = {};
  for (const [name, value] of Object.entries(globals))
    if (typeof value === "function" && /^[A-Z][A-Z0-9_]*$/.test(name)) found[name] = value as CustomFunction;
  return found;
}

type Token =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "ref"; sheet: string | null; text: string }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

type Node =
  | { kind: "literal"; value: unknown }
  | { kind: "ref"; sheet: string | null; text: string }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "unary"; op: string; operand: Node }
  | { kind: "binary"; op: string; left: Node; right: Node };

/** A range a reference evaluated to: its cells, top-left first. */
interface RangeValue {
  range: true;
  grid: unknown[][];
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;
const COLUMN = /^\$?([A-Z]{1,3})$/;
const REF_TEXT = /^\$?[A-Z]{1,3}(?:\$?\d+)?(?::\$?[A-Z]{1,3}(?:\$?\d+)?)?/i;

/**
 * Reads text in quotes starting at `start` (the quote, `"` or `'`), a doubled quote standing for one:
 * the text and the index just past the closing quote, or `null` when it never closes.
 */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  const quote = text[start];
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote && text[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (text[i] === quote) return { value, end: i + 1 };
    else value += text[i++];
  }
  return null;
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const text = formula.replace(/^=/, "");
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '"') {
      const quoted = readQuoted(text, i);
      if (!quoted) throw new FormulaError("#ERROR!", `unterminated text in ${formula}`);
      i = quoted.end;
      tokens.push({ kind: "string", value: quoted.value });
      continue;
    }
    let sheet: string | null = null;
    if (ch === "'") {
      const quoted = readQuoted(text, i);
      if (!quoted || text[quoted.end] !== "!")
        throw new FormulaError(
          "#ERROR!",
          `expected ! after '${quoted?.value ?? text.slice(i + 1)}' in ${formula}`,
        );
      i = quoted.end + 1;
      sheet = quoted.value;
    } else {
      const bare = /^([A-Za-z_][\w.]*)!/.exec(text.slice(i));
      if (bare) {
        sheet = bare[1];
        i += bare[0].length;
      }
    }
    if (sheet !== null) {
      const ref = REF_TEXT.exec(text.slice(i));
      if (!ref) throw new FormulaError("#REF!", `expected a cell reference after ${sheet}! in ${formula}`);
      tokens.push({ kind: "ref", sheet, text: ref[0].toUpperCase() });
      i += ref[0].length;
      continue;
    }
    const number = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?%?/.exec(text.slice(i));
    if (number && !/^[A-Za-z_$]/.test(ch)) {
      const percent = number[0].endsWith("%");
      const value = Number(percent ? number[0].slice(0, -1) : number[0]);
      tokens.push({ kind: "number", value: percent ? value / 100 : value });
      i += number[0].length;
      continue;
    }
    const word = /^\$?[A-Za-z_][\w.$]*(?::\$?[A-Za-z]{1,3}\$?\d*)?/.exec(text.slice(i));
    if (word) {
      const after = text.slice(i + word[0].length).trimStart();
      const isRef = REF_TEXT.exec(word[0])?.[0].length === word[0].length && !after.startsWith("(");
      if (isRef && !/^(TRUE|FALSE)$/i.test(word[0]))
        tokens.push({ kind: "ref", sheet: null, text: word[0].toUpperCase() });
      else tokens.push({ kind: "name", value: word[0].toUpperCase() });
      i += word[0].length;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      tokens.push({ kind: "op", value: two });
      i += 2;
      continue;
    }
    if ("+-*/&=<>(),;^".includes(ch)) {
      tokens.push({ kind: "op", value: ch === ";" ? "," : ch });
      i += 1;
      continue;
    }
    throw new FormulaError("#ERROR!", `cannot read "${ch}" in ${formula}`);
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

function parse(formula: string): Node {
  const tokens = tokenize(formula);
  let position = 0;
  const peek = () => tokens[position];
  const isOp = (value: string) => {
    const token = peek();
    return token?.kind === "op" && token.value === value;
  };
  const expect = (value: string) => {
    if (!isOp(value)) throw new FormulaError("#ERROR!", `expected "${value}" in ${formula}`);
    position += 1;
  };
  const primary = (): Node => {
    const token = tokens[position++];
    if (!token) throw new FormulaError("#ERROR!", `unexpected end of ${formula}`);
    if (token.kind === "number" || token.kind === "string") return { kind: "literal", value: token.value };
    if (token.kind === "ref") return { kind: "ref", sheet: token.sheet, text: token.text };
    if (token.kind === "op" && token.value === "(") {
      const inner = expression(0);
      expect(")");
      return inner;
    }
    if (token.kind === "op" && (token.value === "-" || token.value === "+"))
      return { kind: "unary", op: token.value, operand: expression(4) };
    if (token.kind === "name") {
      if (token.value === "TRUE" || token.value === "FALSE")
        return { kind: "literal", value: token.value === "TRUE" };
      expect("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        for (;;) {
          args.push(isOp(",") || isOp(")") ? { kind: "literal", value: "" } : expression(0));
          if (isOp(",")) position += 1;
          else break;
        }
      }
      expect(")");
      return { kind: "call", name: token.value, args };
    }
    throw new FormulaError("#ERROR!", `unexpected "${"value" in token ? token.value : ""}" in ${formula}`);
  };
  const expression = (minimum: number): Node => {
    let left = primary();
    for (;;) {
      const token = peek();
      if (token?.kind !== "op" || !(token.value in PRECEDENCE)) break;
      const precedence = PRECEDENCE[token.value];
      if (precedence <= minimum && minimum > 0) break;
      if (precedence < minimum) break;
      position += 1;
      const right = expression(precedence);
      left = { kind: "binary", op: token.value, left, right };
    }
    return left;
  };
  const tree = expression(0);
  if (position !== tokens.length)
    throw new FormulaError("#ERROR!", `unexpected text at the end of ${formula}`);
  return tree;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function isRange(value: unknown): value is RangeValue {
  return typeof value === "object" && value !== null && (value as RangeValue).range === true;
}

function isDateValue(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** The number Sheets would use for a value in arithmetic. */
function toNumber(value: unknown): number {
  if (value === "" || value === null || value === undefined) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isDateValue(value)) return value.getTime() / 86_400_000 + 25_569;
  const parsed = Number(String(value).trim());
  if (String(value).trim() !== "" && Number.isFinite(parsed)) return parsed;
  throw new FormulaError("#VALUE!", `"${String(value)}" is not a number`);
}

function toText(value: unknown): string {
  if (value === "" || value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function compare(op: string, a: unknown, b: unknown): boolean {
  const both = (x: unknown) => typeof x === "number" || isDateValue(x) || x === "";
  let order: number;
  if (both(a) && both(b)) order = toNumber(a) - toNumber(b);
  else order = toText(a).toLowerCase().localeCompare(toText(b).toLowerCase());
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** Whether a cell meets a COUNTIFS criterion (`"Open"`, `"<>Resolved"`, `">5"`, a number). */
function meetsCriterion(cell: unknown, criterion: unknown): boolean {
  if (typeof criterion !== "string") return compare("=", cell, criterion);
  const match = /^(<>|<=|>=|<|>|=)?(.*)$/s.exec(criterion)!;
  const op = match[1] ?? "=";
  const operand = match[2];
  const numeric = operand.trim() !== "" && Number.isFinite(Number(operand));
  if (op === "=" && !numeric) return toText(cell).toLowerCase() === operand.toLowerCase();
  if (op === "<>" && !numeric) return toText(cell).toLowerCase() !== operand.toLowerCase();
  return compare(op, cell, numeric ? Number(operand) : operand);
}

/**
 * A {@link FormulaEvaluator} for the emulation: cell and range references (`A1`, `$B$2`, `'Tab name'!P29`,
 * `'Escalation Log'!$B:$B`), `+ - * / ^ &` and comparisons, the built-ins `IF`, `IFERROR`, `COUNTIFS`,
 * `SUM`, `TEXT` (dates and 0/0.0%/0.00 patterns), `EDATE`, `DATE`, `AND`, `OR`, `ISBLANK`, and any custom function
 * given in `options.functions`. Referenced formula cells are computed in turn (a cycle gives `#REF!`);
 * the engine's reads go uncounted. An error propagates as the cell's value (`#DIV/0!`, `#NAME?`, …),
 * unless `IFERROR` catches it.
 */
export function formulaEngine(options: FormulaEngineOptions = {}): FormulaEvaluator {
  const functions = options.functions ?? {};
  const cache = new Map<string, Node>();
  const active = new Set<string>();
  const read = <T>(action: () => T): T => (options.counter ? options.counter.uncounted(action) : action());

  const evaluateIn = (location: FormulaLocation, node: Node): unknown => {
    const timeZone = location.spreadsheet.getSpreadsheetTimeZone();
    const sheetOf = (name: string | null): Sheet => {
      if (name === null) return location.sheet;
      const sheet = location.spreadsheet.getSheetByName(name);
      if (!sheet) throw new FormulaError("#REF!", `no tab named "${name}"`);
      return sheet as unknown as Sheet;
    };
    const rangeOf = (sheetName: string | null, text: string): RangeValue => {
      const sheet = sheetOf(sheetName);
      const [first, second = first] = text.split(":");
      const a = CELL.exec(first);
      const b = CELL.exec(second);
      let top: number;
      let left: number;
      let bottom: number;
      let right: number;
      if (a && b) {
        [top, left, bottom, right] = [Number(a[2]), columnNumber(a[1]), Number(b[2]), columnNumber(b[1])];
      } else {
        const ca = COLUMN.exec(first);
        const cb = COLUMN.exec(second);
        if (!ca || !cb) throw new FormulaError("#REF!", `cannot read the reference ${text}`);
        [top, left, right] = [1, columnNumber(ca[1]), columnNumber(cb[1])];
        bottom = Math.max(
          1,
          read(() => sheet.getLastRow()),
        );
      }
      if (top > bottom) [top, bottom] = [bottom, top];
      if (left > right) [left, right] = [right, left];
      const grid = read(
        () => sheet.getRange(top, left, bottom - top + 1, right - left + 1).getValues() as unknown[][],
      );
      return { range: true, grid };
    };
    const scalar = (value: unknown): unknown => {
      if (!isRange(value)) return value;
      if (value.grid.length === 1 && value.grid[0].length === 1) return value.grid[0][0];
      throw new FormulaError("#VALUE!", "a range where one value was expected");
    };
    const errorText = (value: unknown) => typeof value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(value);
    const checked = (value: unknown): unknown => {
      if (errorText(value)) throw new FormulaError(value as string);
      return value;
    };
    const evaluate = (current: Node): unknown => {
      switch (current.kind) {
        case "literal":
          return current.value;
        case "ref":
          return rangeOf(current.sheet, current.text);
        case "unary": {
          const value = toNumber(checked(scalar(evaluate(current.operand))));
          return current.op === "-" ? -value : value;
        }
        case "binary": {
          const left = checked(scalar(evaluate(current.left)));
          const right = checked(scalar(evaluate(current.right)));
          switch (current.op) {
            case "&":
              return toText(left) + toText(right);
            case "+":
              return toNumber(left) + toNumber(right);
            case "-":
              return toNumber(left) - toNumber(right);
            case "*":
              return toNumber(left) * toNumber(right);
            case "^":
              return toNumber(left) ** toNumber(right);
            case "/": {
              const divisor = toNumber(right);
              if (divisor === 0) throw new FormulaError("#DIV/0!");
              return toNumber(left) / divisor;
            }
            default:
              return compare(current.op, left, right);
          }
        }
        case "call":
          return call(current.name, current.args);
      }
    };
    const argument = (node: Node): unknown => {
      const value = evaluate(node);
      if (!isRange(value)) return value;
      return value.grid.length === 1 && value.grid[0].length === 1 ? value.grid[0][0] : value.grid;
    };
    const call = (name: string, args: Node[]): unknown => {
      switch (name) {
        case "IFERROR": {
          try {
            return checked(scalar(evaluate(args[0])));
          } catch (error) {
            if (error instanceof FormulaError) return args[1] ? scalar(evaluate(args[1])) : "";
            throw error;
          }
        }
        case "IF": {
          const condition = checked(scalar(evaluate(args[0])));
          const truthy = typeof condition === "string" ? condition !== "" : toNumber(condition) !== 0;
          const branch = truthy ? args[1] : args[2];
          return branch ? scalar(evaluate(branch)) : truthy;
        }
        case "AND":
        case "OR": {
          const values = args.map((arg) => toNumber(checked(scalar(evaluate(arg)))) !== 0);
          return name === "AND" ? values.every(Boolean) : values.some(Boolean);
        }
        case "ISBLANK":
          return scalar(evaluate(args[0])) === "";
        case "SUM": {
          let total = 0;
          for (const arg of args) {
            const value = evaluate(arg);
            if (isRange(value)) {
              for (const cell of value.grid.flat()) if (typeof cell === "number") total += cell;
            } else total += toNumber(checked(value));
          }
          return total;
        }
        case "COUNTIFS": {
          if (args.length === 0 || args.length % 2 !== 0)
            throw new FormulaError("#N/A", "COUNTIFS needs range, criterion pairs");
          const pairs: [unknown[], unknown][] = [];
          for (let i = 0; i < args.length; i += 2) {
            const range = evaluate(args[i]);
            const cells = isRange(range) ? range.grid.flat() : [range];
            pairs.push([cells, scalar(evaluate(args[i + 1]))]);
          }
          const length = pairs[0][0].length;
          if (pairs.some(([cells]) => cells.length !== length))
            throw new FormulaError("#VALUE!", "COUNTIFS ranges of different sizes");
          let count = 0;
          for (let i = 0; i < length; i += 1)
            if (pairs.every(([cells, criterion]) => meetsCriterion(cells[i], criterion))) count += 1;
          return count;
        }
        case "EDATE": {
          const start = checked(scalar(evaluate(args[0])));
          const months = Math.trunc(toNumber(checked(scalar(evaluate(args[1])))));
          if (!isDateValue(start)) throw new FormulaError("#VALUE!", "EDATE needs a date");
          const parts = zonedParts(start.getTime(), timeZone);
          const index = parts.year * 12 + (parts.month - 1) + months;
          const year = Math.floor(index / 12);
          const month = (index % 12) + 1;
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(parts.day, last)).padStart(2, "0")}`;
          return sheetDate(iso, timeZone);
        }
        case "DATE": {
          // support.google.com/docs/answer/3092969: DATE(year, month, day); months and days past
          // their range roll over (DATE(2026, 13, 1) is 2027-01-01). Strict here: a non-number is #VALUE!.
          const [year, month, day] = args.map((arg) => Math.trunc(toNumber(checked(scalar(evaluate(arg))))));
          if (args.length !== 3 || [year, month, day].some((n) => !Number.isFinite(n)))
            throw new FormulaError("#VALUE!", "DATE needs a year, a month and a day");
          const civil = new Date(Date.UTC(year, month - 1, day));
          const iso = civil.toISOString().slice(0, 10);
          return sheetDate(iso, timeZone);
        }
        case "TEXT": {
          const value = checked(scalar(evaluate(args[0])));
          const format = toText(scalar(evaluate(args[1])));
          return formatText(value, format, timeZone);
        }
        default: {
          const custom = functions[name];
          if (!custom) throw new FormulaError("#NAME?", `Unknown function: '${name}'.`);
          try {
            const values = args.map(argument);
            const run = options.runCustomFunction ?? ((action: () => unknown) => action());
            return run(() => custom(...values));
          } catch (error) {
            if (error instanceof FormulaError) throw error;
            throw new FormulaError("#ERROR!", (error as Error)?.message ?? String(error));
          }
        }
      }
    };
    return evaluate(node);
  };

  return (formula, location) => {
    const key = `${location.sheet.getSheetId()}!${location.row}!${location.column}`;
    if (active.has(key)) return "#REF!";
    active.add(key);
    try {
      let tree = cache.get(formula);
      if (!tree) {
        tree = parse(formula);
        cache.set(formula, tree);
      }
      const result = evaluateIn(location, tree);
      if (isRange(result)) return result.grid.length > 0 ? result.grid[0][0] : "";
      return result;
    } catch (error) {
      if (error instanceof FormulaError) return error.code;
      throw error;
    } finally {
      active.delete(key);
    }
  };
}

/** `TEXT(value, format)` for the patterns the add-in writes: dates (`yyyy-mm-dd`, `mmm d, yyyy`) and numbers (`0`, `0.00`, `0.0%`). */
function formatText(value: unknown, format: string, timeZone: string): string {
  const date = isDateValue(value) ? value : null;
  if (date || /[ymd]/i.test(format)) {
    const when = date ?? new Date((toNumber(value) - 25_569) * 86_400_000);
    const parts = zonedParts(when.getTime(), timeZone);
    const months = MONTHS.map((name) => name.slice(0, 3));
    return format.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (token) => {
      switch (token.toLowerCase()) {
        case "yyyy":
          return String(parts.year).padStart(4, "0");
        case "yy":
          return String(parts.year % 100).padStart(2, "0");
        case "mmm":
          return months[parts.month - 1];
        case "mmmm":
          return new Date(Date.UTC(2000, parts.month - 1, 1)).toLocaleString("en-US", {
            month: "long",
            timeZone: "UTC",
          });
        case "mm":
          return String(parts.month).padStart(2, "0");
        case "m":
          return String(parts.month);
        case "dd":
          return String(parts.day).padStart(2, "0");
        default:
          return String(parts.day);
      }
    });
  }
  const number = toNumber(value);
  const percent = format.endsWith("%");
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  return `${(percent ? number * 100 : number).toFixed(decimals)}${percent ? "%" : ""}`;
}
