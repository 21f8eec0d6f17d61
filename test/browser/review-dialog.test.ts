// The real built review dialog in headless Chromium: picks an account and quarter, generates the review and its CO report.
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { federalWorkbook } from "../../emulation/workbooks/federal-workbook";
import { BRIDGE_BINDING, scriptRunShimSource } from "./script-run-shim";
import { createServerBridge } from "./server-bridge";
import { launchChromium } from "./sidebar-page";

/** The dialog's size in Sheets (src/gas/review/review-dialog.ts). */
const DIALOG = { width: 460, height: 340 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync("out", { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

describe("the Generate review tab dialog", () => {
  it("generates the review of the picked account and quarter, says the CO report comes with it, and the tabs exist", async () => {
    const file = resolve("build", "review-dialog.html");
    if (!existsSync(file)) throw new Error(`${file} is missing; run "npm run build" first`);
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z", timeZone: "America/New_York" });
    federalWorkbook(env);
    const bridge = createServerBridge(loadBundle(env));
    const page = await browser.newPage({ viewport: DIALOG });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route(/^https?:/, (route) => route.abort());
    await page.exposeFunction(BRIDGE_BINDING, (name: string, args: string) => bridge.handle(name, args));
    await page.addInitScript(scriptRunShimSource());
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => !(document.getElementById("generate") as HTMLButtonElement).disabled);
    await page.selectOption("#account", "Sample Agency");
    await page.selectOption("#quarter", "FY26 Q4");
    await page.click("#generate");
    await page.waitForFunction(() => /^Done/.test(document.getElementById("message")?.textContent ?? ""));
    const message = await page.textContent("#message");
    expect(message).toBe(
      "Done: Review FY26 Q4 · Sample Agency. A federal account's CO Report tab is written with its review.",
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: "out/review-dialog.png" });
    expect(env.spreadsheet.getSheetByName("Review FY26 Q4 · Sample Agency")).not.toBeNull();
    expect(env.spreadsheet.getSheetByName("CO Report FY26 Q4 · Sample Agency")).not.toBeNull();
    expect(errors).toEqual([]);
    expect(bridge.violations).toEqual([]);
    await page.close();
  });
});
