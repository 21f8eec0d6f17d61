// sidebarState(): the accounts, the active account tab, the catalog's metrics and today, for the sidebar's first paint.
import type { SidebarState } from "../../domain/forms/sidebar-api";
import { COLUMNS, TAB } from "../../domain/workbook-schema";
import { todayIso } from "../platform/spreadsheet-dates";
import { cellOf, openTable } from "../platform/table-tab";
import { spreadsheetTimeZone } from "../platform/wall-clock";
import { listAccountTabs } from "./account-tabs";

/** Metric names of KPI Catalog in sheet order (empty when the tab is missing). */
export function catalogMetrics(): string[] {
  const table = openTable(TAB.kpiCatalog, COLUMNS.kpiCatalog, false);
  if (!table) return [];
  const names: string[] = [];
  for (let r = 1; r < table.rows.length; r += 1) {
    const name = String(cellOf(table, r, "Metric")).trim();
    if (name) names.push(name);
  }
  return names;
}

/** The sidebar's opening state. */
export function readSidebarState(): SidebarState {
  const accounts = listAccountTabs();
  const active = SpreadsheetApp.getActiveSheet()?.getName() ?? "";
  const activeAccountTab = accounts.some((a) => a.tab === active) ? active : null;
  let notice = "";
  if (accounts.length === 0)
    notice = 'No account tabs yet: an account tab has "Account" in A1 (Setup workbook adds examples).';
  else if (!activeAccountTab) notice = `"${active}" is not an account tab; pick an account here.`;
  return {
    accounts,
    activeAccountTab,
    notice,
    metrics: catalogMetrics(),
    todayIso: todayIso(spreadsheetTimeZone()),
  };
}
