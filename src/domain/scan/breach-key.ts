// Keys that identify an escalation across runs: account, metric, rule (metric|severity|condition) and period.
import type { CivilDate } from "../civil-date";
import { formatCondition, parseCondition } from "../condition";
import type { Severity } from "../workbook-schema";
import { normalizeHeader } from "../workbook-schema";

/** Account or metric names compared the way headers are: case- and whitespace-insensitive. */
export function nameKey(name: string): string {
  return normalizeHeader(name);
}

/**
 * A condition's canonical text, so `Below 40 %` and `below 40%` are the same rule; text that does
 * not parse is compared lower-cased with single spaces.
 */
export function conditionKey(condition: string): string {
  try {
    return formatCondition(parseCondition(condition)).toLowerCase();
  } catch (_error) {
    return condition.trim().replace(/\s+/g, " ").toLowerCase();
  }
}

/** The identity of a rule: metric, severity and condition (`mau|Critical|below 25%`). */
export function ruleKey(metric: string, severity: Severity | null, condition: string): string {
  return `${nameKey(metric)}|${severity ?? ""}|${conditionKey(condition)}`;
}

/**
 * Every rule of a metric and severity, for marking rules that could not be read: `severity` null
 * stands for any severity, a blank `metric` for any metric.
 */
export function ruleFamilyKey(metric: string, severity: Severity | null): string {
  return `${nameKey(metric) || "*"}|${severity ?? "*"}`;
}

/** The identity of one rule on one account (an escalation's key without its period). */
export function accountRuleKey(account: string, key: string): string {
  return `${nameKey(account)}#${key}`;
}

const INCIDENT_MARK = "~incident:";

/**
 * The identity of a rule judged per incident on one incident (`mttr - p1|Warning|above 4 hours~incident:inc-7`):
 * each incident that breaches a time-to-remediate rule is an escalation of its own.
 */
export function incidentRuleKey(key: string, incidentId: string): string {
  return `${key}${INCIDENT_MARK}${nameKey(incidentId)}`;
}

/** The rule part of a key from {@link incidentRuleKey} (the key itself when it names no incident). */
export function ruleOfKey(key: string): string {
  const at = key.indexOf(INCIDENT_MARK);
  return at < 0 ? key : key.slice(0, at);
}

/** A month as `YYYY-MM`. */
export function monthKey(month: CivilDate): string {
  return `${String(month.year).padStart(4, "0")}-${String(month.month).padStart(2, "0")}`;
}

/** A cell of an account grid by meaning rather than position: metric and period (`mau@2026-03`). */
export function gridCellKey(metric: string, month: CivilDate): string {
  return `${nameKey(metric)}@${monthKey(month)}`;
}
