// THRESHOLD_STATUS custom function: one status per row of period values, from a rule list.
import { type CellValue, describeValue, isBlank, isGrid } from "../domain/cell-value";
import {
  type Condition,
  evaluateRuleList,
  parseCondition,
  parseRuleList,
  type RuleClause,
} from "../domain/condition";
import { ArgumentError } from "./argument-error";
import { callWallClock, type WallClockSource } from "./call-wall-clock";

const FN = "THRESHOLD_STATUS";

function rowsOf(value: unknown): CellValue[][] {
  return isGrid(value) ? value : [[value as CellValue]];
}

/** A per-row argument (rules or target): one value for every row, or a column with one per row. */
function perRow(name: string, value: unknown, rows: number): CellValue[] {
  if (!isGrid(value)) return new Array(rows).fill(value);
  const cells = value.flat();
  if (cells.length === 1) return new Array(rows).fill(cells[0]);
  if (value.length === rows && value.every((row) => row.length === 1)) return value.map((row) => row[0]);
  throw new ArgumentError(
    `${FN}: ${name} must be one value or a one-column range with one value per row of values (${rows} rows), got a ${value.length}×${value[0]?.length ?? 0} range`,
  );
}

/**
 * The label of the last matching clause for each row of `values` (oldest → newest periods), or `OK`.
 * A single cell or a single row gives one status; several rows give a column. The clock is read (a
 * service call) only for a value that is a duration cell.
 */
export function thresholdStatusFunction(
  values: unknown,
  rules: unknown,
  target: unknown,
  clock: WallClockSource,
) {
  const rows = rowsOf(values);
  const readWallClock = callWallClock(clock, [values]);
  const ruleTexts = perRow("rules", rules, rows.length);
  const targetTexts = perRow("target", target, rows.length);
  const parsedRules = new Map<string, RuleClause[]>();
  const parsedTargets = new Map<string, Condition>();
  const where = (r: number) => (rows.length > 1 ? ` (row ${r + 1} of the range)` : "");

  const statuses = rows.map((series, r): string => {
    const ruleText = ruleTexts[r];
    if (typeof ruleText !== "string" || isBlank(ruleText)) {
      throw new ArgumentError(
        `${FN}: rules must be text like "below 40%: Training conversation; below 25%: At-risk escalation", got ${describeValue(ruleText)}${where(r)}`,
      );
    }
    let clauses = parsedRules.get(ruleText);
    if (!clauses) {
      try {
        clauses = parseRuleList(ruleText);
      } catch (error) {
        throw new ArgumentError(`${FN}: rules ${(error as Error).message}${where(r)}`);
      }
      parsedRules.set(ruleText, clauses);
    }
    const targetText = targetTexts[r];
    let targetCondition: Condition | undefined;
    if (!isBlank(targetText)) {
      const key = String(targetText);
      targetCondition = parsedTargets.get(key);
      if (!targetCondition) {
        try {
          targetCondition = parseCondition(key);
        } catch (error) {
          throw new ArgumentError(`${FN}: target: ${(error as Error).message}${where(r)}`);
        }
        parsedTargets.set(key, targetCondition);
      }
    }
    if (series.every(isBlank)) return "";
    const result = evaluateRuleList(clauses, series, { target: targetCondition, readWallClock });
    if (result.problem)
      throw new ArgumentError(`${FN}: a value could not be read (${result.problem})${where(r)}`);
    return result.label;
  });
  return rows.length === 1 ? statuses[0] : statuses.map((s) => [s]);
}
