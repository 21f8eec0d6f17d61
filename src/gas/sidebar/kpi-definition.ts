// Server side of the Contract KPIs panel: load a KPI Catalog row with its Escalation Rules, and save them back.

import { parseFromMonth } from "../../domain/cadence/months-since";
import type { CellValue } from "../../domain/cell-value";
import { readYesNo } from "../../domain/condition/read-yes-no";
import { fieldErrorsOf, refused, type SaveResult } from "../../domain/forms/form-result";
import {
  type KpiDefinitionForm,
  kpiDefinitionForm,
  type ValidEscalationRule,
  type ValidKpiDefinitionForm,
} from "../../domain/forms/kpi-definition-form";
import { metricRequest, parseRequest } from "../../domain/forms/load-requests";
import type { KpiDefinitionData } from "../../domain/forms/sidebar-api";
import { countOf } from "../../domain/plural";
import { readSegmentScope } from "../../domain/segment";
import { type TypedCell, text } from "../../domain/sidebar/typed-cell";
import { versionToken } from "../../domain/sidebar/version-token";
import { tabReference } from "../../domain/workbook/cell-address";
import { splitRoles } from "../../domain/workbook/parse-rules";
import { cellText } from "../../domain/workbook/read-cells";
import { COLUMNS, headersMatch, OPTIONAL_COLUMNS, TAB } from "../../domain/workbook-schema";
import { type AuditEntry, openAuditLog } from "../platform/audit-log";
import { withDocumentLock } from "../platform/document-lock";
import { appendTableRows, cellOf, openTable, type TableTab, writeTableRow } from "../platform/table-tab";
import { spreadsheetTimeZone, wallClockReader } from "../platform/wall-clock";
import { catalogMetrics } from "./sidebar-state";

/** Every catalog and rule column the form edits: the contract's, then the optional ones when the tab has them. */
const CATALOG_HEADERS = [...COLUMNS.kpiCatalog, ...OPTIONAL_COLUMNS.kpiCatalog];
const RULE_HEADERS = [...COLUMNS.escalationRules, ...OPTIONAL_COLUMNS.escalationRules];
type CatalogHeader = (typeof CATALOG_HEADERS)[number];
type RuleHeader = (typeof RULE_HEADERS)[number];

/** The catalog fields in column order, paired with the form's keys. */
const CATALOG_FIELDS: [CatalogHeader, keyof ValidKpiDefinitionForm][] = [
  ["Metric", "metric"],
  ["Category", "category"],
  ["CLIN / QASP ref", "clinRef"],
  ["Definition", "definition"],
  ["Target", "target"],
  ["Measurement method", "measurementMethod"],
  ["Reporting cadence", "reportingCadence"],
  ["CPARS area", "cparsArea"],
];

interface StoredDefinition {
  /** 0-based index into the catalog table's rows, or -1. */
  catalogIndex: number;
  catalogTexts: string[];
  /** 0-based indexes into the rules table's rows. */
  ruleIndexes: number[];
  ruleTexts: string[][];
}

function rowTexts(
  table: TableTab | null,
  index: number,
  headers: readonly string[],
  timeZone: string,
): string[] {
  return table
    ? headers.map((header) => cellText(cellOf(table, index, header) as CellValue, wallClockReader(timeZone)))
    : [];
}

/** Finds a metric's catalog row and rule rows (names match case- and whitespace-insensitively). */
function findStored(
  catalog: TableTab | null,
  rules: TableTab | null,
  metric: string,
  timeZone: string,
): StoredDefinition {
  let catalogIndex = -1;
  if (catalog) {
    for (let r = 1; r < catalog.rows.length; r += 1) {
      if (headersMatch(cellOf(catalog, r, "Metric"), metric) && String(cellOf(catalog, r, "Metric")).trim()) {
        catalogIndex = r;
        break;
      }
    }
  }
  const ruleIndexes: number[] = [];
  if (rules) {
    for (let r = 1; r < rules.rows.length; r += 1) {
      if (headersMatch(cellOf(rules, r, "Metric"), metric) && String(cellOf(rules, r, "Metric")).trim())
        ruleIndexes.push(r);
    }
  }
  return {
    catalogIndex,
    catalogTexts: catalogIndex >= 0 ? rowTexts(catalog, catalogIndex, CATALOG_HEADERS, timeZone) : [],
    ruleIndexes,
    ruleTexts: ruleIndexes.map((r) => rowTexts(rules, r, RULE_HEADERS, timeZone)),
  };
}

