// Plans cell highlights (pure): paint breaching cells by severity, and undo only what the scan painted itself.

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

/** The bounding box of a set of changes, or `null` when there are none. */
export function changeBounds(
  changes: readonly CellPosition[],
): { row: number; column: number; rows: number; columns: number } | null {
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
 * Stores a record compactly: `{"p":[palette],"c":{key:[paintedIndex,originalIndex]}}`. About 30
 * characters per highlighted cell.
 */
export function encodeHighlightRecord(record: HighlightRecord): string {
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
  return JSON.stringify({ p: palette, c: cells });
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
