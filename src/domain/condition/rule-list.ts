// THRESHOLD_STATUS rule lists: "below 40%: Training conversation; below 25%: At-risk escalation".

import type { CellValue } from "../cell-value";
import { shortText } from "../cell-value";
import type { Condition } from "./condition";
import { ConditionSyntaxError } from "./condition-syntax-error";
import { type ConditionResult, type EvaluationContext, evaluateCondition } from "./evaluate-condition";
import { parseCondition } from "./parse-condition";

/** One `condition: label` clause of a rule list. */
export interface RuleClause {
  condition: Condition;
  label: string;
  /** The clause as typed, trimmed (`below 40%: Training conversation`). */
  text: string;
}

/** Thrown by {@link parseRuleList}; `clause` is 1-based (0 for an empty list). */
export class RuleListSyntaxError extends Error {
  text: string;
  clause: number;
  clauseText: string;
  /** The condition's own error, when the clause's condition could not be read. */
  conditionError?: ConditionSyntaxError;

  constructor(
    message: string,
    text: string,
    clause: number,
    clauseText: string,
    conditionError?: ConditionSyntaxError,
  ) {
    super(message);
    this.name = "RuleListSyntaxError";
    this.text = text;
    this.clause = clause;
    this.clauseText = clauseText;
    if (conditionError) this.conditionError = conditionError;
  }
}

/** The status a rule list gives a row. */
export interface RuleListResult {
  /** The label of the last matching clause, or `OK`. */
  label: string;
  /** The last matching clause. */
  clause?: RuleClause;
  /** Each clause's result, in order. */
  results: ConditionResult[];
  /** The first problem any clause met (e.g. `not a number: "abc"`), so it is not hidden behind `OK`. */
  problem?: string;
}

const EXAMPLE = '"below 40%: Training conversation; below 25%: At-risk escalation"';

/**
 * Parses `condition: label` clauses separated by `;` (or new lines). Separators inside double-quoted
 * text are kept; the first `:` outside quotes ends the condition; blank clauses are skipped.
 * @throws {RuleListSyntaxError} for an empty list, a clause without label or condition, or a
 *   condition that cannot be read (its message is prefixed with the clause number).
 */
export function parseRuleList(text: string): RuleClause[] {
  const source = typeof text === "string" ? text : String(text ?? "");
  const pieces = splitOutsideQuotes(source, ";\n")
    .map((piece) => piece.trim())
    .filter((piece) => piece !== "");
  if (pieces.length === 0) {
    throw new RuleListSyntaxError(
      `the rule list is empty: expected something like ${EXAMPLE}`,
      source,
      0,
      "",
    );
  }
  return pieces.map((piece, i) => {
    const number = i + 1;
    const [conditionText, ...rest] = splitOutsideQuotes(piece, ":", 1);
    const label = rest.join(":").trim();
    if (rest.length === 0 || label === "") {
      const condition = conditionText.trim();
      throw new RuleListSyntaxError(
        `clause ${number} "${shortText(piece)}" has no label: write it as "${shortText(condition)}: At-risk escalation"`,
        source,
        number,
        piece,
      );
    }
    if (conditionText.trim() === "") {
      throw new RuleListSyntaxError(
        `clause ${number} "${shortText(piece)}" has no condition: write it as "below 40%: ${shortText(label)}"`,
        source,
        number,
        piece,
      );
    }
    let condition: Condition;
    try {
      condition = parseCondition(conditionText.trim());
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
      throw new RuleListSyntaxError(`clause ${number}: ${error.message}`, source, number, piece, error);
    }
    if (holdsAnotherClause(label)) {
      throw new RuleListSyntaxError(
        `clause ${number}: the label "${shortText(label)}" contains another clause; separate clauses with ";"`,
        source,
        number,
        piece,
      );
    }
    return { condition, label, text: piece };
  });
}

/**
 * True when a label reads as `condition: label` itself, whole or after a comma (`Training, below 25%:
 * At-risk`): two clauses joined with a comma instead of `;`. A label with a colon after words that are
 * not a condition (`Debrief: within 2 weeks`), or inside quotes, is a label.
 */
function holdsAnotherClause(label: string): boolean {
  const [head, ...rest] = splitOutsideQuotes(label, ":", 1);
  if (rest.length === 0 || rest.join(":").trim() === "") return false;
  let start = 0;
  for (const piece of splitOutsideQuotes(head, ",")) {
    const tail = head.slice(start).trim();
    start += piece.length + 1;
    if (tail === "") continue;
    try {
      parseCondition(tail);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionSyntaxError)) throw error;
    }
  }
  return false;
}

/** Evaluates every clause on the row; the status is the label of the last clause that matches. */
export function evaluateRuleList(
  clauses: readonly RuleClause[],
  series: readonly CellValue[],
  context: EvaluationContext = {},
): RuleListResult {
  const results = clauses.map((clause) => evaluateCondition(clause.condition, series, context));
  const result: RuleListResult = { label: "OK", results };
  for (let i = results.length - 1; i >= 0; i--) {
    if (results[i].matched) {
      result.label = clauses[i].label;
      result.clause = clauses[i];
      break;
    }
  }
  const problem = results.find((r) => r.problem)?.problem;
  if (problem) result.problem = problem;
  return result;
}

/**
 * Splits at any of `separators` outside double quotes (straight or curly; apostrophes in labels
 * such as "Owner's call" are not quotes); after `limit` splits the rest is one piece.
 */
function splitOutsideQuotes(text: string, separators: string, limit = Infinity): string[] {
  const pieces: string[] = [];
  let start = 0;
  let closing: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (closing !== undefined) {
      if (char === closing || (closing === "”" && char === '"')) closing = undefined;
    } else if (char === '"' || char === "“") {
      closing = char === "“" ? "”" : char;
    } else if (separators.includes(char) && pieces.length < limit) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
