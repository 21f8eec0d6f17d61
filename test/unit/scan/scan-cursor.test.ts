// The cursor of a pass that spans runs: read back as written, anything unreadable starts a new pass.
import { describe, expect, it } from "vitest";
import { decodeScanCursor, nextScanCursor } from "../../../src/domain/scan/scan-cursor";

const account = (name: string, sheetId: number) => ({
  account: name,
  sheetId,
  tabName: `${name} tab`,
  ownerEmail: `${name.toLowerCase()}@agency.gov`,
});

describe("scan cursor", () => {
  it("is read back as written: the tabs done and the accounts with their tab, id and owner", () => {
    const cursor = nextScanCursor(null, new Date("2026-06-15T11:00:00Z"), [3, 7, 3], [account("Acme", 3)]);
    expect(decodeScanCursor(JSON.stringify(cursor))).toEqual({
      v: 1,
      startedAt: "2026-06-15T11:00:00.000Z",
      done: [3, 7],
      accounts: [["Acme", 3, "Acme tab", "acme@agency.gov"]],
    });
  });

  it("keeps the start of the pass across the runs that continue it", () => {
    const first = nextScanCursor(null, new Date("2026-06-15T11:00:00Z"), [1], []);
    const second = nextScanCursor(first, new Date("2026-06-15T11:05:00Z"), [1, 2], []);
    expect(second.startedAt).toBe("2026-06-15T11:00:00.000Z");
  });

  it("starts a new pass when the stored cursor is missing, unreadable or of another version", () => {
    expect(decodeScanCursor(null)).toBeNull();
    expect(decodeScanCursor("{not json")).toBeNull();
    expect(decodeScanCursor('{"v":2,"done":[],"accounts":[]}')).toBeNull();
    expect(decodeScanCursor('{"v":1,"done":"1,2","accounts":[]}')).toBeNull();
    expect(decodeScanCursor("[1,2]")).toBeNull();
  });

  it("leaves out entries that are not a sheet id or an account", () => {
    const text = JSON.stringify({
      v: 1,
      startedAt: "2026-06-15T11:00:00.000Z",
      done: [1, "2", null, 4],
      accounts: [["Acme", 1, "Acme", "a@x.gov"], ["Beta", "2", "Beta", "b@x.gov"], "Gamma"],
    });
    expect(decodeScanCursor(text)).toMatchObject({
      done: [1, 4],
      accounts: [["Acme", 1, "Acme", "a@x.gov"]],
    });
  });
});
