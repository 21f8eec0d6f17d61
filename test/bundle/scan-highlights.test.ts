// Highlights over the built bundle: severity colours on breaching cells, and a user's own colours never lost.
import { describe, expect, it } from "vitest";
import type { GasEnvironment } from "../../emulation/index";
import { SEVERITY_COLORS } from "../../src/domain/scan/severity-colors";
import { examplesAccount, healthyAccount, loadScenario, plain } from "../support/scan-scenario";
import { backgroundOf, paint, typeInto } from "../support/workbook-fixture";

const TAB_NAME = "Dept of Examples";
const SECOND = "Second Agency";
const twoAccounts = [examplesAccount(), examplesAccount({ tab: SECOND, owner: "b.owner@agency.gov" })];

/** Records every counted service call in order, with its arguments. */
function recordCalls(env: GasEnvironment): { name: string; args: unknown[] }[] {
  const calls: { name: string; args: unknown[] }[] = [];
  env.counter.observe((name, _self, args) => calls.push({ name, args }));
  return calls;
}

/** The calls made on one tab's own Sheet and Range objects, in order. */
function callsOnTab(env: GasEnvironment, tab: string): string[] {
  const calls: string[] = [];
  env.counter.observe((name, self) => {
    const object = self as { name?: unknown; sheetId?: unknown; sheet?: { name?: unknown } };
    const owner = typeof object?.sheetId === "number" ? object.name : object?.sheet?.name;
    if (owner === tab) calls.push(name);
  });
  return calls;
}

/** The highlight bookkeeping keys in the Document Properties. */
function highlightKeys(env: GasEnvironment): string[] {
  return Object.keys(env.properties.document.entries()).filter((key) =>
    key.startsWith("KPI_STEWARD_HIGHLIGHTS_"),
  );
}

/** Makes setBackgrounds on one tab throw, as a run stopped (or refused) while painting it would. */
function failPaintingOn(env: GasEnvironment, tab: string): { restore(): void } {
  const sheet = env.counter.uncounted(() => env.spreadsheet.getSheetByName(tab));
  const range = env.counter.uncounted(() => sheet?.getRange(1, 1));
  const proto = Object.getPrototypeOf(range) as { setBackgrounds: (colors: unknown) => unknown };
  const original = proto.setBackgrounds;
  proto.setBackgrounds = function (this: { sheet: { name: string } }, colors: unknown) {
    if (this.sheet.name === tab) throw new Error("Exceeded maximum execution time");
    return original.call(this, colors);
  };
  return {
    restore: () => {
      proto.setBackgrounds = original;
    },
  };
}
// Rows: 9 uptime, 10 MTTR, 11 MAU, 12 Deliverable adherence, 13 Sponsor engagement; columns D Mar, E Apr, F May.

