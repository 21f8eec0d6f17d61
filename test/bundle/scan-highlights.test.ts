// Highlights over the built bundle: severity colours on breaching cells, and a user's own colours never lost.
import { describe, expect, it } from "vitest";
import { SEVERITY_COLORS } from "../../src/domain/scan/severity-colors";
import { loadScenario } from "../support/scan-scenario";
import { backgroundOf, paint, typeInto } from "../support/workbook-fixture";

const TAB_NAME = "Dept of Examples";
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

  it("reads each account tab in one getValues and one getBackgrounds, and paints with one setBackgrounds", () => {
    const { env, gas } = loadScenario();
    gas.runScan();
    expect(env.counter.count("Range.getBackgrounds")).toBe(1);
    expect(env.counter.count("Range.setBackgrounds")).toBe(1);
    expect(env.counter.count("Range.setBackground")).toBe(0);
    env.counter.reset();
    gas.runScan();
    // Settings, KPI Catalog, Escalation Rules, Escalation Log, one account tab. (The first run also
    // refreshed the Portfolio, which reads on its own; it runs only when account tabs come or go.)
    expect(env.counter.count("Range.getValues")).toBe(5);
    expect(env.counter.count("Range.getBackgrounds")).toBe(1);
    expect(env.counter.count("Range.setBackgrounds")).toBe(0);
  });
});
