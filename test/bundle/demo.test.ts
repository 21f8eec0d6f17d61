// The demo end to end over build/Code.js: the xlsx it writes (tabs, headers, fills on breaching cells, the user's colour) and the emails.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type DemoResult, formatReport, runDemo } from "../../scripts/demo";
import { OUTAGE_ACCOUNT } from "../../scripts/demo/incidents-demo";
import { coReportNameOf, internalTerms, tabText } from "../../scripts/demo/review-checks";
import { buildSamplePortfolio, PERIOD_COUNT } from "../../scripts/sample/sample-portfolio";
import { ESCALATION_LOG_HEADER, TAB } from "../../src/domain/workbook-schema";

const outDir = mkdtempSync(join(tmpdir(), "kpi-demo-"));
let demo: DemoResult;
let workbook: ExcelJS.Workbook;
const sample = buildSamplePortfolio((iso) => new Date(`${iso}T00:00:00Z`));
/** Column of the latest period on the sample's account tabs. */
const LATEST_COLUMN = 3 + PERIOD_COUNT;

beforeAll(async () => {
  demo = await runDemo({ outDir, pdf: false });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(demo.xlsxPath);
});

function scanAvailable(): boolean {
  return typeof demo.summary.scans[0].result !== "string";
}

function worksheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no worksheet "${name}" in the xlsx`);
  return found;
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill;
  return fill && fill.type === "pattern" && fill.pattern === "solid" ? (fill.fgColor?.argb ?? null) : null;
}

describe("npm run demo", () => {
  it("writes every tab of the sample plus the tabs setup created, in the workbook's order", () => {
    const names = workbook.worksheets.map((sheet) => sheet.name);
    for (const tab of sample.tabs) expect(names).toContain(tab.name);
    for (const tab of [TAB.escalationLog, TAB.auditLog, TAB.portfolio]) expect(names).toContain(tab);
    expect(demo.summary.setup).toMatchObject({
      kept: [TAB.settings, TAB.kpiCatalog, TAB.escalationRules, TAB.reviewOutcomes],
    });
  });

  it("keeps headers bold and frozen, period headers as months and percents as percents", () => {
    const log = worksheet(TAB.escalationLog);
    expect(log.getRow(1).values).toEqual([undefined, ...ESCALATION_LOG_HEADER]);
    expect(log.getCell("A1").font?.bold).toBe(true);
    expect(log.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const account = worksheet(sample.accounts[0].tab);
    expect(account.views[0]).toMatchObject({ state: "frozen", ySplit: 8 });
    expect(account.getCell(8, LATEST_COLUMN).numFmt).toBe("mmm yyyy");
    expect((account.getCell(8, LATEST_COLUMN).value as Date).toISOString()).toBe("2026-10-01T00:00:00.000Z");
    const uptime = account.getColumn(1).values.indexOf("System uptime");
    expect(account.getCell(uptime, LATEST_COLUMN).numFmt).toBe("0.00%");
  });

  it("restores the user's own colour and note on the cell they coloured after its breach is fixed", () => {
    const cell = sample.userColouredCell;
    const sheet = worksheet(cell.tab);
    expect(fillOf(sheet.getCell(cell.a1))).toBe(`FF${cell.colour.slice(1).toUpperCase()}`);
    expect(sheet.getCell(cell.a1).value).toBe(cell.correctedValue);
    expect(String(sheet.getCell(cell.a1).note)).toContain("NOC outage report");
  });

  it("fills every breaching cell of the sample (scan build only)", (context) => {
    if (!scanAvailable()) context.skip();
    const userColour = `FF${sample.userColouredCell.colour.slice(1).toUpperCase()}`;
    for (const expected of sample.expectedEscalations) {
      if (expected.account === sample.userColouredCell.tab && expected.metric === "System uptime") continue;
      const sheet = worksheet(expected.account);
      const row = sheet.getColumn(1).values.indexOf(expected.metric);
      const fill = fillOf(sheet.getCell(row, LATEST_COLUMN));
      expect(fill, `${expected.account} · ${expected.metric}`).not.toBeNull();
      expect(fill).not.toBe("FFFFFFFF");
      expect(fill).not.toBe(userColour);
    }
  });

  it("opens each escalation once and sends nothing on the second scan (scan build only)", (context) => {
    if (!scanAvailable()) context.skip();
    const failed = demo.summary.checks.filter((check) => check.passed !== true);
    expect(failed).toEqual([]);
    expect(demo.summary.scans[1].emailsSent).toBe(0);
    expect(demo.summary.scans[1].newLogRows).toBe(0);
  });

  it("gives every federal account a CO report with no internal content, while its review tab has plenty", () => {
    const names = demo.summary.checks.map((check) => check.name);
    expect(names).toContain("no CO report holds an internal metric, a health word or an internal note");
    const terms = internalTerms(demo.env);
    expect(terms).toContain("Monthly active users (MAU)");
    for (const review of demo.summary.reviewTabs) {
      if (typeof review.result !== "string") continue;
      const reviewText = (tabText(demo.env, review.result) ?? "").toLowerCase();
      // The leak check has teeth: the review tab itself names internal metrics and health.
      expect(terms.some((term) => reviewText.includes(term.toLowerCase()))).toBe(true);
      const co = tabText(demo.env, coReportNameOf(review.result));
      const federal =
        review.account === OUTAGE_ACCOUNT ||
        sample.accounts.find((a) => a.account === review.account)?.kind === "federal";
      expect(co !== null).toBe(federal);
      if (co) for (const term of terms) expect(co.toLowerCase()).not.toContain(term.toLowerCase());
    }
  });

  it("shows the outage account's uptime and time to remediate measured from incidents in its grid, with the worst in a note", (context) => {
    if (!scanAvailable()) context.skip();
    const sheet = worksheet(OUTAGE_ACCOUNT);
    const rowOf = (metric: string) =>
      sheet.getColumn(1).values.findIndex((value) => String(value).startsWith(metric));
    const october = LATEST_COLUMN;
    const uptime = sheet.getCell(rowOf("System uptime"), october);
    expect(uptime.value).toBeCloseTo(1 - 180 / 44_640, 6);
    expect(uptime.numFmt).toBe("0.00%");
    expect(String(uptime.note)).toContain("180 minutes down in Oct 2026.");
    expect(String(uptime.note)).toContain(
      "Worst 7 days 2026-10-07 05:10 to 2026-10-14 05:10: 98.21% available",
    );
    const mttr = sheet.getCell(rowOf("Mean time to remediate"), october);
    expect(mttr.value).toBe(3);
    expect(String(mttr.note)).toContain("Mean of 1 P1 resolved in Oct 2026.");
    // Before the account logged its first incident, nothing is claimed.
    expect(sheet.getCell(rowOf("System uptime"), october - 1).value ?? null).toBeNull();
  });

  it("prints a summary in which every escalation of the sample appears once (scan build only)", (context) => {
    if (!scanAvailable()) context.skip();
    const report = formatReport(demo.summary).split("\n");
    for (const expected of sample.expectedEscalations) {
      const lines = report.filter(
        (line) =>
          line.includes(expected.account) &&
          line.includes(expected.metric) &&
          line.includes(expected.condition),
      );
      expect(lines, `${expected.account} · ${expected.metric} · ${expected.condition}`).toHaveLength(1);
    }
    expect(report.some((line) => line.includes("✓ second scan: 0 new emails, 0 new log rows"))).toBe(true);
  });

  it("prints the scans table with one value under each heading", () => {
    const report = formatReport(demo.summary);
    expect(report).toContain("service calls");
    expect(report.split("\n").filter((line) => /^ {2}\d (first|same|after)/.test(line))).toHaveLength(
      scanAvailable() ? 3 : 0,
    );
  });

  it("writes each email of the outbox as .html and .txt", () => {
    const sent = demo.env.mail.sent;
    expect(demo.emailFiles).toHaveLength(sent.length * 2);
    sent.forEach((email, index) => {
      const html = demo.emailFiles[index * 2];
      const text = demo.emailFiles[index * 2 + 1];
      expect(html).toMatch(/\/\d\d-[^/]+\.html$/);
      expect(readFileSync(text, "utf8")).toContain(email.body);
      expect(readFileSync(html, "utf8")).toContain("<title>");
    });
    if (scanAvailable()) expect(sent.length).toBeGreaterThan(0);
  });

  it("writes summary.json with the scans, their service calls and the checks", () => {
    const written = JSON.parse(readFileSync(join(outDir, "summary.json"), "utf8"));
    expect(written.scans).toHaveLength(3);
    expect(written.scans[0].calls.total).toBeGreaterThan(0);
    expect(written.checks.length).toBeGreaterThan(0);
    expect(existsSync(demo.xlsxPath)).toBe(true);
    // Numbers are numbers: a percent is its fraction, with the text Sheets shows beside it.
    const uptime = written.escalations.find((row: Record<string, unknown>) => row.Metric === "System uptime");
    expect(typeof uptime.Value).toBe("number");
    expect(uptime["Value shown"]).toMatch(/^\d+(\.\d+)?%$/);
    for (const row of written.portfolio) {
      if (row["Health score"] !== "") expect(typeof row["Health score"]).toBe("number");
      expect(typeof row.Overdue).toBe("number");
    }
  });
});
