// The xlsx writer and reader: an emulated workbook survives export and import; bad files get one clear line and exit code 2.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment } from "../../emulation/index";
import { runDemo } from "../../scripts/demo";
import { loadSampleTab } from "../../scripts/sample/load-sample";
import { EXIT_BAD_INPUT, runScanXlsx } from "../../scripts/scan-xlsx";
import { excelSheetNames, exportWorkbook } from "../../scripts/xlsx/export-workbook";
import { importWorkbook, WorkbookImportError } from "../../scripts/xlsx/import-workbook";

const folder = mkdtempSync(join(tmpdir(), "kpi-xlsx-"));

function tracker(timeZone = "America/New_York"): GasEnvironment {
  const env = createGasEnvironment({ timeZone, firstSheetName: "Acme Agency" });
  const date = (iso: string) => env.sheetDate(iso);
  loadSampleTab(env, {
    name: "Acme Agency",
    rows: [
      ["Account", "Acme Agency", "", ""],
      ["Owner email", "owner@example.gov", "", ""],
      ["Go-live date", date("2026-01-15"), "", ""],
      ["Provisioned users", 250, "", ""],
      ["Starting ARR", 180000, "", ""],
      ["Contract / CLIN", "=not a formula", "", ""],
      ["", "", "", ""],
      ["Metric", "Category", "Target", date("2026-09-01"), date("2026-10-01")],
      ["System uptime", "Contract-facing", "at least 99.5%", 0.9991, 0.9942],
      ["Internal NPS", "Internal", "at least 7", 7.5, ""],
      ["Unauthorized boundary change", "Internal", "is No", "No", "Yes"],
      ["Typed percent text", "Internal", "", "45%", "0012"],
    ],
    numberFormats: [
      ["@", "@"],
      ["@", "@"],
      ["@", "yyyy-mm-dd"],
      ["@", "#,##0"],
      ["@", "$#,##0"],
      ["@", "@"],
      [],
      ["@", "@", "@", "mmm yyyy", "mmm yyyy"],
      ["@", "@", "@", "0.00%", "0.00%"],
      ["@", "@", "@", "0.0", "0.0"],
      ["@", "@", "@", "@", "@"],
      ["@", "@", "@", "@", "@"],
    ],
    boldRows: [8],
    frozenRows: 8,
    columnWidths: [240, 200, 130, 90, 90],
    backgrounds: { E9: "#f4cccc", D10: "#c9daf8" },
    notes: { E9: "outage Oct 14" },
    rightAligned: [],
  });
  return env;
}

function snapshot(env: GasEnvironment, tab: string) {
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    const range = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn());
    return {
      values: range
        .getValues()
        .map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell))),
      display: range.getDisplayValues(),
      backgrounds: range.getBackgrounds(),
      weights: range.getFontWeights(),
      notes: range.getNotes(),
      frozen: sheet.getFrozenRows(),
      widths: [1, 2, 3].map((column) => sheet.getColumnWidth(column)),
    };
  });
}

