// Who was told what: the journal around each send, and the Last notified and missing values a run records.
import { describe, expect, it } from "vitest";
import { markSent, sendingEntry } from "../../../src/domain/scan/mail-journal";
import { sentNotifications } from "../../../src/domain/scan/sent-notifications";

const digest = (to: string, ids: string[], missing: string[] = []) => ({
  to,
  items: ids.map((id) => ({ id })),
  missing: missing.map((key) => ({ key })),
});

describe("the mail journal around a send", () => {
  it("says `sending` before the send, with what the digest covers, and `sent` after", () => {
    const at = new Date("2026-06-15T11:00:00Z");
    const entry = sendingEntry(digest("a@x.gov", ["ESC-0001"], ["acme|mau|2026-05"]), at);
    expect(entry).toEqual({
      to: "a@x.gov",
      ids: ["ESC-0001"],
      missing: ["acme|mau|2026-05"],
      at: at.getTime(),
      state: "sending",
    });
    const earlier = { ...entry, to: "b@x.gov", state: "sent" as const };
    const journal = markSent([earlier, entry], entry);
    expect(journal.map((item) => [item.to, item.state])).toEqual([
      ["b@x.gov", "sent"],
      ["a@x.gov", "sent"],
    ]);
    expect(entry.state).toBe("sending");
  });
});

describe("sentNotifications", () => {
  it("gives each escalation a digest covered its send time on its first log row, and each missing value the same", () => {
    const first = new Date("2026-06-15T11:00:00Z");
    const second = new Date("2026-06-15T11:00:05Z");
    const records = [
      { id: "ESC-0001", row: 2 },
      { id: "", row: 3 },
      { id: "ESC-0002", row: 4 },
      { id: "ESC-0001", row: 9 }, // a duplicated ID: the first row is the one written
    ];
    const result = sentNotifications(records, [
      { digest: digest("a@x.gov", ["ESC-0001", "ESC-9999"], ["acme|mau|2026-05"]), at: first },
      { digest: digest("b@x.gov", ["ESC-0002"]), at: second },
    ]);
    expect([...result.rows]).toEqual([
      [2, first],
      [4, second],
    ]);
    expect([...result.missing]).toEqual([["acme|mau|2026-05", first]]);
  });
});
