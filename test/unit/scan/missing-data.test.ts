// Stale inputs: which metrics lack a value for the month that ended, by reporting cadence.
import { describe, expect, it } from "vitest";
import { findMissingData, monthsBetweenValues } from "../../../src/domain/scan/missing-data";
import type { CatalogEntry } from "../../../src/domain/workbook/parse-catalog";
import { accountTab } from "./scan-fixtures";

const today = { year: 2026, month: 6, day: 15 };

function entry(metric: string, reportingCadence: string): CatalogEntry {
  return {
    row: 2,
    metric,
    category: "Internal",
    clinRef: "",
    definition: "",
    target: "",
    measurementMethod: "",
    reportingCadence,
    cparsArea: null,
    segment: "All",
  };
}

describe("monthsBetweenValues", () => {
  it("reads the first cadence word of the catalog's Reporting cadence", () => {
    expect(monthsBetweenValues("Monthly to CO; quarterly summary to agency PM")).toBe(1);
    expect(monthsBetweenValues("Quarterly to agency ISSO")).toBe(3);
    expect(monthsBetweenValues("Reported per incident; summarized quarterly")).toBeNull();
    expect(monthsBetweenValues("Annual")).toBe(12);
    expect(monthsBetweenValues("")).toBe(1);
  });
});

describe("findMissingData", () => {
  const periods = ["2026-02", "2026-03", "2026-04", "2026-05"];

  it("lists a monthly metric blank for the month that ended, with its cell", () => {
    const tab = accountTab({
      periods,
      metrics: [
        { name: "Uptime", values: [1, 1, 1, ""] },
        { name: "MAU", values: [1, 1, 1, 1] },
      ],
    });
    const missing = findMissingData(
      tab,
      [entry("Uptime", "Monthly"), entry("MAU", "Monthly")],
      new Set(),
      today,
    );
    expect(missing.map((item) => [item.metric, item.cell, item.months])).toEqual([["Uptime", "G9", 1]]);
    expect(missing[0].period).toEqual({ year: 2026, month: 5, day: 1 });
  });

  it("accepts a quarterly value within the last three months and skips per-incident metrics", () => {
    const tab = accountTab({
      periods,
      metrics: [
        { name: "POA&M", values: [0.9, "", "", ""] },
        { name: "NPS", values: ["", "", 8, ""] },
        { name: "MTTR", values: ["", "", "", ""] },
      ],
    });
    const catalog = [
      entry("POA&M", "Quarterly"),
      entry("NPS", "Quarterly"),
      entry("MTTR", "Reported per incident"),
    ];
    expect(findMissingData(tab, catalog, new Set(), today).map((item) => item.metric)).toEqual(["POA&M"]);
  });

  it("expects metrics that have a rule even outside the catalog, and nothing from other rows", () => {
    const tab = accountTab({
      periods,
      metrics: [
        { name: "Ruled", values: [1, 1, 1, ""] },
        { name: "Notes", values: ["", "", "", ""] },
      ],
    });
    expect(findMissingData(tab, [], new Set(["ruled"]), today).map((item) => item.metric)).toEqual(["Ruled"]);
  });

  it("notices a tab with no column yet for the month that ended", () => {
    const tab = accountTab({
      periods: ["2026-03", "2026-04"],
      metrics: [{ name: "Uptime", values: [1, 1] }],
    });
    const [missing] = findMissingData(tab, [entry("Uptime", "Monthly")], new Set(), today);
    expect(missing.cell).toBeNull();
    expect(missing.period.month).toBe(5);
  });

  it("expects nothing before go-live", () => {
    const tab = accountTab({
      goLive: "2026-06-01",
      periods,
      metrics: [{ name: "Uptime", values: ["", "", "", ""] }],
    });
    expect(findMissingData(tab, [entry("Uptime", "Monthly")], new Set(), today)).toEqual([]);
  });
});
