// The real built sidebar in headless Chromium, its google.script.run wired to the built Code.js over the emulation.
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment } from "../../emulation/index";
import { type BundleContext, loadBundle } from "../../emulation/load-bundle";
import { COLUMNS } from "../../src/domain/workbook-schema";
import { buildSampleWorkbook, HOSTILE_METRIC, TODAY } from "./sample-workbook";
import { createServerBridge, type ServerBridge } from "./server-bridge";
import { launchChromium, openSidebarPage, SIDEBAR_WIDTH, type SidebarPage, settled } from "./sidebar-page";

const USER = "cs.lead@northai.example";

interface Session extends SidebarPage {
  env: GasEnvironment;
  gas: BundleContext;
  bridge: ServerBridge;
}

let browser: Browser;
let session: Session | null = null;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync("out", { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  if (!session) return;
  const { page, dialogs, errors, bridge } = session;
  session = null;
  await page.close();
  // Whatever the test did: no script from cell text ran, the page threw nothing, no Date crossed.
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(bridge.violations).toEqual([]);
});

/** A fresh workbook, bundle and sidebar page; `prepare` changes the workbook before the sidebar opens. */
async function openSidebar(prepare?: (env: GasEnvironment) => void): Promise<Session> {
  const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY, activeUserEmail: USER });
  buildSampleWorkbook(env);
  prepare?.(env);
  const gas = loadBundle(env);
  const bridge = createServerBridge(gas);
  const sidebar = await openSidebarPage(browser, bridge);
  session = { env, gas, bridge, ...sidebar };
  return session;
}

function tab(env: GasEnvironment, name: string) {
  const sheet = env.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

function rowsOf(env: GasEnvironment, name: string): unknown[][] {
  const sheet = env.spreadsheet.getSheetByName(name);
  return sheet ? sheet.getDataRange().getValues() : [];
}

function isoDay(value: unknown): string {
  return Object.prototype.toString.call(value) === "[object Date]"
    ? new Date(value as Date).toLocaleDateString("en-CA", { timeZone: "America/New_York" })
    : `not a date: ${String(value)}`;
}

async function showPanel(
  page: Page,
  name: "KPIs" | "Values" | "Review" | "Escalations" | "Incidents",
): Promise<void> {
  await page.getByRole("tab", { name, exact: true }).click();
  await settled(page);
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.body.scrollWidth]);
  expect(Math.max(...widths)).toBeLessThanOrEqual(SIDEBAR_WIDTH);
}

function formMessage(page: Page, formId: string) {
  return page.locator(`#${formId} .form-message`);
}

describe("the sidebar opened from the menu", () => {
  it("opens on the active account tab and every panel fits 300 px without horizontal scrolling", async () => {
    const { page, env, gas } = await openSidebar();
    gas.showSidebar();
    expect(env.ui.sidebars().length).toBe(1);

    await expect.poll(() => page.locator("#account").inputValue()).toBe("Acme");
    await noHorizontalScroll(page);
    for (const name of ["Values", "Review", "Escalations", "Incidents", "KPIs"] as const) {
      await showPanel(page, name);
      await expect.poll(() => page.getByRole("tabpanel").count()).toBe(1);
      await noHorizontalScroll(page);
    }
    // Keyboard: arrow keys move between tabs and show their panel.
    await page.getByRole("tab", { name: "KPIs" }).focus();
    await page.keyboard.press("ArrowRight");
    await settled(page);
    expect(await page.getByRole("tab", { selected: true }).textContent()).toBe("Values");
    expect(await page.locator("#panel-values").isVisible()).toBe(true);
  });

  it("says so when the active sheet is not an account tab and lets the user pick one", async () => {
    const { page } = await openSidebar((env) => tab(env, "KPI Catalog").activate());
    await expect
      .poll(() => page.locator("#account-notice").textContent())
      .toContain('"KPI Catalog" is not an account tab');
    await showPanel(page, "Values");
    expect(await page.locator("#values-rows").textContent()).toContain("Pick an account tab");
    await page.locator("#account").selectOption("Beacon");
    await settled(page);
    await expect
      .poll(() => page.locator("#values-period-hint").textContent())
      .toContain("Beacon Health Office");
    expect(await page.getByLabel("System uptime").count()).toBe(1);
  });
});

