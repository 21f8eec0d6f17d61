// Paints breaching cells by severity: per tab one range, read once and painted once; the run's bookkeeping saved once, before painting.
import { gridCellKey } from "../domain/scan/breach-key";
import type { AccountEvaluation } from "../domain/scan/evaluate-account";
import type { BackgroundChange, CellPosition, HighlightRecord } from "../domain/scan/highlight-plan";
import {
  changeBounds,
  decodeHighlightRecord,
  encodeHighlightRecord,
  normalizeColor,
  planHighlights,
} from "../domain/scan/highlight-plan";
import { asciiJson } from "../domain/scan/property-chunks";
import { SEVERITY_COLORS, severityRank } from "../domain/scan/severity-colors";
import type { ParsedAccountTab } from "../domain/workbook/parse-account-tab";
import type { ScanStore } from "./scan-store";
import { SCAN_PROPERTY } from "./scan-store";

/** How many cells a tab's highlights changed. */
export interface HighlightCounts {
  painted: number;
  cleared: number;
}

/** One tab's planned highlights: what to paint, and the bookkeeping before and after painting. */
export interface TabHighlights extends HighlightCounts {
  /** Property key of the tab's bookkeeping. */
  key: string;
  /** The range read (the cells the plan looks at) and its new colours (`null` = no fill); `null` when nothing changes. */
  paint: { range: GoogleAppsScript.Spreadsheet.Range; colors: (string | null)[][] } | null;
  /**
   * Bookkeeping safe to hold while the block is not yet painted: the new record plus the entries of
   * cells about to be given back their colour (so a run stopped before painting still knows them).
   */
  beforePaint: HighlightRecord;
  /** The bookkeeping once painted. */
  afterPaint: HighlightRecord;
}

/** The property key of a tab's highlight bookkeeping. */
export function highlightKey(sheetId: number): string {
  return `${SCAN_PROPERTY.highlightsPrefix}${sheetId}`;
}

/**
 * Plans a tab's highlights against its breaches: each breaching cell gets its highest severity's
 * colour, cells the scan painted earlier and that no longer breach get their own colour back (unless
 * the user recoloured them since). Reads the backgrounds of the cells concerned once (nothing when
 * the tab has no breach and no highlight of ours); paints nothing: see {@link paintHighlights}.
 * Returns `null` when the tab has nothing to do.
 */
export function planTabHighlights(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  sheetId: number,
  tab: ParsedAccountTab,
  evaluation: AccountEvaluation,
  store: ScanStore,
): TabHighlights | null {
  const key = highlightKey(sheetId);
  const record = decodeHighlightRecord(store.readText(key));
  const desired = new Map<string, CellPosition & { color: string; rank: number }>();
  for (const breach of evaluation.breaches) {
    const cellKey = gridCellKey(breach.metric, breach.period);
    const rank = severityRank(breach.rule.rule.severity);
    const existing = desired.get(cellKey);
    if (!existing || existing.rank < rank)
      desired.set(cellKey, {
        row: breach.row,
        column: breach.column,
        color: SEVERITY_COLORS[breach.rule.rule.severity],
        rank,
      });
  }
  if (desired.size === 0 && Object.keys(record).length === 0) return null;

  const positions = new Map<string, CellPosition>();
  for (const row of tab.metrics)
    tab.periods.forEach((period, index) => {
      positions.set(gridCellKey(row.name, period.month), { row: row.row, column: row.columns[index] });
    });
  // Only the cells the plan looks at: the breaching ones and those the scan painted before.
  const concerned: CellPosition[] = [...desired.values()];
  for (const cellKey of Object.keys(record)) {
    const position = positions.get(cellKey);
    if (position) concerned.push(position);
  }
  const area = changeBounds(concerned);
  const range = area ? sheet.getRange(area.row, area.column, area.rows, area.columns) : null;
  const backgrounds = range ? range.getBackgrounds() : [];
  const currentColor = (position: CellPosition) =>
    area ? normalizeColor(backgrounds[position.row - area.row]?.[position.column - area.column]) : "#ffffff";

  const plan = planHighlights({ desired, locate: (cellKey) => positions.get(cellKey), record, currentColor });
  return {
    key,
    paint:
      range && area && plan.changes.length > 0
        ? { range, colors: paintBlock(area, plan.changes, currentColor) }
        : null,
    beforePaint: { ...record, ...plan.record },
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
  area: { row: number; column: number; rows: number; columns: number },
  changes: readonly BackgroundChange[],
  currentColor: (position: CellPosition) => string,
): (string | null)[][] {
  const colors: (string | null)[][] = [];
  for (let r = 0; r < area.rows; r += 1) {
    const line: (string | null)[] = [];
    for (let c = 0; c < area.columns; c += 1) {
      const color = currentColor({ row: area.row + r, column: area.column + c });
      line.push(color === "#ffffff" ? null : color);
    }
    colors.push(line);
  }
  for (const change of changes) colors[change.row - area.row][change.column - area.column] = change.color;
  return colors;
}

/** The records among `tabs` that differ from what the store holds, as one batch of writes. */
function changedRecords(
  tabs: readonly TabHighlights[],
  store: ScanStore,
  which: "beforePaint" | "afterPaint",
): [string, string | null][] {
  const writes: [string, string | null][] = [];
  for (const tab of tabs) {
    const record = tab[which];
    const encoded = Object.keys(record).length > 0 ? encodeHighlightRecord(record) : null;
    if ((encoded === null ? null : asciiJson(encoded)) !== store.readText(tab.key))
      writes.push([tab.key, encoded]);
  }
  return writes;
}

/**
 * Paints the planned tabs, bookkeeping first: one `setProperties` for every tab's record before any
 * cell is painted (each new highlight's colour-before, and each cell about to get its colour back
 * still listed), then one `setBackgrounds` per tab that changes (on the range its colours were read
 * from), then — only when cells got their colour back — one more write dropping them from the
 * records. A run stopped anywhere in between
 * loses no user colour: an unpainted highlight reads as the colour-before next time, an unrestored
 * cell is still in the record and is restored next time.
 */
export function paintHighlights(tabs: readonly TabHighlights[], store: ScanStore): void {
  const before = changedRecords(tabs, store, "beforePaint");
  if (before.length > 0) store.writeTexts(before);
  for (const tab of tabs) if (tab.paint) tab.paint.range.setBackgrounds(tab.paint.colors);
  const after = changedRecords(tabs, store, "afterPaint");
  if (after.length > 0) store.writeTexts(after);
}
