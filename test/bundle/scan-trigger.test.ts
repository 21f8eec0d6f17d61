// The daily trigger and the trigger handler over the built bundle: never two triggers, errors recorded, no UI.
import { describe, expect, it } from "vitest";
import { type GasEnvironment, SCOPE } from "../../emulation/index";
import { TAB } from "../../src/domain/workbook-schema";
import { loadScenario, plain } from "../support/scan-scenario";
import { typeInto, workbookSnapshot } from "../support/workbook-fixture";

const TRIGGER_PROPERTY = "KPI_STEWARD_SCAN_TRIGGER";

/** A daily `scheduledScan` trigger made elsewhere: another document, the editor's Triggers page, a lost record. */
function foreignScanTrigger(env: GasEnvironment, documentId: string) {
  return env.scriptApp.add({
    handlerFunction: "scheduledScan",
    ownerEmail: env.context.effectiveUserEmail,
    documentId,
  });
}

function storedTrigger(env: GasEnvironment): { id: string; spreadsheetId: string } | null {
  return JSON.parse(env.properties.document.get(TRIGGER_PROPERTY) ?? "null");
}

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

  it("finds its trigger by the stored unique ID when only getProjectTriggers lists it", () => {
    const { env, gas } = loadScenario();
    gas.installDailyScan();
    const [trigger] = env.scriptApp.triggers;
    expect(storedTrigger(env)?.id).toBe(trigger.id);
    const { ScriptApp, SpreadsheetApp } = env.globals;
    expect(ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet())).toHaveLength(0);
    expect(plain(gas.installDailyScan()).unchanged).toBe(true);
    expect(plain(gas.removeDailyScan()).message).toBe(
      "Daily scan removed. Scan now still works from the menu.",
    );
    expect(env.scriptApp.triggers).toEqual([]);
  });

  it("keeps one trigger over repeated installs where both lists show it", () => {
    const { env, gas } = loadScenario();
    env.scriptApp.userTriggersIncludeTimeDriven = true;
    gas.installDailyScan();
    gas.installDailyScan();
    expect(plain(gas.installDailyScan()).unchanged).toBe(true);
    expect(env.scriptApp.triggers).toHaveLength(1);
    gas.removeDailyScan();
    expect(env.scriptApp.triggers).toEqual([]);
  });

  it("with a stale stored ID (the trigger was deleted elsewhere), installs one and removing says there is none", () => {
    const { env, gas } = loadScenario();
    env.properties.document.seed({
      [TRIGGER_PROPERTY]: JSON.stringify({
        id: "7399999999",
        hour: 7,
        timeZone: "America/New_York",
        spreadsheetId: env.spreadsheet.getId(),
      }),
    });
    expect(plain(gas.installDailyScan()).message).toBe(
      "Daily scan installed: every day at 07:00 (America/New_York), set by Settings › Scan hour.",
    );
    expect(env.scriptApp.triggers).toHaveLength(1);
    expect(storedTrigger(env)?.id).toBe(env.scriptApp.triggers[0].id);
    env.scriptApp.clear(); // deleted on the editor's Triggers page
    expect(plain(gas.removeDailyScan()).message).toBe("There was no daily scan to remove.");
    expect(env.properties.document.get(TRIGGER_PROPERTY)).toBeNull();
  });

  it("in a container-bound copy, takes over a daily scan whose record was lost: never two, and removable", () => {
    const { env, gas } = loadScenario({}, { addOnTriggerRules: false }); // installation source NONE
    const lost = foreignScanTrigger(env, env.spreadsheet.getId());
    gas.installDailyScan();
    expect(env.scriptApp.triggers).toHaveLength(1);
    expect(env.scriptApp.triggers[0].id).not.toBe(lost.id);
    env.properties.document.clear();
    foreignScanTrigger(env, env.spreadsheet.getId());
    expect(plain(gas.removeDailyScan()).message).toBe(
      "Daily scan removed. Scan now still works from the menu.",
    );
    expect(env.scriptApp.triggers).toEqual([]);
  });

  it("as an add-on, leaves the daily scans of other documents alone", () => {
    const { env, gas } = loadScenario();
    const otherDocuments = foreignScanTrigger(env, "1AnotherSpreadsheetUsingTheAddOn000000000000");
    gas.installDailyScan();
    expect(env.scriptApp.triggers.map((t) => t.id)).toEqual([otherDocuments.id, storedTrigger(env)?.id]);
    expect(plain(gas.installDailyScan()).unchanged).toBe(true);
    gas.removeDailyScan();
    expect(env.scriptApp.triggers.map((t) => t.id)).toEqual([otherDocuments.id]);
  });

  it("in a copy of a file whose record names the original's trigger, neither keeps nor removes that trigger", () => {
    const { env, gas } = loadScenario();
    const original = foreignScanTrigger(env, "1TheOriginalSpreadsheetOfThisCopy00000000000");
    env.properties.document.seed({
      [TRIGGER_PROPERTY]: JSON.stringify({
        id: original.id,
        hour: 7,
        timeZone: "America/New_York",
        spreadsheetId: "1TheOriginalSpreadsheetOfThisCopy00000000000",
      }),
    });
    expect(plain(gas.removeDailyScan()).message).toBe("There was no daily scan to remove.");
    expect(env.scriptApp.triggers.map((t) => t.id)).toEqual([original.id]);
    expect(plain(gas.installDailyScan()).unchanged).toBeUndefined();
    expect(env.scriptApp.triggers).toHaveLength(2);
    expect(storedTrigger(env)?.spreadsheetId).toBe(env.spreadsheet.getId());
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

  it("stops cleanly and records it when the add-on needs authorization again after an update", () => {
    const { env, gas } = loadScenario(
      {},
      { grantedScopes: [SCOPE.spreadsheetsCurrentOnly, SCOPE.containerUi, SCOPE.sendMail, SCOPE.scriptApp] },
    );
    env.ui.available = false;
    const before = workbookSnapshot(env);
    const summary = plain(gas.scheduledScan({ authMode: "FULL", triggerUid: "1" }));
    expect(summary.outcome).toBe("needs-authorization");
    expect(summary.authorizationUrl).toMatch(/^https:\/\/script\.google\.com\/macros\/d\/.+\/authorize$/);
    expect(summary.message).toBe(
      "Scan 2026-06-15 07:00: not run: KPI Steward needs your authorization again (an update asks for a new " +
        "permission); open the spreadsheet and choose Extensions › KPI Steward › Scan now to authorize it " +
        `(or visit ${summary.authorizationUrl}); the daily scan resumes after that`,
    );
    expect(env.logs.messages()).toContain(`KPI Steward: ${summary.message}`);
    const recorded = JSON.parse(env.properties.document.get("KPI_STEWARD_LAST_RUN") ?? "{}");
    expect(recorded).toMatchObject({ outcome: "needs-authorization", message: summary.message });
    expect(workbookSnapshot(env)).toBe(before);
    expect(env.mail.sent).toEqual([]);

    env.scopes.setGranted(null); // the user authorized from the menu
    expect(plain(gas.scheduledScan()).outcome).toBe("complete");
  });
});