describe("Contract KPIs panel", () => {
  it("shows the parser's message under a bad condition, writes nothing, then saves the KPI and its rules", async () => {
    const { page, env } = await openSidebar();
    const catalogBefore = rowsOf(env, "KPI Catalog");

    await page.getByLabel("Metric", { exact: true }).fill("Incident response time");
    await page.getByLabel("Category").selectOption("Contract-facing");
    await page.getByLabel("CLIN / QASP ref").fill("QASP 4.2");
    await page.getByLabel("Definition").fill("Time to first response on P1 incidents");
    await page.getByLabel("Target").fill("at most 4 hours");
    await expect.poll(() => page.locator("#kpi-target-hint").textContent()).toContain("at most 4 hours");
    await page.getByLabel("CPARS area").selectOption("Schedule");
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.locator("#kpi-rule-0-severity").selectOption("Critical");
    await page.locator("#kpi-rule-0-condition").fill("above fourty hours");
    // Checked as the user types: the message points at the word.
    await expect
      .poll(() => page.locator("#kpi-rule-0-condition-error").textContent())
      .toMatch(/^Condition: could not read "fourty"/);
    await page.locator("#kpi-rule-0-action").fill("Call the agency PM");
    await page.locator("#kpi-rule-0-respondWithin").fill("24 hours");
    await page.getByRole("button", { name: "Save KPI" }).click();
    await expect.poll(() => formMessage(page, "kpi-form").textContent()).toContain("Nothing was saved");
    expect(await page.locator("#kpi-rule-0-condition").getAttribute("aria-invalid")).toBe("true");
    expect(rowsOf(env, "KPI Catalog")).toEqual(catalogBefore);
    expect(env.spreadsheet.getSheetByName("Audit Log")).toBeNull();

    await page.locator("#kpi-rule-0-condition").fill("above 8 hours for 2 consecutive periods");
    await expect.poll(() => page.locator("#kpi-rule-0-condition-error").textContent()).toBe("");
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.locator("#kpi-rule-1-condition").fill("misses target");
    await page.locator("#kpi-rule-1-fromMonth").fill("3");
    await page.locator("#kpi-rule-1-action").fill("Root-cause note to the CO");
    await page.getByRole("button", { name: "Save KPI" }).click();
    await settled(page);
    await expect
      .poll(() => formMessage(page, "kpi-form").textContent())
      .toContain('Saved "Incident response time"');

    const catalog = rowsOf(env, "KPI Catalog");
    expect(catalog[catalog.length - 1]).toEqual([
      "Incident response time",
      "Contract-facing",
      "QASP 4.2",
      "Time to first response on P1 incidents",
      "at most 4 hours",
      "",
      "Monthly",
      "Schedule",
    ]);
    const rules = rowsOf(env, "Escalation Rules").filter((row) => row[0] === "Incident response time");
    expect(rules).toEqual([
      [
        "Incident response time",
        "Critical",
        "above 8 hours for 2 consecutive periods",
        "",
        "Call the agency PM",
        "24 hours",
      ],
      [
        "Incident response time",
        "Warning",
        "misses target",
        3,
        "Root-cause note to the CO",
        "5 business days",
      ],
    ]);
    const audit = rowsOf(env, "Audit Log");
    expect(audit.slice(1).map((row) => [row[1], row[2]])).toEqual([
      [USER, "Add KPI"],
      [USER, "Add escalation rule"],
      [USER, "Add escalation rule"],
    ]);
    expect(audit[1][3]).toBe(`'KPI Catalog'!A${catalog.length}:H${catalog.length}`);
    // The picker now lists the new metric, selected.
    expect(await page.locator("#kpi-pick").inputValue()).toBe("Incident response time");
    await noHorizontalScroll(page);
    await page.screenshot({ path: "out/sidebar-kpis.png", fullPage: true });
  });

  it("edits an existing metric: changes its target and removes a rule", async () => {
    const { page, env } = await openSidebar();
    await page.locator("#kpi-pick").selectOption("System uptime");
    await settled(page);
    expect(await page.getByLabel("Target").inputValue()).toBe("at least 99.5%");
    expect(await page.locator("#kpi-rules [data-rule]").count()).toBe(2);
    await page.getByLabel("Target").fill("at least 99.9%");
    await page.getByRole("button", { name: "Remove rule 2" }).click();
    await page.getByRole("button", { name: "Save KPI" }).click();
    await settled(page);
    await expect.poll(() => formMessage(page, "kpi-form").textContent()).toContain('Saved "System uptime"');
    expect(rowsOf(env, "KPI Catalog")[1][4]).toBe("at least 99.9%");
    expect(rowsOf(env, "Escalation Rules").filter((row) => row[0] === "System uptime")).toEqual([
      ["System uptime", "Warning", "below 99.5%", "", "Root-cause report to the CO", "5 business days"],
    ]);
    expect(rowsOf(env, "Audit Log").map((row) => row[2])).toEqual([
      "Action",
      "Edit KPI",
      "Delete escalation rule",
    ]);
  });
});

