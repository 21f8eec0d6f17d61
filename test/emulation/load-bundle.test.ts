// loadBundle runs a folder's .js files with gas-local over the emulation's globals, in a separate realm.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";

const SCRIPT = `
function writeGreeting(name) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet("Hello");
  sheet.getRange(1, 1, 1, 2).setValues([["Hi", name]]);
  return sheet.getRange("A1:B1").getValues()[0].join(" ");
}
function nowIso() { return new Date().toISOString(); }
function localDateIsDate() { return new Date() instanceof Date; }
function cellDateRealm() {
  var value = SpreadsheetApp.getActiveSheet().getRange("A1").getValue();
  return { instanceOfDate: value instanceof Date, tag: Object.prototype.toString.call(value) };
}
function catchRangeError() {
  try { SpreadsheetApp.getActiveSheet().getRange(5000, 1); return "no error"; }
  catch (e) { return (e instanceof Error) + ": " + e.message; }
}
function include_(name) { return "<i>" + name + "</i>"; }
`;

function bundleFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "bundle-"));
  writeFileSync(join(dir, "Code.js"), SCRIPT);
  writeFileSync(join(dir, "sidebar.html"), "<?!= include_('panel') ?>");
  return dir;
}

describe("loadBundle", () => {
  it("runs the folder's global functions against the emulated spreadsheet", () => {
    const env = createGasEnvironment();
    const bundle = loadBundle(env, bundleFolder());
    expect(bundle.writeGreeting("Ada")).toBe("Hi Ada");
    expect(env.spreadsheet.getSheetByName("Hello")?.getRange("B1").getValue()).toBe("Ada");
    expect(env.counter.count("Range.setValues")).toBe(1);
  });

  it("makes the bundle's clock the emulated clock", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    const bundle = loadBundle(env, bundleFolder());
    expect(bundle.nowIso()).toBe("2026-10-01T07:00:00.000Z");
    env.advance(60_000);
    expect(bundle.nowIso()).toBe("2026-10-01T07:01:00.000Z");
    expect(bundle.localDateIsDate()).toBe(true);
  });

  it("runs in another realm: cell dates are Dates only by tag, not by instanceof", () => {
    const env = createGasEnvironment();
    env.spreadsheet.getActiveSheet().getRange("A1").setValue(new Date("2026-01-01T00:00:00Z"));
    const bundle = loadBundle(env, bundleFolder());
    expect(JSON.parse(JSON.stringify(bundle.cellDateRealm()))).toEqual({
      instanceOfDate: false,
      tag: "[object Date]",
    });
  });

  it("throws service errors as the bundle realm's Error", () => {
    const env = createGasEnvironment();
    const bundle = loadBundle(env, bundleFolder());
    expect(bundle.catchRangeError()).toBe(
      "true: The coordinates of the range are outside the dimensions of the sheet.",
    );
  });

  it("lets templates call the bundle's global functions", () => {
    const dir = bundleFolder();
    const env = createGasEnvironment({ htmlDir: dir });
    loadBundle(env, dir);
    expect(env.globals.HtmlService.createTemplateFromFile("sidebar").evaluate().getContent()).toBe(
      "<i>panel</i>",
    );
  });

  it("explains what to do when the folder has no script", () => {
    const empty = mkdtempSync(join(tmpdir(), "empty-"));
    mkdirSync(join(empty, "sub"));
    expect(() => loadBundle(createGasEnvironment(), empty)).toThrow('run "npm run build" first');
  });
});
