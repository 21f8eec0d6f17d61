// Evaluates every rule on one account tab: breaches (with the period their episode started), outcomes, problems.

import { fromMonthReached } from "../cadence/months-since";
import type { CellValue } from "../cell-value";
import { isBlank, shortText } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { daysInMonth } from "../civil-date";
import type { Condition, ConditionResult } from "../condition";
import { evaluateCondition, parseCondition } from "../condition";
import type { RollingWindowSource } from "../condition/rolling-window";
import type { AvailabilityWindow } from "../incidents/availability";
import { isAvailabilityWindow } from "../incidents/availability";
import { describeIncidentTime } from "../incidents/describe-incident-time";
import {
  describeWindow,
  type MeasuredTab,
  measureFromIncidents,
  windowIncidents,
} from "../incidents/measured-rows";
import type { RemediationTime } from "../incidents/remediation";
import { judgeIncidents, remediationValue } from "../incidents/remediation-rule";
import { cellAddress } from "../workbook/cell-address";
import { civilDateOf, wallClockOf } from "../workbook/date-cells";
import type { AccountMetricRow, ParsedAccountTab } from "../workbook/parse-account-tab";
import type { CatalogEntry } from "../workbook/parse-catalog";
import { findCatalogEntry } from "../workbook/parse-catalog";
import type { Incident } from "../workbook/parse-incidents";
import { incidentRuleKey, monthKey, nameKey } from "./breach-key";
import type { CompiledRule } from "./compile-rules";
import { usesTarget } from "./compile-rules";
import type { MissingData } from "./missing-data";
import { findMissingData } from "./missing-data";

/** A rule that holds for a metric of an account at its latest period with data. */
export interface Breach {
  tabName: string;
  account: string;
  ownerEmail: string;
  /** The metric's name as on the account tab. */
  metric: string;
  rule: CompiledRule;
  /** The month evaluated: the latest period with a value (day 1). */
  period: CivilDate;
  /** The first month of this breach episode (the rule held in every period with a value since). */
  episodeStart: CivilDate;
  /** The breaching cell as read. */
  value: CellValue;
  /** Why it breached, e.g. `38% is below 40%`. */
  reason: string;
  /** The Target a `misses target` rule compared with, when it used one (for showing the value). */
  target?: Condition;
  /** The metric's Target (the row's, else the catalog's) when it reads, for any rule: what a digest names. */
  metricTarget?: Condition;
  /** 1-based sheet row and column of the breaching cell. */
  row: number;
  column: number;
  /** For a rolling rule on availability measured from incidents: the window that breached, with its outages. */
  window?: AvailabilityWindow;
  /** What the log's Note says of a new escalation (the window and its incidents), when there is more than the value. */
  detail?: string;
  /**
   * For a time-to-remediate rule measured from incidents: the incident this breach is about (one
   * escalation per incident); `period` is the month it was resolved (this month while open),
   * `episodeStart` the month it started.
   */
  incident?: RemediationTime;
  /** The incidents behind the breach, by start (the breached window's, or `incident`'s); absent when it did not come from incidents. */
  incidents?: Incident[];
  /**
   * True when the month of the breach has no column on the tab yet (an incident resolved this month):
   * `row`/`column` point at the metric's name, and no cell is highlighted.
   */
  offGrid?: boolean;
}

/** What a rule's evaluation says about an account now: breaching, clear, or not decidable. */
export type RuleOutcome = "breach" | "clear" | "unknown";

/** A cell whose value could not be read for a rule (not a breach). */
export interface ValueProblem {
  tabName: string;
  metric: string;
  /** A1 cell. */
  cell: string;
  problem: string;
}

/** Everything the scan learned about one account tab. */
export interface AccountEvaluation {
  tabName: string;
  account: string;
  ownerEmail: string;
  breaches: Breach[];
  /** Outcome of each rule whose metric has a row on the tab, by rule key (per incident for rules judged per incident). */
  outcomes: Map<string, RuleOutcome>;
  /**
   * The month each clear rule judged (its latest period with a value), by rule key: a log row whose
   * Latest period is that month was corrected rather than recovered. Absent in evaluations built by hand.
   */
  judgedMonths?: Map<string, CivilDate>;
  missingData: MissingData[];
  valueProblems: ValueProblem[];
  /** Rules that could not run on this tab (e.g. `misses target` without a readable Target). */
  ruleProblems: string[];
  /** The rows measured from the Incidents tab (keyed by the tab's rows as read), when incidents were given. */
  measured?: MeasuredTab;
}