function versionOf(stored: StoredDefinition): string {
  return versionToken([stored.catalogTexts, stored.ruleTexts]);
}

/** `loadKpiDefinition(metric)`: the catalog row and rules of `metric` as a form. */
export function loadKpiDefinition(input: unknown): KpiDefinitionData {
  const metric = parseRequest("Contract KPIs", metricRequest(), input);
  const timeZone = spreadsheetTimeZone();
  const catalog = openTable(TAB.kpiCatalog, COLUMNS.kpiCatalog, false, OPTIONAL_COLUMNS.kpiCatalog);
  const rules = openTable(
    TAB.escalationRules,
    COLUMNS.escalationRules,
    false,
    OPTIONAL_COLUMNS.escalationRules,
  );
  const stored = findStored(catalog, rules, metric, timeZone);
  if (stored.catalogIndex < 0)
    throw new Error(
      `KPI Catalog has no metric named "${metric}" (it may have been renamed or deleted); reload.`,
    );
  const field = (header: CatalogHeader) => stored.catalogTexts[CATALOG_HEADERS.indexOf(header)];
  const form: KpiDefinitionForm = {
    originalMetric: field("Metric"),
    version: versionOf(stored),
    metric: field("Metric"),
    category: field("Category") as KpiDefinitionForm["category"],
    clinRef: field("CLIN / QASP ref"),
    definition: field("Definition"),
    target: field("Target"),
    measurementMethod: field("Measurement method"),
    reportingCadence: field("Reporting cadence"),
    cparsArea: field("CPARS area") as KpiDefinitionForm["cparsArea"],
    segment: readSegmentScope(field("Segment")) ?? "All",
    rules: stored.ruleTexts.map((texts) => {
      const rule = (header: RuleHeader) => texts[RULE_HEADERS.indexOf(header)];
      return {
        severity: rule("Severity") as ValidEscalationRule["severity"],
        condition: rule("Condition"),
        fromMonth: rule("From month"),
        action: rule("Action"),
        respondWithin: rule("Respond within"),
        segment: readSegmentScope(rule("Segment")) ?? "All",
        escalateTo: rule("Escalate to"),
        reachesCo: readYesNo(rule("Reaches CO")) ? "Yes" : "",
      };
    }),
  };
  return { exists: true, form };
}

function catalogCells(form: ValidKpiDefinitionForm): Partial<Record<CatalogHeader, TypedCell>> {
  const cells: Partial<Record<CatalogHeader, TypedCell>> = {};
  for (const [header, key] of CATALOG_FIELDS) cells[header] = text(String(form[key]));
  cells.Segment = text(segmentCell(form.segment));
  return cells;
}

/** A Segment as the tab holds it: blank for All (the default), else the segment. */
function segmentCell(segment: string | undefined): string {
  return segment === undefined || segment === "All" ? "" : segment;
}

function ruleCells(metric: string, rule: ValidEscalationRule): Partial<Record<RuleHeader, TypedCell>> {
  const fromMonth = parseFromMonth(rule.fromMonth);
  return {
    Metric: text(metric),
    Severity: text(rule.severity),
    Condition: text(rule.condition),
    "From month": fromMonth === null ? { kind: "blank" } : { kind: "number", value: fromMonth },
    Action: text(rule.action),
    "Respond within": text(rule.respondWithin),
    Segment: text(segmentCell(rule.segment)),
    "Escalate to": text(splitRoles(rule.escalateTo ?? "").join("; ")),
    "Reaches CO": text(rule.reachesCo ?? ""),
  };
}

