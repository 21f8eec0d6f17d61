// Finds and launches Debian's headless Chromium (playwright-core drives it) for the browser tests and the demo's screenshots.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM_PATHS = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

/** The Debian Chromium executable, or `null` when it is not installed. */
export function findChromium(): string | null {
  return CHROMIUM_PATHS.find((path) => existsSync(path)) ?? null;
}

/** The Debian Chromium executable; throws saying how to get it when it is missing. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error(`Chromium not found at ${CHROMIUM_PATHS.join(" or ")}; .ci/run installs it`);
  return found;
}

/** Launches headless Chromium with no network side traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
