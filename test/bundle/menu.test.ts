// onOpen builds the SPEC §5–6 menu; every item runs a function the bundle defines, in every auth mode.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import type { MenuEntry } from "../../emulation/ui";

function items(entries: MenuEntry[]): { caption: string; functionName: string }[] {
  return entries.flatMap((e) => (e.kind === "item" ? [e] : e.kind === "submenu" ? items(e.items) : []));
}

describe("the KPI Steward menu", () => {
  it("lists the commands of SPEC §4–6, each naming a global function of build/Code.js", () => {
    const env = createGasEnvironment();
    const gas = loadBundle(env);
    gas.onOpen({ authMode: "NONE" });
    const menu = env.ui.addOnMenu();
    expect(menu).toBeDefined();
    const list = items(menu!.items);
    expect(list.map((i) => i.caption)).toEqual([
      "Open sidebar",
      "Setup workbook…",
      "Scan now",
      "Preview scan",
      "Install daily scan",
      "Remove daily scan",
      "Generate review tab…",
    ]);
    for (const item of list) {
      expect(typeof gas[item.functionName], `${item.caption} → ${item.functionName}`).toBe("function");
      expect(item.functionName.endsWith("_")).toBe(false);
    }
  });

  it("builds the menu without touching the document or properties (AuthMode.NONE)", () => {
    const env = createGasEnvironment();
    const gas = loadBundle(env);
    env.counter.reset();
    gas.onOpen({ authMode: "NONE" });
    const services = Object.keys(env.counter.snapshot()).map((k) => k.split(".")[0]);
    expect(services.filter((s) => !["SpreadsheetApp", "Ui", "Menu"].includes(s))).toEqual([]);
    expect(Object.keys(env.counter.snapshot())).not.toContain("SpreadsheetApp.getActiveSpreadsheet");
  });

  it("onInstall builds the same menu", () => {
    const env = createGasEnvironment();
    const gas = loadBundle(env);
    gas.onInstall({ authMode: "FULL" });
    expect(items(env.ui.addOnMenu()!.items)).toHaveLength(7);
  });

  it.each(["NONE", "LIMITED"])(
    "opening the workbook never fails in AuthMode.%s: the bundle loads and onOpen/onInstall build the menu",
    (authMode) => {
      const env = createGasEnvironment();
      // The project's top level runs in the same mode as onOpen.
      const gas = env.withAuthMode(authMode, () => loadBundle(env));
      env.withAuthMode(authMode, () => {
        gas.onOpen({ authMode });
        gas.onInstall({ authMode });
      });
      expect(env.ui.menus.filter((menu) => menu.addOn)).toHaveLength(2);
      expect(items(env.ui.addOnMenu()!.items)).toHaveLength(7);
      expect(env.logs.messages()).toEqual([]);
    },
  );
});