describe("Contract KPIs panel: Segment, Escalate to, Reaches CO", () => {
  /** The sample's rules with the columns a workbook set up after segments and roles has. */
  const withRouting = (env: GasEnvironment) =>
    env.sheetFromRows("Escalation Rules", [
      [
        "Metric",
        "Severity",
        "Condition",
        "From month",
        "Action",
        "Respond within",
        "Segment",
        "Escalate to",
        "Reaches CO",
      ],
      [
        "System uptime",
        "Warning",
        "below 99.5%",
        "",
        "Root-cause report to the CO",
        "5 business days",
        "",
        "",
        "",
      ],
      [
        "System uptime",
        "Critical",
        "below 99%",
        "",
        "Call the agency PM",
        "24 hours",
        "Federal",
        "Revenue Lead",
        "Yes",
      ],
    ]);

  it("checks Escalate to as the user types, then saves each rule's routing with its own row", async () => {
    const { page, env } = await openSidebar(withRouting);
    await page.locator("#kpi-pick").selectOption("System uptime");
    await settled(page);
    expect(await page.locator("#kpi-rule-1-escalateTo").inputValue()).toBe("Revenue Lead");
    expect(await page.locator("#kpi-rule-1-reachesCo").inputValue()).toBe("Yes");
    expect(await page.locator("#kpi-rule-1-segment").inputValue()).toBe("Federal");

    await page.locator("#kpi-rule-0-escalateTo").fill("Revenue Lead, <b>");
    await expect
      .poll(() => page.locator("#kpi-rule-0-escalateTo-error").textContent())
      .toContain("is not a role name; separate roles with ;");
    await page.getByRole("button", { name: "Save KPI" }).click();
    await settled(page);
    expect(rowsOf(env, "Escalation Rules")[1][7]).toBe("");

    // Removing rule 1 moves rule 2 up: its routing moves with it, nothing stale stays behind.
    await page.locator("#kpi-rule-0-escalateTo").fill("");
    await page.getByRole("button", { name: "Remove rule 1" }).click();
    await page.locator("#kpi-rule-0-escalateTo").fill("Revenue Lead; Federal Posture Lead");
    await page.getByRole("button", { name: "Save KPI" }).click();
    await settled(page);
    await expect.poll(() => formMessage(page, "kpi-form").textContent()).toContain('Saved "System uptime"');
    expect(rowsOf(env, "Escalation Rules").filter((row) => row[0] === "System uptime")).toEqual([
      [
        "System uptime",
        "Critical",
        "below 99%",
        "",
        "Call the agency PM",
        "24 hours",
        "Federal",
        "Revenue Lead; Federal Posture Lead",
        "Yes",
      ],
    ]);
    await noHorizontalScroll(page);
  });

  it("refuses routing a workbook has no column for, naming the fix, and writes nothing", async () => {
    const { page, env } = await openSidebar();
    const before = rowsOf(env, "Escalation Rules");
    await page.locator("#kpi-pick").selectOption("System uptime");
    await settled(page);
    await page.locator("#kpi-rule-0-escalateTo").fill("Revenue Lead");
    await page.getByRole("button", { name: "Save KPI" }).click();
    await settled(page);
    await expect
      .poll(() => formMessage(page, "kpi-form").textContent())
      .toContain('Escalation Rules has no "Escalate to" column yet; run KPI Steward › Setup workbook');
    expect(rowsOf(env, "Escalation Rules")).toEqual(before);
  });
});

