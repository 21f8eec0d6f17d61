// Highlight planning: paint by severity, give back only what the scan painted, keep the user's colours.
import { describe, expect, it } from "vitest";
import { evaluateAccount } from "../../../src/domain/scan/evaluate-account";
import type { HighlightRecord } from "../../../src/domain/scan/highlight-plan";
import {
  changeBounds,
  decodeHighlightRecord,
  decodeHighlightTabName,
  encodeHighlightRecord,
  planHighlights,
  planTabHighlights,
  tabHighlightArea,
} from "../../../src/domain/scan/highlight-plan";
import { SEVERITY_COLORS } from "../../../src/domain/scan/severity-colors";
import { accountTab, compiled, ruleRow } from "./scan-fixtures";

const RED = "#e06666";
const YELLOW = "#fff2cc";

function grid(colors: Record<string, string>) {
  const positions: Record<string, { row: number; column: number }> = {
    a: { row: 9, column: 4 },
    b: { row: 10, column: 4 },
    c: { row: 11, column: 5 },
  };
  return {
    locate: (key: string) => positions[key],
    currentColor: ({ row, column }: { row: number; column: number }) =>
      colors[`${row},${column}`] ?? "#ffffff",
    at: (key: string) => positions[key],
  };
}

describe("planHighlights", () => {
  it("paints desired cells, remembering the colour each had", () => {
    const g = grid({ "9,4": "#00FF00" });
    const plan = planHighlights({
      desired: new Map([["a", { ...g.at("a"), color: RED }]]),
      record: {},
      ...g,
    });
    expect(plan.changes).toEqual([{ row: 9, column: 4, color: RED }]);
    expect(plan.record).toEqual({ a: { painted: RED, original: "#00ff00" } });
    expect(plan.painted).toBe(1);
  });

  it("restores a cleared cell still showing the scan's colour, and clears the fill when it was white", () => {
    const g = grid({ "9,4": RED, "10,4": YELLOW });
    const record: HighlightRecord = {
      a: { painted: RED, original: "#00ff00" },
      b: { painted: YELLOW, original: "#ffffff" },
    };
    const plan = planHighlights({ desired: new Map(), record, ...g });
    expect(plan.changes).toEqual([
      { row: 9, column: 4, color: "#00ff00" },
      { row: 10, column: 4, color: null },
    ]);
    expect(plan.record).toEqual({});
    expect(plan.cleared).toBe(2);
  });

  it("leaves a cell the user recoloured after the scan painted it", () => {
    const g = grid({ "9,4": "#0000ff" });
    const plan = planHighlights({
      desired: new Map(),
      record: { a: { painted: RED, original: "#ffffff" } },
      ...g,
    });
    expect(plan.changes).toEqual([]);
    expect(plan.record).toEqual({});
  });

  it("remembers a colour the user set on a still-breaching cell, to give it back later", () => {
    const g = grid({ "9,4": "#0000ff" });
    const plan = planHighlights({
      desired: new Map([["a", { ...g.at("a"), color: RED }]]),
      record: { a: { painted: RED, original: "#ffffff" } },
      ...g,
    });
    expect(plan.record.a).toEqual({ painted: RED, original: "#0000ff" });
    expect(plan.changes).toEqual([{ row: 9, column: 4, color: RED }]);
  });

  it("changes nothing for a cell already showing its colour, keeping its original", () => {
    const g = grid({ "9,4": RED });
    const plan = planHighlights({
      desired: new Map([["a", { ...g.at("a"), color: RED }]]),
      record: { a: { painted: RED, original: "#00ff00" } },
      ...g,
    });
    expect(plan.changes).toEqual([]);
    expect(plan.record.a.original).toBe("#00ff00");
  });

  it("forgets cells whose row or column is gone", () => {
    const g = grid({});
    const plan = planHighlights({
      desired: new Map(),
      record: { gone: { painted: RED, original: "#ffffff" } },
      ...g,
    });
    expect(plan.changes).toEqual([]);
    expect(plan.record).toEqual({});
  });
});

