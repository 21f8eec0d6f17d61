// Previews the review tab as a document: builds the sample workbook in the emulation, generates the review tabs
// with build/Code.js, exports each review tab to out/review/<tab>.xlsx (ExcelJS) and, when LibreOffice is
// installed, to PDF. Usage: npm run build && tsx scripts/review-preview.ts [quarter]
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createGasEnvironment } from "../emulation/index";
import { loadBundle } from "../emulation/load-bundle";
import { federalAccount, federalWorkbook } from "../emulation/workbooks/federal-workbook";
import { exportWorkbook } from "./xlsx/export-workbook";

const outDir = resolve("out", "review");

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
        Since: env.sheetDate("2026-06-01"),
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
        Since: env.sheetDate("2026-08-01"),
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
    const file = join(outDir, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.xlsx`);
    await exportWorkbook(env, file, { tabs: (tab) => tab === name });
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