describe("Enter values panel", () => {
  it("refuses a number with a unit inline, then adds the month's column in date order with typed values", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Values");
    expect(await page.locator("#values-period").inputValue()).toBe("2026-03");
    expect(await page.locator("#values-period-hint").textContent()).toContain("no Mar 2026 column yet");

    await page.getByLabel("System uptime").fill("99.7%");
    await page.getByLabel("Help desk response (hours)").fill("4 hours");
    await page.getByLabel("Monthly active users (MAU)").fill('=IMPORTRANGE("https://x","A1")');
    await page.getByLabel("Product usage").fill("1,072");
    await page.getByRole("button", { name: "Save values" }).click();
    await expect
      .poll(() => page.locator("#values-1-error").textContent())
      .toContain('Expected a number such as 12, 99.5% or 1,200 (in the metric\'s unit), got "4 hours"');
    expect(tab(env, "Acme").getRange(8, 6).getValue()).toBe("Notes");
    expect(env.spreadsheet.getSheetByName("Audit Log")).toBeNull();

    await page.getByLabel("Help desk response (hours)").fill("3.5");
    await page.getByRole("button", { name: "Save values" }).click();
    await settled(page);
    await expect.poll(() => formMessage(page, "values-form").textContent()).toContain("Saved 4 values");
    await expect.poll(() => page.locator("#values-period-hint").textContent()).not.toContain("no Mar");

    const acme = tab(env, "Acme");
    const header = acme.getRange(8, 1, 1, 7).getValues()[0];
    expect(header.slice(3, 6).map(isoDay)).toEqual(["2026-01-01", "2026-02-01", "2026-03-01"]);
    expect(header[6]).toBe("Notes");
    expect(acme.getRange(9, 7).getValue()).toBe("QASP 3.1");
    const march = acme.getRange(9, 6, 4, 1);
    expect(march.getValues().map((row) => row[0])).toEqual([
      0.997,
      3.5,
      '=IMPORTRANGE("https://x","A1")',
      1072,
    ]);
    // The text stays a literal string, not a formula; the numbers are numbers with numeric formats.
    expect(acme.getRange(11, 6).getFormula()).toBe("");
    expect(march.getNumberFormats().map((row) => row[0])).toEqual([
      expect.stringContaining("%"),
      expect.not.stringMatching(/@|%/),
      "@",
      expect.not.stringMatching(/@|%/),
    ]);
    const audit = rowsOf(env, "Audit Log");
    expect(audit.slice(1).map((row) => [row[1], row[2], row[3], row[5]])).toEqual([
      [USER, "Add period column 2026-03", "Acme!F8", "2026-03-01"],
      [USER, "Enter value: System uptime, 2026-03", "Acme!F9", "99.7%"],
      [USER, "Enter value: Help desk response (hours), 2026-03", "Acme!F10", "3.5"],
      [
        USER,
        "Enter value: Monthly active users (MAU), 2026-03",
        "Acme!F11",
        '=IMPORTRANGE("https://x","A1")',
      ],
      [USER, "Enter value: Product usage, 2026-03", "Acme!F12", "1,072"],
    ]);
    expect(acme.getRange(11, 6).getValue()).toBe(audit[4][5]);
    expect(await page.getByLabel("System uptime").inputValue()).toBe("99.7%");
    await noHorizontalScroll(page);
    await page.screenshot({ path: "out/sidebar-values.png", fullPage: true });
  });

  it("shows a busy state while the server works and confirms the save", async () => {
    const { page, bridge } = await openSidebar();
    await showPanel(page, "Values");
    await page.getByLabel("Product usage").fill("71");
    const release = bridge.pause();
    await page.getByRole("button", { name: "Save values" }).click();
    await expect.poll(() => page.locator("#busy").textContent()).toBe("Saving…");
    expect(await page.locator("#busy").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Save values" }).isDisabled()).toBe(true);
    expect(await page.locator("#values-form").getAttribute("aria-busy")).toBe("true");
    release();
    await settled(page);
    await expect.poll(() => formMessage(page, "values-form").textContent()).toContain("Saved 1 value");
    expect(await formMessage(page, "values-form").getAttribute("role")).toBe("status");
    expect(await page.getByRole("button", { name: "Save values" }).isDisabled()).toBe(false);
  });

  it("says which values the scan fills from the Incidents tab", async () => {
    const { page, env } = await openSidebar();
    const catalog = tab(env, "KPI Catalog");
    catalog.getRange(2, COLUMNS.kpiCatalog.indexOf("Measurement method") + 1).setValue("from Incidents");
    await showPanel(page, "Values");
    await page.locator("#values-period").fill("2026-02");
    await page.locator("#values-period").dispatchEvent("change");
    await settled(page);
    const hints = await page.locator("#values-rows").textContent();
    expect(hints).toContain(
      "Target: at least 99.5% · Contract-facing · from the Incidents tab: the scan fills it",
    );
    expect(hints?.match(/from the Incidents tab/g)).toHaveLength(1);
  });

  it("shows a formula cell read-only and refuses a value changed in the sheet since the form loaded", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Values");
    await page.locator("#values-period").fill("2026-02");
    await page.locator("#values-period").dispatchEvent("change");
    await settled(page);
    expect(await page.getByLabel("System uptime").inputValue()).toBe("99.6%");
    expect(await page.getByLabel("Health score").getAttribute("readonly")).not.toBeNull();

    // Someone types into the grid while the form is open.
    tab(env, "Acme").getRange(9, 5).setValue("99.1%");
    await page.getByLabel("System uptime").fill("99.65%");
    await page.getByRole("button", { name: "Save values" }).click();
    await settled(page);
    await expect.poll(() => page.locator("#values-0-error").textContent()).toContain('now "99.1%"');
    expect(tab(env, "Acme").getRange(9, 5).getValue()).toBe(0.991);
    expect(await page.getByLabel("System uptime").inputValue()).toBe("99.65%");
  });

  it("shows a server failure, keeps what was typed, and saves it once the server is free", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Values");
    env.lock.holdDocumentLock(); // another execution (a scan) holds the document
    await page.getByLabel("System uptime").fill("99.9%");
    await page.getByLabel("Product usage").fill("75");
    await page.getByRole("button", { name: "Save values" }).click();
    await settled(page);
    const message = formMessage(page, "values-form");
    await expect
      .poll(() => message.textContent())
      .toMatch(
        /^Not saved: Save values: another KPI Steward command is still running .* nothing was changed/,
      );
    expect(await message.getAttribute("role")).toBe("alert");
    expect(await page.getByLabel("System uptime").inputValue()).toBe("99.9%");
    expect(await page.getByLabel("Product usage").inputValue()).toBe("75");
    expect(tab(env, "Acme").getRange(8, 6).getValue()).toBe("Notes");
    expect(env.spreadsheet.getSheetByName("Audit Log")).toBeNull();

    env.lock.releaseDocumentLock();
    await page.getByRole("button", { name: "Save values" }).click();
    await settled(page);
    await expect.poll(() => message.textContent()).toContain("Saved 2 values");
    expect(tab(env, "Acme").getRange(9, 6).getValue()).toBe(0.999);
  });
});

