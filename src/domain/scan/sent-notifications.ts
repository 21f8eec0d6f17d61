// What the digests sent in a run record: the Escalation Log rows whose Last notified they set, the missing values they covered.
import type { EscalationRecord } from "./escalation-plan";

/** Who was told what, ready to write: log row → Last notified, missing-value key → when mailed. */
export interface SentNotifications {
  /** 1-based Escalation Log row → when its escalation was mailed. */
  rows: Map<number, Date>;
  /** Missing-value key → when it was mailed. */
  missing: Map<string, Date>;
  /** 1-based Escalation Log row → the addresses its escalation was mailed to, in send order. */
  recipients: Map<number, string[]>;
}

/**
 * The notifications of the digests sent: each escalation a digest covered (listed or only counted)
 * gets the digest's send time as `Last notified` on its log row (the first row with that ID), and
 * each missing value it covered the same time.
 */
export function sentNotifications(
  records: readonly Pick<EscalationRecord, "id" | "row">[],
  sent: readonly {
    digest: { to: string; items: readonly { id: string }[]; missing: readonly { key: string }[] };
    at: Date;
  }[],
): SentNotifications {
  const rowOfId = new Map<string, number>();
  for (const record of records)
    if (record.id !== "" && !rowOfId.has(record.id)) rowOfId.set(record.id, record.row);
  const result: SentNotifications = { rows: new Map(), missing: new Map(), recipients: new Map() };
  for (const { digest, at } of sent) {
    for (const item of digest.items) {
      const row = rowOfId.get(item.id);
      if (row === undefined) continue;
      result.rows.set(row, at);
      const told = result.recipients.get(row) ?? [];
      if (!told.includes(digest.to)) told.push(digest.to);
      result.recipients.set(row, told);
    }
    for (const missing of digest.missing) result.missing.set(missing.key, at);
  }
  return result;
}
