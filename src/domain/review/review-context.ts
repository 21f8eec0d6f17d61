// Everything the review sections share, worked out once: the quarter, each metric evaluated over it, the review slot.

import type { FiscalQuarter } from "../calendar/fiscal-quarter";
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import type { CivilDate, ReadWallClock } from "../civil-date";
import { compareCivil } from "../civil-date";
import { measureFromIncidents } from "../incidents/measured-rows";
import { inSegment, type Segment } from "../segment";
import { civilDateOf } from "../workbook/date-cells";
import { formatMonth } from "../workbook/date-text";
import type { AccountMetricRow, ParsedAccountTab } from "../workbook/parse-account-tab";
import type { CatalogEntry, CparsArea, MetricCategory } from "../workbook/parse-catalog";
import { findCatalogEntry } from "../workbook/parse-catalog";
import type { EscalationLogEntry } from "../workbook/parse-escalation-log";
import type { Incident } from "../workbook/parse-incidents";
import type { ReviewOutcome } from "../workbook/parse-review-outcomes";
import type { EscalationRule } from "../workbook/parse-rules";
import type { Settings } from "../workbook/parse-settings";
import { normalizeHeader } from "../workbook-schema";
import type { CompiledRule, MetricQuarter } from "./metric-quarter";
import { compileRules, evaluateMetricQuarter, readTarget, targetUnit } from "./metric-quarter";
import type { ValueStyle } from "./metric-values";
import { numericValue, valueStyle } from "./metric-values";
import type { ReviewQuarter } from "./review-quarter";
import { inQuarter, monthIndexes, reviewQuarter } from "./review-quarter";
import type { QuarterReview } from "./review-slot-for-quarter";
import { reviewForQuarter } from "./review-slot-for-quarter";

/** Everything a review of one account and quarter is built from (all already parsed). */
export interface ReviewInput {
  account: ParsedAccountTab;
  /**
   * The account tab's number formats (`getNumberFormats()` of the same block as its values), so
   * the review shows values as the tab does; optional.
   */
  numberFormats?: readonly (readonly string[])[];
  catalog: readonly CatalogEntry[];
  rules: readonly EscalationRule[];
  /** The whole Escalation Log; the account's rows are picked out. */
  escalations: readonly EscalationLogEntry[];
  /** The whole Review Outcomes tab; the account's rows in the quarter are picked out. */
  outcomes: readonly ReviewOutcome[];
  settings: Settings;
  quarter: FiscalQuarter;
  /** Today on the spreadsheet's calendar. */
  today: CivilDate;
  readWallClock: ReadWallClock;
  /** Problems found while reading the workbook that the reader should see (missing tabs, bad rows). */
  workbookProblems?: readonly string[];
  /**
   * The whole Incidents tab; `null` or absent when the workbook has none. Metrics the catalog measures
   * `from Incidents` take their values from it, as the scan does.
   */
  incidents?: readonly Incident[] | null;
  /** The moment the review is generated: open incidents count up to it. */
  now?: Date;
  /** The spreadsheet's time zone (`America/New_York`): incident times are on its clock and say so. */
  timeZone?: string;
}

/** A metric row with its definition and its quarter. */
export interface EvaluatedMetric {
  row: AccountMetricRow;
  catalog: CatalogEntry | undefined;
  category: MetricCategory;
  cparsArea: CparsArea | null;
  /** Target text used (account tab first, else the catalog). */
  target: string;
  style: ValueStyle;
  quarter: MetricQuarter;
  /** The same metric judged over other months (the fiscal year to date, the twelve months of a year). */
  over(months: readonly CivilDate[]): MetricQuarter;
}

/** The shared facts of one review. */
export interface ReviewContext {
  input: ReviewInput;
  quarter: ReviewQuarter;
  account: ParsedAccountTab;
  goLive: CivilDate | null;
  /** Index into the tab's periods of each quarter month, -1 when missing. */
  quarterIndexes: number[];
  /** True when any metric has a value in any quarter month. */
  hasData: boolean;
  metrics: EvaluatedMetric[];
  review: QuarterReview;
  /** The account's outcomes recorded in the quarter, oldest first. */
  outcomes: ReviewOutcome[];
  /** Column headings of the quarter months: `Jul 2026`. */
  monthHeadings: string[];
  /** The day the quarter is judged on: its last day, or today while it runs. */
  asOf: CivilDate;
  compiledRules: CompiledRule[];
  /** Problems to list in the data-notes section. */
  problems: string[];
  /** The account's segment: its tab's `Segment` row, else Settings › Default segment. */
  segment: Segment;
}

function categoryOf(row: AccountMetricRow, entry: CatalogEntry | undefined): MetricCategory {
  if (row.category === "Contract-facing" || row.category === "Internal") return row.category;
  return entry?.category ?? "Internal";
}

