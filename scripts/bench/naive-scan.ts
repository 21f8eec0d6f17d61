// The benchmark's straw-man: a per-cell scan (getValue / setBackground one cell at a time) over the same emulated workbook.
import type { GasEnvironment, Range, Sheet } from "../../emulation/index";
import { isOwnTab, TAB } from "../../src/domain/workbook-schema";

/** A rule as the naive scan understands it: one comparison against a number, or equality with a text. */
interface NaiveRule {
  metric: string;
  color: string;
  test: (value: unknown) => boolean;
}

const COLORS: Record<string, string> = { Watch: "#fff2cc", Warning: "#f6b26b", Critical: "#e06666" };

/** Reads `below 40%`, `above 4 hours`, `at least 80%`, `at most 0`, `< 25%`, `is Yes` (the rest never breaches). */
function naiveCondition(text: string): (value: unknown) => boolean {
  const is = /^is\s+(.+)$/i.exec(text.trim());
  if (is) return (value) => String(value).toLowerCase() === is[1].toLowerCase();
  const match = /^(below|above|at least|at most|<|>|<=|>=)\s*(-?[\d.]+)\s*(%?)/i.exec(text.trim());
  if (!match) return () => false;
  const limit = Number(match[2]) / (match[3] === "%" ? 100 : 1);
  const op = match[1].toLowerCase();
  return (value) => {
    if (typeof value !== "number") return false;
    if (op === "below" || op === "<") return value < limit;
    if (op === "above" || op === ">") return value > limit;
    if (op === "at least" || op === ">=") return value >= limit;
    return value <= limit;
  };
}

/** `misses target`: the catalog's Target (`at least 99.5%`) turned around. */
function missesTarget(target: string): (value: unknown) => boolean {
  const meets = naiveCondition(target);
  return (value) => value !== "" && !meets(value);
}

/** What the naive scan did. */
export interface NaiveScanResult {
  tabs: number;
  cellsChecked: number;
  breaches: number;
}

/**
 * The per-cell scan a first version of such a script often is: rules and targets read cell by
 * cell, then on every account tab each metric name with `getValue()`, and for each metric that has a
 * rule every period cell with `getValue()`, a threshold evaluated per cell, and `setBackground()`
 * per cell (the severity colour, or none — with no bookkeeping, resetting every checked cell is how
 * it clears last run's highlight; it also wipes the user's own colours). It calls the emulated
 * services directly, so every call is counted like the bundle's.
 */
export function naiveScan(env: GasEnvironment): NaiveScanResult {
  const spreadsheet = env.globals.SpreadsheetApp.getActiveSpreadsheet();
  const cell = (sheet: Sheet, row: number, column: number): Range => sheet.getRange(row, column);

  const catalog = spreadsheet.getSheetByName(TAB.kpiCatalog) as Sheet;
  const targets = new Map<string, string>();
  for (let row = 2; row <= catalog.getLastRow(); row += 1)
    targets.set(String(cell(catalog, row, 1).getValue()), String(cell(catalog, row, 5).getValue()));
  const rulesSheet = spreadsheet.getSheetByName(TAB.escalationRules) as Sheet;
  const rules: NaiveRule[] = [];
  for (let row = 2; row <= rulesSheet.getLastRow(); row += 1) {
    const metric = String(cell(rulesSheet, row, 1).getValue());
    const severity = String(cell(rulesSheet, row, 2).getValue());
    const condition = String(cell(rulesSheet, row, 3).getValue());
    rules.push({
      metric,
      color: COLORS[severity] ?? COLORS.Watch,
      test: /misses target/i.test(condition)
        ? missesTarget(targets.get(metric) ?? "")
        : naiveCondition(condition),
    });
  }

  const result: NaiveScanResult = { tabs: 0, cellsChecked: 0, breaches: 0 };
  for (const sheet of spreadsheet.getSheets() as Sheet[]) {
    if (isOwnTab(sheet.getName()) || cell(sheet, 1, 1).getValue() !== "Account") continue;
    result.tabs += 1;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    for (let row = 9; row <= lastRow; row += 1) {
      const metric = String(cell(sheet, row, 1).getValue());
      const applicable = rules.filter((rule) => rule.metric === metric);
      if (applicable.length === 0) continue;
      for (let column = 4; column <= lastColumn; column += 1) {
        const range = cell(sheet, row, column);
        const value = range.getValue();
        const hit = applicable.filter((rule) => rule.test(value)).pop();
        result.cellsChecked += 1;
        if (hit) result.breaches += 1;
        range.setBackground(hit ? hit.color : null);
      }
    }
  }
  return result;
}
