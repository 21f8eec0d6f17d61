// A federal sample workbook in the emulation for review-tab and Portfolio tests: template tables, account tabs, log rows.

import { FEDERAL_TEMPLATE } from "../../src/domain/templates/federal-template";
import type { TemplateAccountTab } from "../../src/domain/templates/template-types";
import { accountTabValues, tableValues } from "../../src/domain/templates/template-values";
import { COLUMNS, OPTIONAL_COLUMNS, TAB } from "../../src/domain/workbook-schema";
import type { GasEnvironment } from "../index";

/** The federal sample account under another name (and tab name), optionally changed. */
export function federalAccount(name: string, change?: (tab: TemplateAccountTab) => void): TemplateAccountTab {
  const tab = structuredClone(FEDERAL_TEMPLATE.sampleAccount);
  tab.account = name;
  tab.tabName = name.slice(0, 100);
  change?.(tab);
  return tab;
}

/** Writes an account tab as setup would: values, then each metric row's number format. */
export function addAccountTab(env: GasEnvironment, tab: TemplateAccountTab): void {
  const rows = accountTabValues(tab, (iso) => env.sheetDate(iso));
  const sheet = env.sheetFromRows(tab.tabName, rows);
  env.counter.uncounted(() => {
    // Dates as a person formats them (the sample's account tabs do the same): go-live a day, periods a month.
    const goLive = rows.findIndex((row) => row[0] === "Go-live date");
    if (goLive >= 0) sheet.getRange(goLive + 1, 2).setNumberFormat("yyyy-mm-dd");
    if (tab.periods.length > 0) sheet.getRange(8, 4, 1, tab.periods.length).setNumberFormat("mmm yyyy");
    tab.metrics.forEach((metric, index) => {
      if (!metric.numberFormat || tab.periods.length === 0) return;
      sheet.getRange(9 + index, 4, 1, tab.periods.length).setNumberFormat(metric.numberFormat);
    });
  });
}

type LogRow = Partial<Record<(typeof COLUMNS.escalationLog)[number], unknown>>;
type OutcomeRow = Partial<
  Record<(typeof COLUMNS.reviewOutcomes)[number] | (typeof OPTIONAL_COLUMNS.reviewOutcomes)[number], unknown>
>;

/** Options of {@link federalWorkbook}. */
export interface FederalWorkbookOptions {
  fiscalYearStarts?: string;
  accounts?: TemplateAccountTab[];
  log?: LogRow[];
  outcomes?: OutcomeRow[];
}

/**
 * Settings, KPI Catalog, Escalation Rules (federal template), Escalation Log, Review Outcomes, Audit
 * Log and the account tabs (default: the federal sample account "Sample Agency").
 */
export function federalWorkbook(env: GasEnvironment, options: FederalWorkbookOptions = {}): void {
  const settings = tableValues(FEDERAL_TEMPLATE.settings).map((row) =>
    row[0] === "Fiscal year starts" && options.fiscalYearStarts ? [row[0], options.fiscalYearStarts] : row,
  );
  env.sheetFromRows(TAB.settings, settings);
  env.sheetFromRows(TAB.kpiCatalog, tableValues(FEDERAL_TEMPLATE.kpiCatalog));
  env.sheetFromRows(TAB.escalationRules, tableValues(FEDERAL_TEMPLATE.escalationRules));
  const table = (columns: readonly string[], rows: Record<string, unknown>[]) => [
    [...columns],
    ...rows.map((row) => columns.map((column) => row[column] ?? "")),
  ];
  env.sheetFromRows(TAB.escalationLog, table(COLUMNS.escalationLog, options.log ?? []));
  // Action done only when a row uses it (a workbook made before the column has none).
  const outcomeColumns = (options.outcomes ?? []).some((row) => row["Action done"] !== undefined)
    ? [...COLUMNS.reviewOutcomes, ...OPTIONAL_COLUMNS.reviewOutcomes]
    : COLUMNS.reviewOutcomes;
  env.sheetFromRows(TAB.reviewOutcomes, table(outcomeColumns, options.outcomes ?? []));
  env.sheetFromRows(TAB.auditLog, [[...COLUMNS.auditLog]]);
  for (const account of options.accounts ?? [federalAccount("Sample Agency")]) addAccountTab(env, account);
}