describe("runScan: highlights", () => {
  it("paints each breaching cell of the latest period in its severity's colour and nothing else", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    expect(backgroundOf(env, TAB_NAME, "F9")).toBe(SEVERITY_COLORS.Critical);
    expect(backgroundOf(env, TAB_NAME, "F10")).toBe(SEVERITY_COLORS.Warning);
    expect(backgroundOf(env, TAB_NAME, "F11")).toBe(SEVERITY_COLORS.Watch);
    expect(backgroundOf(env, TAB_NAME, "F13")).toBe(SEVERITY_COLORS.Warning);
    for (const cell of ["F12", "E11", "D9", "A9", "C11", "B13"])
      expect(backgroundOf(env, TAB_NAME, cell)).toBe("#ffffff");
  });

  it("uses the most severe colour when two rules breach on one cell", () => {
    const { env, gas } = loadScenario();
    typeInto(env, TAB_NAME, { F11: 0.2 });
    gas.runScan();
    expect(backgroundOf(env, TAB_NAME, "F11")).toBe(SEVERITY_COLORS.Critical);
  });

  it("gives a cleared cell back the colour the user had given it", () => {
    const { env, gas } = loadScenario();
    paint(env, TAB_NAME, "F9", "#00ff00");
    gas.runScan();
    expect(backgroundOf(env, TAB_NAME, "F9")).toBe(SEVERITY_COLORS.Critical);
    env.setNow("2026-06-16T11:00:00Z");
    gas.runScan(); // still breaching the next day
    typeInto(env, TAB_NAME, { F9: 0.9995 });
    gas.runScan();
    expect(backgroundOf(env, TAB_NAME, "F9")).toBe("#00ff00");
    expect(backgroundOf(env, TAB_NAME, "F11")).toBe(SEVERITY_COLORS.Watch);
  });

  it("leaves a colour the user set after the scan painted the cell", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    paint(env, TAB_NAME, "F11", "#0000ff");
    typeInto(env, TAB_NAME, { F11: 0.5 });
    gas.runScan();
    expect(backgroundOf(env, TAB_NAME, "F11")).toBe("#0000ff");
  });

  it("follows its cells when the user inserts rows above them", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    env.counter.uncounted(() => env.spreadsheet.getSheetByName(TAB_NAME)?.insertRowsBefore(9, 1));
    typeInto(env, TAB_NAME, { F12: 0.5 }); // MAU, now on row 12
    gas.runScan();
    expect(backgroundOf(env, TAB_NAME, "F12")).toBe("#ffffff");
    expect(backgroundOf(env, TAB_NAME, "F11")).toBe(SEVERITY_COLORS.Warning); // MTTR, moved to row 11
    expect(backgroundOf(env, TAB_NAME, "F10")).toBe(SEVERITY_COLORS.Critical);
  });

  it("reads each account tab in one getSheetValues and one getBackgrounds, and paints with one setBackgrounds", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    expect(env.counter.count("Range.getBackgrounds")).toBe(1);
    expect(env.counter.count("Range.setBackgrounds")).toBe(1);
    expect(env.counter.count("Range.setBackground")).toBe(0);
    // The first run also refreshed the Portfolio, from the values the scan had read: the account tab
    // was read once in the whole run.
    expect(env.counter.count("Sheet.getSheetValues")).toBe(1);
    env.counter.reset();
    gas.runScan();
    // Settings, KPI Catalog, Escalation Rules, Escalation Log, and the Portfolio its refresh rewrites
    // (every complete pass); the account tab in one getSheetValues.
    expect(env.counter.count("Range.getValues")).toBe(5);
    expect(env.counter.count("Sheet.getSheetValues")).toBe(1);
    expect(env.counter.count("Sheet.getName")).toBe(env.spreadsheet.getNumSheets());
    expect(env.counter.count("Range.getBackgrounds")).toBe(1);
    expect(env.counter.count("Range.setBackgrounds")).toBe(0);
  });

  it("reads a healthy account tab once on a daily scan: no sheet id, no backgrounds", () => {
    const { env, gas } = loadScenario({ accounts: [examplesAccount(), healthyAccount()] });
    gas.runScan();
    env.setNow("2026-06-16T11:00:00Z");
    const healthy = callsOnTab(env, "Healthy Agency");
    const breaching = callsOnTab(env, TAB_NAME);
    gas.runScan();
    expect(healthy).toEqual(["Sheet.getName", "Sheet.getSheetValues"]);
    // A tab with highlights is asked for its id (its bookkeeping is kept by id) and its backgrounds.
    expect(breaching).toContain("Sheet.getSheetId");
    expect(breaching).toContain("Range.getBackgrounds");
  });

  it("gives a cell its colour back after the user renamed the tab", () => {
    const { env, gas } = loadScenario({ accounts: twoAccounts });
    paint(env, SECOND, "F9", "#00ff00");
    gas.runScan();
    expect(backgroundOf(env, SECOND, "F9")).toBe(SEVERITY_COLORS.Critical);
    env.counter.uncounted(() => env.spreadsheet.getSheetByName(SECOND)?.setName("Second Agency (renamed)"));
    typeInto(env, "Second Agency (renamed)", { F9: 0.9995 });
    env.setNow("2026-06-16T11:00:00Z");
    gas.runScan();
    expect(backgroundOf(env, "Second Agency (renamed)", "F9")).toBe("#00ff00");
    expect(backgroundOf(env, TAB_NAME, "F9")).toBe(SEVERITY_COLORS.Critical);
  });

  it("gives a cell its colour back from bookkeeping saved before tab names were kept in it", () => {
    const { env, gas } = loadScenario({ accounts: twoAccounts });
    paint(env, SECOND, "F9", "#00ff00");
    gas.runScan();
    for (const key of highlightKeys(env)) {
      const { t: _name, ...withoutName } = JSON.parse(env.properties.document.get(key) ?? "{}");
      env.properties.document.seed({ [key]: JSON.stringify(withoutName) });
    }
    typeInto(env, SECOND, { F9: 0.9995 });
    env.setNow("2026-06-16T11:00:00Z");
    gas.runScan();
    expect(backgroundOf(env, SECOND, "F9")).toBe("#00ff00");
    expect(backgroundOf(env, TAB_NAME, "F9")).toBe(SEVERITY_COLORS.Critical);
  });

  it("drops the bookkeeping of a tab the user deleted", () => {
    const { env, gas } = loadScenario({ accounts: twoAccounts });
    gas.runScan();
    const secondId = env.counter.uncounted(() => env.spreadsheet.getSheetByName(SECOND)?.getSheetId());
    expect(highlightKeys(env)).toContain(`KPI_STEWARD_HIGHLIGHTS_${secondId}`);
    env.counter.uncounted(() => {
      const sheet = env.spreadsheet.getSheetByName(SECOND);
      if (sheet) env.spreadsheet.deleteSheet(sheet);
    });
    env.setNow("2026-06-16T11:00:00Z");
    gas.runScan();
    expect(highlightKeys(env)).toHaveLength(1);
    expect(highlightKeys(env)).not.toContain(`KPI_STEWARD_HIGHLIGHTS_${secondId}`);
  });

  it("saves the bookkeeping of every tab in one setProperties before painting any of them", () => {
    const { env, gas } = loadScenario({ accounts: twoAccounts });
    const calls = recordCalls(env);
    gas.runScan();
    const saves = calls.filter(
      (call) =>
        call.name === "Properties.setProperties" &&
        Object.keys(call.args[0] as object).some((key) => key.startsWith("KPI_STEWARD_HIGHLIGHTS_")),
    );
    expect(saves).toHaveLength(1);
    expect(Object.keys(saves[0].args[0] as object)).toHaveLength(2);
    const firstPaint = calls.findIndex((call) => call.name === "Range.setBackgrounds");
    expect(firstPaint).toBeGreaterThan(calls.indexOf(saves[0]));
    expect(calls.filter((call) => call.name === "Range.setBackgrounds")).toHaveLength(2);
  });

  it("loses no user colour when a run stops between saving the bookkeeping and painting a tab", () => {
    const { env, gas } = loadScenario({ accounts: twoAccounts });
    paint(env, SECOND, "F9", "#00ff00");
    const failing = failPaintingOn(env, SECOND);
    expect(plain(gas.runScan()).outcome).toBe("failed");
    failing.restore();
    expect(backgroundOf(env, SECOND, "F9")).toBe("#00ff00"); // not painted yet
    env.setNow("2026-06-16T11:00:00Z");
    gas.runScan();
    expect(backgroundOf(env, SECOND, "F9")).toBe(SEVERITY_COLORS.Critical);
    typeInto(env, SECOND, { F9: 0.9995 });
    gas.runScan();
    expect(backgroundOf(env, SECOND, "F9")).toBe("#00ff00");
  });

  it("still gives a cell its colour back when a run stops after saving the bookkeeping but before restoring it", () => {
    const { env, gas } = loadScenario({ accounts: twoAccounts });
    paint(env, SECOND, "F9", "#00ff00");
    gas.runScan();
    expect(backgroundOf(env, SECOND, "F9")).toBe(SEVERITY_COLORS.Critical);
    typeInto(env, TAB_NAME, { F9: 0.9995 });
    typeInto(env, SECOND, { F9: 0.9995 });
    env.setNow("2026-06-16T11:00:00Z");
    const failing = failPaintingOn(env, SECOND);
    expect(plain(gas.runScan()).outcome).toBe("failed");
    failing.restore();
    expect(backgroundOf(env, TAB_NAME, "F9")).toBe("#ffffff");
    expect(backgroundOf(env, SECOND, "F9")).toBe(SEVERITY_COLORS.Critical); // not restored yet
    env.setNow("2026-06-17T11:00:00Z");
    gas.runScan();
    expect(backgroundOf(env, SECOND, "F9")).toBe("#00ff00");
  });
});
