// Custom functions never load the server modules; menu commands load them once per execution from build/.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { loadBundle } from "../support/load-bundle";

describe("server modules loaded on demand", () => {
  it("a custom-function call reads no server-modules file", () => {
    const env = createGasEnvironment();
    const gas = loadBundle(env);
    env.counter.reset();
    env.withAuthMode("CUSTOM_FUNCTION", () => gas.HEALTH_SCORE(80, 60, 70, 50));
    expect(env.counter.count("HtmlService.createHtmlOutputFromFile")).toBe(0);
  });

  it("a menu command reads build/server-modules.html once, however many calls follow", () => {
    const env = createGasEnvironment();
    const gas = loadBundle(env);
    env.counter.reset();
    const preview = gas.previewScan();
    gas.previewScan();
    expect(env.counter.count("HtmlService.createHtmlOutputFromFile")).toBe(1);
    expect(JSON.parse(JSON.stringify(preview))).toHaveProperty("accountsScanned");
  });
});
