// One metric over a review quarter: each month against its target and the escalation rules, the status and the trend.

import { fromMonthReached } from "../cadence/months-since";
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { addDays, addMonths } from "../civil-date";
import type { Condition } from "../condition";
import { conditionUnit, evaluateCondition, formatCondition, parseCondition } from "../condition";
import type { RollingWindowSource } from "../condition/rolling-window";
import type { StatusTone } from "../severity-colors";
import { civilDateOf } from "../workbook/date-cells";
import type { EscalationLogEntry } from "../workbook/parse-escalation-log";
import type { EscalationRule } from "../workbook/parse-rules";
import type { Severity } from "../workbook-schema";
import { normalizeHeader, SEVERITIES } from "../workbook-schema";
import type { ValueStyle } from "./metric-values";
import { formatNumber, numericValue } from "./metric-values";
import { formatMonthList } from "./review-quarter";

/** An escalation rule with its condition read once; `problem` when the condition cannot be read. */
export interface CompiledRule {
  rule: EscalationRule;
  condition: Condition | null;
  problem?: string;
}

/** Reads every rule's condition once (a syntax error is kept as the rule's problem, never thrown). */
export function compileRules(rules: readonly EscalationRule[]): CompiledRule[] {
  return rules.map((rule) => {
    try {
      return { rule, condition: parseCondition(rule.condition) };
    } catch (error) {
      return {
        rule,
        condition: null,
        problem: `Escalation Rules row ${rule.row}: condition ${(error as Error).message}`,
      };
    }
  });
}

/** A threshold crossed in one month: by a rule matching now, or by an escalation logged for it. */
export interface Breach {
  month: CivilDate;
  severity: Severity;
  /** The rule's condition as typed, e.g. `below 40%`. */
  condition: string;
  source: "rule" | "log";
  /** The rule is marked `Reaches CO`: the breach is at contracting-officer level. */
  reachesCo: boolean;
  /** The ID of the escalation logged for it (`ESC-0003`), when the log has one. */
  escalationId?: string;
  /**
   * The first later month with a value that no longer breaches the rule (the metric recovered), or
   * `null` while it still breaches or when no later value is in the tab yet.
   */
  recoveredIn: CivilDate | null;
}

/** One month of the quarter for one metric. */
export interface MonthReading {
  month: CivilDate;
  /** The cell (`""` when blank or when the tab has no column for the month). */
  value: CellValue;
  /** The value as a number in the metric's unit, `null` when blank or not numeric. */
  number: number | null;
  /** Whether the value meets the target; `null` with no target, no value or an unreadable value. */
  metTarget: boolean | null;
  /** The worst severity breached this month, or `null`. */
  severity: Severity | null;
}

/** What a metric did over the quarter. */
export interface MetricQuarter {
  months: MonthReading[];
  breaches: Breach[];
  worstSeverity: Severity | null;
  /** Status word for the Status column and its tone. */
  status: { text: string; tone?: StatusTone };
  /** e.g. `Improving: 99.42% → 99.93%`. */
  trend: string;
  /** Values that could not be read, rules or targets that could not be parsed. */
  problems: string[];
  /**
   * Escalations logged for a month of the quarter whose value, as the tab holds it now, no longer
   * breaches their rule (the value was corrected): `ESC-0001 (Oct 2026): logged on an earlier value;
   * the value now in the tab meets the rule`. They are not breaches.
   */
  corrections: string[];
}

/** What {@link evaluateMetricQuarter} needs for one metric row. */
export interface MetricQuarterInput {
  account: string;
  metric: string;
  /** The whole row of period values, oldest first, aligned with `periodMonths`. */
  values: readonly CellValue[];
  periodMonths: readonly CivilDate[];
  /** Index into `values` of each quarter month; -1 when the tab has no column for it. */
  quarterIndexes: readonly number[];
  quarterMonths: readonly CivilDate[];
  /** The target condition text (account tab first, else the catalog); may be blank. */
  target: string;
  rules: readonly CompiledRule[];
  escalations: readonly EscalationLogEntry[];
  goLive: CivilDate | null;
  style: ValueStyle;
  readWallClock: ReadWallClock;
  /** The rolling windows of a row measured from incidents (`over any rolling 7 days` rules read them). */
  rollingWindows?: RollingWindowSource;
}