/**
 * The cells a tab can take: the optional columns it lacks are left out when blank (nothing to
 * lose), and refused when the form sets them — `Setup workbook…` adds the column first.
 */
function cellsFor(
  table: TableTab,
  cells: Partial<Record<string, TypedCell>>,
): { cells: Partial<Record<string, TypedCell>> } | { missing: string } {
  const kept: Partial<Record<string, TypedCell>> = {};
  for (const [header, cell] of Object.entries(cells)) {
    if (table.column[header] !== undefined) kept[header] = cell;
    else if (cell && cell.kind === "text" && cell.text !== "") return { missing: header };
  }
  return { cells: kept };
}

function describeCatalog(form: ValidKpiDefinitionForm): string {
  return CATALOG_FIELDS.map(([header, key]) => `${header}: ${form[key]}`).join(" | ");
}

function describeStoredCatalog(texts: string[]): string {
  return texts.length === 0
    ? ""
    : COLUMNS.kpiCatalog.map((header, i) => `${header}: ${texts[i]}`).join(" | ");
}

function describeRule(texts: string[]): string {
  return texts.length === 0
    ? ""
    : RULE_HEADERS.map((header, i) => [header, texts[i] ?? ""])
        // The optional columns only when they say something, so older audit lines read the same.
        .filter(([header, value], i) => i < COLUMNS.escalationRules.length || value !== "" || header === "")
        .map(([header, value]) => `${header}: ${value}`)
        .join(" | ");
}

function ruleTextsOf(metric: string, rule: ValidEscalationRule): string[] {
  const month = parseFromMonth(rule.fromMonth);
  return [
    metric,
    rule.severity,
    rule.condition,
    month === null ? "" : String(month),
    rule.action,
    rule.respondWithin,
    segmentCell(rule.segment),
    splitRoles(rule.escalateTo ?? "").join("; "),
    rule.reachesCo ?? "",
  ];
}

