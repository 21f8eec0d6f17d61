// Builds small KPI Steward workbooks in the emulation for scan tests: template tabs plus hand-made account tabs.
import type { GasEnvironment, GasEnvironmentOptions } from "../../emulation/index";
import { createGasEnvironment } from "../../emulation/index";
import { accountTabRows } from "../../emulation/workbooks/account-tab";
import type { TemplateId } from "../../src/domain/templates/template-types";
import { tableValues } from "../../src/domain/templates/template-values";
import { getWorkbookTemplate } from "../../src/domain/templates/workbook-templates";
import { COLUMNS, OPTIONAL_COLUMNS, TAB } from "../../src/domain/workbook-schema";

/** One metric row of an account tab: values oldest first, typed as a user would (numbers, "45%", ""). */
export interface MetricSpec {
  metric: string;
  category?: string;
  target?: string;
  values: unknown[];
}

/** An account tab. Dates are ISO strings; periods are months (`2026-03`) or days (`2026-03-01`). */
export interface AccountSpec {
  tab: string;
  account?: string;
  owner: string;
  goLive: string;
  provisionedUsers?: number;
  startingArr?: number;
  contract?: string;
  /** A Segment row in row 7 (absent: Settings › Default segment). */
  segment?: string;
  periods: string[];
  metrics: MetricSpec[];
}

/** A rule row, keyed by the Escalation Rules headers (Segment, Escalate to, Reaches CO optional). */
export type RuleRow = Record<(typeof COLUMNS.escalationRules)[number], string | number> &
  Partial<Record<(typeof OPTIONAL_COLUMNS.escalationRules)[number], string | number>>;

/** What a test workbook holds. */
export interface WorkbookSpec {
  /** Template of Settings, KPI Catalog and Escalation Rules (default federal). */
  template?: TemplateId;
  /** Settings values to change, by key (e.g. `{ "Allowed email domains": "agency.gov" }`). */
  settings?: Record<string, string | number>;
  /** Rules instead of the template's. */
  rules?: RuleRow[];
  /** Rules added after the template's (or after `rules`). */
  extraRules?: RuleRow[];
  accounts: AccountSpec[];
  /** Leave the Escalation Log tab out (the scan creates it). */
  withoutLog?: boolean;
  /** A Roles tab of `[role, email]` rows (none when absent). */
  roles?: [string, string][];
}

/** The default instant of the scan tests: Monday 2026-06-15 07:00 in New York (May has ended). */
export const SCAN_NOW = "2026-06-15T11:00:00Z";
/** The spreadsheet time zone of the scan tests. */
export const SCAN_TIME_ZONE = "America/New_York";

/** A fresh environment with the test clock and time zone. */
export function scanEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  return createGasEnvironment({
    timeZone: SCAN_TIME_ZONE,
    now: SCAN_NOW,
    spreadsheetName: "CS Tracker",
    ...options,
  });
}

/** The cells of an account tab (the emulation's one builder), dates as the spreadsheet's date cells. */
export function accountRows(env: GasEnvironment, spec: AccountSpec): unknown[][] {
  return accountTabRows(
    {
      ...spec,
      account: spec.account ?? spec.tab,
      metrics: spec.metrics.map((metric) => ({ ...metric, category: metric.category ?? "" })),
    },
    (iso) => env.sheetDate(iso),
  );
}

/** Writes the workbook into the environment (uncounted): Settings, KPI Catalog, Escalation Rules, Log, account tabs. */
export function buildWorkbook(env: GasEnvironment, spec: WorkbookSpec): void {
  const template = getWorkbookTemplate(spec.template ?? "federal");
  const settings = tableValues(template.settings).map((row, index) => {
    if (index === 0) return row;
    const override = spec.settings?.[String(row[0])];
    return override === undefined ? row : [row[0], override];
  });
  env.sheetFromRows(TAB.settings, settings);
  env.sheetFromRows(TAB.kpiCatalog, tableValues(template.kpiCatalog));
  const ruleRows: RuleRow[] = [...(spec.rules ?? template.escalationRules.rows), ...(spec.extraRules ?? [])];
  // The contract's columns, plus the optional ones a given rule uses (a workbook made before them has none).
  const columns = [
    ...COLUMNS.escalationRules,
    ...OPTIONAL_COLUMNS.escalationRules.filter((column) =>
      (spec.rules ?? spec.extraRules ?? []).some((rule) => rule[column] !== undefined),
    ),
  ];
  env.sheetFromRows(TAB.escalationRules, [
    columns,
    ...ruleRows.map((rule) => columns.map((column) => (rule as Record<string, unknown>)[column] ?? "")),
  ]);
  if (spec.roles)
    env.sheetFromRows(TAB.roles, [["Role", "Email", "Notes"], ...spec.roles.map((row) => [...row, ""])]);
  if (!spec.withoutLog) env.sheetFromRows(TAB.escalationLog, [[...COLUMNS.escalationLog]]);
  for (const account of spec.accounts) env.sheetFromRows(account.tab, accountRows(env, account));
  env.counter.uncounted(() => {
    const first = env.spreadsheet.getSheetByName("Sheet1");
    if (first && env.spreadsheet.getSheets().length > 1) env.spreadsheet.deleteSheet(first);
  });
}

/** A rule row. */
export function rule(
  metric: string,
  severity: string,
  condition: string,
  respondWithin = "5 business days",
  fromMonth: string | number = "",
  action = `Act on ${metric}`,
): RuleRow {
  return {
    Metric: metric,
    Severity: severity,
    Condition: condition,
    "From month": fromMonth,
    Action: action,
    "Respond within": respondWithin,
  };
}

/** The Escalation Log's data rows as objects keyed by header (values as read). */
export function logRows(env: GasEnvironment): Record<string, unknown>[] {
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(TAB.escalationLog);
    if (!sheet) return [];
    const values = sheet.getDataRange().getValues();
    const header = values[0].map(String);
    return values
      .slice(1)
      .filter((row) => row.some((cell) => cell !== ""))
      .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
  });
}

/** Writes cells of a tab as a user would (uncounted): `{ A1: value }`. */
export function typeInto(env: GasEnvironment, tab: string, cells: Record<string, unknown>): void {
  env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`typeInto: no tab ${tab}`);
    for (const [a1, value] of Object.entries(cells)) sheet.getRange(a1).setValue(value);
  });
}

/** A cell's background (uncounted). */
export function backgroundOf(env: GasEnvironment, tab: string, a1: string): string {
  return env.counter.uncounted(() => env.spreadsheet.getSheetByName(tab)?.getRange(a1).getBackground() ?? "");
}

/** Sets a cell's background as a user would (uncounted). */
export function paint(env: GasEnvironment, tab: string, a1: string, color: string): void {
  env.counter.uncounted(() => env.spreadsheet.getSheetByName(tab)?.getRange(a1).setBackground(color));
}

/** Everything a scan could change, as JSON: every tab's values, formulas, backgrounds, notes and formats. */
export function workbookSnapshot(env: GasEnvironment): string {
  return env.counter.uncounted(() =>
    JSON.stringify(
      env.spreadsheet.getSheets().map((sheet) => {
        const range = sheet.getDataRange();
        return {
          name: sheet.getName(),
          values: range.getValues(),
          formulas: range.getFormulas(),
          backgrounds: range.getBackgrounds(),
          notes: range.getNotes(),
          formats: range.getNumberFormats(),
        };
      }),
    ),
  );
}
