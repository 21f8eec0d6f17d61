// Reads the Settings tab for a custom function: get* calls only, as a custom function may make.
import type { CellValue } from "../domain/cell-value";
import { TAB } from "../domain/workbook-schema";
import { findTab } from "./platform/find-tab";

/**
 * The values of the `Settings` tab (one `getValues()` of its data range), or null when the workbook has
 * no tab of that name. Custom functions may call the Spreadsheet service's get* methods, never set*
 * (developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
 */
export function settingsTabValues(): CellValue[][] | null {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = spreadsheet ? findTab(spreadsheet, TAB.settings) : null;
  return sheet ? (sheet.getDataRange().getValues() as CellValue[][]) : null;
}
