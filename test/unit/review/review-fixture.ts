// Builds review inputs from the federal template (its catalog, rules and sample account), with tweaks per test.

import { parseQuarterLabel } from "../../../src/domain/calendar/fiscal-quarter";
import type { CellValue } from "../../../src/domain/cell-value";
import type { CivilDate } from "../../../src/domain/civil-date";
import { readWallClockUtc } from "../../../src/domain/civil-date";
import type { ReviewInput } from "../../../src/domain/review/review-context";
import { FEDERAL_TEMPLATE } from "../../../src/domain/templates/federal-template";
import type { TemplateAccountTab } from "../../../src/domain/templates/template-types";
import { accountTabValues, tableValues } from "../../../src/domain/templates/template-values";
import type { ParsedAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { parseAccountTab } from "../../../src/domain/workbook/parse-account-tab";
import { parseCatalog } from "../../../src/domain/workbook/parse-catalog";
import type { EscalationLogEntry } from "../../../src/domain/workbook/parse-escalation-log";
import { parseEscalationLog } from "../../../src/domain/workbook/parse-escalation-log";
import type { ReviewOutcome } from "../../../src/domain/workbook/parse-review-outcomes";
import { parseReviewOutcomes } from "../../../src/domain/workbook/parse-review-outcomes";
import { parseRules } from "../../../src/domain/workbook/parse-rules";
import { parseSettings } from "../../../src/domain/workbook/parse-settings";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";

/** A UTC-midnight Date of an ISO day (the emulation's and the parsers' default wall clock). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Fails the test when a parser returned a problem. */
export function ok<T>(result: T): Exclude<T, { reason: string }> {
  if (isWorkbookProblem(result)) throw new Error(`unexpected problem: ${result.message}`);
  return result as Exclude<T, { reason: string }>;
}

/** The federal sample account tab, parsed, with optional changes to the template first. */
export function sampleAccount(change?: (tab: TemplateAccountTab) => TemplateAccountTab): ParsedAccountTab {
  const template = structuredClone(FEDERAL_TEMPLATE.sampleAccount);
  const tab = change ? change(template) : template;
  return ok(parseAccountTab(tab.tabName, accountTabValues(tab, day)));
}

/** Escalation Log entries from rows keyed by column name (missing columns blank). */
export function logEntries(rows: Partial<Record<(typeof COLUMNS.escalationLog)[number], CellValue>>[]) {
  const values: CellValue[][] = [
    [...COLUMNS.escalationLog],
    ...rows.map((row) => COLUMNS.escalationLog.map((column) => row[column] ?? "")),
  ];
  return ok(parseEscalationLog(values)).entries as EscalationLogEntry[];
}

/** Review Outcomes rows keyed by column name. */
export function outcomeRows(rows: Partial<Record<(typeof COLUMNS.reviewOutcomes)[number], CellValue>>[]) {
  const values: CellValue[][] = [
    [...COLUMNS.reviewOutcomes],
    ...rows.map((row) => COLUMNS.reviewOutcomes.map((column) => row[column] ?? "")),
  ];
  return ok(parseReviewOutcomes(values)).outcomes as ReviewOutcome[];
}

/** A review input over the federal template for `quarter` (default FY26 Q4 = Jul–Sep 2026, October start). */
export function federalInput(
  overrides: Partial<ReviewInput> & { quarterLabel?: string; fyStart?: string } = {},
) {
  const settingsRows = tableValues(FEDERAL_TEMPLATE.settings).map((row) =>
    row[0] === "Fiscal year starts" && overrides.fyStart ? [row[0], overrides.fyStart] : row,
  );
  const today: CivilDate = { year: 2026, month: 10, day: 5 };
  const input: ReviewInput = {
    account: sampleAccount(),
    catalog: ok(parseCatalog(tableValues(FEDERAL_TEMPLATE.kpiCatalog))).entries,
    rules: ok(parseRules(tableValues(FEDERAL_TEMPLATE.escalationRules))).rules,
    escalations: [],
    outcomes: [],
    settings: ok(parseSettings(settingsRows)).settings,
    quarter: parseQuarterLabel(overrides.quarterLabel ?? "FY26 Q4"),
    today,
    readWallClock: readWallClockUtc,
  };
  const { quarterLabel: _q, fyStart: _f, ...rest } = overrides;
  return { ...input, ...rest };
}
