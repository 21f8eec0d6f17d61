// The shape of a setup template: the rows `Setup workbook` writes into each tab it creates.

import type { COLUMNS } from "../workbook-schema";
import type { CATALOG_TEMPLATE_COLUMNS, RULES_TEMPLATE_COLUMNS } from "./template-routing";

/** Which template `setupWorkbook(template?)` uses. */
export type TemplateId = "federal" | "saas";

/**
 * A cell a template writes: text or a number. Percent metrics are fractions (0.62 for 62 %), as
 * Sheets stores them. No cell of a table holds a date; the account tab's dates are ISO strings in
 * {@link TemplateAccountTab} and become `Date`s only when written.
 */
export type TemplateCell = string | number;

/** One row of a table tab, keyed by the SPEC §2 column headers (all of them, no others). */
export type TemplateRecord<Columns extends readonly string[]> = Record<Columns[number], TemplateCell>;

/** A table tab's content: its columns in SPEC §2 order and one record per row. */
export interface TemplateTable<Columns extends readonly string[]> {
  columns: Columns;
  rows: TemplateRecord<Columns>[];
}

/** A calendar date as `YYYY-MM-DD` (e.g. `"2026-07-01"`); the setup writer turns it into a `Date`. */
export type IsoDateString = string;

/** One metric row of the sample account tab. */
export interface TemplateMetricRow {
  metric: string;
  category: "Contract-facing" | "Internal";
  /** Same text as the catalog's Target (condition language), or blank. */
  target: string;
  /** One value per period of {@link TemplateAccountTab.periods}; `""` for no data that month. */
  values: TemplateCell[];
  /** Sheets number format for the row's value cells (`0.0%`, `$#,##0`, `0.0`), or none. */
  numberFormat?: string;
}

/**
 * The sample account tab: the key/value header of rows 1–7, the grid header of row 8 and the metric
 * rows below. Dates are ISO strings here (`goLive`, `periods`); the writer turns them into `Date`s
 * in the spreadsheet's time zone so Sheets shows real dates (see `accountTabValues`).
 */
export interface TemplateAccountTab {
  /** Sheet tab name. */
  tabName: string;
  account: string;
  /** A placeholder address; the writer may put the active user's address instead. */
  ownerEmail: string;
  goLive: IsoDateString;
  provisionedUsers: number;
  startingArr: number;
  contract: string;
  /** First day of each period month, oldest first. */
  periods: IsoDateString[];
  metrics: TemplateMetricRow[];
}

/** A complete setup template. */
export interface WorkbookTemplate {
  id: TemplateId;
  /** Shown in the setup dialog. */
  name: string;
  /** Where the content comes from, for the README and the dialog. */
  description: string;
  settings: TemplateTable<typeof COLUMNS.settings>;
  kpiCatalog: TemplateTable<typeof CATALOG_TEMPLATE_COLUMNS>;
  escalationRules: TemplateTable<typeof RULES_TEMPLATE_COLUMNS>;
  sampleAccount: TemplateAccountTab;
}
