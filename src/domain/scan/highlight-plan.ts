// Plans cell highlights (pure): paint breaching cells by severity, and undo only what the scan painted itself.
import type { ParsedAccountTab } from "../workbook/parse-account-tab";
import { gridCellKey, monthKey, nameKey } from "./breach-key";
import type { Breach } from "./evaluate-account";
import { SEVERITY_COLORS, severityRank } from "./severity-colors";

/** What the scan painted on one cell, and the colour that was there before. */
export interface PaintedCell {
  painted: string;
  original: string;
}

/**
 * The scan's bookkeeping for one tab, by grid cell key (metric + month, see `gridCellKey`), so a
 * highlight follows its cell when rows or columns are inserted.
 */
export type HighlightRecord = Record<string, PaintedCell>;

/** A sheet cell, 1-based. */
export interface CellPosition {
  row: number;
  column: number;
}

/** One background to set. */
export interface BackgroundChange extends CellPosition {
  /** `#rrggbb`, or `null` to clear the fill (what white means: no fill). */
  color: string | null;
}

/** What {@link planHighlights} needs. */
export interface HighlightInput {
  /** Cells that should be highlighted now: key → position and severity colour. */
  desired: ReadonlyMap<string, CellPosition & { color: string }>;
  /** Where each grid cell key is on the tab now (`undefined` when its row or column is gone). */
  locate(key: string): CellPosition | undefined;
  /** The bookkeeping saved by the previous run. */
  record: HighlightRecord;
  /** The cell's background now, as `getBackgrounds()` gives it. */
  currentColor(position: CellPosition): string;
}

/** The changes to make and the bookkeeping to save. */
export interface HighlightPlan {
  changes: BackgroundChange[];
  record: HighlightRecord;
  /** Cells newly painted or repainted to another severity. */
  painted: number;
  /** Cells given back their own colour. */
  cleared: number;
}

const WHITE = "#ffffff";

