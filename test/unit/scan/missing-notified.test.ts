// When each missing value was last mailed: stored compactly, merged with the journal, forgotten once typed in.
import { describe, expect, it } from "vitest";
import {
  decodeMissingNotified,
  encodeMissingNotified,
  mergeMissingNotified,
  pruneMissingNotified,
} from "../../../src/domain/scan/missing-notified";

const at = (iso: string) => new Date(iso);
const missing = (account: string, metric: string, month: number) => ({
  account,
  metric,
  period: { year: 2026, month, day: 1 },
});

describe("missing values mailed", () => {
  it("are stored by key in order and read back with their times", () => {
    const map = new Map([
      ["beta|nps|2026-05", at("2026-06-02T11:00:00Z")],
      ["acme|mau|2026-05", at("2026-06-01T11:00:00Z")],
    ]);
    const text = encodeMissingNotified(map);
    expect(Object.keys(JSON.parse(text ?? "{}"))).toEqual(["acme|mau|2026-05", "beta|nps|2026-05"]);
    expect(decodeMissingNotified(text)).toEqual(map);
  });

  it("store nothing when none is left, and read nothing from unreadable text or values", () => {
    expect(encodeMissingNotified(new Map())).toBeNull();
    expect(decodeMissingNotified("{oops").size).toBe(0);
    expect([...decodeMissingNotified('{"a|b|2026-05":"soon","c|d|2026-05":5}').keys()]).toEqual([
      "c|d|2026-05",
    ]);
  });

  it("take the journal's later sends over the stored times", () => {
    const stored = new Map([["acme|mau|2026-05", at("2026-06-01T11:00:00Z")]]);
    const journal = new Map([["acme|mau|2026-05", at("2026-06-08T11:00:00Z")]]);
    expect(mergeMissingNotified(stored, journal).get("acme|mau|2026-05")).toEqual(at("2026-06-08T11:00:00Z"));
    expect(stored.get("acme|mau|2026-05")).toEqual(at("2026-06-01T11:00:00Z"));
  });

  it("forget a scanned account's value once it is typed in, and keep the rest", () => {
    const map = new Map([
      ["acme|mau|2026-05", at("2026-06-01T11:00:00Z")], // typed in since: forgotten
      ["acme|nps|2026-05", at("2026-06-01T11:00:00Z")], // still missing: kept
      ["beta|mau|2026-05", at("2026-06-01T11:00:00Z")], // Beta not scanned in this run: kept
    ]);
    const pruned = pruneMissingNotified(map, ["ACME"], [missing("Acme", "NPS", 5)]);
    expect([...pruned.keys()]).toEqual(["acme|nps|2026-05", "beta|mau|2026-05"]);
  });
});
