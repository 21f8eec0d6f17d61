// The daily trigger and the trigger handler over the built bundle: never two triggers, errors recorded, no UI.
import { describe, expect, it } from "vitest";
import { TAB } from "../../src/domain/workbook-schema";
import { loadScenario, plain } from "../support/scan-scenario";
import { typeInto } from "../support/workbook-fixture";

describe("installDailyScan / removeDailyScan", () => {
  it("installs one daily trigger for scheduledScan at the Settings' Scan hour, and a second install adds none", () => {
    const { env, gas } = loadScenario({ settings: { "Scan hour": 6 } });
    const first = plain(gas.installDailyScan());
    expect(first).toMatchObject({ installed: true, hour: 6, timeZone: "America/New_York" });
    const second = plain(gas.installDailyScan());
    expect(second.unchanged).toBe(true);
    expect(env.scriptApp.triggers).toHaveLength(1);
    const [trigger] = env.scriptApp.triggers;
    expect(trigger.handlerFunction).toBe("scheduledScan");
    expect(trigger.schedule).toMatchObject({
      every: "days",
      interval: 1,
      atHour: 6,
      timeZone: "America/New_York",
    });
    expect(env.ui.alerts[0].prompt).toBe(
      "Daily scan installed: every day at 06:00 (America/New_York), set by Settings › Scan hour.",
    );
  });

  it("moves the trigger when the Scan hour changed, still leaving one", () => {
    const { env, gas } = loadScenario();
    gas.installDailyScan();
    const settingsRow = env.counter.uncounted(() =>
      env.spreadsheet
        .getSheetByName(TAB.settings)
        ?.getDataRange()
        .getValues()
        .findIndex((row) => row[0] === "Scan hour"),
    );
    typeInto(env, TAB.settings, { [`B${(settingsRow ?? 0) + 1}`]: 9 });
    const moved = plain(gas.installDailyScan());
    expect(moved.hour).toBe(9);
    expect(env.scriptApp.triggers).toHaveLength(1);
    expect(env.scriptApp.triggers[0].schedule?.atHour).toBe(9);
  });

  it("removes the trigger", () => {
    const { env, gas } = loadScenario();
    gas.installDailyScan();
    const removed = plain(gas.removeDailyScan());
    expect(removed.installed).toBe(false);
    expect(env.scriptApp.triggers).toHaveLength(0);
    expect(env.properties.document.get("KPI_STEWARD_SCAN_TRIGGER")).toBeNull();
    expect(plain(gas.removeDailyScan()).message).toBe("There was no daily scan to remove.");
  });
});

describe("scheduledScan", () => {
  it("scans without a UI and records its summary on the log tab and in Document Properties", () => {
    const { env, gas } = loadScenario();
    env.ui.available = false;
    const summary = plain(gas.scheduledScan({ authMode: "FULL", triggerUid: "1" }));
    expect(summary.newEscalations).toBe(4);
    expect(env.ui.alerts).toHaveLength(0);
    expect(JSON.parse(env.properties.document.get("KPI_STEWARD_LAST_RUN") ?? "{}").message).toBe(
      summary.message,
    );
    const note = env.counter.uncounted(() =>
      env.spreadsheet.getSheetByName(TAB.escalationLog)?.getRange("A1").getNote(),
    );
    expect(note).toBe(summary.message);
  });

  it("records an error instead of failing silently (add-on triggers send no failure email)", () => {
    const { env, gas } = loadScenario();
    env.ui.available = false;
    const sheet = env.counter.uncounted(() => env.spreadsheet.getSheetByName("Dept of Examples"));
    // The scan reads a tab with getSheetValues, and with getDataRange when that fails: both time out.
    const proto = Object.getPrototypeOf(sheet) as {
      getDataRange: () => unknown;
      getSheetValues: (...args: number[]) => unknown;
    };
    const original = proto.getDataRange;
    const originalValues = proto.getSheetValues;
    proto.getDataRange = function (this: { getName(): string }) {
      if (this.getName() === "Dept of Examples") throw new Error("Service Spreadsheets timed out");
      return original.call(this);
    };
    proto.getSheetValues = function (this: { getName(): string }, ...args: number[]) {
      if (this.getName() === "Dept of Examples") throw new Error("Service Spreadsheets timed out");
      return originalValues.apply(this, args);
    };
    try {
      const summary = plain(gas.scheduledScan());
      expect(summary.outcome).toBe("failed");
      expect(summary.error).toBe("Service Spreadsheets timed out");
      const recorded = JSON.parse(env.properties.document.get("KPI_STEWARD_LAST_RUN") ?? "{}");
      expect(recorded.message).toBe("Scan 2026-06-15 07:00: failed: Service Spreadsheets timed out");
    } finally {
      proto.getDataRange = original;
      proto.getSheetValues = originalValues;
    }
    expect(env.lock.holderOf("document")).toBeNull();
  });
});
