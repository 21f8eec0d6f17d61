// Highlight planning: paint by severity, give back only what the scan painted, keep the user's colours.
import { describe, expect, it } from "vitest";
import type { HighlightRecord } from "../../../src/domain/scan/highlight-plan";
import {
  changeBounds,
  decodeHighlightRecord,
  encodeHighlightRecord,
  planHighlights,
} from "../../../src/domain/scan/highlight-plan";

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