describe("xlsx export and import", () => {
  const path = join(folder, "tracker.xlsx");
  let original: GasEnvironment;
  beforeAll(async () => {
    original = tracker();
    await exportWorkbook(original, path);
  });

  it("gives back the same values, dates, percents, text, colours, bold, notes and frozen rows", async () => {
    const copy = createGasEnvironment({ timeZone: "America/New_York" });
    const report = await importWorkbook(copy, path);
    expect(report.tabs).toEqual(["Acme Agency"]);
    expect(copy.spreadsheet.getSheets().map((sheet) => sheet.getName())).toEqual(["Acme Agency"]);
    const before = snapshot(original, "Acme Agency");
    const after = snapshot(copy, "Acme Agency");
    expect(after.values).toEqual(before.values);
    expect(after.display).toEqual(before.display);
    expect(after.backgrounds).toEqual(before.backgrounds);
    expect(after.weights).toEqual(before.weights);
    expect(after.notes).toEqual(before.notes);
    expect(after.frozen).toBe(8);
    expect(after.widths).toEqual(before.widths);
  });

  it("keeps text that looks like a formula, a percent or a number as text", async () => {
    const copy = createGasEnvironment({ timeZone: "America/New_York" });
    await importWorkbook(copy, path);
    const sheet = copy.spreadsheet.getSheetByName("Acme Agency");
    expect(sheet?.getRange("B6").getValue()).toBe("=not a formula");
    expect(sheet?.getRange("B6").getFormula()).toBe("");
    expect(sheet?.getRange("D12:E12").getValues()).toEqual([["45%", "0012"]]);
  });

  it("reads a file Excel wrote: text stays text in General cells, percents are fractions, formulas give their results", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Excel tracker");
    sheet.getCell("A1").value = "45%";
    sheet.getCell("B1").value = "=SUM(1,2)";
    sheet.getCell("C1").value = 0.45;
    sheet.getCell("C1").numFmt = "0%";
    sheet.getCell("D1").value = new Date(Date.UTC(2026, 9, 1));
    sheet.getCell("D1").numFmt = "yyyy-mm-dd";
    sheet.getCell("E1").value = { formula: "C1*2", result: 0.9 };
    sheet.getCell("F1").value = { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }] };
    sheet.getCell("G1").value = true;
    const file = join(folder, "excel.xlsx");
    await workbook.xlsx.writeFile(file);
    const copy = createGasEnvironment({ timeZone: "America/New_York" });
    const report = await importWorkbook(copy, file);
    expect(report.formulaCells).toBe(1);
    const row = copy.spreadsheet.getSheetByName("Excel tracker")?.getRange("A1:G1");
    const values = row?.getValues()[0] ?? [];
    expect(values.slice(0, 3)).toEqual(["45%", "=SUM(1,2)", 0.45]);
    expect((values[3] as Date).toISOString()).toBe(copy.sheetDate("2026-10-01").toISOString());
    expect(values.slice(4)).toEqual([0.9, "Rich text", true]);
    expect(row?.getDisplayValues()[0].slice(2, 4)).toEqual(["45%", "2026-10-01"]);
  });

  it("writes dates as the spreadsheet's calendar day, whatever the reader's time zone", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet("Acme Agency");
    const goLive = sheet?.getCell("B3").value as Date;
    expect(goLive.toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(sheet?.getCell("D8").numFmt).toBe("mmm yyyy");
    expect(sheet?.getCell("E9").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFF4CCCC" },
    });
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 8 });
  });

  it("reads a tracker into another time zone at the same wall-clock dates", async () => {
    const copy = createGasEnvironment({ timeZone: "Europe/Berlin" });
    await importWorkbook(copy, path);
    const display = snapshot(copy, "Acme Agency").display;
    expect(display[2][1]).toBe("2026-01-15");
    expect(display[7].slice(3)).toEqual(["Sep 2026", "Oct 2026"]);
  });

  it("rejects a missing file, a text file and a damaged zip with one line naming the file", async () => {
    const env = createGasEnvironment();
    const text = join(folder, "notes.xlsx");
    writeFileSync(text, "Account,Owner\n");
    const zip = join(folder, "damaged.xlsx");
    writeFileSync(zip, "PK\u0003\u0004 not really a zip");
    await expect(importWorkbook(env, join(folder, "missing.xlsx"))).rejects.toThrow(
      /^no file at ".*missing\.xlsx"$/,
    );
    await expect(importWorkbook(env, text)).rejects.toThrow(/"[^"]*notes\.xlsx" is not an \.xlsx workbook/);
    await expect(importWorkbook(env, zip)).rejects.toBeInstanceOf(WorkbookImportError);
    await expect(importWorkbook(env, zip)).rejects.toThrow(
      /damaged\.xlsx" could not be read as an \.xlsx workbook/,
    );
  });
});