/** Lower-case `#rrggbb` (Sheets reports backgrounds that way); blank counts as white. */
export function normalizeColor(color: string | null | undefined): string {
  const text = (color ?? "").trim().toLowerCase();
  if (text === "") return WHITE;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`;
  return text;
}

function fill(color: string): string | null {
  return color === WHITE ? null : color;
}

/**
 * Paints each desired cell with its severity colour, remembering the colour it had; when a cell
 * no longer breaches, gives it back that colour — but only if it still shows what the scan painted.
 * A colour the user set since is theirs: it is kept (and, if the cell still breaches, remembered as
 * the colour to give back later). Nothing else on the tab is touched.
 */
export function planHighlights(input: HighlightInput): HighlightPlan {
  const plan: HighlightPlan = { changes: [], record: {}, painted: 0, cleared: 0 };
  for (const [key, want] of input.desired) {
    const color = normalizeColor(want.color);
    const current = normalizeColor(input.currentColor(want));
    const previous = input.record[key];
    const original = previous && current === normalizeColor(previous.painted) ? previous.original : current;
    plan.record[key] = { painted: color, original: normalizeColor(original) };
    if (current !== color) {
      plan.changes.push({ row: want.row, column: want.column, color: fill(color) });
      plan.painted += 1;
    }
  }
  for (const [key, previous] of Object.entries(input.record)) {
    if (input.desired.has(key)) continue;
    const position = input.locate(key);
    if (!position) continue;
    const current = normalizeColor(input.currentColor(position));
    if (current !== normalizeColor(previous.painted)) continue;
    const original = normalizeColor(previous.original);
    if (original !== current) plan.changes.push({ ...position, color: fill(original) });
    plan.cleared += 1;
  }
  return plan;
}

/** A block of cells: its top-left cell and size. */
export interface CellArea {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** The bounding box of a set of changes, or `null` when there are none. */
export function changeBounds(changes: readonly CellPosition[]): CellArea | null {
  if (changes.length === 0) return null;
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = 0;
  let right = 0;
  for (const { row, column } of changes) {
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

/**
 * Stores a record compactly: `{"t":"tab name","p":[palette],"c":{key:[paintedIndex,originalIndex]}}`.
 * About 30 characters per highlighted cell. The tab's name (`t`, when given) lets a run tell which tab
 * a record belongs to without asking every tab for its id.
 */
export function encodeHighlightRecord(record: HighlightRecord, tabName?: string): string {
  const palette: string[] = [];
  const index = (color: string) => {
    let position = palette.indexOf(color);
    if (position < 0) {
      palette.push(color);
      position = palette.length - 1;
    }
    return position;
  };
  const cells: Record<string, [number, number]> = {};
  for (const [key, cell] of Object.entries(record)) cells[key] = [index(cell.painted), index(cell.original)];
  return JSON.stringify(
    tabName === undefined ? { p: palette, c: cells } : { t: tabName, p: palette, c: cells },
  );
}

/** The tab name stored with a record ({@link encodeHighlightRecord}); `null` when there is none or it cannot be read. */
export function decodeHighlightTabName(text: string | null | undefined): string | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as { t?: unknown };
    return typeof data.t === "string" ? data.t : null;
  } catch (_error) {
    return null;
  }
}

/** Reads {@link encodeHighlightRecord}'s text; anything unreadable gives an empty record. */
export function decodeHighlightRecord(text: string | null | undefined): HighlightRecord {
  if (!text) return {};
  try {
    const data = JSON.parse(text) as { p?: unknown; c?: unknown };
    if (!Array.isArray(data.p) || typeof data.c !== "object" || data.c === null) return {};
    const palette = data.p.map((color) => String(color));
    const record: HighlightRecord = {};
    for (const [key, pair] of Object.entries(data.c as Record<string, unknown>)) {
      if (!Array.isArray(pair) || pair.length !== 2) continue;
      const painted = palette[Number(pair[0])];
      const original = palette[Number(pair[1])];
      if (painted !== undefined && original !== undefined) record[key] = { painted, original };
    }
    return record;
  } catch (_error) {
    return {};
  }
}

/** A cell to highlight: where it is, its severity colour and that severity's rank. */
export interface DesiredHighlight extends CellPosition {
  color: string;
  rank: number;
}

/** What one tab's highlights look at, before its backgrounds are read. */
export interface TabHighlightArea {
  /** Cells that breach now, by grid cell key, each with its highest severity's colour. */
  desired: Map<string, DesiredHighlight>;
  /** Where a grid cell key's cell is on the tab now (`undefined` when its metric row or period column is gone). */
  locate(cellKey: string): CellPosition | undefined;
  /** The tab's bookkeeping from the previous run. */
  record: HighlightRecord;
  /** The one block to read and paint: every breaching cell and every cell the scan painted before; `null` when none is on the tab. */
  area: CellArea | null;
}

/**
 * Finds grid cells by key (`metric@YYYY-MM`, {@link gridCellKey}) on a tab: by its metric rows and
 * period columns, without listing every cell of the grid.
 */
function gridLocator(
  tab: Pick<ParsedAccountTab, "metrics" | "periods">,
): (cellKey: string) => CellPosition | undefined {
  const rows = new Map<string, { row: number; columns: number[] }>();
  for (const row of tab.metrics) rows.set(nameKey(row.name), row);
  const periods = new Map<string, number>();
  tab.periods.forEach((period, index) => {
    periods.set(monthKey(period.month), index);
  });
  return (cellKey) => {
    const at = cellKey.lastIndexOf("@");
    const row = rows.get(cellKey.slice(0, at));
    const index = periods.get(cellKey.slice(at + 1));
    return at < 0 || row === undefined || index === undefined
      ? undefined
      : { row: row.row, column: row.columns[index] };
  };
}

/**
 * What a tab's highlights look at: each breaching cell with its highest severity's colour, and the
 * cells the scan painted before (found by metric and month, so they follow inserted rows and
 * columns). `null` when the tab has no breach and no highlight of ours: nothing to read or paint.
 */
export function tabHighlightArea(
  tab: Pick<ParsedAccountTab, "metrics" | "periods">,
  breaches: readonly Pick<Breach, "metric" | "period" | "rule" | "row" | "column" | "offGrid">[],
  record: HighlightRecord,
): TabHighlightArea | null {
  const desired = new Map<string, DesiredHighlight>();
  for (const breach of breaches) {
    // An incident of a month the tab has no column for yet: nothing to paint.
    if (breach.offGrid) continue;
    const cellKey = gridCellKey(breach.metric, breach.period);
    const severity = breach.rule.rule.severity;
    const rank = severityRank(severity);
    const existing = desired.get(cellKey);
    if (!existing || existing.rank < rank)
      desired.set(cellKey, {
        row: breach.row,
        column: breach.column,
        color: SEVERITY_COLORS[severity],
        rank,
      });
  }
  if (desired.size === 0 && Object.keys(record).length === 0) return null;
  const locate = gridLocator(tab);
  const concerned: CellPosition[] = [...desired.values()];
  for (const cellKey of Object.keys(record)) {
    const position = locate(cellKey);
    if (position) concerned.push(position);
  }
  return { desired, locate, record, area: changeBounds(concerned) };
}

/** One tab's planned highlights: the block's new colours and the bookkeeping before and after painting. */
export interface TabHighlightPlan {
  /** New colours of the whole area (`null` = no fill), every cell not changed keeping its own; `null` when nothing changes. */
  colors: (string | null)[][] | null;
  /**
   * Bookkeeping safe to hold while the block is not yet painted: the new record plus the entries of
   * cells about to be given back their colour (so a run stopped before painting still knows them).
   */
  beforePaint: HighlightRecord;
  /** The bookkeeping once painted. */
  afterPaint: HighlightRecord;
  /** Cells newly painted or repainted to another severity. */
  painted: number;
  /** Cells given back their own colour. */
  cleared: number;
}

/**
 * Plans a tab's highlights from the backgrounds of its area as read (`getBackgrounds()` of
 * `area.area`): see {@link planHighlights}.
 */
export function planTabHighlights(
  area: TabHighlightArea,
  backgrounds: readonly (readonly string[])[],
): TabHighlightPlan {
  const block = area.area;
  const currentColor = (position: CellPosition) =>
    block ? normalizeColor(backgrounds[position.row - block.row]?.[position.column - block.column]) : WHITE;
  const plan = planHighlights({
    desired: area.desired,
    locate: area.locate,
    record: area.record,
    currentColor,
  });
  return {
    colors: block && plan.changes.length > 0 ? paintBlock(block, plan.changes, currentColor) : null,
    beforePaint: { ...area.record, ...plan.record },
    afterPaint: plan.record,
    painted: plan.painted,
    cleared: plan.cleared,
  };
}

/**
 * The colours of the area read: each changed cell's new colour, every other cell the colour it has
 * (the changes lie inside the area, which bounds every cell the plan looked at).
 */
function paintBlock(
  area: CellArea,
  changes: readonly BackgroundChange[],
  currentColor: (position: CellPosition) => string,
): (string | null)[][] {
  const colors: (string | null)[][] = [];
  for (let r = 0; r < area.rows; r += 1) {
    const line: (string | null)[] = [];
    for (let c = 0; c < area.columns; c += 1)
      line.push(fill(currentColor({ row: area.row + r, column: area.column + c })));
    colors.push(line);
  }
  for (const change of changes) colors[change.row - area.row][change.column - area.column] = change.color;
  return colors;
}