function formatOf(input: ReviewInput, row: AccountMetricRow, indexes: readonly number[]): string | undefined {
  const grid = input.numberFormats;
  if (!grid) return undefined;
  const candidates = [...indexes.filter((i) => i >= 0), ...row.values.map((_, i) => i)];
  for (const index of candidates) {
    if (isBlank(row.values[index])) continue;
    const format = grid[row.row - 1]?.[row.columns[index] - 1];
    if (format !== undefined) return format;
  }
  return undefined;
}

/** Works out the shared facts of a review: the quarter, each metric over it, the review slot. */
export function reviewContext(input: ReviewInput): ReviewContext {
  const { readWallClock } = input;
  // Rows measured `from Incidents` read as the scan reads them: availability and time to remediate.
  const measured = measureFromIncidents(input.account, {
    catalog: input.catalog,
    incidents: input.incidents ?? null,
    now: input.now ?? new Date(0),
    readWallClock,
  });
  const account = measured.tab;
  const quarter = reviewQuarter(input.quarter, input.settings.fiscalYearStartMonth);
  const quarterIndexes = monthIndexes(quarter.months, account.periods);
  const goLive = account.goLive ? civilDateOf(account.goLive, readWallClock) : null;
  const segment = account.segment ?? input.settings.defaultSegment;
  // The rules in force for this account: those of its segment.
  const compiledRules = compileRules(input.rules.filter((rule) => inSegment(rule.segment, segment)));
  const problems = [...(input.workbookProblems ?? []), ...measured.problems];
  const accountKey = normalizeHeader(account.account);
  const relevantRules = compiledRules.filter((compiled) =>
    account.metrics.some((row) => normalizeHeader(row.name) === normalizeHeader(compiled.rule.metric)),
  );
  for (const compiled of relevantRules) if (compiled.problem) problems.push(compiled.problem);
  const periodMonths = account.periods.map((period) => period.month);

  // A catalog row shows only for its segment: a federal-only metric never reaches a commercial review.
  const shown = account.metrics.filter((row) => {
    const entry = findCatalogEntry(input.catalog, row.name);
    return !entry || inSegment(entry.segment, segment);
  });
  const rollingOf = new Map(
    input.account.metrics.map((row, index) => [
      account.metrics[index],
      measured.rows.get(row)?.rollingWindows,
    ]),
  );
  const metrics = shown.map((row): EvaluatedMetric => {
    const entry = findCatalogEntry(input.catalog, row.name);
    const target = row.target !== "" ? row.target : (entry?.target ?? "");
    const unit =
      targetUnit(readTarget(row.name, target).condition) ??
      relevantRules
        .filter((c) => normalizeHeader(c.rule.metric) === normalizeHeader(row.name) && c.condition)
        .map((c) => targetUnit(c.condition))
        .find((u) => u !== undefined);
    const numbers = row.values
      .map((value: CellValue) => numericValue(value, unit, readWallClock))
      .filter((n): n is number => n !== null);
    const style = valueStyle(unit, formatOf(input, row, quarterIndexes), numbers);
    const over = (months: readonly CivilDate[]) =>
      evaluateMetricQuarter({
        account: account.account,
        metric: row.name,
        values: row.values,
        periodMonths,
        quarterIndexes: monthIndexes(months, account.periods),
        quarterMonths: months,
        target,
        rules: relevantRules,
        escalations: input.escalations,
        goLive,
        style,
        readWallClock,
        rollingWindows: rollingOf.get(row),
      });
    const metricQuarter = over(quarter.months);
    problems.push(...metricQuarter.problems);
    return {
      row,
      catalog: entry,
      category: categoryOf(row, entry),
      cparsArea: entry?.cparsArea ?? null,
      target,
      style,
      quarter: metricQuarter,
      over,
    };
  });

  const outcomes = input.outcomes
    .filter((o) => normalizeHeader(o.account) === accountKey)
    .filter((o) => inQuarter(quarter, civilDateOf(o.reviewDate, readWallClock)))
    .sort(
      (a, b) =>
        compareCivil(civilDateOf(a.reviewDate, readWallClock), civilDateOf(b.reviewDate, readWallClock)) ||
        a.row - b.row,
    );
  const asOf = compareCivil(input.today, quarter.range.end) < 0 ? input.today : quarter.range.end;
  return {
    input,
    quarter,
    account,
    goLive,
    quarterIndexes,
    hasData: metrics.some((m) => m.quarter.months.some((month) => !isBlank(month.value))),
    metrics,
    review: reviewForQuarter(
      {
        segment,
        goLive,
        renewalDate: account.renewalDate ? civilDateOf(account.renewalDate, readWallClock) : null,
      },
      quarter,
      outcomes,
      readWallClock,
    ),
    outcomes,
    monthHeadings: quarter.months.map(formatMonth),
    asOf,
    compiledRules,
    problems,
    segment,
  };
}
