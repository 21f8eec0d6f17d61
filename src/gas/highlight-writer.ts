// Paints breaching cells by severity on one account tab: one getBackgrounds and one setBackgrounds, bookkeeping first.
import { gridCellKey } from "../domain/scan/breach-key";
import type { AccountEvaluation } from "../domain/scan/evaluate-account";
import type { CellPosition } from "../domain/scan/highlight-plan";
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

/** The property key of a tab's highlight bookkeeping. */
export function highlightKey(sheetId: number): string {
  return `${SCAN_PROPERTY.highlightsPrefix}${sheetId}`;
}

/**
 * Brings a tab's highlights in line with its breaches: each breaching cell gets its highest
 * severity's colour, cells the scan painted earlier and that no longer breach get their own colour
 * back (unless the user recoloured them since). Reads the period area's backgrounds once; saves the
 * bookkeeping before painting (so a run stopped between the two never loses a user's colour), then
 * writes the changed block once. With `write` false (a preview) nothing is saved or painted.
 */
export function applyHighlights(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  sheetId: number,
  tab: ParsedAccountTab,
  evaluation: AccountEvaluation,
  store: ScanStore,
  write: boolean,
): HighlightCounts {
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
  if (desired.size === 0 && Object.keys(record).length === 0) return { painted: 0, cleared: 0 };

  const positions = new Map<string, CellPosition>();
  for (const row of tab.metrics)
    tab.periods.forEach((period, index) => {
      positions.set(gridCellKey(row.name, period.month), { row: row.row, column: row.columns[index] });
    });
  const area = changeBounds([...positions.values()]);
  const backgrounds = area
    ? sheet.getRange(area.row, area.column, area.rows, area.columns).getBackgrounds()
    : [];
  const currentColor = (position: CellPosition) =>
    area ? normalizeColor(backgrounds[position.row - area.row]?.[position.column - area.column]) : "#ffffff";

  const plan = planHighlights({ desired, locate: (cellKey) => positions.get(cellKey), record, currentColor });
  if (!write) return { painted: plan.painted, cleared: plan.cleared };

  const encoded = Object.keys(plan.record).length > 0 ? encodeHighlightRecord(plan.record) : null;
  if ((encoded === null ? null : asciiJson(encoded)) !== store.readText(key)) store.writeText(key, encoded);
  const bounds = changeBounds(plan.changes);
  if (bounds && area) {
    const block: (string | null)[][] = [];
    for (let r = 0; r < bounds.rows; r += 1) {
      const line: (string | null)[] = [];
      for (let c = 0; c < bounds.columns; c += 1) {
        const color = currentColor({ row: bounds.row + r, column: bounds.column + c });
        line.push(color === "#ffffff" ? null : color);
      }
      block.push(line);
    }
    for (const change of plan.changes)
      block[change.row - bounds.row][change.column - bounds.column] = change.color;
    sheet.getRange(bounds.row, bounds.column, bounds.rows, bounds.columns).setBackgrounds(block);
  }
  return { painted: plan.painted, cleared: plan.cleared };
}
