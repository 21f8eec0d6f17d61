// The scan's state in Document Properties: one snapshot read per run, JSON values split under the 9 KB limit.
import { asciiJson, chunkKeysIn, joinChunks, splitIntoChunks } from "../domain/storage/property-chunks";

/** Document Property keys the scan uses. */
export const SCAN_PROPERTY = {
  /** JSON of the last run's summary (compacted to one value). */
  lastRun: "KPI_STEWARD_LAST_RUN",
  /** The mail journal: digests being or just sent, until their `Last notified` is in the log. */
  mailJournal: "KPI_STEWARD_MAIL_JOURNAL",
  /** Where a pass that ran out of time got to: the tabs done and their accounts. */
  scanCursor: "KPI_STEWARD_SCAN_CURSOR",
  /** Prefix of the highlight bookkeeping of one tab: `KPI_STEWARD_HIGHLIGHTS_<sheetId>` (the tab's name inside). */
  highlightsPrefix: "KPI_STEWARD_HIGHLIGHTS_",
  /** When each missing value was last mailed. */
  missingNotified: "KPI_STEWARD_MISSING_NOTIFIED",
  /** Names of the account tabs of the last complete pass (to refresh the Portfolio when they change). */
  accountTabs: "KPI_STEWARD_ACCOUNT_TABS",
  /** What the scan wrote into account grids from the Incidents tab, by account: `{account: {cell key: value}}`. */
  measuredCells: "KPI_STEWARD_MEASURED_CELLS",
  /** Optional: the time budget of a run in milliseconds (tests and very large workbooks). */
  timeBudgetMs: "KPI_STEWARD_TIME_BUDGET_MS",
  /** The daily trigger's hour and time zone, as installed. */
  scanTrigger: "KPI_STEWARD_SCAN_TRIGGER",
} as const;

/**
 * Document Properties as read once at the start of a run, with JSON values that may span several
 * keys. Writes go through at once (`setProperties` for all pieces of a value, then the stale pieces
 * are deleted), and the snapshot follows them.
 */
export class ScanStore {
  private readonly snapshot: Record<string, string>;

  private readonly properties: GoogleAppsScript.Properties.Properties | null;

  /**
   * Reads the snapshot. With `readOnly` (a preview), writes change only the snapshot, never the
   * document.
   */
  constructor(properties: GoogleAppsScript.Properties.Properties | null, readOnly = false) {
    this.snapshot = properties ? { ...properties.getProperties() } : {};
    this.properties = readOnly ? null : properties;
  }

  /** Every key of the snapshot. */
  keys(): string[] {
    return Object.keys(this.snapshot);
  }

  /** A plain value. */
  get(key: string): string | null {
    return this.snapshot[key] ?? null;
  }

  /** A JSON value (joined from its pieces); `null` when absent or unreadable. */
  readJson<T>(key: string): T | null {
    const text = joinChunks(this.snapshot, key);
    if (text === null) return null;
    try {
      return JSON.parse(text) as T;
    } catch (_error) {
      return null;
    }
  }

  /** The stored text of a JSON value (joined), or `null`. */
  readText(key: string): string | null {
    return joinChunks(this.snapshot, key);
  }

  /** True when storing `text` under `key` would change what is stored (`null`: nothing stored). */
  differs(key: string, text: string | null): boolean {
    return (text === null ? null : asciiJson(text)) !== this.readText(key);
  }

  /** Stores text under `key`, in pieces when long; `null` deletes it. */
  writeText(key: string, text: string | null): void {
    this.writeTexts([[key, text]]);
  }

  /**
   * Stores several values at once: every piece of every value in one `setProperties`, then the stale
   * pieces (and the values set to `null`) deleted one `deleteProperty` each.
   */
  writeTexts(entries: readonly (readonly [string, string | null])[]): void {
    const pieces: Record<string, string> = {};
    const stale: string[] = [];
    for (const [key, text] of entries) {
      const own = text === null ? {} : splitIntoChunks(key, text);
      Object.assign(pieces, own);
      for (const piece of chunkKeysIn(this.snapshot, key)) if (!(piece in own)) stale.push(piece);
    }
    if (this.properties && Object.keys(pieces).length > 0) this.properties.setProperties(pieces);
    for (const piece of stale) {
      this.properties?.deleteProperty(piece);
      delete this.snapshot[piece];
    }
    Object.assign(this.snapshot, pieces);
  }

  /** Stores a JSON value; `null` deletes it. */
  writeJson(key: string, value: unknown): void {
    this.writeText(key, value === null ? null : JSON.stringify(value));
  }
}
