// When each missing value was last mailed (KPI_STEWARD_MISSING_NOTIFIED): read, merged, pruned and stored as text.
import { nameKey } from "./breach-key";
import { missingDataKey } from "./digest-plan";
import type { MissingData } from "./missing-data";

/** Missing-value key ({@link missingDataKey}: `account|metric|YYYY-MM`) → when it was last mailed. */
export type MissingNotified = ReadonlyMap<string, Date>;

/** Reads {@link encodeMissingNotified}'s text (key → ms since the epoch); unreadable text or entries are left out. */
export function decodeMissingNotified(text: string | null | undefined): Map<string, Date> {
  const map = new Map<string, Date>();
  if (!text) return map;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (_error) {
    return map;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return map;
  for (const [key, ms] of Object.entries(data as Record<string, unknown>))
    if (typeof ms === "number" && Number.isFinite(ms)) map.set(key, new Date(ms));
  return map;
}

/** The record as stored: keys in order, each with its time in ms; `null` (nothing to store) when empty. */
export function encodeMissingNotified(map: MissingNotified): string | null {
  if (map.size === 0) return null;
  const data: Record<string, number> = {};
  for (const [key, at] of [...map].sort(([a], [b]) => a.localeCompare(b))) data[key] = at.getTime();
  return JSON.stringify(data);
}

/** `base` with the entries of each of `updates` laid over it, later ones winning. */
export function mergeMissingNotified(
  base: MissingNotified,
  ...updates: MissingNotified[]
): Map<string, Date> {
  const merged = new Map(base);
  for (const update of updates) for (const [key, at] of update) merged.set(key, at);
  return merged;
}

/**
 * Forgets the missing values of the accounts scanned in this run that are no longer missing (their
 * value was typed in), so one that goes missing again later is mailed as new. Accounts not scanned
 * keep theirs.
 */
export function pruneMissingNotified(
  map: MissingNotified,
  scannedAccounts: Iterable<string>,
  stillMissing: readonly Pick<MissingData, "account" | "metric" | "period">[],
): Map<string, Date> {
  const scanned = new Set([...scannedAccounts].map(nameKey));
  const current = new Set(stillMissing.map(missingDataKey));
  const kept = new Map<string, Date>();
  for (const [key, at] of map) {
    const account = key.slice(0, key.indexOf("|"));
    if (!scanned.has(account) || current.has(key)) kept.set(key, at);
  }
  return kept;
}
