// Reads the KPI Catalog tab into one typed definition per metric.

import type { CellValue } from "../cell-value";
import { describeValue, isBlank } from "../cell-value";
import { readSegmentScope, SEGMENT_SCOPE_EXPECTED, type SegmentScope } from "../segment";
import { CATEGORIES, COLUMNS, CPARS_AREAS, normalizeHeader, OPTIONAL_COLUMNS, TAB } from "../workbook-schema";
import { cellText, matchChoice } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, listChoices, problemAt } from "./workbook-problem";

/** A metric category: contract-facing metrics may go to the contracting officer, internal ones may not. */
export type MetricCategory = (typeof CATEGORIES)[number];
/** A CPARS evaluation area. */
export type CparsArea = (typeof CPARS_AREAS)[number];

/** One metric definition of the KPI Catalog. */
export interface CatalogEntry {
  /** 1-based sheet row. */
  row: number;
  metric: string;
  category: MetricCategory;
  clinRef: string;
  definition: string;
  /** What good looks like, in the condition language (`at least 99.5%`); raw text, may be blank. */
  target: string;
  measurementMethod: string;
  reportingCadence: string;
  cparsArea: CparsArea | null;
  /** The accounts the metric is for (`Segment` column; blank, absent or unreadable = All). */
  segment: SegmentScope;
}

/** The KPI Catalog as read. */
export interface ParsedCatalog {
  tabName: string;
  /** 1-based sheet column of each catalog column. */
  columns: Record<(typeof COLUMNS.kpiCatalog)[number], number> &
    Partial<Record<(typeof OPTIONAL_COLUMNS.kpiCatalog)[number], number>>;
  entries: CatalogEntry[];
  /** Row problems; a row without a metric name, or repeating an earlier one, is left out. */
  problems: WorkbookProblem[];
}

/**
 * Reads the KPI Catalog (`values` from `getValues()`, header row first). A blank Category is read
 * as `Internal` and reported (seed 000: a metric not in the SOW or QASP is internal only); an
 * unknown Category too, an unknown CPARS area as blank.
 */
export function parseCatalog(values: readonly CellValue[][]): ParsedCatalog | WorkbookProblem {
  const tabName = TAB.kpiCatalog;
  const table = readTable(tabName, values, COLUMNS.kpiCatalog, OPTIONAL_COLUMNS.kpiCatalog);
  if (isWorkbookProblem(table)) return table;
  const entries: CatalogEntry[] = [];
  const problems: WorkbookProblem[] = [];
  const seen = new Map<string, number>();
  const categories = listChoices(CATEGORIES);

  for (const tableRow of table.rows) {
    const report = (text: string) => problems.push(problemAt(tabName, tableRow.row, text));
    const metric = cellText(tableRow.value("Metric"));
    if (metric === "") {
      report(`${tableRow.address("Metric")} has no metric name; the row is ignored`);
      continue;
    }
    const earlier = seen.get(normalizeHeader(metric));
    if (earlier !== undefined) {
      report(`metric "${metric}" is already defined in row ${earlier}; this row is ignored`);
      continue;
    }
    seen.set(normalizeHeader(metric), tableRow.row);

    const categoryCell = tableRow.value("Category");
    let category = matchChoice(categoryCell, CATEGORIES);
    if (category === undefined) {
      const got = isBlank(categoryCell) ? "is blank" : `is ${describeValue(categoryCell)}`;
      report(
        `Category of "${metric}" in ${tableRow.address("Category")} ${got}; expected ${categories}; ` +
          "treated as Internal",
      );
      category = "Internal";
    }
    const cparsCell = tableRow.value("CPARS area");
    const cparsArea = matchChoice(cparsCell, CPARS_AREAS) ?? null;
    if (cparsArea === null && !isBlank(cparsCell))
      report(
        `CPARS area of "${metric}" in ${tableRow.address("CPARS area")} is ${describeValue(cparsCell)}; ` +
          `expected ${listChoices([...CPARS_AREAS, "blank"])}; treated as blank`,
      );
    const segmentCell = tableRow.value("Segment");
    const segment = readSegmentScope(segmentCell);
    if (segment === undefined)
      report(
        `Segment of "${metric}" in ${tableRow.address("Segment")} is ${describeValue(segmentCell)}; ` +
          `expected ${SEGMENT_SCOPE_EXPECTED}; shown for every account`,
      );
    entries.push({
      row: tableRow.row,
      metric,
      segment: segment ?? "All",
      category,
      clinRef: cellText(tableRow.value("CLIN / QASP ref")),
      definition: cellText(tableRow.value("Definition")),
      target: cellText(tableRow.value("Target")),
      measurementMethod: cellText(tableRow.value("Measurement method")),
      reportingCadence: cellText(tableRow.value("Reporting cadence")),
      cparsArea,
    });
  }
  return { tabName, columns: table.columns, entries, problems };
}

/** The catalog entry of a metric name (case- and space-insensitive), or `undefined`. */
export function findCatalogEntry(entries: readonly CatalogEntry[], metric: string): CatalogEntry | undefined {
  const key = normalizeHeader(metric);
  return entries.find((entry) => normalizeHeader(entry.metric) === key);
}