/** `saveKpiDefinition(form)`: validates, then writes the catalog row and replaces the metric's rules under the lock. */
export function saveKpiDefinition(
  input: unknown,
): SaveResult<{ metrics: string[]; data: KpiDefinitionData }> {
  const checked = kpiDefinitionForm().safeParse(input);
  if (!checked.success) return refused(fieldErrorsOf(checked.error.issues));
  const form = checked.data;
  const timeZone = spreadsheetTimeZone();
  const outcome = withDocumentLock({ kind: "save", action: "Save KPI" }, () => {
    const auditLog = openAuditLog(timeZone);
    const catalog = openTable(TAB.kpiCatalog, COLUMNS.kpiCatalog, true, OPTIONAL_COLUMNS.kpiCatalog)!;
    const rules = openTable(
      TAB.escalationRules,
      COLUMNS.escalationRules,
      true,
      OPTIONAL_COLUMNS.escalationRules,
    )!;
    // Every row written must fit the tabs as they are: a value for a column a tab lacks stops the save.
    const writable = [
      { table: catalog, cells: catalogCells(form) },
      ...form.rules.map((rule) => ({ table: rules, cells: ruleCells(form.metric, rule) })),
    ].map(({ table, cells }) => ({ table, fit: cellsFor(table, cells) }));
    const unfit = writable.find(({ fit }) => "missing" in fit);
    if (unfit && "missing" in unfit.fit)
      return refused(
        {},
        `${unfit.table.name} has no "${unfit.fit.missing}" column yet; run KPI Steward › Setup workbook… to add it, then save again. Nothing was saved.`,
      );
    const fitted = (index: number) => {
      const fit = writable[index].fit;
      return "cells" in fit ? fit.cells : {};
    };
    const isNew = form.originalMetric === "";
    const stored = findStored(catalog, rules, isNew ? form.metric : form.originalMetric, timeZone);
    if (!isNew && stored.catalogIndex < 0)
      return refused(
        {},
        `KPI Catalog no longer has "${form.originalMetric}" (renamed or deleted meanwhile); nothing was saved. Reload it from the list.`,
      );
    if (!isNew && versionOf(stored) !== form.version)
      return refused(
        {},
        `"${form.originalMetric}" was changed in the sheet since you opened it; nothing was saved. Pick it again to reload, then redo your change.`,
      );
    const renamed = !isNew && !headersMatch(form.metric, form.originalMetric);
    if (isNew || renamed) {
      const clash = findStored(catalog, null, form.metric, timeZone);
      if (clash.catalogIndex >= 0)
        return refused({
          metric: `Metric: KPI Catalog already has "${cellOf(catalog, clash.catalogIndex, "Metric")}" (row ${clash.catalogIndex + 1}); pick it from the list to edit it`,
        });
    }

    const audit: AuditEntry[] = [];
    const catalogWidth = Math.max(...Object.values(catalog.column));
    const catalogFirst = Math.min(...Object.values(catalog.column));
    let catalogRow: number;
    if (stored.catalogIndex >= 0 && !isNew) {
      catalogRow = stored.catalogIndex + 1;
      writeTableRow(catalog, catalogRow, fitted(0), timeZone);
    } else {
      catalogRow = appendTableRows(catalog, [fitted(0)], timeZone);
    }
    audit.push({
      action: isNew ? "Add KPI" : "Edit KPI",
      where: tabReference(TAB.kpiCatalog, catalogRow, catalogFirst, catalogWidth),
      before: isNew ? "" : describeStoredCatalog(stored.catalogTexts),
      after: describeCatalog(form),
    });

    // Rules: rewrite the metric's rows in place, append any extra, delete any left over (bottom up).
    const ruleFirst = Math.min(...Object.values(rules.column));
    const ruleLast = Math.max(...Object.values(rules.column));
    const existing = isNew ? [] : stored.ruleIndexes;
    let changedRules = 0;
    form.rules.forEach((rule, i) => {
      const after = ruleTextsOf(form.metric, rule);
      if (i < existing.length) {
        const before = stored.ruleTexts[i];
        if (JSON.stringify(before) === JSON.stringify(after)) return;
        writeTableRow(rules, existing[i] + 1, fitted(i + 1), timeZone);
        audit.push({
          action: "Edit escalation rule",
          where: tabReference(TAB.escalationRules, existing[i] + 1, ruleFirst, ruleLast),
          before: describeRule(before),
          after: describeRule(after),
        });
      } else {
        const row = appendTableRows(rules, [fitted(i + 1)], timeZone);
        audit.push({
          action: "Add escalation rule",
          where: tabReference(TAB.escalationRules, row, ruleFirst, ruleLast),
          before: "",
          after: describeRule(after),
        });
      }
      changedRules += 1;
    });
    const surplus = existing.slice(form.rules.length);
    for (let i = surplus.length - 1; i >= 0; i -= 1) {
      const index = surplus[i];
      audit.push({
        action: "Delete escalation rule",
        where: tabReference(TAB.escalationRules, index + 1, ruleFirst, ruleLast),
        before: describeRule(stored.ruleTexts[form.rules.length + i]),
        after: "",
      });
      rules.sheet.deleteRow(index + 1);
      changedRules += 1;
    }
    auditLog.append(audit);
    return { ok: true as const, catalogRow, changedRules };
  });
  if (!outcome.ok) return outcome;
  const message = `Saved "${form.metric}" (KPI Catalog row ${outcome.catalogRow}; ${countOf(form.rules.length, "rule")}, ${outcome.changedRules} changed).`;
  return { ok: true, message, metrics: catalogMetrics(), data: loadKpiDefinition(form.metric) };
}