/** What {@link evaluateAccount} needs besides the tab. */
export interface EvaluateAccountOptions {
  rules: readonly CompiledRule[];
  catalog: readonly CatalogEntry[];
  /** Today on the spreadsheet's calendar (for missing data). */
  today: CivilDate;
  readWallClock?: ReadWallClock;
  /**
   * Every incident of the Incidents tab, read once for the run (`null`: the workbook has no such tab;
   * absent: metrics `from Incidents` are judged on their typed values).
   */
  incidents?: readonly Incident[] | null;
  /** The scan's instant (open incidents count up to it); needed with `incidents`. */
  now?: Date;
}

/** How far back a breach episode is traced (periods with a value). */
const MAX_EPISODE_LOOKBACK = 36;

function endOfMonth(month: CivilDate): CivilDate {
  return { year: month.year, month: month.month, day: daysInMonth(month.year, month.month) };
}

/** The Target a metric row is checked against: the row's own Target, else the catalog's. */
function targetText(
  row: AccountMetricRow,
  catalog: readonly CatalogEntry[],
): { text: string; where: string } {
  if (row.target !== "") return { text: row.target, where: "its Target column" };
  const entry = findCatalogEntry(catalog, row.name);
  return { text: entry?.target ?? "", where: "the KPI Catalog" };
}

/**
 * Evaluates every rule whose Metric names a row of the tab (case- and space-insensitive) on that
 * row's periods, oldest to newest: the latest period with a value is the one judged, and change or
 * streak conditions look back along the row. A rule with a `From month` applies once the account
 * has reached that month since go-live during the period judged. `misses target` uses the row's own
 * Target when set, else the catalog's. Unreadable values are reported, never breaches.
 */
