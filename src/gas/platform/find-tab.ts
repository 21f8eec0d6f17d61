// Finds a tab by name with the one matching rule every command shares: exact first, then ignoring case and spacing.
import { normalizeHeader } from "../../domain/workbook-schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab named `name` among `sheets` (whose names, read once, are `names`): the exact name when a tab
 * has it, else the first tab whose name matches ignoring case and spacing (users retype names:
 * `Escalation  Log`, `kpi catalog`). Null when none matches.
 */
export function findTabAmong(sheets: readonly Sheet[], names: readonly string[], name: string): Sheet | null {
  const exact = names.indexOf(name);
  if (exact >= 0) return sheets[exact];
  const wanted = normalizeHeader(name);
  const index = names.findIndex((candidate) => normalizeHeader(candidate) === wanted);
  return index >= 0 ? sheets[index] : null;
}

/** The tab of `spreadsheet` named `name` by the rule of {@link findTabAmong}; null when none matches. */
export function findTab(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Sheet | null {
  const sheets = spreadsheet.getSheets();
  return findTabAmong(
    sheets,
    sheets.map((sheet) => sheet.getName()),
    name,
  );
}