describe("Review outcomes panel", () => {
  it("pre-fills the cadence's review, checks actions inline and appends one row per outcome", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Review");
    expect(await page.getByLabel("Review date").inputValue()).toBe("2026-04-10");
    // Went live 2025-10-15: 10 April 2026 is month 5, the mid-year review of seed 000.
    expect(await page.getByLabel("Review type").inputValue()).toBe("Mid-year review + ISSO security check");
    expect(await page.getByLabel("Attendees").inputValue()).toContain("agency ISSO");
    expect(await page.locator("#review-items legend").allTextContents()).toEqual([
      "Contract metrics YTD",
      "ConMon status and POA&M summary",
      "Option year discussion if applicable",
      "Expansion signals",
    ]);

    await page.getByLabel("Attendees").fill("Dana (CS lead), Lee (agency PM), Sam (ISSO)");
    await page.locator("#review-item-0-outcome").fill('=IMPORTRANGE("https://x","A1")');
    await page.locator("#review-item-0-decision").fill("+1");
    await page.locator("#review-item-0-cparsArea").selectOption("Quality");
    await page.locator("#review-item-1-outcome").fill("Two POA&M items open, none past due");
    await page.locator("#review-item-1-actionOwner").fill("sam@agency.gov");
    await page.getByRole("button", { name: "Save outcomes" }).click();
    await expect
      .poll(() => page.locator("#review-item-1-actionDueIso-error").textContent())
      .toBe("Action due: give the action a due date");
    expect(env.spreadsheet.getSheetByName("Review Outcomes")).toBeNull();

    await page.locator("#review-item-1-actionDueIso").fill("2026-05-15");
    await page.getByRole("button", { name: "Save outcomes" }).click();
    await settled(page);
    await expect.poll(() => formMessage(page, "review-form").textContent()).toContain("Recorded 2 outcomes");

    const rows = rowsOf(env, "Review Outcomes");
    expect(rows.length).toBe(3);
    const [first, second] = rows.slice(1);
    expect(isoDay(first[1])).toBe("2026-04-10");
    expect(first.slice(2)).toEqual([
      "Mid-year review + ISSO security check",
      "Dana (CS lead), Lee (agency PM), Sam (ISSO)",
      "Contract metrics YTD",
      '=IMPORTRANGE("https://x","A1")',
      "+1",
      "",
      "",
      "Quality",
    ]);
    expect(first[0]).toBe("Acme Federal Agency");
    expect(second[4]).toBe("ConMon status and POA&M summary");
    expect(isoDay(second[8])).toBe("2026-05-15");
    expect(tab(env, "Review Outcomes").getRange(2, 6).getFormula()).toBe("");
    expect(
      rowsOf(env, "Audit Log")
        .slice(1)
        .map((row) => row[3]),
    ).toEqual(["'Review Outcomes'!A2:J2", "'Review Outcomes'!A3:J3"]);
    // The form is cleared for the next review so a second click does not record the same outcomes twice.
    expect(await page.locator("#review-item-0-outcome").inputValue()).toBe("");
    await noHorizontalScroll(page);
    await page.screenshot({ path: "out/sidebar-review.png", fullPage: true });
  });
});

