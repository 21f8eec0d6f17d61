// Finds account tabs and reads one in a single batch with the workbook's account-tab parser.
import type { AccountChoice } from "../../domain/forms/sidebar-api";
import { type ParsedAccountTab, parseAccountTab } from "../../domain/workbook/parse-account-tab";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { isAccountSheet } from "../../domain/workbook-schema";
import { findTab } from "../platform/find-tab";
import { wallClockReader } from "../platform/wall-clock";

/** Every account tab (A1 says `Account`), in tab order, with the account's name from B1. */
export function listAccountTabs(): AccountChoice[] {
  const choices: AccountChoice[] = [];
  for (const sheet of SpreadsheetApp.getActiveSpreadsheet().getSheets()) {
    const name = sheet.getName();
    const top = sheet.getRange(1, 1, 1, 2).getValues();
    if (isAccountSheet(name, top)) choices.push({ tab: name, account: String(top[0][1] ?? "").trim() });
  }
  return choices;
}

/** An account tab read once: the sheet, its values and the parsed tab. */
export interface OpenAccountTab {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  values: unknown[][];
  parsed: ParsedAccountTab;
  /** The account's name (B1), or the tab name when B1 is blank. */
  accountName: string;
}

/** Reads account tab `tab` in one `getValues()`; throws a message naming the tab when it is missing or malformed. */
export function openAccountTab(tab: string, timeZone: string): OpenAccountTab {
  const sheet = findTab(SpreadsheetApp.getActiveSpreadsheet(), tab);
  if (!sheet) throw new Error(`There is no tab named "${tab}" any more; pick another account.`);
  const values = sheet.getDataRange().getValues();
  if (!isAccountSheet(sheet.getName(), values))
    throw new Error(`"${tab}" is not an account tab: its A1 must say "Account".`);
  const parsed = parseAccountTab(sheet.getName(), values, { readWallClock: wallClockReader(timeZone) });
  if (isWorkbookProblem(parsed)) throw new Error(`${parsed.message}. Fix the tab, then try again.`);
  return { sheet, values, parsed, accountName: parsed.account || tab };
}
