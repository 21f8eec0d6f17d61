// Opens the built sidebar (build/sidebar.html) in headless Chromium at 300 px, wired to the bundle through the bridge.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { BRIDGE_BINDING, scriptRunShimSource } from "./script-run-shim";
import type { ServerBridge } from "./server-bridge";

/** The sidebar's width in Google Sheets. */
export const SIDEBAR_WIDTH = 300;

export { chromiumPath, launchChromium } from "../../scripts/demo/chromium";

/** A sidebar page plus what it did that a test should fail on. */
export interface SidebarPage {
  page: Page;
  /** Alerts, confirms and prompts the page opened (an injected script would show here). */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

/**
 * Loads the real built sidebar into a 300 × 800 page whose google.script.run goes to `bridge`, and
 * waits for the first paint (the account picker filled from `sidebarState`).
 */
export async function openSidebarPage(browser: Browser, bridge: ServerBridge): Promise<SidebarPage> {
  const file = resolve("build", "sidebar.html");
  if (!existsSync(file)) throw new Error(`${file} is missing; run "npm run build" first`);
  const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height: 800 } });
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  // Nothing may reach the network: the sidebar is one self-contained file.
  await page.route(/^https?:/, (route) => route.abort());
  await page.exposeFunction(BRIDGE_BINDING, (name: string, argsJson: string) =>
    bridge.handle(name, argsJson),
  );
  await page.addInitScript(scriptRunShimSource());
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => {
    const picker = document.getElementById("account") as HTMLSelectElement | null;
    return picker !== null && picker.options.length > 0 && document.getElementById("busy")?.hidden === true;
  });
  return { page, dialogs, errors };
}

/** Waits until no server call is in flight (the busy indicator is hidden). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById("busy")?.hidden === true);
}
