// Turns a template's tables and sample account tab into the 2-D arrays a setup writer passes to setValues().
import type { CellValue } from "../cell-value";
import { ACCOUNT_GRID_COLUMNS, ACCOUNT_HEADER_KEYS } from "../workbook-schema";
import type { IsoDateString, TemplateAccountTab, TemplateCell, TemplateTable } from "./template-types";

/** A table as rows of cells: the header row, then each record in column order. */
export function tableValues<Columns extends readonly string[]>(
  table: TemplateTable<Columns>,
): TemplateCell[][] {
  const columns: readonly Columns[number][] = table.columns;
  return [[...columns], ...table.rows.map((record) => columns.map((column) => record[column]))];
}

/**
 * The sample account tab as a rectangular block starting at A1: rows 1–6 key/value, row 7 blank,
 * row 8 the grid header, then one metric per row. `toDate` turns each ISO date (go-live and period
 * headers) into the cell value to write: the Apps Script writer gives a `Date` at midnight in the
 * spreadsheet's time zone.
 */
export function accountTabValues(
  tab: TemplateAccountTab,
  toDate: (iso: IsoDateString) => CellValue,
): CellValue[][] {
  const details: Record<(typeof ACCOUNT_HEADER_KEYS)[number], CellValue> = {
    Account: tab.account,
    "Owner email": tab.ownerEmail,
    "Go-live date": toDate(tab.goLive),
    "Provisioned users": tab.provisionedUsers,
    "Starting ARR": tab.startingArr,
    "Contract / CLIN": tab.contract,
  };
  const rows: CellValue[][] = ACCOUNT_HEADER_KEYS.map((key) => [key, details[key]]);
  rows.push([]);
  rows.push([...ACCOUNT_GRID_COLUMNS, ...tab.periods.map(toDate)]);
  for (const metric of tab.metrics)
    rows.push([metric.metric, metric.category, metric.target, ...metric.values]);
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<CellValue>(width - row.length).fill("")]);
}
