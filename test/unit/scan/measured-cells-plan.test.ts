// The grid cells a scan fills from the Incidents tab: blank or its own cells only, a note naming the worst, nothing on an unchanged day.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import { measureFromIncidents } from "../../../src/domain/incidents/measured-rows";
import { planMeasuredCells } from "../../../src/domain/scan/measured-cells-plan";
import type { CatalogEntry } from "../../../src/domain/workbook/parse-catalog";
import type { Incident } from "../../../src/domain/workbook/parse-incidents";
import { at, incident, UTC } from "../incidents/incident-fixtures";
import { accountTab } from "./scan-fixtures";

const UPTIME = "System uptime";
const MTTR = "MTTR - P1";
const entry = (metric: string, target: string): CatalogEntry => ({
  row: 2,
  metric,
  category: "Contract-facing",
  clinRef: "",
  definition: "",
  target,
  measurementMethod: "from Incidents",
  reportingCadence: "",
  cparsArea: "Quality",
  segment: "All",
});
const catalog = [entry(UPTIME, "at least 99.5%"), entry(MTTR, "at most 4 hours")];
const PERIODS = ["2026-08", "2026-09", "2026-10", "2026-11"];
const NOW = at("2026-11-20 09:00");
const outage = incident({ id: "INC-31", started: "2026-10-14 02:10", resolved: "2026-10-14 05:10" });
const slow = incident({
  id: "INC-41",
  started: "2026-11-03 22:00",
  resolved: "2026-11-04 07:00",
  affectsAvailability: false,
});
const quick = incident({
  id: "INC-40",
  started: "2026-11-02 08:00",
  resolved: "2026-11-02 09:00",
  affectsAvailability: false,
});

function plan(
  uptime: CellValue[],
  mttr: CellValue[],
  incidents: Incident[],
  previous: Record<string, number> = {},
) {
  const tab = accountTab({
    periods: PERIODS,
    metrics: [
      { name: UPTIME, values: uptime },
      { name: MTTR, values: mttr },
    ],
  });
  const measured = measureFromIncidents(tab, { catalog, incidents, now: NOW, readWallClock: UTC });
  return planMeasuredCells(tab, measured, { previous, stamp: "2026-11-20", readWallClock: UTC });
}

const blank = ["", "", "", ""];

describe("planMeasuredCells", () => {
  it("fills blank cells from the account's first incident on, uptime as a fraction and MTTR in hours, each with a note", () => {
    const result = plan(blank, blank, [outage, quick, slow]);
    expect(result.conflicts).toEqual([]);
    expect(result.writes.map((write) => [write.row, write.column, write.value])).toEqual([
      [9, 6, 0.995968],
      [9, 7, 1],
      [10, 6, 3],
      [10, 7, 5],
    ]);
    expect(result.writes[0].note).toBe(
      "From the Incidents tab (KPI Steward scan 2026-11-20).\n180 minutes down in Oct 2026.\n" +
        "Worst 7 days 2026-10-07 05:10 to 2026-10-14 05:10: 98.21% available, 180 minutes down (INC-31).",
    );
    expect(result.writes[1].note).toBe(
      "From the Incidents tab (KPI Steward scan 2026-11-20).\nNo downtime in Nov 2026 so far.",
    );
    expect(result.writes[2].note).toBe(
      "From the Incidents tab (KPI Steward scan 2026-11-20).\nMean of 1 P1 resolved in Oct 2026.",
    );
    expect(result.writes[3].note).toBe(
      "From the Incidents tab (KPI Steward scan 2026-11-20).\nMean of 2 P1s resolved in Nov 2026.\nWorst: INC-41, 9.0 h.",
    );
    // Months before the first incident (Aug, Sep) are not claimed as 100%.
    expect(Object.keys(result.record).sort()).toEqual([
      "mttr-p1@2026-10",
      "mttr-p1@2026-11",
      "systemuptime@2026-10",
      "systemuptime@2026-11",
    ]);
  });

  it("writes nothing on a day when nothing changed", () => {
    const first = plan(blank, blank, [outage, quick, slow]);
    const again = plan(["", "", 0.995968, 1], ["", "", 3, 5], [outage, quick, slow], first.record);
    expect(again.writes).toEqual([]);
    expect(again.record).toEqual(first.record);
  });

  it("updates its own cell when the incidents change, and clears it when they no longer give a value", () => {
    const first = plan(blank, blank, [outage, quick, slow]);
    const fixed = { ...slow, resolved: at("2026-11-04 01:00") };
    const updated = plan(["", "", 0.995968, 1], ["", "", 3, 5], [outage, quick, fixed], first.record);
    expect(updated.writes.map((write) => [write.row, write.column, write.value])).toEqual([[10, 7, 2]]);
    const gone = plan(["", "", 0.995968, 1], ["", "", 3, 5], [outage], first.record);
    expect(gone.writes.map((write) => [write.row, write.column, write.value, write.note])).toEqual([
      [10, 7, "", ""],
    ]);
  });

  it("never overwrites a value a person typed: the same is adopted, a different one reported", () => {
    const same = plan(["", "", 0.995968, ""], blank, [outage]);
    expect(same.writes.map((write) => [write.row, write.column])).toEqual([
      [9, 7],
      [10, 6],
    ]);
    expect(same.record["systemuptime@2026-10"]).toBe(0.995968);
    const typed = plan(["", "", 0.999, ""], blank, [outage]);
    expect(typed.writes.map((write) => [write.row, write.column])).toEqual([
      [9, 7],
      [10, 6],
    ]);
    expect(typed.record["systemuptime@2026-10"]).toBeUndefined();
    expect(typed.conflicts).toEqual([
      {
        metric: UPTIME,
        cell: "F9",
        problem:
          "System uptime Oct 2026: F9 holds 99.90%, but the Incidents tab gives 99.60%; the scan judges the " +
          "incidents (KPI Catalog: from Incidents) and keeps the cell as typed. Clear the cell to have the scan " +
          "fill it in, or change the metric's Measurement method in the KPI Catalog to judge the typed values",
      },
    ]);
  });
});
