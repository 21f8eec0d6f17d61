// The record of digests being sent, kept outside the sheet so a run that dies mid-send never mails anything twice.

/** One digest: which escalations and missing values it covers, and whether the send finished. */
export interface JournalEntry {
  to: string;
  /** Escalation IDs in the digest. */
  ids: string[];
  /** Missing-data keys in the digest. */
  missing: string[];
  /** When the send started (ms since the epoch). */
  at: number;
  /**
   * `sending`: written just before `sendEmail`; a run that stopped here may or may not have sent it,
   * and it is counted as sent (never twice beats once more). `sent`: `sendEmail` returned.
   */
  state: "sending" | "sent";
}

/** What earlier digests covered, to be written into the log. */
export interface JournalNotifications {
  /** Escalation ID → when it was mailed. */
  escalations: Map<string, Date>;
  /** Missing-data key → when it was mailed. */
  missing: Map<string, Date>;
  /** Digests whose send was interrupted: delivery unknown, treated as sent. */
  uncertain: JournalEntry[];
}

/** What a journal entry records of a digest: who, which escalations, which missing values. */
export interface JournaledDigest {
  to: string;
  items: readonly { id: string }[];
  missing: readonly { key: string }[];
}

/** The entry written just before a digest's `sendEmail`: state `sending`, at the time the send starts. */
export function sendingEntry(digest: JournaledDigest, at: Date): JournalEntry {
  return {
    to: digest.to,
    ids: digest.items.map((item) => item.id),
    missing: digest.missing.map((item) => item.key),
    at: at.getTime(),
    state: "sending",
  };
}

/** The journal once `entry`'s `sendEmail` has returned: that entry `sent`, the others as they were. */
export function markSent(journal: readonly JournalEntry[], entry: JournalEntry): JournalEntry[] {
  return journal.map((item) => (item === entry ? { ...item, state: "sent" } : item));
}

/** The journal as property text (compact keys). */
export function encodeJournal(entries: readonly JournalEntry[]): string {
  return JSON.stringify(
    entries.map((entry) => ({ t: entry.to, i: entry.ids, m: entry.missing, a: entry.at, s: entry.state })),
  );
}

/** Reads {@link encodeJournal}'s text; unreadable text gives no entries. */
export function decodeJournal(text: string | null | undefined): JournalEntry[] {
  if (!text) return [];
  try {
    const data = JSON.parse(text) as unknown;
    if (!Array.isArray(data)) return [];
    return data
      .filter((item) => typeof item === "object" && item !== null)
      .map((item: Record<string, unknown>) => ({
        to: String(item.t ?? ""),
        ids: Array.isArray(item.i) ? item.i.map(String) : [],
        missing: Array.isArray(item.m) ? item.m.map(String) : [],
        at: Number(item.a) || 0,
        state: item.s === "sent" ? "sent" : "sending",
      }));
  } catch (_error) {
    return [];
  }
}

/** Folds journal entries into the latest notification time of each escalation and missing value. */
export function journalNotifications(entries: readonly JournalEntry[]): JournalNotifications {
  const result: JournalNotifications = { escalations: new Map(), missing: new Map(), uncertain: [] };
  const note = (map: Map<string, Date>, key: string, at: number) => {
    const previous = map.get(key);
    if (!previous || previous.getTime() < at) map.set(key, new Date(at));
  };
  for (const entry of entries) {
    for (const id of entry.ids) note(result.escalations, id, entry.at);
    for (const key of entry.missing) note(result.missing, key, entry.at);
    if (entry.state === "sending") result.uncertain.push(entry);
  }
  return result;
}