describe("highlight bookkeeping", () => {
  it("round-trips through its compact text and reads garbage as empty", () => {
    const record: HighlightRecord = {
      "mau@2026-05": { painted: RED, original: "#ffffff" },
      "uptime@2026-05": { painted: YELLOW, original: "#00ff00" },
    };
    const text = encodeHighlightRecord(record);
    expect(decodeHighlightRecord(text)).toEqual(record);
    expect(text.length).toBeLessThan(120);
    expect(decodeHighlightRecord("{not json")).toEqual({});
    expect(decodeHighlightRecord(null)).toEqual({});
  });

  it("keeps the tab's name with the record, so a run knows the tab without asking it for its id", () => {
    const record: HighlightRecord = { "mau@2026-05": { painted: RED, original: "#ffffff" } };
    const text = encodeHighlightRecord(record, "Acme");
    expect(decodeHighlightRecord(text)).toEqual(record);
    expect(decodeHighlightTabName(text)).toBe("Acme");
    expect(decodeHighlightTabName(encodeHighlightRecord(record))).toBeNull();
    expect(decodeHighlightTabName("{not json")).toBeNull();
  });

  it("bounds the changed cells in one block", () => {
    expect(
      changeBounds([
        { row: 9, column: 6 },
        { row: 12, column: 4 },
      ]),
    ).toEqual({ row: 9, column: 4, rows: 4, columns: 3 });
    expect(changeBounds([])).toBeNull();
  });
});

describe("one tab's highlights", () => {
  const rules = compiled([ruleRow("MAU", "Watch", "below 40%"), ruleRow("MAU", "Critical", "below 25%")]);
  const today = { year: 2026, month: 6, day: 15 };
  /** Rows 9 MAU, 10 NPS, 11 Uptime; columns D Apr, E May. */
  const tabWith = (mau: number) =>
    accountTab({
      periods: ["2026-04", "2026-05"],
      metrics: [
        { name: "MAU", values: [0.5, mau] },
        { name: "NPS", values: [8, 8] },
        { name: "Uptime", values: [0.999, 0.999] },
      ],
    });
  const breachesOf = (tab: ReturnType<typeof tabWith>) =>
    evaluateAccount(tab, { rules, catalog: [], today }).breaches;

  it("has nothing to read or paint on a tab with no breach and no highlight of ours", () => {
    const tab = tabWith(0.5);
    expect(tabHighlightArea(tab, breachesOf(tab), {})).toBeNull();
  });

  it("paints a breaching cell in its most severe rule's colour, reading only the cells concerned", () => {
    const tab = tabWith(0.2);
    const area = tabHighlightArea(tab, breachesOf(tab), {});
    expect(area?.area).toEqual({ row: 9, column: 5, rows: 1, columns: 1 });
    const plan = planTabHighlights(area as NonNullable<typeof area>, [["#00ff00"]]);
    expect(plan.colors).toEqual([[SEVERITY_COLORS.Critical]]);
    expect(plan.afterPaint).toEqual({
      "mau@2026-05": { painted: SEVERITY_COLORS.Critical, original: "#00ff00" },
    });
    expect(plan.painted).toBe(1);
  });

  it("finds a cell it painted by metric and month, keeps it listed until painted, and leaves the other cells as they are", () => {
    const tab = tabWith(0.5);
    const record: HighlightRecord = {
      "uptime@2026-05": { painted: RED, original: "#00ff00" },
      "gone@2026-05": { painted: RED, original: "#ffffff" },
    };
    const area = tabHighlightArea(tab, breachesOf(tab), record);
    expect(area?.area).toEqual({ row: 11, column: 5, rows: 1, columns: 1 });
    const plan = planTabHighlights(area as NonNullable<typeof area>, [[RED]]);
    expect(plan.colors).toEqual([["#00ff00"]]);
    expect(plan.beforePaint).toEqual(record);
    expect(plan.afterPaint).toEqual({});
    expect(plan.cleared).toBe(1);
  });

  it("keeps every other cell of the block its own colour, a white one with no fill", () => {
    const tab = tabWith(0.2);
    const record: HighlightRecord = { "uptime@2026-04": { painted: YELLOW, original: "#ffffff" } };
    const area = tabHighlightArea(tab, breachesOf(tab), record);
    expect(area?.area).toEqual({ row: 9, column: 4, rows: 3, columns: 2 });
    const plan = planTabHighlights(area as NonNullable<typeof area>, [
      ["#ffffff", "#ffffff"],
      ["#d9ead3", "#ffffff"],
      [YELLOW, "#ffffff"],
    ]);
    expect(plan.colors).toEqual([
      [null, SEVERITY_COLORS.Critical],
      ["#d9ead3", null],
      [null, null],
    ]);
  });
});
