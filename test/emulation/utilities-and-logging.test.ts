// Utilities formats dates like Java in a time zone and sleeps on the emulated clock; Logger and console record.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, sheetDate } from "../../emulation/index";

describe("Utilities.formatDate", () => {
  const env = createGasEnvironment();
  const { Utilities } = env.globals;

  it("formats in America/New_York with daylight saving time", () => {
    const summer = new Date("2026-07-04T15:05:09Z");
    const winter = new Date("2026-01-15T04:30:00Z");
    expect(Utilities.formatDate(summer, "America/New_York", "yyyy-MM-dd HH:mm:ss z")).toBe(
      "2026-07-04 11:05:09 EDT",
    );
    expect(Utilities.formatDate(winter, "America/New_York", "yyyy-MM-dd HH:mm z Z")).toBe(
      "2026-01-14 23:30 EST -0500",
    );
  });

  it("supports names, 12-hour clocks, quoted text and ISO offsets", () => {
    const date = new Date("2026-10-01T16:07:00Z");
    expect(Utilities.formatDate(date, "America/New_York", "EEE, MMM d, yyyy h:mm a")).toBe(
      "Thu, Oct 1, 2026 12:07 PM",
    );
    expect(Utilities.formatDate(date, "America/New_York", "EEEE d MMMM yy 'at' HH'h' XXX")).toBe(
      "Thursday 1 October 26 at 12h -04:00",
    );
    expect(Utilities.formatDate(date, "Etc/UTC", "yyyy-MM-dd'T'HH:mm:ssX")).toBe("2026-10-01T16:07:00Z");
  });

  it("reads a sheet date back as the calendar day it shows", () => {
    const cell = sheetDate("2026-03-08", "America/New_York");
    expect(cell.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(Utilities.formatDate(cell, "America/New_York", "yyyy-MM-dd")).toBe("2026-03-08");
  });

  it("rejects a pattern letter Java rejects", () => {
    expect(() => Utilities.formatDate(new Date(), "Etc/UTC", "yyyy-MM-dd q")).toThrow(
      "Illegal pattern character 'q'",
    );
  });
});

describe("Utilities", () => {
  it("sleep moves the emulated clock instead of waiting", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    const started = Date.now();
    env.globals.Utilities.sleep(120_000);
    expect(env.now().toISOString()).toBe("2026-10-01T07:02:00.000Z");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("formats strings the Java way and makes UUIDs and blobs", () => {
    const { Utilities } = createGasEnvironment().globals;
    expect(Utilities.formatString("%s has %d open (%.1f%%)", "Acme", 3, 12.345)).toBe(
      "Acme has 3 open (12.3%)",
    );
    expect(Utilities.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const blob = Utilities.newBlob("héllo", "text/plain", "note.txt");
    expect([blob.getDataAsString(), blob.getName(), blob.getContentType()]).toEqual([
      "héllo",
      "note.txt",
      "text/plain",
    ]);
  });
});

describe("Logger, console and Session", () => {
  it("records log lines instead of printing them", () => {
    const env = createGasEnvironment();
    env.globals.Logger.log("Scanned %s tabs", 3);
    env.globals.console.warn("skipped", { tab: "X" });
    expect(env.globals.Logger.getLog()).toBe("Scanned 3 tabs");
    expect(env.logs.lines.map((line) => [line.source, line.level])).toEqual([
      ["Logger", "log"],
      ["console", "warn"],
    ]);
  });

  it("reports the configured users and time zones", () => {
    const env = createGasEnvironment({
      activeUserEmail: "cs.lead@vendor.com",
      effectiveUserEmail: "owner@vendor.com",
      timeZone: "America/New_York",
    });
    const { Session } = env.globals;
    expect(Session.getActiveUser().getEmail()).toBe("cs.lead@vendor.com");
    expect(Session.getEffectiveUser().getEmail()).toBe("owner@vendor.com");
    expect(Session.getScriptTimeZone()).toBe("America/New_York");
  });
});
