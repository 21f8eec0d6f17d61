// The one builder of account-tab rows from a small spec, for tests, the demo sample and the bench alike.
import type { CellValue } from "../../src/domain/cell-value";
import type { TemplateAccountTab, TemplateCell } from "../../src/domain/templates/template-types";
import { accountTabValues } from "../../src/domain/templates/template-values";

/** One metric row: values oldest first, typed as a user would (numbers, `"45%"`, `""`, formulas). */
export interface AccountMetricSpec {
  metric: string;
  /** Default `Internal`. */
  category?: string;
  target?: string;
  values: readonly unknown[];
}

/** An account tab in a few fields; dates are ISO strings, periods months (`2026-03`) or days (`2026-03-01`). */
export interface AccountTabSpec {
  account: string;
  owner: string;
  goLive: string;
  /** Default 250. */
  provisionedUsers?: number;
  /** Default 180,000. */
  startingArr?: number;
  /** Default `GS-00F-0001 · CLIN 0001`. */
  contract?: string;
  periods: readonly string[];
  metrics: readonly AccountMetricSpec[];
  /** Grid header cells after the periods (a user's `Notes` column); metric values may fill them. */
  trailingHeaders?: readonly string[];
  /** A `Segment` row in row 7 (`Federal`, `Commercial`, or anything a user might type). */
  segment?: string;
}

function isoDay(text: string): string {
  return /^\d{4}-\d{2}$/.test(text) ? `${text}-01` : text;
}

/**
 * The cells of an account tab as setup writes them (rows 1–6 key/value, row 7 blank, row 8 the grid
 * header, then one row per metric), through the product's own `accountTabValues`. `toDate` turns an
 * ISO day into the cell to write (`env.sheetDate` for a sheet, a UTC `Date` for pure tests).
 */
export function accountTabRows(spec: AccountTabSpec, toDate: (iso: string) => CellValue): CellValue[][] {
  const tab: TemplateAccountTab = {
    tabName: spec.account,
    account: spec.account,
    ownerEmail: spec.owner,
    goLive: spec.goLive,
    provisionedUsers: spec.provisionedUsers ?? 250,
    startingArr: spec.startingArr ?? 180_000,
    contract: spec.contract ?? "GS-00F-0001 · CLIN 0001",
    periods: spec.periods.map(isoDay),
    metrics: spec.metrics.map((metric) => ({
      metric: metric.metric,
      category: (metric.category ?? "Internal") as TemplateAccountTab["metrics"][number]["category"],
      target: metric.target ?? "",
      values: metric.values as TemplateCell[],
    })),
  };
  const rows = accountTabValues(tab, toDate);
  if (spec.segment !== undefined) rows[6] = ["Segment", spec.segment];
  const trailing = spec.trailingHeaders ?? [];
  const gridHeader = rows[7];
  trailing.forEach((header, index) => {
    gridHeader[3 + tab.periods.length + index] = header;
  });
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill("")]);
}
