// Reads the Escalation Rules tab into typed rules; Condition and Respond within stay raw text for their own parsers.

import type { CellValue } from "../cell-value";
import { describeValue, isBlank } from "../cell-value";
import { readYesNo } from "../condition/read-yes-no";
import { readSegmentScope, SEGMENT_SCOPE_EXPECTED, type SegmentScope } from "../segment";
import type { Severity } from "../workbook-schema";
import { COLUMNS, OPTIONAL_COLUMNS, SEVERITIES, TAB } from "../workbook-schema";
import type { CatalogEntry } from "./parse-catalog";
import { findCatalogEntry } from "./parse-catalog";
import { cellText, matchChoice, readWholeNumberCell } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, listChoices, problemAt } from "./workbook-problem";

/** One escalation rule. */
export interface EscalationRule {
  /** 1-based sheet row. */
  row: number;
  metric: string;
  severity: Severity;
  /** Raw condition-language text (`below 25%`, `misses target`). */
  condition: string;
  /** Months since go-live from which the rule applies; `null` = always. */
  fromMonth: number | null;
  action: string;
  /** Raw text (`immediately`, `24 hours`, `5 business days`, `2 weeks`); may be blank. */
  respondWithin: string;
  /** The accounts the rule is for (`Segment` column; blank or absent = All). */
  segment: SegmentScope;
  /** Roles (of the Roles tab) told besides the owner (`Escalate to`, `;`-separated); empty = owner only. */
  escalateTo: string[];
  /** `Reaches CO` is Yes: an escalation of this rule is at contracting-officer level. */
  reachesCo: boolean;
}

/** A rule row left out because a cell could not be read: what is known of the rule. */
export interface UnreadableRule {
  row: number;
  /** The metric as typed; blank when the Metric cell is blank. */
  metric: string;
  /** `null` when the Severity cell cannot be read. */
  severity: Severity | null;
}

/** The Escalation Rules tab as read. */
export interface ParsedRules {
  tabName: string;
  /** 1-based sheet column of each rules column. */
  columns: Record<(typeof COLUMNS.escalationRules)[number], number> &
    Partial<Record<(typeof OPTIONAL_COLUMNS.escalationRules)[number], number>>;
  rules: EscalationRule[];
  /** Rows left out because a metric, severity, condition or From month could not be read. */
  problems: WorkbookProblem[];
  /** The rows left out (their escalations must be left as they are, not resolved as removed). */
  unreadable: UnreadableRule[];
}

/** Largest From month read (100 years); a larger number is a typo, not a rule that never applies. */
const MAX_FROM_MONTH = 1200;

/** Reads `From month`: a whole number 0–1200, also typed as `3`, `3+`, `Month 3` or `month 3+`. */
function readFromMonth(value: CellValue): number | null | undefined {
  const typed = typeof value === "string" ? /^(?:month\s*)?(\d+)\s*\+?$/i.exec(value.trim()) : null;
  const month = typed ? Number(typed[1]) : readWholeNumberCell(value);
  if (month === null) return null;
  return month !== undefined && month >= 0 && month <= MAX_FROM_MONTH ? month : undefined;
}

/** The role names of an `Escalate to` cell: `;` or `,` separated, trimmed, blanks and repeats dropped. */
export function splitRoles(text: string): string[] {
  const roles: string[] = [];
  for (const part of text.split(/[;,]/)) {
    const role = part.trim();
    if (role !== "" && !roles.some((known) => known.toLowerCase() === role.toLowerCase())) roles.push(role);
  }
  return roles;
}

/**
 * Reads the Escalation Rules tab (`values` from `getValues()`, header row first). A row whose
 * metric, severity, condition or From month cannot be read is reported and left out, never
 * evaluated half-way.
 */
export function parseRules(values: readonly CellValue[][]): ParsedRules | WorkbookProblem {
  const tabName = TAB.escalationRules;
  const table = readTable(tabName, values, COLUMNS.escalationRules, OPTIONAL_COLUMNS.escalationRules);
  if (isWorkbookProblem(table)) return table;
  const rules: EscalationRule[] = [];
  const problems: WorkbookProblem[] = [];
  const unreadable: UnreadableRule[] = [];

  for (const tableRow of table.rows) {
    const faults: string[] = [];
    const metric = cellText(tableRow.value("Metric"));
    if (metric === "") faults.push(`${tableRow.address("Metric")} has no metric name`);
    const severityCell = tableRow.value("Severity");
    const severity = matchChoice(severityCell, SEVERITIES);
    if (severity === undefined && isBlank(severityCell))
      faults.push(`${tableRow.address("Severity")} has no severity (${listChoices(SEVERITIES)})`);
    else if (severity === undefined)
      faults.push(
        `Severity ${describeValue(severityCell)} in ${tableRow.address("Severity")} is not one of ` +
          listChoices(SEVERITIES),
      );
    const condition = cellText(tableRow.value("Condition"));
    if (condition === "")
      faults.push(`${tableRow.address("Condition")} has no condition (e.g. "below 40%" or "misses target")`);
    const fromMonthCell = tableRow.value("From month");
    const fromMonth = readFromMonth(fromMonthCell);
    if (fromMonth === undefined)
      faults.push(
        `From month ${describeValue(fromMonthCell)} in ${tableRow.address("From month")} must be a whole ` +
          "number of months since go-live (e.g. 3) or blank for always",
      );
    const segmentCell = tableRow.value("Segment");
    const segment = readSegmentScope(segmentCell);
    if (segment === undefined)
      faults.push(
        `Segment ${describeValue(segmentCell)} in ${tableRow.address("Segment")} must be ${SEGMENT_SCOPE_EXPECTED}`,
      );
    const reachesCoCell = tableRow.value("Reaches CO");
    const reachesCo = isBlank(reachesCoCell) ? false : readYesNo(reachesCoCell);
    if (reachesCo === undefined)
      faults.push(
        `Reaches CO ${describeValue(reachesCoCell)} in ${tableRow.address("Reaches CO")} must be Yes, No or blank`,
      );
    if (
      faults.length > 0 ||
      severity === undefined ||
      fromMonth === undefined ||
      segment === undefined ||
      reachesCo === undefined
    ) {
      problems.push(problemAt(tabName, tableRow.row, `${faults.join("; ")}; the rule is not applied`));
      unreadable.push({ row: tableRow.row, metric, severity: severity ?? null });
      continue;
    }
    rules.push({
      row: tableRow.row,
      metric,
      severity,
      condition,
      fromMonth,
      action: cellText(tableRow.value("Action")),
      respondWithin: cellText(tableRow.value("Respond within")),
      segment,
      escalateTo: splitRoles(cellText(tableRow.value("Escalate to"))),
      reachesCo,
    });
  }
  return { tabName, columns: table.columns, rules, problems, unreadable };
}

/** A problem for each rule whose metric is not defined in the KPI Catalog (names match case-insensitively). */
export function findRulesWithUnknownMetric(
  rules: readonly EscalationRule[],
  catalog: readonly CatalogEntry[],
): WorkbookProblem[] {
  return rules
    .filter((rule) => findCatalogEntry(catalog, rule.metric) === undefined)
    .map((rule) =>
      problemAt(
        TAB.escalationRules,
        rule.row,
        `metric "${rule.metric}" is not in the ${TAB.kpiCatalog}; add it there or correct the name`,
      ),
    );
}