export function evaluateAccount(
  typedTab: ParsedAccountTab,
  options: EvaluateAccountOptions,
): AccountEvaluation {
  const readWallClock = wallClockOf({ readWallClock: options.readWallClock });
  const measured =
    options.incidents === undefined
      ? null
      : measureFromIncidents(typedTab, {
          catalog: options.catalog,
          incidents: options.incidents,
          now: options.now ?? new Date(),
          readWallClock,
        });
  const tab = measured?.tab ?? typedTab;
  const goLive = tab.goLive ? civilDateOf(tab.goLive, readWallClock) : null;
  const rowsByMetric = new Map<string, AccountMetricRow>();
  for (const row of tab.metrics) rowsByMetric.set(nameKey(row.name), row);
  const evaluation: AccountEvaluation = {
    tabName: tab.tabName,
    account: tab.account,
    ownerEmail: tab.ownerEmail,
    breaches: [],
    outcomes: new Map(),
    judgedMonths: new Map(),
    missingData: [],
    valueProblems: [],
    ruleProblems: [...(measured?.problems ?? [])],
    ...(measured ? { measured } : {}),
  };
  const targets = new Map<AccountMetricRow, Condition | null>();
  const targetOf = (row: AccountMetricRow, rule: CompiledRule): Condition | undefined => {
    if (!targets.has(row)) {
      const { text, where } = targetText(row, options.catalog);
      let target: Condition | null = null;
      if (text === "")
        evaluation.ruleProblems.push(
          `${tab.tabName}: the ${rule.rule.severity} rule "${rule.rule.condition}" for "${row.name}" needs a ` +
            `Target, and neither the tab (row ${row.row}) nor the KPI Catalog sets one; the rule is not applied here`,
        );
      else
        try {
          target = parseCondition(text);
        } catch (error) {
          evaluation.ruleProblems.push(
            `${tab.tabName}: the Target ${JSON.stringify(shortText(text))} of "${row.name}" from ${where} could not be ` +
              `read (${(error as Error).message}); rules comparing with the target are not applied here`,
          );
        }
      targets.set(row, target);
    }
    return targets.get(row) ?? undefined;
  };

  for (const rule of options.rules) {
    const row = rowsByMetric.get(nameKey(rule.rule.metric));
    if (!row) continue;
    let target: Condition | undefined;
    if (usesTarget(rule.condition)) {
      target = targetOf(row, rule);
      if (!target) {
        evaluation.outcomes.set(rule.key, "unknown");
        continue;
      }
    }
    const measure = measured?.rows.get(typedTab.metrics[tab.metrics.indexOf(row)]);
    const context: EvaluationOptions = { target, readWallClock, rollingWindows: measure?.rollingWindows };
    const condition = rule.condition;
    if (measure?.perIncident) {
      judgeRuleOnIncidents(evaluation, {
        tab,
        row,
        rule,
        times: measure.perIncident,
        context,
        goLive,
        now: options.now ?? new Date(),
        metricTarget: metricTargetOf(row, options.catalog, target),
      });
      continue;
    }
    const applies = (index: number) =>
      fromMonthReached(rule.rule.fromMonth, goLive, endOfMonth(tab.periods[index].month));
    const result = evaluateCondition(condition, row.values, context);
    const index = result.periodIndex;
    if (index >= 0 && !applies(index)) {
      evaluation.outcomes.set(rule.key, "clear");
      continue;
    }
    if (result.problem) {
      evaluation.valueProblems.push({
        tabName: tab.tabName,
        metric: row.name,
        cell: cellAddress(row.row, row.columns[Math.max(index, 0)] ?? tab.gridColumns.target),
        problem: `${row.name} (${rule.rule.severity} rule "${rule.rule.condition}"): ${result.problem}`,
      });
    }
    if (!result.matched) {
      evaluation.outcomes.set(rule.key, result.undetermined ? "unknown" : "clear");
      if (!result.undetermined && index >= 0)
        evaluation.judgedMonths?.set(rule.key, tab.periods[index].month);
      continue;
    }
    evaluation.outcomes.set(rule.key, "breach");
    const start = episodeStart(condition, row.values, index, context, applies);
    const window = isAvailabilityWindow(result.window) ? result.window : undefined;
    evaluation.breaches.push({
      ...breachOf(tab, row, rule),
      period: tab.periods[index].month,
      episodeStart: tab.periods[start].month,
      // A rolling breach is the window's figure, not the month's (which may pass), to 0.01% as the
      // Note says it, rounded down so it never reads as passing.
      value: window ? Math.floor(window.value * 10_000) / 10_000 : result.value,
      reason: describeBreach(result),
      ...(target ? { target } : {}),
      ...metricTargetOf(row, options.catalog, target),
      row: row.row,
      column: row.columns[index],
      ...(window
        ? { window, detail: describeWindow(window, readWallClock), incidents: windowIncidents(window) }
        : {}),
    });
  }
  const ruleMetrics = new Set(options.rules.map((rule) => nameKey(rule.rule.metric)));
  evaluation.missingData = findMissingData(tab, options.catalog, ruleMetrics, options.today, readWallClock);
  return evaluation;
}

/** The metric's Target for showing beside a breach (the one a rule used, else read quietly: problems are reported where a rule needs it). */
function metricTargetOf(
  row: AccountMetricRow,
  catalog: readonly CatalogEntry[],
  used: Condition | undefined,
): { metricTarget?: Condition } {
  if (used) return { metricTarget: used };
  const { text } = targetText(row, catalog);
  if (text === "") return {};
  try {
    return { metricTarget: parseCondition(text) };
  } catch (_error) {
    return {};
  }
}

/** What every breach of a rule on a row says of where it is: the tab, its account and owner, the metric, the rule. */
function breachOf(
  tab: ParsedAccountTab,
  row: AccountMetricRow,
  rule: CompiledRule,
): Pick<Breach, "tabName" | "account" | "ownerEmail" | "metric" | "rule"> {
  return { tabName: tab.tabName, account: tab.account, ownerEmail: tab.ownerEmail, metric: row.name, rule };
}

