// Server side of the Enter values panel: one period of an account tab's metrics, read and written in batches.

import { isDate } from "../../domain/cell-value";
import { parseIsoDate, toIsoDate } from "../../domain/civil-date";
import { formatStoredValue, readEnteredValue } from "../../domain/forms/entered-value";
import { type FieldErrors, fieldErrorsOf, refused, type SaveResult } from "../../domain/forms/form-result";
import { parseRequest, valuesRequest } from "../../domain/forms/load-requests";
import type { MetricValueRow, ValuesFormData } from "../../domain/forms/sidebar-api";
import { changedEntries, valuesForm } from "../../domain/forms/values-form";
import { isFromIncidents } from "../../domain/incidents/incident-measure";
import { countOf } from "../../domain/plural";
import { findPeriodColumn, newPeriodColumn } from "../../domain/sidebar/period-column";
import type { TypedCell } from "../../domain/sidebar/typed-cell";
import { tabReference } from "../../domain/workbook/cell-address";
import { type CatalogEntry, findCatalogEntry, parseCatalog } from "../../domain/workbook/parse-catalog";
import { isWorkbookProblem } from "../../domain/workbook/workbook-problem";
import { ACCOUNT_GRID_HEADER_ROW, normalizeHeader, TAB } from "../../domain/workbook-schema";
import { type AuditEntry, openAuditLog } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import { findTab } from "../platform/find-tab";
import { civilDateToDate, dateToIso } from "../platform/spreadsheet-dates";
import { spreadsheetTimeZone } from "../platform/wall-clock";
import { writeTypedBlock } from "../platform/write-typed-cells";
import { type OpenAccountTab, openAccountTab } from "./account-tabs";

/** Number format of a period header the sidebar adds (the left neighbour's is used when it has one). */
const PERIOD_HEADER_FORMAT = "mmm yyyy";

interface PeriodCells {
  column: number | null;
  /** Per metric row (by 1-based row): the value text, the formula, the number format. */
  text: Map<number, string>;
  formula: Map<number, string>;
  format: Map<number, string>;
}

/** Reads the period's column cells for every metric row: values from the tab read, formulas and formats in one call each. */
function readPeriodCells(tab: OpenAccountTab, periodIso: string, timeZone: string): PeriodCells {
  const period = parseIsoDate(periodIso)!;
  const found = findPeriodColumn(tab.parsed, period);
  const cells: PeriodCells = {
    column: found?.column ?? null,
    text: new Map(),
    formula: new Map(),
    format: new Map(),
  };
  if (!found || tab.parsed.metrics.length === 0) return cells;
  const first = ACCOUNT_GRID_HEADER_ROW + 1;
  const last = tab.parsed.metrics[tab.parsed.metrics.length - 1].row;
  const range = tab.sheet.getRange(first, found.column, last - first + 1, 1);
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  for (const metric of tab.parsed.metrics) {
    const value = tab.values[metric.row - 1]?.[found.column - 1];
    const format = String(formats[metric.row - first]?.[0] ?? "");
    cells.format.set(metric.row, format);
    cells.formula.set(metric.row, String(formulas[metric.row - first]?.[0] ?? ""));
    cells.text.set(
      metric.row,
      isDate(value) ? dateToIso(value, timeZone) : formatStoredValue(value, format.includes("%")),
    );
  }
  return cells;
}

/** `loadValuesForm({account, periodIso})`: the period's value of every metric row of the account tab. */
export function loadValuesForm(input: unknown): ValuesFormData {
  const request = parseRequest("Enter values", valuesRequest(), input);
  const timeZone = spreadsheetTimeZone();
  const tab = openAccountTab(request.account, timeZone);
  const cells = readPeriodCells(tab, request.periodIso, timeZone);
  const catalog = readCatalogQuietly();
  const rows: MetricValueRow[] = tab.parsed.metrics.map((metric) => ({
    metric: metric.name,
    category: metric.category,
    target: metric.target,
    value: cells.text.get(metric.row) ?? "",
    formula: (cells.formula.get(metric.row) ?? "") !== "",
    fromIncidents: isFromIncidents(findCatalogEntry(catalog, metric.name)?.measurementMethod ?? ""),
  }));
  return {
    account: request.account,
    accountName: tab.accountName,
    periodIso: request.periodIso,
    periodExists: cells.column !== null,
    rows,
  };
}

/** The KPI Catalog's entries for hints (one read); none when the tab is missing or unreadable: the form still works. */
function readCatalogQuietly(): CatalogEntry[] {
  const sheet = findTab(SpreadsheetApp.getActiveSpreadsheet(), TAB.kpiCatalog);
  if (!sheet) return [];
  const parsed = parseCatalog(sheet.getDataRange().getValues());
  return isWorkbookProblem(parsed) ? [] : parsed.entries;
}