describe("Excel worksheet names", () => {
  it("shortens names over 31 characters, keeps them unique ignoring case, and drops characters Excel forbids", () => {
    const names = excelSheetNames([
      "Review FY27 Q1 · Federal Records Agency",
      "Review FY27 Q1 · Federal Records Administration",
      "Acme",
      "ACME",
      "Q1: plan/actual [draft]?",
      "'quoted'",
    ]);
    expect(names).toEqual([
      "Review FY27 Q1 · Federal Recor…",
      "Review FY27 Q1 · Federal Rec… 2",
      "Acme",
      "ACME 2",
      "Q1 plan actual draft",
      "quoted",
    ]);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });

  it("points formulas at a renamed tab's new name and keeps the full tab name in the footer", async () => {
    const env = createGasEnvironment({ firstSheetName: "Portfolio" });
    const long = "Review FY27 Q1 · Federal Records Agency";
    env.counter.uncounted(() => {
      env.spreadsheet.insertSheet(long).getRange("A1").setValue(5);
      env.spreadsheet.getSheetByName("Portfolio")!.getRange("A1").setFormula(`='${long}'!A1*2`);
    });
    const path = join(folder, "renamed.xlsx");
    await exportWorkbook(env, path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const review = book.worksheets[1];
    expect(review.name).toBe("Review FY27 Q1 · Federal Recor…");
    expect(review.headerFooter.oddFooter).toContain(long);
    const formula = book.worksheets[0].getCell("A1").value as ExcelJS.CellFormulaValue;
    expect(formula.formula).toBe("'Review FY27 Q1 · Federal Recor…'!A1*2");
  });
});

describe("npm run scan -- --xlsx FILE", () => {
  async function run(argv: string[]) {
    const lines: string[] = [];
    const errors: string[] = [];
    const code = await runScanXlsx(argv, {
      log: (line) => lines.push(line),
      error: (line) => errors.push(line),
    });
    return { code, lines, errors };
  }

  it("asks for the file when --xlsx is missing", async () => {
    const { code, errors } = await run([]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^scan: which tracker\? .*--xlsx tracker\.xlsx/);
  });

  it("says there is no such file", async () => {
    const { code, errors } = await run(["--xlsx", join(folder, "nope.xlsx")]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(errors).toEqual([`scan: no file at "${join(folder, "nope.xlsx")}"`]);
  });

  it("says a CSV is not an .xlsx workbook", async () => {
    const csv = join(folder, "tracker.csv");
    writeFileSync(csv, "Account,Acme\n");
    const { code, errors } = await run(["--xlsx", csv]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(errors[0]).toMatch(/tracker\.csv" is not an \.xlsx workbook/);
  });

  it("says a workbook without account tabs has nothing to scan, listing its tabs", async () => {
    const env = createGasEnvironment({ firstSheetName: "Budget" });
    env.sheetFromRows("Budget", [["Line", "Amount"]]);
    env.sheetFromRows("Portfolio", [["Account", "Owner"]]);
    const file = join(folder, "budget.xlsx");
    await exportWorkbook(env, file);
    const { code, errors } = await run(["--xlsx", file]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(errors).toEqual([
      `scan: "${file}" has no account tab (a tab whose A1 is "Account"); its tabs are "Budget", "Portfolio"`,
    ]);
  });

  it("rejects an unknown time zone", async () => {
    const { code, errors } = await run(["--xlsx", "x.xlsx", "--time-zone", "Mars/Olympus"]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(errors[0]).toContain(
      '--time-zone must be an IANA time zone such as America/New_York, got "Mars/Olympus"',
    );
  });

  it("previews a real tracker through the built add-in and sends nothing", async () => {
    const env = tracker();
    const file = join(folder, "acme.xlsx");
    await exportWorkbook(env, file);
    const { code, lines, errors } = await run(["--xlsx", file, "--time-zone", "America/New_York"]);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines[0]).toContain("1 account tab (Acme Agency); time zone America/New_York (--time-zone)");
    expect(lines.at(-1)).toMatch(/Nothing was changed or sent \(\d+ service calls: \d+ reads, 0 writes\)\.$/);
  });

  it("says to put -- before --xlsx when npm took the option for itself", async () => {
    const { code, errors } = await run(["tracker.xlsx"]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(errors[0]).toContain("type npm run scan -- --xlsx tracker.xlsx");
    const bare = await run([]);
    expect(bare.errors[0]).toContain("npm run scan -- --xlsx tracker.xlsx");
  });

  it("explains the demo workbook: each escalation in full, missing data per account, the workbook's zone, one set of numbers", async () => {
    const demo = await runDemo({ outDir: join(folder, "demo"), pdf: false });
    const { code, lines, errors } = await run(["--xlsx", demo.xlsxPath]);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    const text = lines.join("\n");
    // The zone the export recorded, not this computer's.
    expect(lines[0]).toContain(
      "time zone America/New_York (the spreadsheet's time zone, recorded in the file at export)",
    );
    expect(text).toMatch(
      /ESC-0003 +continue +Bureau of Field Services +Unauthorized boundary change +Yes — rule: is Yes .* Critical +(Overdue: was due|Due) \w{3} \w{3} \d+, 9:00 AM ET/,
    );
    expect(text).toContain("75% — target at least 100%, 25 points short");
    // Missing data: one line per account, not one per metric.
    expect(text).toMatch(
      /Missing data: \d+ values on 5 accounts\n(?: {2}.*\n)*? {2}Federal Records Agency: \d+ metrics have no \w{3} \d{4} column yet\n/,
    );
    expect(lines.filter((line) => /has no value for|have no .* column yet/.test(line))).toHaveLength(4);
    // The table and the last line say the same numbers.
    const number = (label: string) => Number(new RegExp(`^  ${label} +(\\d+)$`, "m").exec(text)?.[1]);
    const last = lines.at(-1) ?? "";
    expect(last).toContain(`continue ${number("Escalations it would continue")},`);
    expect(last).toContain(`send ${number("Emails it would send")} emails`);
    expect(last).toContain(
      `${number("Missing values")} missing values on ${number("Accounts with missing values")} accounts`,
    );
    expect(number("Emails it would send")).toBeGreaterThan(0);
    expect(last).toContain("Nothing was changed or sent");
  });
});