/** One time-to-remediate rule on the incidents its row is measured from. */
interface IncidentRuleJob {
  tab: ParsedAccountTab;
  row: AccountMetricRow;
  rule: CompiledRule;
  times: readonly RemediationTime[];
  context: EvaluationOptions;
  goLive: CivilDate | null;
  now: Date;
  metricTarget: { metricTarget?: Condition };
}

/**
 * Judges a time-to-remediate rule on each incident (`above 4 hours` fires on each P1 that took
 * longer, or has been open longer): a breach per incident, named in the Note, and an outcome per
 * incident ({@link incidentRuleKey}) so the log can resolve one whose times were corrected. The
 * rule's own outcome is `breach` when any incident breaches, else `clear`. A rule with a `From
 * month` applies to incidents resolved once the account reached that month.
 */
function judgeRuleOnIncidents(evaluation: AccountEvaluation, job: IncidentRuleJob): void {
  const { tab, row, rule, context } = job;
  const readWallClock = context.readWallClock;
  const monthOf = (at: Date): CivilDate => {
    const day = civilDateOf(at, readWallClock);
    return { year: day.year, month: day.month, day: 1 };
  };
  let anyBreach = false;
  for (const judgement of judgeIncidents(rule.condition, job.times, context)) {
    const { time, result } = judgement;
    const incident = time.incident;
    const key = incidentRuleKey(rule.key, incident.id);
    if (result.problem) {
      evaluation.valueProblems.push({
        tabName: tab.tabName,
        metric: row.name,
        cell: cellAddress(row.row, tab.gridColumns.metric),
        problem: `${row.name} (${rule.rule.severity} rule "${rule.rule.condition}"): ${judgement.reason}`,
      });
      evaluation.outcomes.set(key, "unknown");
      continue;
    }
    if (!judgement.breached) {
      evaluation.outcomes.set(key, result.matched ? "unknown" : "clear");
      continue;
    }
    // Months are read only for incidents that breach: each reading of a new instant is a service call.
    const month = monthOf(time.open ? job.now : (incident.resolved as Date));
    if (!fromMonthReached(rule.rule.fromMonth, job.goLive, endOfMonth(month))) {
      evaluation.outcomes.set(key, "clear");
      continue;
    }
    anyBreach = true;
    evaluation.outcomes.set(key, "breach");
    const index = tab.periods.findIndex((period) => monthKey(period.month) === monthKey(month));
    const minutes = Math.round(time.minutes);
    evaluation.breaches.push({
      ...breachOf(tab, row, rule),
      period: month,
      episodeStart: monthOf(incident.started),
      value: remediationValue(minutes),
      reason: judgement.reason,
      ...(context.target ? { target: context.target } : {}),
      ...job.metricTarget,
      row: row.row,
      column: index >= 0 ? row.columns[index] : tab.gridColumns.metric,
      ...(index >= 0 ? {} : { offGrid: true }),
      incident: time,
      incidents: [incident],
      detail: describeIncidentTime(time, readWallClock),
    });
  }
  if (job.times.length > 0 || !evaluation.outcomes.has(rule.key))
    evaluation.outcomes.set(rule.key, anyBreach ? "breach" : "clear");
}

function describeBreach(result: ConditionResult): string {
  return result.reason ?? "the condition holds";
}

/**
 * The index of the first period of the breach that holds at `index`: going back over periods with
 * a value while the rule held there too (blank months neither break nor extend an episode).
 */
/** The evaluation context of one rule on one row. */
interface EvaluationOptions {
  target?: Condition;
  readWallClock: ReadWallClock;
  rollingWindows?: RollingWindowSource;
}

function episodeStart(
  condition: Condition,
  series: readonly CellValue[],
  index: number,
  context: EvaluationOptions,
  applies: (index: number) => boolean,
): number {
  let start = index;
  let looked = 0;
  for (let earlier = index - 1; earlier >= 0 && looked < MAX_EPISODE_LOOKBACK; earlier -= 1) {
    if (isBlank(series[earlier])) continue;
    looked += 1;
    if (!applies(earlier)) break;
    if (!evaluateCondition(condition, series.slice(0, earlier + 1), context).matched) break;
    start = earlier;
  }
  return start;
}