describe("Incidents panel", () => {
  it("logs an incident (same rules as the tab, the tab created), then closes it and records its root-cause report", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Incidents");
    expect(await page.locator("#incident-problems").textContent()).toContain('No "Incidents" tab yet');
    await page.getByLabel("Incident ID").fill("INC-7");
    await page.getByLabel("Started").fill("2026-04-08T14:30");
    await page.getByLabel("Resolved (blank while open)").fill("2026-04-08T09:00");
    await page.getByLabel("Summary").fill('=HYPERLINK("https://x","<b>db</b>")');
    await page.getByRole("button", { name: "Log incident" }).click();
    await expect
      .poll(() => page.locator("#incident-resolved-error").textContent())
      .toBe("Resolved: expected on or after Started (2026-04-08 14:30)");
    expect(env.spreadsheet.getSheetByName("Incidents")).toBeNull();

    await page.getByLabel("Resolved (blank while open)").fill("");
    await page.getByRole("button", { name: "Log incident" }).click();
    await settled(page);
    await expect.poll(() => formMessage(page, "incident-form").textContent()).toContain("Logged INC-7");
    let rows = rowsOf(env, "Incidents");
    expect(rows[0]).toEqual([
      "Account",
      "Incident ID",
      "Priority",
      "Started",
      "Resolved",
      "Affects availability",
      "Summary",
      "Root cause report",
    ]);
    expect(rows[1][0]).toBe("Acme Federal Agency");
    expect(rows[1][6]).toBe('=HYPERLINK("https://x","<b>db</b>")');
    expect(tab(env, "Incidents").getRange(2, 7).getFormula()).toBe("");
    expect(new Date(rows[1][3] as Date).toISOString()).toBe("2026-04-08T18:30:00.000Z");
    expect(rows[1][4]).toBe("");
    expect(await page.locator("#incident-pick").inputValue()).toBe("INC-7");

    // The same ID again is refused, naming the row.
    await page.locator("#incident-pick").selectOption("");
    await page.getByLabel("Incident ID").fill("inc-7");
    await page.getByLabel("Started").fill("2026-04-09T10:00");
    await page.getByRole("button", { name: "Log incident" }).click();
    await expect
      .poll(() => page.locator("#incident-id-error").textContent())
      .toContain("is already logged for Acme Federal Agency (Incidents row 2)");

    // Close it: pick it, fill Resolved and the report.
    await page.locator("#incident-pick").selectOption("INC-7");
    expect(await page.getByLabel("Started").inputValue()).toBe("2026-04-08T14:30");
    await page.getByLabel("Resolved (blank while open)").fill("2026-04-08T17:30");
    await page.getByLabel("Root cause report delivered").fill("2026-04-10");
    await page.getByRole("button", { name: "Save incident" }).click();
    await settled(page);
    await expect.poll(() => formMessage(page, "incident-form").textContent()).toContain("Updated INC-7");
    rows = rowsOf(env, "Incidents");
    expect(rows.length).toBe(2);
    expect(new Date(rows[1][4] as Date).toISOString()).toBe("2026-04-08T21:30:00.000Z");
    expect(isoDay(rows[1][7])).toBe("2026-04-10");
    const audit = rowsOf(env, "Audit Log").slice(1);
    expect(audit.map((row) => row[2])).toEqual([
      "Log incident: Acme Federal Agency, INC-7",
      "Update incident: Acme Federal Agency, INC-7",
    ]);
    expect(String(audit[1][5])).toContain("Resolved 2026-04-08 17:30");
    await noHorizontalScroll(page);
    await page.screenshot({ path: "out/sidebar-incidents.png", fullPage: true });
  });
});

