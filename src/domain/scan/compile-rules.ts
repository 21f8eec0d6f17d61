// Turns the Escalation Rules rows into rules ready to evaluate; a rule that cannot be read is reported, never half-run.

import type { FollowUp, ResponseWindow } from "../calendar/response-window";
import {
  DEFAULT_RESPONSE_WINDOW,
  formatResponseWindow,
  parseResponsePlan,
} from "../calendar/response-window";
import { shortText } from "../cell-value";
import type { Condition } from "../condition";
import { parseCondition } from "../condition";
import { cellAddress } from "../workbook/cell-address";
import type { EscalationRule, UnreadableRule } from "../workbook/parse-rules";
import { TAB } from "../workbook-schema";
import { ruleFamilyKey, ruleKey } from "./breach-key";

/** A rule whose Condition parsed, with its response window. */
export interface CompiledRule {
  rule: EscalationRule;
  condition: Condition;
  window: ResponseWindow;
  /** The second deadline after `;` in Respond within (`root cause report within 5 business days`), if any. */
  followUp?: FollowUp;
  /** {@link ruleKey} of the rule. */
  key: string;
}

/** The rules that will run, and why others will not (or run with a default). */
export interface CompiledRules {
  rules: CompiledRule[];
  /** Keys of rules whose Condition did not parse: their open escalations are left as they are. */
  brokenKeys: Set<string>;
  /**
   * {@link ruleFamilyKey}s of rules that could not be read (Condition, Severity or From month): an
   * unresolved escalation of that metric and severity whose rule is not among the rules that ran
   * may be that rule mistyped, so it is left as it is rather than resolved as removed.
   */
  brokenFamilies: Set<string>;
  /** Messages for the run summary, each naming the tab, row and cell. */
  problems: string[];
}

/** True when a condition compares with the metric's Target (`misses target`, `meets target`). */
export function usesTarget(condition: Condition): boolean {
  switch (condition.kind) {
    case "target":
      return true;
    case "streak":
    case "rolling":
      return usesTarget(condition.condition);
    case "all":
    case "any":
      return condition.conditions.some(usesTarget);
    default:
      return false;
  }
}

/**
 * Parses each rule's Condition and Respond within. A Condition that does not parse leaves the rule
 * out (the others still run) and is reported with the parser's message; a Respond within that does
 * not parse keeps the rule, due in the default window, and is reported. A second rule with the same
 * metric, severity and condition is left out. `unreadable` are the rows the rules tab left out.
 */
export function compileRules(
  rules: readonly EscalationRule[],
  columns?: Record<string, number>,
  unreadable: readonly UnreadableRule[] = [],
): CompiledRules {
  const compiled: CompiledRule[] = [];
  const problems: string[] = [];
  const brokenKeys = new Set<string>();
  const brokenFamilies = new Set(unreadable.map((rule) => ruleFamilyKey(rule.metric, rule.severity)));
  const seen = new Map<string, number>();
  const cell = (name: string, row: number) => {
    const column = columns?.[name];
    return column ? cellAddress(row, column) : `row ${row}`;
  };
  for (const rule of rules) {
    const key = ruleKey(rule.metric, rule.severity, rule.condition);
    let condition: Condition;
    try {
      condition = parseCondition(rule.condition);
    } catch (error) {
      brokenKeys.add(key);
      brokenFamilies.add(ruleFamilyKey(rule.metric, rule.severity));
      problems.push(
        `${TAB.escalationRules} row ${rule.row}: the ${rule.severity} rule for "${rule.metric}" is not applied: ` +
          `Condition ${JSON.stringify(shortText(rule.condition))} in ${cell("Condition", rule.row)} could not be read: ` +
          (error as Error).message,
      );
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(
        `${TAB.escalationRules} row ${rule.row}: the same rule as row ${earlier} ("${rule.metric}", ` +
          `${rule.severity}, "${rule.condition}"); this row is ignored`,
      );
      continue;
    }
    seen.set(key, rule.row);
    let window: ResponseWindow;
    let followUp: FollowUp | undefined;
    try {
      const plan = parseResponsePlan(
        rule.respondWithin,
        `Respond within in ${cell("Respond within", rule.row)}`,
      );
      window = plan.first;
      followUp = plan.followUp;
    } catch (error) {
      window = { ...DEFAULT_RESPONSE_WINDOW };
      problems.push(
        `${TAB.escalationRules} row ${rule.row}: ${(error as Error).message}; ` +
          `escalations of this rule are due in ${formatResponseWindow(window)}`,
      );
    }
    compiled.push({ rule, condition, window, key, ...(followUp ? { followUp } : {}) });
  }
  return { rules: compiled, brokenKeys, brokenFamilies, problems };
}
