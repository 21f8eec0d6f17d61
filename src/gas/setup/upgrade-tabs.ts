// Brings tabs made before a column or setting existed up to the contract: adds them at the end, never moving or rewriting user data.
import type { CellValue } from "../../domain/cell-value";
import { tableDropdown } from "../../domain/setup/tab-layout";
import type { WorkbookTemplate } from "../../domain/templates/template-types";
import { columnLetter } from "../../domain/workbook/cell-address";
import { mapHeaders } from "../../domain/workbook/column-map";
import { normalizeHeader, OPTIONAL_COLUMNS, SETTINGS_DEFAULTS, TAB } from "../../domain/workbook-schema";
import { findTab } from "../platform/find-tab";
import { applyDropdown } from "./write-tab";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The optional columns each table tab should have, by tab. */
const TAB_COLUMNS: [string, readonly string[]][] = [
  [TAB.kpiCatalog, OPTIONAL_COLUMNS.kpiCatalog],
  [TAB.escalationRules, OPTIONAL_COLUMNS.escalationRules],
  [TAB.escalationLog, OPTIONAL_COLUMNS.escalationLog],
  [TAB.reviewOutcomes, OPTIONAL_COLUMNS.reviewOutcomes],
];

/**
 * Adds what an existing workbook lacks: the optional columns of KPI Catalog, Escalation Rules and
 * Escalation Log after the last header (bold, as text, with their dropdown), and the Settings keys
 * it has no row for after its last row (the template's value). Returns what was added, one line per
 * tab (`KPI Catalog: column Segment (J)`); a tab that does not exist is left to the tab creation.
 */
export function addMissingColumnsAndRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  template: WorkbookTemplate,
  skip: ReadonlySet<string>,
): string[] {
  const added: string[] = [];
  for (const [tab, wanted] of TAB_COLUMNS) {
    if (skip.has(tab)) continue;
    const sheet = findTab(spreadsheet, tab);
    if (!sheet) continue;
    const columns = addColumns(sheet, tab, wanted);
    if (columns.length > 0)
      added.push(`${sheet.getName()}: ${columns.length === 1 ? "column" : "columns"} ${columns.join(", ")}`);
  }
  const settings = skip.has(TAB.settings) ? null : findTab(spreadsheet, TAB.settings);
  if (settings) {
    const keys = addSettings(settings, template);
    if (keys.length > 0)
      added.push(`${settings.getName()}: ${keys.length === 1 ? "row" : "rows"} ${keys.join(", ")}`);
  }
  return added;
}

/** Adds each of `wanted` the header row lacks after its last column; returns `Name (J)` for each. */
function addColumns(sheet: Sheet, tab: string, wanted: readonly string[]): string[] {
  const width = Math.max(sheet.getLastColumn(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0] as CellValue[];
  const missing = mapHeaders(header, wanted).missing;
  if (missing.length === 0) return [];
  // After the last non-blank header cell, so a user's own columns keep their place.
  let last = header.length;
  while (last > 0 && String(header[last - 1] ?? "").trim() === "") last -= 1;
  const first = last + 1;
  if (first + missing.length - 1 > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), first + missing.length - 1 - sheet.getMaxColumns());
  const range = sheet.getRange(1, first, 1, missing.length);
  range.setNumberFormat("@");
  range.setValues([missing.slice()]);
  range.setFontWeight("bold");
  missing.forEach((name, index) => {
    const dropdown = tableDropdown(tab, name);
    if (dropdown) applyDropdown(sheet, { column: first + index, fromRow: 2, ...dropdown });
  });
  return missing.map((name, index) => `${name} (${columnLetter(first + index)})`);
}

/** Appends a row for each Settings key the tab lacks, with the template's value; returns the keys. */
function addSettings(sheet: Sheet, template: WorkbookTemplate): string[] {
  const values = sheet.getDataRange().getValues() as CellValue[][];
  const present = new Set(values.map((row) => normalizeHeader(row[0])));
  const missing = (Object.keys(SETTINGS_DEFAULTS) as (keyof typeof SETTINGS_DEFAULTS)[]).filter(
    (key) => !present.has(normalizeHeader(key)),
  );
  if (missing.length === 0) return [];
  const rows = missing.map((key) => {
    const value = template.settings.rows.find((row) => row.Setting === key)?.Value ?? SETTINGS_DEFAULTS[key];
    return [key, value];
  });
  let last = values.length;
  while (last > 0 && values[last - 1].every((cell) => String(cell ?? "").trim() === "")) last -= 1;
  // Keys as text; values as the template types them (text stays text, a number a number).
  sheet.getRange(last + 1, 1, rows.length, 1).setNumberFormat("@");
  sheet
    .getRange(last + 1, 2, rows.length, 1)
    .setNumberFormats(rows.map(([, value]) => [typeof value === "number" ? "0" : "@"]));
  sheet.getRange(last + 1, 1, rows.length, 2).setValues(rows);
  return missing;
}
