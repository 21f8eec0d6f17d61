// Finds account tabs and reads one in a single batch, locating its grid for the sidebar.
import { type AccountGrid, isAccountTab, locateAccountGrid } from "../../domain/sidebar/account-grid";
import type { AccountChoice } from "../../domain/forms/sidebar-api";
import { dateToCivil } from "./spreadsheet-dates";

/** Every account tab (A1 says `Account`), in tab order, with the account's name from B1. */
export function listAccountTabs(): AccountChoice[] {
  const choices: AccountChoice[] = [];
  for (const sheet of SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
    const [topLeft, name] = sheet.getRange(1, 1, 1, 2).getValues()[0];
    if (isAccountTab(topLeft)) choices.push({ tab: sheet.getName(), account: String(name ?? "").trim() });
  }
  return choices;
}

/** An account tab read once: the sheet, its values and the located grid. */
export interface OpenAccountTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  values: unknown[][];
  grid: AccountGrid;
  /** The account's name (B1), or the tab name when B1 is blank. */
  accountName: string;
}

/** Reads account tab `tab` in one `getValues()`; throws a message naming the tab when it is missing or malformed. */
export function openAccountTab(tab: string, timeZone: string): OpenAccountTab {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`There is no tab named "${tab}" any more; pick another account.`);
  const values = sheet.getDataRange().getValues();
  const grid = locateAccountGrid(tab, values, (date) => dateToCivil(date, timeZone));
  const accountName = String(grid.header.Account ?? "").trim() || tab;
  return { sheet, values, grid, accountName };
}
