// Each demo digest, and a digest of hostile lengths, rendered in Chromium at 360 px and 800 px: nothing scrolls sideways, every item names its target; screenshots under out/.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SentEmail } from "../../emulation/index";
import { runDemo } from "../../scripts/demo";
import { launchChromium } from "../../scripts/demo/chromium";
import { DIGEST_WIDTHS, itemsWithoutMeasure, renderDigestScreens } from "../../scripts/demo/digest-screens";
import { writeEmails } from "../../scripts/demo/write-emails";
import type { Digest, DigestItem } from "../../src/domain/scan/digest-plan";
import { renderDigest } from "../../src/domain/scan/render-digest";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const LONG_WORD = "Interagency-Records-Management-Modernization-Program-Office-".repeat(3);

function item(n: number, extra: Partial<DigestItem> = {}): DigestItem {
  return {
    id: `ESC-${String(n).padStart(4, "0")}`,
    kind: n % 2 === 0 ? "reminder" : "new",
    overdue: n <= 2,
    responseOverdue: n === 2,
    severity: n <= 3 ? "Critical" : n <= 6 ? "Warning" : "Watch",
    account: `${LONG_WORD}${n}`,
    tabName: `Account ${n}`,
    sheetId: 1000 + n,
    metric: "Mean time to remediate (MTTR) - P1 incidents across all regional offices",
    since: "Apr 2026",
    latest: "Oct 2026",
    value: "6 hours",
    measure: "threshold above 4 hours over any rolling 7 days for 3 consecutive periods",
    gap: "2 hours over",
    targetNote: "target at most 4 hours",
    detail:
      "INC-2026-040 Search index rebuild stalled (P1): 9.0 h to remediate, 2026-11-22 22:10 to 2026-11-23 07:10",
    followUp:
      n === 1
        ? {
            label: "Root cause report",
            overdue: true,
            due: {
              clock: { year: 2026, month: 11, day: 20, hour: 0, minute: 0, second: 0 },
              hasTime: false,
              daysFromToday: -3,
              thisYear: 2026,
            },
          }
        : null,
    condition: "above 4 hours",
    action: `Escalate: see https://agency.example.gov/${"x".repeat(180)} and call the PM`,
    due: {
      clock: { year: 2026, month: 12, day: 1, hour: 9, minute: 0, second: 0 },
      hasTime: true,
      daysFromToday: n <= 2 ? -3 : 2,
      thisYear: 2026,
    },
    status: "Acknowledged",
    cell: "AB1234",
    ...extra,
  };
}

describe("digest layout", () => {
  it("renders every demo digest without sideways scrolling at 360 px and 800 px, naming each item's target", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "kpi-digests-"));
    const demo = await runDemo({ outDir, pdf: false });
    const html = demo.emailFiles.filter((file) => file.endsWith(".html"));
    expect(html.length).toBeGreaterThanOrEqual(5);
    const screens = await renderDigestScreens(html, browser);
    expect(screens).toHaveLength(html.length * DIGEST_WIDTHS.length);
    for (const screen of screens)
      expect(screen.scrollWidth, `${screen.file} at ${screen.width}`).toBeLessThanOrEqual(screen.width);
    for (const file of demo.emailFiles.filter((name) => name.endsWith(".txt")))
      expect(itemsWithoutMeasure(readFileSync(file, "utf8")), file).toEqual([]);
  });

  it("keeps a digest of long names, long links and many items inside 360 px; screenshots in out/", async () => {
    const digest: Digest = {
      to: "owner@agency.gov",
      items: Array.from({ length: 8 }, (_, i) => item(i + 1)),
      missing: Array.from({ length: 4 }, (_, i) => ({
        key: `k${i}`,
        account: `${LONG_WORD}${i % 2}`,
        tabName: `Account ${i}`,
        sheetId: 2000 + (i % 2),
        metric: `Customer satisfaction survey response rate ${i}`,
        period: "Oct 2026",
        months: i === 0 ? 3 : 1,
        cell: i === 3 ? null : `P${16 + i}`,
        fromIncidents: i === 1,
      })),
    };
    const rendered = renderDigest(digest, {
      spreadsheetName: `CS Portfolio ${LONG_WORD}`,
      spreadsheetUrl: "https://docs.google.com/spreadsheets/d/abc/edit",
      senderName: "KPI Steward",
      timeZone: "America/New_York",
    });
    const email: SentEmail = {
      to: rendered.to,
      subject: rendered.subject,
      body: rendered.body,
      htmlBody: rendered.htmlBody,
      name: rendered.name,
      cc: "",
      bcc: "",
      replyTo: null,
      noReply: false,
      attachments: 0,
      recipients: [rendered.to],
      sentAt: new Date("2026-11-23T14:00:00Z"),
    };
    const folder = resolve("out", "digest-stress");
    mkdirSync(folder, { recursive: true });
    const files = writeEmails([email], folder, "America/New_York");
    const screens = await renderDigestScreens(
      files.filter((file) => file.endsWith(".html")),
      browser,
    );
    for (const screen of screens)
      expect(screen.scrollWidth, `at ${screen.width} px`).toBeLessThanOrEqual(screen.width);
    writeFileSync(
      join(folder, "README.txt"),
      "Written by test/browser/digest-layout.test.ts: a digest of hostile lengths and its screenshots.\n",
    );
    expect(rendered.body).toContain("Overdue: was due Tue Dec 1, 9:00 AM ET");
  });
});
