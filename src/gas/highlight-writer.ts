// Paints breaching cells by severity: per tab one range, read once and painted once; the run's bookkeeping saved once, before painting.
import type { Breach } from "../domain/scan/evaluate-account";
import type { HighlightRecord, TabHighlightPlan } from "../domain/scan/highlight-plan";
import {
  decodeHighlightRecord,
  decodeHighlightTabName,
  encodeHighlightRecord,
  planTabHighlights,
  tabHighlightArea,
} from "../domain/scan/highlight-plan";
import type { ParsedAccountTab } from "../domain/workbook/parse-account-tab";
import type { ScanStore } from "./scan-store";
import { SCAN_PROPERTY } from "./scan-store";
import type { SheetIds } from "./sheet-ids";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One tab's bookkeeping as stored: the tab's name when saved (`null` in records from before names were kept), the record. */
export interface StoredHighlights {
  tabName: string | null;
  record: HighlightRecord;
}

/** Every tab's highlight bookkeeping in the store, by property key (`KPI_STEWARD_HIGHLIGHTS_<sheetId>`). */
export type HighlightBookkeeping = ReadonlyMap<string, StoredHighlights>;

/** How many cells a run's highlights changed. */
export interface HighlightCounts {
  painted: number;
  cleared: number;
}

/** One tab's planned highlights: where they go and what the bookkeeping says before and after painting. */
export interface TabHighlights {
  /** Property key of the tab's bookkeeping. */
  key: string;
  tabName: string;
  /** The range read (the cells the plan looks at); `null` when none of them is on the tab. */
  range: GoogleAppsScript.Spreadsheet.Range | null;
  plan: TabHighlightPlan;
}

/** The property key of a tab's highlight bookkeeping. */
export function highlightKey(sheetId: number): string {
  return `${SCAN_PROPERTY.highlightsPrefix}${sheetId}`;
}

/** Reads every tab's highlight bookkeeping from the store's snapshot (no service call). */
export function readHighlightBookkeeping(store: ScanStore): HighlightBookkeeping {
  const bookkeeping = new Map<string, StoredHighlights>();
  for (const key of store.keys()) {
    if (!key.startsWith(SCAN_PROPERTY.highlightsPrefix) || key.includes("~")) continue;
    const text = store.readText(key);
    bookkeeping.set(key, { tabName: decodeHighlightTabName(text), record: decodeHighlightRecord(text) });
  }
  return bookkeeping;
}

/**
 * Learns the sheet id of every tab that has highlight bookkeeping, asking as few tabs as possible:
 * the tabs whose name a record carries, then — only while a record is still without its tab (a tab
 * renamed or deleted since, a record from before names were kept) — the other tabs in order. Returns
 * the keys of the records whose tab is gone: every tab was asked, none has their id.
 */
export function findHighlightedTabs(
  tabs: readonly { sheet: Sheet; name: string }[],
  bookkeeping: HighlightBookkeeping,
  ids: SheetIds,
): string[] {
  if (bookkeeping.size === 0) return [];
  const names = new Set<string>();
  for (const stored of bookkeeping.values()) if (stored.tabName !== null) names.add(stored.tabName);
  for (const tab of tabs) if (names.has(tab.name)) ids.of(tab.sheet);
  const unmatched = new Set(bookkeeping.keys());
  for (const tab of tabs) {
    const id = ids.known(tab.sheet);
    if (id !== undefined) unmatched.delete(highlightKey(id));
  }
  for (const tab of tabs) {
    if (unmatched.size === 0) break;
    if (ids.known(tab.sheet) === undefined) unmatched.delete(highlightKey(ids.of(tab.sheet)));
  }
  return [...unmatched];
}

/**
 * Plans one tab's highlights against its breaches (`tabHighlightArea`, `planTabHighlights`): reads
 * the backgrounds of the cells concerned once; paints nothing (see {@link paintHighlights}). Returns
 * `null`, having made no call, when the tab has no breach and no highlight of ours: its id then is
 * not needed either (a tab with bookkeeping has its id known from {@link findHighlightedTabs}).
 */
export function planTabPaint(
  sheet: Sheet,
  tabName: string,
  tab: ParsedAccountTab,
  breaches: readonly Breach[],
  bookkeeping: HighlightBookkeeping,
  ids: SheetIds,
): TabHighlights | null {
  const knownId = ids.known(sheet);
  const stored = knownId === undefined ? undefined : bookkeeping.get(highlightKey(knownId));
  const area = tabHighlightArea(tab, breaches, stored?.record ?? {});
  if (!area) return null;
  const key = highlightKey(ids.of(sheet));
  const block = area.area;
  const range = block ? sheet.getRange(block.row, block.column, block.rows, block.columns) : null;
  const plan = planTabHighlights(area, range ? range.getBackgrounds() : []);
  return { key, tabName, range, plan };
}

/** The records among `tabs` that differ from what the store holds, as one batch of writes. */
function changedRecords(
  tabs: readonly TabHighlights[],
  store: ScanStore,
  which: "beforePaint" | "afterPaint",
): [string, string | null][] {
  const writes: [string, string | null][] = [];
  for (const tab of tabs) {
    const record = tab.plan[which];
    const encoded = Object.keys(record).length > 0 ? encodeHighlightRecord(record, tab.tabName) : null;
    if (store.differs(tab.key, encoded)) writes.push([tab.key, encoded]);
  }
  return writes;
}

/**
 * Paints the planned tabs, bookkeeping first: one `setProperties` for every tab's record before any
 * cell is painted (each new highlight's colour-before, and each cell about to get its colour back
 * still listed), then one `setBackgrounds` per tab that changes (on the range its colours were read
 * from), then — only when cells got their colour back — one more write dropping them from the
 * records. A run stopped anywhere in between loses no user colour: an unpainted highlight reads as
 * the colour-before next time, an unrestored cell is still in the record and is restored next time.
 */
export function paintHighlights(tabs: readonly TabHighlights[], store: ScanStore): void {
  const before = changedRecords(tabs, store, "beforePaint");
  if (before.length > 0) store.writeTexts(before);
  for (const tab of tabs) if (tab.range && tab.plan.colors) tab.range.setBackgrounds(tab.plan.colors);
  const after = changedRecords(tabs, store, "afterPaint");
  if (after.length > 0) store.writeTexts(after);
}
