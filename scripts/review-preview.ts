// Previews the review tab as a document: builds the sample workbook in the emulation, generates the review tabs
// with build/Code.js, exports each review tab to out/review/<tab>.xlsx (ExcelJS) and, when LibreOffice is
// installed, to PDF. Usage: npm run build && tsx scripts/review-preview.ts [quarter]
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import type { Sheet } from "../emulation/index";
import { createGasEnvironment } from "../emulation/index";
import { loadBundle } from "../test/support/load-bundle";
import { federalAccount, federalWorkbook } from "../test/support/review-workbook";

const outDir = resolve("out", "review");

/** Copies one emulated sheet (values, formats, widths, hidden columns, frozen rows) into an ExcelJS worksheet. */
function copySheet(sheet: Sheet, workbook: ExcelJS.Workbook): void {
  const range = sheet.getDataRange();
  const rows = range.getNumRows();
  const columns = range.getNumColumns();
  const values = range.getValues();
  const formats = range.getNumberFormats();
  const fills = range.getBackgrounds();
  const weights = range.getFontWeights();
  const colors = range.getFontColors();
  const sizes = range.getFontSizes();
  const wraps = range.getWraps();
  const aligns = range.getHorizontalAlignments();
  const frozen = sheet.getFrozenRows();
  const target = workbook.addWorksheet(
    sheet
      .getName()
      .replace(/[*?:\\/[\]]/g, "-")
      .slice(0, 31),
    {
      views: frozen > 0 ? [{ state: "frozen", ySplit: frozen }] : [],
      pageSetup: {
        orientation: "landscape",
        paperSize: 1 as unknown as ExcelJS.PaperSize,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        printTitlesRow: frozen > 0 ? `1:${frozen}` : undefined,
      },
      headerFooter: { oddFooter: `&L${sheet.getName()}&RPage &P of &N` },
    },
  );
  for (let c = 1; c <= columns; c++) {
    const column = target.getColumn(c);
    column.width = sheet.getColumnWidth(c) / 7;
    column.hidden = sheet.isColumnHiddenByUser(c);
  }
  for (let r = 0; r < rows; r++) target.getRow(r + 1).height = sheet.getRowHeight(r + 1) * 0.75;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      const cell = target.getCell(r + 1, c + 1);
      const value = values[r][c];
      cell.value = value === "" ? null : (value as ExcelJS.CellValue);
      if (formats[r][c] && formats[r][c] !== "@") cell.numFmt = formats[r][c];
      if (fills[r][c] && fills[r][c] !== "#ffffff")
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fills[r][c].slice(1)}` } };
      cell.font = {
        name: "Arial",
        size: sizes[r][c] || 10,
        bold: weights[r][c] === "bold",
        color: { argb: `FF${(colors[r][c] || "#000000").slice(1)}` },
      };
      cell.alignment = {
        wrapText: wraps[r][c],
        vertical: "top",
        horizontal: (aligns[r][c] || "left").replace("general-", "") as "left",
      };
    }
}

async function main(): Promise<void> {
  const quarter = process.argv[2] ?? "FY26 Q4";
  const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z", timeZone: "America/New_York" });
  federalWorkbook(env, {
    accounts: [federalAccount("Sample Agency")],
    log: [
      {
        ID: "ESC-0001",
        Account: "Sample Agency",
        Metric: "System uptime",
        Period: env.sheetDate("2026-06-01"),
        Value: 0.9942,
        Condition: "misses target",
        Severity: "Critical",
        Action: "SLA breach: declare an incident; notify the agency PM the same day",
        Owner: "cs.owner@example.gov",
        Opened: env.sheetDate("2026-07-02"),
        Due: env.sheetDate("2026-07-02"),
        Status: "Resolved",
        "Last seen": env.sheetDate("2026-07-20"),
        Note: "cleared by scan",
      },
      {
        ID: "ESC-0002",
        Account: "Sample Agency",
        Metric: "Monthly active users (MAU)",
        Period: env.sheetDate("2026-08-01"),
        Value: 0.38,
        Condition: "below 40%",
        Severity: "Watch",
        Action: "Training conversation with the agency PM",
        Owner: "cs.owner@example.gov",
        Opened: env.sheetDate("2026-08-03"),
        Due: env.sheetDate("2026-08-17"),
        Status: "Acknowledged",
        "Last seen": env.sheetDate("2026-09-02"),
      },
    ],
    outcomes: [
      {
        Account: "Sample Agency",
        "Review date": env.sheetDate("2026-07-15"),
        "Review type": "Q1 outcome review",
        Attendees: "NorthAI Customer Success + agency PM",
        "Agenda item": "Contract-facing metrics vs. targets",
        Outcome: "Uptime back above 99.5% after the June incident; RCA accepted by the PM",
        Decision: "Keep monthly uptime report to the CO",
        "Action owner": "cs.owner@example.gov",
        "Action due": env.sheetDate("2026-08-01"),
        "CPARS area": "Quality",
      },
      {
        Account: "Sample Agency",
        "Review date": env.sheetDate("2026-07-15"),
        "Review type": "Q1 outcome review",
        Attendees: "NorthAI Customer Success + agency PM",
        "Agenda item": "Open issues log",
        Outcome: "Two P1/P2 tickets closed; none open",
        Decision: "",
        "Action owner": "",
        "Action due": "",
        "CPARS area": "",
      },
    ],
  });
  const gas = loadBundle(env);
  const names: string[] = gas.generateReviewTab("all", quarter);
  mkdirSync(outDir, { recursive: true });
  for (const name of names) {
    const workbook = new ExcelJS.Workbook();
    copySheet(env.spreadsheet.getSheetByName(name)!, workbook);
    const file = join(outDir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.xlsx`);
    await workbook.xlsx.writeFile(file);
    console.log(`wrote ${file}`);
    try {
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", outDir, file], {
        stdio: "ignore",
      });
      console.log(`wrote ${file.replace(/\.xlsx$/, ".pdf")}`);
    } catch {
      console.log("LibreOffice (soffice) not found: no PDF");
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
