// Renders each digest email in Chromium at a phone's and a laptop's width, saves the screenshots and checks nothing overflows sideways and every item names what it is judged by.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { findChromium, launchChromium } from "./chromium";

/** The widths a digest is read at: a small phone, then a laptop's mail pane. */
export const DIGEST_WIDTHS = [360, 800] as const;

/** How one digest looked at one width. */
export interface DigestScreen {
  /** The email's .html file. */
  file: string;
  width: number;
  /** The page's scroll width: more than `width` means the reader scrolls sideways. */
  scrollWidth: number;
  /** The screenshot written beside the email (`01-dana.reyes-360.png`). */
  screenshot: string;
}

/** A yes/no check as the demo reports it (`passed: null` when it could not be run). */
export interface DigestCheck {
  name: string;
  passed: boolean | null;
  detail: string;
}

/**
 * Opens each `.html` email at each of {@link DIGEST_WIDTHS} in headless Chromium, measures the
 * page's scroll width and saves a full-page screenshot next to the email.
 */
export async function renderDigestScreens(
  htmlFiles: readonly string[],
  browser?: Browser,
): Promise<DigestScreen[]> {
  const own = browser ? null : await launchChromium();
  const chromium = browser ?? (own as Browser);
  const screens: DigestScreen[] = [];
  try {
    for (const width of DIGEST_WIDTHS) {
      const page = await chromium.newPage({ viewport: { width, height: 800 } });
      for (const file of htmlFiles) {
        await page.goto(pathToFileURL(file).href);
        const scrollWidth = await page.evaluate(() =>
          Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        );
        const screenshot = file.replace(/\.html$/, `-${width}.png`);
        await page.screenshot({ path: screenshot, fullPage: true });
        screens.push({ file, width, scrollWidth, screenshot });
      }
      await page.close();
    }
  } finally {
    await own?.close();
  }
  return screens;
}

/**
 * Numbered items of a plain-text digest whose value line (the third line of an item) does not name
 * the metric's target: `99.1% — target at least 99.5%, …` or `22% — threshold below 25%, … · target at least 70%`.
 */
export function itemsWithoutMeasure(text: string): string[] {
  const items = text.split(/\n(?=\d+\. )/).filter((block) => /^\d+\. /.test(block));
  return items
    .filter((block) => !/ — (target |(threshold|rule:) .*· target )/.test(block.split("\n")[2] ?? ""))
    .map((block) => block.split("\n")[1]?.trim() ?? block);
}

/**
 * The demo's digest checks: no digest scrolls sideways at 360 px (nor at 800 px), and each item of
 * each digest names its target, threshold or rule. Screenshots are written beside the emails.
 */
export async function digestChecks(
  emailFiles: readonly string[],
): Promise<{ checks: DigestCheck[]; screenshots: string[] }> {
  const html = emailFiles.filter((file) => file.endsWith(".html"));
  const text = emailFiles.filter((file) => file.endsWith(".txt"));
  const unnamed = text.flatMap((file) => itemsWithoutMeasure(readFileSync(file, "utf8")));
  const measureCheck: DigestCheck = {
    name: "every digest item names its target (and the threshold that fired, with the gap)",
    passed: unnamed.length === 0,
    detail: unnamed.length === 0 ? `${text.length} digests` : `no target: ${unnamed.join("; ")}`,
  };
  if (!findChromium())
    return {
      checks: [
        measureCheck,
        { name: "no digest scrolls sideways at 360 px", passed: null, detail: "Chromium is not installed" },
      ],
      screenshots: [],
    };
  const screens = await renderDigestScreens(html);
  const checks = DIGEST_WIDTHS.map((width): DigestCheck => {
    const wide = screens.filter((screen) => screen.width === width && screen.scrollWidth > width);
    return {
      name: `no digest scrolls sideways at ${width} px`,
      passed: wide.length === 0,
      detail:
        wide.length === 0
          ? `${html.length} digests, screenshots *-${width}.png`
          : wide.map((screen) => `${screen.file}: ${screen.scrollWidth} px wide`).join("; "),
    };
  });
  return { checks: [measureCheck, ...checks], screenshots: screens.map((screen) => screen.screenshot) };
}