/** Severity rank: Watch 0 … Critical 2; -1 for none. */
export function severityRank(severity: Severity | null): number {
  return severity === null ? -1 : SEVERITIES.indexOf(severity);
}

/** The worse of two severities. */
export function worseSeverity(a: Severity | null, b: Severity | null): Severity | null {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** Reads a target text; `null` for blank, a problem string for text that cannot be read. */
export function readTarget(
  metric: string,
  target: string,
): { condition: Condition | null; problem?: string } {
  if (target.trim() === "") return { condition: null };
  try {
    return { condition: parseCondition(target) };
  } catch (error) {
    return { condition: null, problem: `Target of "${metric}": ${(error as Error).message}` };
  }
}

const monthIndex = (date: CivilDate) => date.year * 12 + date.month;

/** True when two days fall in the same calendar month. */
export function sameMonth(a: CivilDate, b: CivilDate): boolean {
  return a.year === b.year && a.month === b.month;
}

/** Last day of a period month: the day its value is complete, used for rules' `From month`. */
function monthEnd(month: CivilDate): CivilDate {
  return addDays(addMonths({ ...month, day: 1 }, 1), -1);
}

/**
 * Checks each quarter month of a metric: the value against the target, every applicable rule on
 * the series up to that month (as the scan would have seen it then), and escalations logged for
 * that metric and month. A month without a value is not evaluated, so an earlier month's breach is
 * never counted twice.
 */
export function evaluateMetricQuarter(input: MetricQuarterInput): MetricQuarter {
  const problems: string[] = [];
  const target = readTarget(input.metric, input.target);
  if (target.problem) problems.push(target.problem);
  const metricKey = normalizeHeader(input.metric);
  const rules = input.rules.filter((rule) => normalizeHeader(rule.rule.metric) === metricKey);
  const logged = input.escalations.filter(
    (entry) =>
      normalizeHeader(entry.account) === normalizeHeader(input.account) &&
      normalizeHeader(entry.metric) === metricKey &&
      entry.period !== null,
  );
  const breaches: Breach[] = [];
  const context = {
    target: target.condition ?? undefined,
    readWallClock: input.readWallClock,
    rollingWindows: input.rollingWindows,
  };
  const periodOf = (entry: EscalationLogEntry) => civilDateOf(entry.period as Date, input.readWallClock);
  /** The escalation logged for a breach: same rule, opened for this month or the latest one before it. */
  const loggedFor = (month: CivilDate, severity: Severity, condition: string) =>
    logged
      .filter(
        (entry) =>
          entry.severity === severity &&
          normalizeHeader(entry.condition) === normalizeHeader(condition) &&
          monthIndex(periodOf(entry)) <= monthIndex(month),
      )
      .sort((a, b) => monthIndex(periodOf(b)) - monthIndex(periodOf(a)))[0];
  /** The first month after `index` whose value no longer meets `condition`; `null` if none yet. */
  const recoveryAfter = (condition: Condition, index: number): CivilDate | null => {
    for (let later = index + 1; later < input.values.length; later++) {
      if (isBlank(input.values[later])) continue;
      const result = evaluateCondition(condition, input.values.slice(0, later + 1), context);
      if (!result.problem && !result.matched) return input.periodMonths[later] ?? null;
    }
    return null;
  };

  const months = input.quarterMonths.map((month, position): MonthReading => {
    const index = input.quarterIndexes[position];
    const value = index >= 0 ? input.values[index] : "";
    const reading: MonthReading = {
      month,
      value: value ?? "",
      number: numericValue(value, input.style.unit, input.readWallClock),
      metTarget: null,
      severity: null,
    };
    if (index < 0 || isBlank(value)) return reading;
    const series = input.values.slice(0, index + 1);
    if (target.condition) {
      const result = evaluateCondition(target.condition, series, context);
      if (result.problem)
        problems.push(`"${input.metric}" in ${formatMonthList([month])}: ${result.problem}`);
      else reading.metTarget = result.matched;
    }
    for (const compiled of rules) {
      if (!compiled.condition) continue;
      if (!fromMonthReached(compiled.rule.fromMonth, input.goLive, monthEnd(month))) continue;
      const result = evaluateCondition(compiled.condition, series, context);
      if (!result.matched) continue;
      reading.severity = worseSeverity(reading.severity, compiled.rule.severity);
      breaches.push({
        month,
        severity: compiled.rule.severity,
        condition: compiled.rule.condition,
        source: "rule",
        reachesCo: compiled.rule.reachesCo,
        escalationId: loggedFor(month, compiled.rule.severity, compiled.rule.condition)?.id || undefined,
        recoveredIn: recoveryAfter(compiled.condition, index),
      });
    }
    return reading;
  });

  const corrections: string[] = [];
  for (const entry of logged) {
    if (!entry.severity || !entry.period) continue;
    const period = civilDateOf(entry.period, input.readWallClock);
    const reading = months.find((m) => sameMonth(m.month, period));
    if (!reading) continue;
    // The rule the escalation came from (same metric, severity and condition), when it is still there.
    const rule = rules.find(
      (compiled) =>
        compiled.rule.severity === entry.severity &&
        normalizeHeader(compiled.rule.condition) === normalizeHeader(entry.condition),
    );
    // Status comes from the data: an escalation whose rule, run on the value now in the tab, no longer
    // matches was logged on an earlier (mistyped) value. It is shown as corrected, never as a breach.
    const index = input.quarterIndexes[months.indexOf(reading)];
    if (rule?.condition && index >= 0 && !isBlank(input.values[index])) {
      const now = evaluateCondition(rule.condition, input.values.slice(0, index + 1), context);
      if (!now.problem && !now.matched) {
        corrections.push(
          `${entry.id || "An escalation"} (${formatMonthList([period])}): logged on an earlier value; ` +
            "the value now in the tab meets the rule",
        );
        continue;
      }
    }
    const already = breaches.some(
      (b) =>
        sameMonth(b.month, period) &&
        b.severity === entry.severity &&
        normalizeHeader(b.condition) === normalizeHeader(entry.condition),
    );
    if (already) continue;
    reading.severity = worseSeverity(reading.severity, entry.severity);
    // A logged escalation is CO-level when the rule it came from says so.
    breaches.push({
      month: reading.month,
      severity: entry.severity,
      condition: entry.condition,
      source: "log",
      reachesCo: rule?.rule.reachesCo ?? false,
      escalationId: entry.id || undefined,
      recoveredIn: rule?.condition && index >= 0 ? recoveryAfter(rule.condition, index) : null,
    });
  }

  const worstSeverity = months.reduce<Severity | null>((worst, m) => worseSeverity(worst, m.severity), null);
  return {
    months,
    breaches,
    worstSeverity,
    status: statusOf(months, worstSeverity, target.condition),
    trend: trendOf(months, target.condition, input.style),
    problems,
    corrections,
  };
}

function statusOf(
  months: readonly MonthReading[],
  worst: Severity | null,
  target: Condition | null,
): { text: string; tone?: StatusTone } {
  if (months.every((m) => isBlank(m.value))) return { text: "No data", tone: "No data" };
  if (worst !== null) return { text: worst, tone: worst };
  if (target === null) return { text: "No target" };
  const judged = months.filter((m) => m.metTarget !== null);
  if (judged.length === 0) return { text: "Unreadable", tone: "Watch" };
  const missed = judged.filter((m) => m.metTarget === false).length;
  if (missed === 0) return { text: "Met", tone: "OK" };
  return {
    text: missed === judged.length ? "Missed" : `Missed ${missed} of ${judged.length}`,
    tone: "Watch",
  };
}

/** `higher` when a higher value is better under the target, `lower` when lower is, else `null`. */
function betterDirection(target: Condition | null): "higher" | "lower" | null {
  if (!target) return null;
  if (target.kind === "compare" || target.kind === "cross") {
    if (target.comparator === ">" || target.comparator === ">=") return "higher";
    if (target.comparator === "<" || target.comparator === "<=") return "lower";
  }
  if (target.kind === "streak" || target.kind === "rolling") return betterDirection(target.condition);
  return null;
}

function trendOf(months: readonly MonthReading[], target: Condition | null, style: ValueStyle): string {
  const withValue = months.filter((m) => !isBlank(m.value));
  if (withValue.length === 0) return "No values this quarter";
  const numbers = withValue.filter((m) => m.number !== null);
  if (numbers.length === 0 || numbers.length < withValue.length) {
    const texts = withValue.map((m) => String(m.value).trim());
    const distinct = texts.filter((t, i) => i === 0 || t.toLowerCase() !== texts[i - 1].toLowerCase());
    return distinct.length === 1 ? `${distinct[0]} all quarter` : distinct.join(" → ");
  }
  const first = numbers[0];
  const last = numbers[numbers.length - 1];
  const path = numbers.map((m) => formatNumber(m.number as number, style)).join(" → ");
  if (numbers.length === 1) return `One value: ${path} (${formatMonthList([first.month])})`;
  const change = (last.number as number) - (first.number as number);
  const tolerance = 1e-9 * Math.max(1, Math.abs(first.number as number));
  if (Math.abs(change) <= tolerance) return `Steady: ${path}`;
  const direction = betterDirection(target);
  if (direction === null) return `${change > 0 ? "Up" : "Down"}: ${path}`;
  const improving = change > 0 === (direction === "higher");
  return `${improving ? "Improving" : "Worsening"}: ${path}`;
}

/**
 * Breaches as text, each rule once with its months, escalation IDs and recovery:
 * `Critical: misses target (Aug 2026 · ESC-0003), recovered Sep 2026; Watch: below 40% (Jul, Aug 2026)`.
 */
export function describeBreaches(breaches: readonly Breach[]): string {
  interface Group {
    severity: Severity;
    condition: string;
    months: CivilDate[];
    ids: string[];
    last: Breach;
  }
  const groups = new Map<string, Group>();
  for (const breach of breaches) {
    const key = `${breach.severity}|${normalizeHeader(breach.condition)}`;
    const group = groups.get(key) ?? {
      severity: breach.severity,
      condition: breach.condition,
      months: [],
      ids: [],
      last: breach,
    };
    if (!group.months.some((m) => sameMonth(m, breach.month))) group.months.push(breach.month);
    if (breach.escalationId && !group.ids.includes(breach.escalationId)) group.ids.push(breach.escalationId);
    if (monthIndex(breach.month) >= monthIndex(group.last.month)) group.last = breach;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
    .map((g) => {
      const where = [formatMonthList(sortMonths(g.months)), ...g.ids].join(" · ");
      const recovered = g.last.recoveredIn ? `, recovered ${formatMonthList([g.last.recoveredIn])}` : "";
      return `${g.severity}: ${conditionText(g.condition)} (${where})${recovered}`;
    })
    .join("; ");
}

function conditionText(condition: string): string {
  try {
    return formatCondition(parseCondition(condition));
  } catch {
    return condition;
  }
}

function sortMonths(months: CivilDate[]): CivilDate[] {
  return [...months].sort((a, b) => a.year * 12 + a.month - (b.year * 12 + b.month));
}

/** The unit a metric's target reads values in (`percent` for `at least 99.5%`), if any. */
export function targetUnit(target: Condition | null): ReturnType<typeof conditionUnit> {
  return target ? conditionUnit(target) : undefined;
}