function typedValue(typed: string): TypedCell {
  const reading = readEnteredValue(typed);
  switch (reading.kind) {
    case "number":
      return { kind: "number", value: reading.value, percent: reading.percent };
    case "text":
      return { kind: "text", text: reading.value };
    default:
      return { kind: "blank" };
  }
}

/** Adds the period's column at its place in date order and writes its header date. Returns the column. */
function insertPeriodColumn(tab: OpenAccountTab, periodIso: string, timeZone: string): number {
  const period = parseIsoDate(periodIso)!;
  const column = newPeriodColumn(tab.parsed, period);
  const neighbour =
    tab.parsed.periods.find((p) => p.column === column - 1) ??
    tab.parsed.periods.find((p) => p.column === column);
  const format = neighbour
    ? String(tab.sheet.getRange(ACCOUNT_GRID_HEADER_ROW, neighbour.column).getNumberFormat())
    : PERIOD_HEADER_FORMAT;
  tab.sheet.insertColumnAfter(column - 1);
  const header = tab.sheet.getRange(ACCOUNT_GRID_HEADER_ROW, column);
  header.setNumberFormat(format && format !== "@" ? format : PERIOD_HEADER_FORMAT);
  header.setValue(civilDateToDate(period, timeZone));
  return column;
}

/**
 * `saveValues(form)`: validates, then under the lock writes only the values that changed since the
 * form was loaded, refusing a value that someone else changed meanwhile or a formula cell; adds the
 * period's column when missing. One audit row per written cell.
 */
export function saveValues(input: unknown): SaveResult {
  const checked = valuesForm().safeParse(input);
  if (!checked.success) return refused(fieldErrorsOf(checked.error.issues));
  const form = checked.data;
  const timeZone = spreadsheetTimeZone();
  const changes = changedEntries(form);
  const period = parseIsoDate(form.periodIso)!;
  const periodText = toIsoDate(period).slice(0, 7);
  if (changes.length === 0) return { ok: true, message: "Nothing changed; nothing was written." };
  return withDocumentLock({ kind: "save", action: "Save values" }, () => {
    const auditLog = openAuditLog(timeZone);
    const tab = openAccountTab(form.account, timeZone);
    const cells = readPeriodCells(tab, form.periodIso, timeZone);
    const rowOf = new Map(tab.parsed.metrics.map((metric) => [normalizeHeader(metric.name), metric.row]));
    const errors: FieldErrors = {};
    const writes: { row: number; metric: string; before: string; cell: TypedCell; after: string }[] = [];
    for (const entry of changes) {
      const index = form.values.indexOf(entry);
      const key = `values.${index}.value`;
      const row = rowOf.get(normalizeHeader(entry.metric));
      if (row === undefined) {
        errors[key] = `"${entry.metric}" is no longer a metric row on ${form.account}; reload the form`;
        continue;
      }
      if (cells.formula.get(row)) {
        errors[key] = `This cell holds a formula (${cells.formula.get(row)}); change it in the sheet`;
        continue;
      }
      const current = cells.text.get(row) ?? "";
      if (current.trim() !== entry.before.trim()) {
        errors[key] =
          `Changed in the sheet since you loaded the form (now "${current}"); reload and re-enter`;
        continue;
      }
      const cell = typedValue(entry.value);
      writes.push({ row, metric: entry.metric, before: current, cell, after: entry.value.trim() });
    }
    if (Object.keys(errors).length > 0) return refused(errors);

    const added = cells.column === null;
    const column = cells.column ?? insertPeriodColumn(tab, form.periodIso, timeZone);
    writes.sort((a, b) => a.row - b.row);
    // One block per run of adjacent rows.
    for (let start = 0; start < writes.length; ) {
      let end = start;
      while (end + 1 < writes.length && writes[end + 1].row === writes[end].row + 1) end += 1;
      const run = writes.slice(start, end + 1);
      writeTypedBlock(
        tab.sheet,
        run[0].row,
        column,
        run.map((w) => [w.cell]),
        timeZone,
      );
      start = end + 1;
    }
    const audit: AuditEntry[] = writes.map((w) => ({
      action: `Enter value: ${w.metric}, ${periodText}`,
      where: tabReference(form.account, w.row, column),
      before: w.before,
      after: w.after,
    }));
    if (added)
      audit.unshift({
        action: `Add period column ${periodText}`,
        where: tabReference(form.account, ACCOUNT_GRID_HEADER_ROW, column),
        before: "",
        after: form.periodIso,
      });
    auditLog.append(audit);
    const count = countOf(writes.length, "value");
    return {
      ok: true,
      message: `Saved ${count} for ${tab.accountName}, ${periodText}${added ? " (added the period's column)" : ""}.`,
    };
  });
}
