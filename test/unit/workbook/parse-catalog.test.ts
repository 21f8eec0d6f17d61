// Reading the KPI Catalog: typed definitions, categories that gate CO reporting, and row problems.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import type { ParsedCatalog } from "../../../src/domain/workbook/parse-catalog";
import { findCatalogEntry, parseCatalog } from "../../../src/domain/workbook/parse-catalog";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS } from "../../../src/domain/workbook-schema";

const header: CellValue[] = [...COLUMNS.kpiCatalog];

function read(rows: CellValue[][], head: CellValue[] = header): ParsedCatalog {
  const result = parseCatalog([head, ...rows]);
  if (isWorkbookProblem(result)) throw new Error(result.message);
  return result;
}

describe("parseCatalog", () => {
  it("reads a contract-facing definition with its CPARS area", () => {
    const catalog = read([
      [
        "System uptime",
        "contract facing",
        "CLIN 0001",
        "Availability",
        "at least 99.5%",
        "Monitoring",
        "Monthly",
        "quality",
      ],
    ]);
    expect(catalog.entries).toEqual([
      {
        row: 2,
        metric: "System uptime",
        category: "Contract-facing",
        clinRef: "CLIN 0001",
        definition: "Availability",
        target: "at least 99.5%",
        measurementMethod: "Monitoring",
        reportingCadence: "Monthly",
        cparsArea: "Quality",
        segment: "All",
      },
    ]);
    expect(catalog.problems).toEqual([]);
  });

  it("reads columns in any order and ignores a user's extra column", () => {
    const reordered = [...header].reverse();
    reordered.splice(3, 0, "Owner notes");
    const row: CellValue[] = [...header].reverse().map((column) => (column === "Metric" ? "MAU" : ""));
    row.splice(3, 0, "ask Jo");
    const catalog = read([row], reordered);
    expect(catalog.entries[0]).toMatchObject({ metric: "MAU", target: "", cparsArea: null });
  });

  it("treats a blank category as Internal and says so, so nothing reaches the CO by accident", () => {
    const catalog = read([["Sponsor engagement", "", "", "", "at least 100%", "", "", ""]]);
    expect(catalog.entries[0].category).toBe("Internal");
    expect(catalog.problems[0].message).toBe(
      'KPI Catalog row 2: Category of "Sponsor engagement" in B2 is blank; expected Contract-facing or Internal; treated as Internal',
    );
  });

  it("reports an unknown CPARS area and a repeated metric", () => {
    const catalog = read([
      ["Uptime", "Internal", "", "", "", "", "", "Speed"],
      ["uptime", "Internal", "", "", "", "", "", ""],
    ]);
    expect(catalog.entries).toHaveLength(1);
    expect(catalog.entries[0].cparsArea).toBeNull();
    expect(catalog.problems.map((p) => p.reason)).toEqual([
      'row 2: CPARS area of "Uptime" in H2 is "Speed"; expected Schedule, Quality, Cost, Management or blank; treated as blank',
      'row 3: metric "uptime" is already defined in row 2; this row is ignored',
    ]);
  });

  it("finds an entry by name in any case and spacing", () => {
    const catalog = read([["Internal NPS", "Internal", "", "", "at least 7", "", "", ""]]);
    expect(findCatalogEntry(catalog.entries, "internal  nps")?.target).toBe("at least 7");
    expect(findCatalogEntry(catalog.entries, "NPS")).toBeUndefined();
  });

  it("returns a tab problem naming every missing header", () => {
    const result = parseCatalog([["Metric", "Target"]]);
    expect(isWorkbookProblem(result) && result.reason).toMatch(
      /^row 1: no "Category", "CLIN \/ QASP ref", "Definition", "Measurement method", "Reporting cadence" and "CPARS area" columns in the header row/,
    );
  });
});