describe("Escalations panel", () => {
  it("lists the account's unresolved escalations and acknowledges, snoozes and resolves them with notes", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Escalations");
    const cards = page.locator("article.escalation");
    expect(await cards.evaluateAll((all) => all.map((card) => card.getAttribute("data-id")))).toEqual([
      "ESC-3",
      "ESC-2",
      "ESC-1",
    ]);
    expect(await page.locator('article[data-id="ESC-1"]').textContent()).toContain("(overdue)");
    // The incident behind an escalation and its owed root-cause report, the report in red when overdue.
    const esc2 = page.locator('article[data-id="ESC-2"]');
    expect(await esc2.textContent()).toContain("Incident INC-12");
    expect(
      await esc2.locator(".overdue", { hasText: "Root cause report: Overdue (due 2026-03-09)" }).count(),
    ).toBe(1);

    const esc1 = page.locator('article[data-id="ESC-1"]');
    await esc1.getByRole("button", { name: /^Resolve/ }).click();
    await expect
      .poll(() => esc1.locator(".field-error").first().textContent())
      .toBe("Note: say how it was resolved");
    await esc1.getByLabel("Snooze until").fill("2026-04-01");
    await esc1.getByRole("button", { name: /^Snooze/ }).click();
    await expect
      .poll(() => esc1.locator('[data-field="snoozeUntilIso"]').getAttribute("aria-invalid"))
      .toBe("true");
    expect(tab(env, "Escalation Log").getRange(2, 12).getValue()).toBe("Open");

    await esc1.getByLabel("Note").fill('=HYPERLINK("http://x") training booked');
    await esc1.getByRole("button", { name: /^Acknowledge/ }).click();
    await settled(page);
    await expect
      .poll(() => page.locator("#escalations-box > .form-message").textContent())
      .toContain("(ESC-1): Acknowledged");
    const log = tab(env, "Escalation Log");
    expect(log.getRange(2, 12).getValue()).toBe("Acknowledged");
    expect(log.getRange(2, 15).getValue()).toBe(
      `2026-04-10 Acknowledged (${USER}): =HYPERLINK("http://x") training booked`,
    );

    await esc2.getByLabel("Snooze until").fill("2026-05-01");
    await esc2.getByRole("button", { name: /^Snooze/ }).click();
    await settled(page);
    await expect.poll(() => log.getRange(3, 12).getValue()).toBe("Snoozed until 2026-05-01");
    expect(log.getRange(3, 15).getValue()).toBe(
      `2026-03-03 Acknowledged: looking\n2026-04-10 Snoozed until 2026-05-01 (${USER})`,
    );

    const esc3 = page.locator('article[data-id="ESC-3"]');
    await esc3.getByLabel("Note").fill("+1 false alarm, metric row renamed");
    await esc3.getByRole("button", { name: /^Resolve/ }).click();
    await settled(page);
    await expect.poll(() => cards.count()).toBe(2);
    expect(log.getRange(4, 12).getValue()).toBe("Resolved");
    expect(
      rowsOf(env, "Audit Log")
        .slice(1)
        .map((row) => [row[2], row[4], row[5]].join(" | ")),
    ).toEqual([
      "Escalation acknowledge: ESC-1 (Monthly active users (MAU)) | Open | Acknowledged",
      `Escalation note: ESC-1 |  | 2026-04-10 Acknowledged (${USER}): =HYPERLINK("http://x") training booked`,
      "Escalation snooze: ESC-2 (System uptime) | Acknowledged | Snoozed until 2026-05-01",
      `Escalation note: ESC-2 | 2026-03-03 Acknowledged: looking | 2026-03-03 Acknowledged: looking\n2026-04-10 Snoozed until 2026-05-01 (${USER})`,
      `Escalation resolve: ESC-3 (${HOSTILE_METRIC}) | Snoozed until 2026-04-30 | Resolved`,
      `Escalation note: ESC-3 |  | 2026-04-10 Resolved (${USER}): +1 false alarm, metric row renamed`,
    ]);
    await noHorizontalScroll(page);
    await page.screenshot({ path: "out/sidebar-escalations.png", fullPage: true });
  });

  it("refuses to act on an escalation the scan changed since the list was loaded", async () => {
    const { page, env } = await openSidebar();
    await showPanel(page, "Escalations");
    tab(env, "Escalation Log").getRange(2, 12).setValue("Resolved");
    const esc1 = page.locator('article[data-id="ESC-1"]');
    await esc1.getByRole("button", { name: /^Acknowledge/ }).click();
    await settled(page);
    await expect
      .poll(() => esc1.locator(".form-message").textContent())
      .toContain('Escalation ESC-1 changed since you loaded it (now "Resolved")');
    expect(tab(env, "Escalation Log").getRange(2, 12).getValue()).toBe("Resolved");
  });
});

describe("cell text shown in the sidebar", () => {
  it("shows a metric named like an HTML tag as text everywhere and runs nothing", async () => {
    const { page, dialogs } = await openSidebar();
    const pickOption = page.locator("#kpi-pick option").filter({ hasText: HOSTILE_METRIC });
    expect(await pickOption.count()).toBe(1);
    await page.locator("#kpi-pick").selectOption(HOSTILE_METRIC);
    await settled(page);
    expect(await page.getByLabel("Metric", { exact: true }).inputValue()).toBe(HOSTILE_METRIC);

    await showPanel(page, "Values");
    expect(await page.locator("#values-rows label").allTextContents()).toContain(HOSTILE_METRIC);
    await showPanel(page, "Escalations");
    const card = page.locator('article[data-id="ESC-3"]');
    expect(await card.locator("h2").textContent()).toBe(HOSTILE_METRIC);
    expect(await card.textContent()).toContain("Action: <b>Escalate</b>");

    expect(await page.locator("img, b").count()).toBe(0);
    expect(await page.locator("script").count()).toBe(1);
    expect(dialogs).toEqual([]);
  });
});
