// The quarterly review tab through build/Code.js: every section, fiscal years, no data, refresh keeping notes, the CO rule, tab names.
import { describe, expect, it } from "vitest";
import type { GasEnvironment, Sheet } from "../../emulation/index";
import { createGasEnvironment } from "../../emulation/index";
import type { BundleContext } from "../../emulation/load-bundle";
import { loadBundle } from "../../emulation/load-bundle";
import type { FederalWorkbookOptions } from "../../emulation/workbooks/federal-workbook";
import { federalAccount, federalWorkbook } from "../../emulation/workbooks/federal-workbook";
import { STATUS_COLORS } from "../../src/domain/severity-colors";
import { FEDERAL_WORDING } from "../support/federal-wording";

/** Columns of the review tab: A–H content, I notes, J the hidden row keys. */
const NOTES = 9;
const KEY = 10;

interface ReviewRow {
  /** 1-based sheet row. */
  row: number;
  key: string;
  cells: string[];
}

function start(options: FederalWorkbookOptions = {}): { env: GasEnvironment; gas: BundleContext } {
  const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
  federalWorkbook(env, options);
  return { env, gas: loadBundle(env) };
}

function tab(env: GasEnvironment, name: string): Sheet {
  const sheet = env.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

/** The tab's rows as shown (display values), with their keys. */
function rowsOf(sheet: Sheet): ReviewRow[] {
  const values = sheet.getRange(1, 1, sheet.getLastRow(), KEY).getDisplayValues();
  return values.map((cells, index) => ({ row: index + 1, key: cells[KEY - 1], cells }));
}

function rowByKey(rows: ReviewRow[], key: string): ReviewRow {
  const found = rows.find((row) => row.key === key);
  if (!found) throw new Error(`no row ${key}; keys: ${rows.map((r) => r.key).join(", ")}`);
  return found;
}

function keysOf(rows: ReviewRow[], prefix: string): string[] {
  return rows.map((row) => row.key).filter((key) => key.startsWith(prefix));
}

/** Two escalations of Sample Agency: one resolved in FY26 Q4 (opened in it), one still open (opened in it). */
function sampleLog(env: GasEnvironment): NonNullable<FederalWorkbookOptions["log"]> {
  return [
    {
      ID: "ESC-0001",
      Account: "Sample Agency",
      Metric: "System uptime",
      Since: env.sheetDate("2026-06-01"),
      Value: 0.9942,
      Condition: "misses target",
      Severity: "Critical",
      Action: "SLA breach: declare an incident",
      Owner: "cs.owner@example.gov",
      Opened: env.sheetDate("2026-07-02"),
      Due: env.sheetDate("2026-07-02"),
      Status: "Resolved",
      "Last seen": env.sheetDate("2026-07-20"),
    },
    {
      ID: "ESC-0002",
      Account: "sample agency",
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
  ];
}

describe("generateReviewTab: the sections of the review (federal sample, FY26 Q4 = Jul–Sep 2026)", () => {
  const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
  federalWorkbook(env, {
    log: sampleLog(env),
    outcomes: [
      {
        Account: "Sample Agency",
        "Review date": env.sheetDate("2026-07-15"),
        "Review type": "Q1 outcome review",
        Attendees: "NorthAI Customer Success + agency PM",
        "Agenda item": "Contract-facing metrics vs. targets",
        Outcome: "Uptime back above target after the June incident",
        Decision: "Keep the monthly uptime report to the CO",
        "Action owner": "cs.owner@example.gov",
        "Action due": env.sheetDate("2026-08-01"),
        "CPARS area": "Quality",
      },
    ],
  });
  const gas = loadBundle(env);
  env.counter.reset();
  const name = gas.generateReviewTab("sample agency", "FY26 Q4");
  const calls = env.counter.snapshot();
  const sheet = tab(env, name);
  const rows = rowsOf(sheet);

  it("names the tab Review FY26 Q4 · Sample Agency and titles it with the account and quarter", () => {
    expect(name).toBe("Review FY26 Q4 · Sample Agency");
    expect(rows[0].cells[0]).toBe("Quarterly review · FY26 Q4 · Sample Agency");
    expect(rows[1].cells[0]).toContain("Jul 1 – Sep 30, 2026 · fiscal year starts October");
  });

  it("heads the review with account, owner, quarter, the cadence review type and suggested attendees", () => {
    expect(rowByKey(rows, "account|owner").cells[1]).toBe("cs.owner@example.gov");
    expect(rowByKey(rows, "account|quarter").cells[1]).toBe("FY26 Q4 · Jul 1 – Sep 30, 2026");
    expect(rowByKey(rows, "account|go-live").cells[1]).toBe("Apr 1, 2026");
    const type = rowByKey(rows, "account|review type");
    expect(type.cells[1]).toBe("Q1 outcome review");
    expect(type.cells[7]).toBe("recorded in Review Outcomes for Jul 15, 2026");
    // No company is hard-coded: without Settings › Company name the vendor's team is "Customer Success".
    expect(rowByKey(rows, "account|suggested attendees").cells[1]).toBe("Customer Success + agency PM");
  });

  it("lists contract-facing metrics grouped Schedule, Quality, Management with months, target and status", () => {
    const header = rowByKey(rows, "contract|columns").cells.slice(0, NOTES);
    expect(header).toEqual([
      "Metric",
      "CPARS area",
      "Target",
      "Jul 2026",
      "Aug 2026",
      "Sep 2026",
      "Status",
      "Trend and breaches",
      "Notes",
    ]);
    const metrics = rows.filter(
      (r) => r.key.startsWith("contract|") && !/\|(internal|ytd|year)/.test(r.key) && r.cells[1] !== "",
    );
    expect(metrics.map((r) => [r.cells[0], r.cells[1]])).toEqual([
      ["Metric", "CPARS area"],
      ["Deliverable schedule adherence", "Schedule"],
      ["System uptime", "Quality"],
      ["Mean time to remediate (MTTR) - P1", "Quality"],
      ["POA&M closure rate", "Management"],
      ["Control deviation rate", "Management"],
    ]);
    const uptime = rowByKey(rows, "contract|system uptime");
    expect(uptime.cells.slice(2, 7)).toEqual(["at least 99.5%", "99.95%", "99.89%", "99.93%", "Met"]);
    expect(uptime.cells[7]).toBe("Worsening: 99.95% → 99.89% → 99.93%");
    expect(rowByKey(rows, "contract|cpars summary").cells[0]).toContain("Quality: all 2 met");
  });

  it("explains the health score: each component's weight, change and points, and why the score moved", () => {
    const usage = rowByKey(rows, "health|product usage");
    expect(usage.cells.slice(1, 6)).toEqual(["40%", "at least 70", "68", "74", "78"]);
    // Measured from the end of the previous quarter (Jun 2026) to the quarter's last month.
    expect(usage.cells[7]).toBe("+18 (60 → 78) = +7.2 points of the score");
    const score = rowByKey(rows, "health|health score");
    expect(score.cells.slice(3, 8)).toEqual([
      "67",
      "71",
      "75",
      "Good",
      "+15 points (60 → 75, Jun 2026 → Sep 2026)",
    ]);
    const why = rows
      .filter((r) => r.key.startsWith("health|why"))
      .map((r) => r.cells[0])
      .join(" ");
    expect(why).toContain("Health score rose 15 points, 60 → 75 (Jun 2026 → Sep 2026), from At Risk to Good");
    expect(why).toContain("Biggest mover: Product usage +7.2 points of the score (60 → 78 at 40% weight)");
    expect(rowByKey(rows, "health|nrr").cells.slice(3, 6)).toEqual(["100.0%", "100.0%", "112.0%"]);
  });

  it("counts escalations opened, resolved and still open in the quarter and lists them", () => {
    expect(rowByKey(rows, "escalations|opened this quarter").cells[1]).toBe("2");
    expect(rowByKey(rows, "escalations|resolved this quarter").cells[1]).toBe("1");
    expect(rowByKey(rows, "escalations|still open").cells[1]).toBe("1");
    const resolved = rowByKey(rows, "escalations|esc-0001");
    expect(resolved.cells.slice(0, 7)).toEqual([
      "ESC-0001 · System uptime",
      "Critical",
      "Jun 2026",
      "Jul 2, 2026",
      "Jul 2, 2026",
      "Jul 20, 2026",
      "Resolved",
    ]);
  });

  it("shows the review outcomes recorded for the quarter and marks their agenda items recorded", () => {
    const outcome = rows.find((r) => r.key.startsWith("outcomes|jul 15, 2026|contract-facing"));
    expect(outcome?.cells[7]).toBe(
      "Outcome: Uptime back above target after the June incident · Decision: Keep the monthly uptime report to the CO",
    );
    expect(outcome?.cells[6]).toBe("Quality");
    const agenda = keysOf(rows, "agenda|").filter((k) => !/\|(heading|columns|spacer)$/.test(k));
    expect(agenda.map((k) => rowByKey(rows, k).cells[0])).toEqual([
      "1. Contract-facing metrics vs. targets",
      "2. Internal health review",
      "3. Open issues log",
      "4. Feature requests categorized",
    ]);
    expect(rowByKey(rows, agenda[0]).cells[6]).toBe("Recorded");
    expect(rowByKey(rows, agenda[1]).cells[6]).toBe("To record");
  });

  it("checks each expansion trigger with its evidence and says the enterprise-license conditions are not agreed yet", () => {
    expect(rowByKey(rows, "expansion|user adoption").cells[6]).toBe("Met");
    expect(rowByKey(rows, "expansion|user adoption").cells[7]).toBe(
      "64% of provisioned users active (Sep 2026)",
    );
    expect(rowByKey(rows, "expansion|time since go-live").cells[7]).toBe(
      "182 days since go-live (Apr 1, 2026) as of Sep 30, 2026",
    );
    expect(rowByKey(rows, "expansion|verdict").cells[6]).toBe("Ready");
    const remark = rows
      .filter((r) => r.key.startsWith("expansion|enterprise license"))
      .map((r) => r.cells[0]);
    expect(remark.join(" ")).toContain("The conditions are not agreed yet, so this tab does not check them");
    // The tab speaks the customer's language, not ours.
    expect(rows.map((r) => r.cells.join(" ")).join(" ")).not.toMatch(/\bseeds?\b/i);
  });

  it("looks like a document: frozen title, bold headings, % and date formats, severity colours, hidden keys", () => {
    expect(sheet.getFrozenRows()).toBe(2);
    const heading = rowByKey(rows, "contract|heading").row;
    expect(sheet.getRange(heading, 1).getFontWeight()).toBe("bold");
    const uptime = rowByKey(rows, "contract|system uptime").row;
    expect(sheet.getRange(uptime, 4).getNumberFormat()).toBe("0.00%");
    expect(sheet.getRange(uptime, 7).getBackground()).toBe(STATUS_COLORS.OK);
    const goLive = rowByKey(rows, "account|go-live").row;
    expect(sheet.getRange(goLive, 2).getNumberFormat()).toBe("mmm d, yyyy");
    const critical = rowByKey(rows, "escalations|esc-0001").row;
    expect(sheet.getRange(critical, 2).getBackground()).toBe(STATUS_COLORS.Critical);
    // ESC-0002 was logged on 38% for Aug 2026; the tab now holds a value that meets the rule: the month is
    // not painted as a breach, and the row says the escalation was corrected.
    const mau = rowByKey(rows, "health|indicator|monthly active users (mau)");
    expect(sheet.getRange(mau.row, 5).getBackground()).not.toBe(STATUS_COLORS.Watch);
    expect(mau.cells[7]).toContain("Corrected: ESC-0002 (Aug 2026): logged on an earlier value");
    expect(rows[1].cells[NOTES - 1]).toBe("Notes");
    expect(sheet.isColumnHiddenByUser(KEY)).toBe(true);
    expect(sheet.getColumnWidth(8)).toBeGreaterThan(sheet.getColumnWidth(4));
  });

  it("writes each tab in one batched call per kind of content (and the Audit Log rows in one more)", () => {
    // One setValues each for the review tab and the federal account's CO report, one for the Audit Log
    // rows of both (the shared writer, by header).
    expect(calls["Range.setValues"]).toBe(3);
    expect(calls["Sheet.appendRow"] ?? 0).toBe(0);
    expect(calls["Range.setNumberFormats"]).toBe(3);
    expect(calls["Range.setBackgrounds"]).toBe(2);
    expect(calls["Range.setFontWeights"]).toBe(2);
    expect(calls["Range.setValue"] ?? 0).toBe(0);
    expect(calls["Range.setBackground"] ?? 0).toBe(0);
  });

  it("records the generation in the Audit Log", () => {
    const audit = tab(env, "Audit Log").getDataRange().getValues();
    expect(audit[1].slice(2)).toEqual(["Generate review tab", name, "", "created"]);
    expect(audit[2].slice(2)).toEqual([
      "Generate review tab",
      "CO Report FY26 Q4 · Sample Agency",
      "",
      "created",
    ]);
  });
});

describe("generateReviewTab: quarters follow Settings › Fiscal year starts", () => {
  it("reads FY26 Q4 as Jul–Sep 2026 with an October start and as Oct–Dec 2026 with a January start", () => {
    const october = start({ fiscalYearStarts: "October" });
    const octoberRows = rowsOf(tab(october.env, october.gas.generateReviewTab("Sample Agency", "FY26 Q4")));
    expect(rowByKey(octoberRows, "contract|columns").cells.slice(3, 6)).toEqual([
      "Jul 2026",
      "Aug 2026",
      "Sep 2026",
    ]);

    const january = start({ fiscalYearStarts: "January" });
    const januaryRows = rowsOf(tab(january.env, january.gas.generateReviewTab("Sample Agency", "FY26 Q4")));
    expect(rowByKey(januaryRows, "contract|columns").cells.slice(3, 6)).toEqual([
      "Oct 2026",
      "Nov 2026",
      "Dec 2026",
    ]);
    expect(januaryRows[1].cells[0]).toContain("Oct 1 – Dec 31, 2026 · fiscal year starts January");

    const sameMonths = rowsOf(tab(january.env, january.gas.generateReviewTab("Sample Agency", "FY26 Q3")));
    expect(rowByKey(sameMonths, "contract|system uptime").cells.slice(3, 6)).toEqual(
      rowByKey(octoberRows, "contract|system uptime").cells.slice(3, 6),
    );
  });

  it("uses the current quarter when the quarter is blank (Oct 5, 2026 with an October start: FY27 Q1)", () => {
    const { gas } = start();
    expect(gas.generateReviewTab("Sample Agency", "")).toBe("Review FY27 Q1 · Sample Agency");
  });
});

describe("generateReviewTab: an account with no data in the quarter", () => {
  it("says so plainly at the top and still renders every section with No data statuses", () => {
    const { env, gas } = start();
    const rows = rowsOf(tab(env, gas.generateReviewTab("Sample Agency", "FY27 Q2")));
    const message = rows
      .filter((r) => r.key.startsWith("account|no data"))
      .map((r) => r.cells[0])
      .join(" ");
    expect(message).toContain(
      'No data for FY27 Q2: no metric on the account tab "Sample Agency" has a value in Jan 2027, Feb 2027, Mar 2027',
    );
    expect(rowByKey(rows, "contract|system uptime").cells[6]).toBe("No data");
    expect(rowByKey(rows, "health|health score").cells[6]).toBe("No data");
    expect(rowByKey(rows, "expansion|verdict").cells[6]).not.toBe("");
  });

  it("handles an account tab with no period columns at all", () => {
    const { env, gas } = start({
      accounts: [
        federalAccount("New Agency", (t) => {
          t.periods = [];
          for (const metric of t.metrics) metric.values = [];
        }),
      ],
    });
    const rows = rowsOf(tab(env, gas.generateReviewTab("New Agency", "FY26 Q4")));
    expect(rowByKey(rows, "account|data").cells[1]).toBe("the account tab has no period columns yet");
    expect(rowByKey(rows, "expansion|user adoption").cells[7]).toBe(
      'no data: "Monthly active users (MAU)" has no value yet',
    );
  });
});

describe("generateReviewTab: refreshing keeps the user's notes", () => {
  it("updates the data, never duplicates the tab, and keeps each note on its row even when rows move", () => {
    const { env, gas } = start();
    const name = gas.generateReviewTab("Sample Agency", "FY26 Q4");
    const sheet = tab(env, name);
    const before = rowsOf(sheet);
    const note = (key: string, text: string) =>
      env.counter.uncounted(() => sheet.getRange(rowByKey(before, key).row, NOTES).setValue(text));
    note("contract|system uptime", "PM asked for the June RCA");
    note("expansion|verdict", "=raise at the Q2 review");
    note("escalations|none", "Nothing to escalate");
    const tabsBefore = env.spreadsheet.getSheets().length;

    env.counter.uncounted(() =>
      tab(env, "Escalation Log")
        .getRange(2, 1, 2, 15)
        .setValues(
          sampleLog(env).map((row) =>
            [
              "ID",
              "Account",
              "Metric",
              "Period",
              "Value",
              "Condition",
              "Severity",
              "Action",
              "Owner",
              "Opened",
              "Due",
              "Status",
              "Last notified",
              "Last seen",
              "Note",
            ].map((column) => (row as Record<string, unknown>)[column] ?? ""),
          ),
        ),
    );
    expect(gas.generateReviewTab("SAMPLE AGENCY", "fy26 q4")).toBe(name);
    expect(env.spreadsheet.getSheets().length).toBe(tabsBefore);

    const after = rowsOf(sheet);
    const verdict = rowByKey(after, "expansion|verdict");
    expect(verdict.row).toBeGreaterThan(rowByKey(before, "expansion|verdict").row);
    expect(verdict.cells[NOTES - 1]).toBe("=raise at the Q2 review");
    expect(sheet.getRange(verdict.row, NOTES).getFormula()).toBe("");
    expect(rowByKey(after, "contract|system uptime").cells[NOTES - 1]).toBe("PM asked for the June RCA");
    expect(rowByKey(after, "escalations|opened this quarter").cells[1]).toBe("2");
    const kept = rowByKey(after, "escalations|none");
    expect(kept.cells[0]).toBe("escalations › none");
    expect(kept.cells[NOTES - 1]).toBe("Nothing to escalate");
    expect(after.some((r) => r.cells[0].startsWith("Notes kept from an earlier version"))).toBe(true);
  });

  it("finds its tab again after the user renames it", () => {
    const { env, gas } = start();
    const sheet = tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q4"));
    env.counter.uncounted(() => sheet.setName("Q4 review for the PM"));
    expect(gas.generateReviewTab("Sample Agency", "FY26 Q4")).toBe("Q4 review for the PM");
  });
});

/** Marks the rules of `metric` with `condition` as reaching the contracting officer (Reaches CO = Yes). */
function markReachesCo(env: GasEnvironment, metric: string, condition: string): void {
  const sheet = tab(env, "Escalation Rules");
  const values = sheet.getDataRange().getValues();
  const column = values[0].indexOf("Reaches CO") + 1;
  values.forEach((row, index) => {
    if (row[0] === metric && row[2] === condition) sheet.getRange(index + 1, column).setValue("Yes");
  });
}

describe("generateReviewTab: contract-facing vs internal (seed 000)", () => {
  it("keeps every internal metric out of the CO section unless a Reaches CO rule fired, Watch included", () => {
    const { env, gas } = start();
    const q3 = rowsOf(tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q3")));
    expect(keysOf(q3, "contract|internal|")).toEqual([]);
  });

  it("shows an internal metric in the CO section only in a quarter where a Reaches CO rule breached", () => {
    const { env, gas } = start();
    markReachesCo(env, "Monthly active users (MAU)", "below 40%");
    const q3 = rowsOf(tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q3")));
    const mau = rowByKey(q3, "contract|internal|monthly active users (mau)");
    expect(mau.cells[1]).toBe("Internal");
    expect(mau.cells[6]).toBe("Watch");
    expect(mau.cells[7]).toContain("Breached: Watch: below 40% (Apr, May 2026)");
    expect(keysOf(q3, "contract|internal|")).not.toContain("contract|internal|sponsor engagement");

    const q4 = rowsOf(tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q4")));
    expect(keysOf(q4, "contract|internal|")).toEqual([]);
    expect(keysOf(q4, "contract|").some((k) => k.includes("product usage"))).toBe(false);
  });

  it("keeps a logged escalation whose value was since corrected out of the CO section, noting the correction", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, { log: sampleLog(env) });
    markReachesCo(env, "Monthly active users (MAU)", "below 40%");
    const gas = loadBundle(env);
    const rows = rowsOf(tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q4")));
    expect(keysOf(rows, "contract|internal|")).toEqual([]);
    expect(rowByKey(rows, "health|indicator|monthly active users (mau)").cells[7]).toContain(
      "Corrected: ESC-0002 (Aug 2026)",
    );
  });
});

describe("generateReviewTab: tab names, choices and errors", () => {
  const long = (ending: string) =>
    `Department of Veterans Affairs Office of Information and Technology Enterprise Program ${ending}`;

  it("gives two accounts whose names truncate alike two tabs within 100 characters, each refreshed in place", () => {
    const first = long("Management Office North");
    const second = long("Management Office South");
    const { env, gas } = start({
      accounts: [
        federalAccount(first, (t) => {
          t.tabName = "VA North";
        }),
        federalAccount(second, (t) => {
          t.tabName = "VA South";
        }),
      ],
    });
    const names: string[] = Array.from(gas.generateReviewTab("all", "FY26 Q4"));
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(100);
    expect(names[0].endsWith("…")).toBe(true);
    expect(names[1].endsWith("… (2)")).toBe(true);
    expect(rowsOf(tab(env, names[1]))[0].cells[0]).toBe(`Quarterly review · FY26 Q4 · ${second}`);
    const count = env.spreadsheet.getSheets().length;
    expect(gas.generateReviewTab(second, "FY26 Q4")).toBe(names[1]);
    expect(gas.generateReviewTab(first, "FY26 Q4")).toBe(names[0]);
    expect(env.spreadsheet.getSheets().length).toBe(count);
  });

  it("never overwrites a user's own tab that happens to have the review's name", () => {
    const { env, gas } = start();
    env.sheetFromRows("Review FY26 Q4 · Sample Agency", [["my own notes"]]);
    expect(gas.generateReviewTab("Sample Agency", "FY26 Q4")).toBe("Review FY26 Q4 · Sample Agency (2)");
    expect(tab(env, "Review FY26 Q4 · Sample Agency").getRange("A1").getValue()).toBe("my own notes");
  });

  it("names the known accounts when the account is unknown, and the expected form when the quarter is not", () => {
    const { gas } = start();
    expect(() => gas.generateReviewTab("Acme", "FY26 Q4")).toThrow(
      'generateReviewTab: no account named "Acme"; known accounts: "Sample Agency" (or "all")',
    );
    expect(() => gas.generateReviewTab("Sample Agency", "Q5 2026")).toThrow(
      'generateReviewTab: quarter must look like "FY27 Q1" (fiscal year, then Q1–Q4), got "Q5 2026"',
    );
  });

  it("opens a dialog whose server call offers the accounts, the quarters with data and a sensible default", () => {
    const { env, gas } = start({
      accounts: [federalAccount("Sample Agency"), federalAccount("Other Agency")],
    });
    gas.showReviewDialog();
    const dialog = env.ui.dialogs.at(-1);
    expect(dialog?.kind).toBe("modal");
    expect(dialog?.title).toBe("Generate review tab");
    expect(dialog?.html).toContain('id="account"');
    expect(dialog?.html).not.toContain("innerHTML");
    const options = JSON.parse(JSON.stringify(gas.reviewDialogOptions()));
    expect(options.accounts).toEqual(["Sample Agency", "Other Agency"]);
    expect(options.quarters).toEqual(["FY27 Q1", "FY26 Q4", "FY26 Q3"]);
    expect(options.defaultQuarter).toBe("FY26 Q4");
    expect(options.fiscalYearStarts).toBe("October");
  });
});

describe("generateReviewTab: a commercial account", () => {
  it("speaks the customer's language: no CPARS, ISSO, POA&M, CLIN, option year, agency or contracting officer", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, { accounts: [federalAccount("Sample Agency"), federalAccount("Northwind Health")] });
    const northwind = tab(env, "Northwind Health");
    northwind.getRange("A7:B7").setValues([["Segment", "Commercial"]]);
    northwind.getRange("B6").setValue("");
    const gas = loadBundle(env);
    // Went live Apr 1, 2026: its first quarterly business review falls in FY27 Q1 (Oct–Dec 2026).
    const name = gas.generateReviewTab("Northwind Health", "FY27 Q1");
    const shown = tab(env, name).getDataRange().getDisplayValues().flat().join("\n");
    expect(shown).not.toMatch(FEDERAL_WORDING);
    expect(shown).toContain("1. Service commitments vs target");
    expect(shown).toContain("6. Expansion signals");
    expect(shown).toContain("commercial review calendar");
    expect(shown).toContain("Quarterly business review");

    // The federal account of the same workbook keeps its federal review.
    const federal = tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q4"))
      .getDataRange()
      .getDisplayValues();
    expect(federal.flat().join("\n")).toContain("CPARS summary");
  });
});

describe("generateReviewTab: the CO report of a federal account", () => {
  const CO = "CO Report FY26 Q4 · Sample Agency";

  it("is written beside the review, holds the contract metrics and nothing internal, and keeps its notes on refresh", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, { log: sampleLog(env) });
    const gas = loadBundle(env);
    gas.generateReviewTab("Sample Agency", "FY26 Q4");
    const sheet = tab(env, CO);
    const rows = rowsOf(sheet);
    const shown = rows.map((row) => row.cells.slice(0, NOTES - 1).join(" ")).join("\n");
    expect(rows[0].cells[0]).toBe("Contracting officer report · FY26 Q4 · Sample Agency");
    expect(rowByKey(rows, "metrics|system uptime").cells.slice(2, 7)).toEqual([
      "at least 99.5%",
      "99.95%",
      "99.89%",
      "99.93%",
      "Met",
    ]);
    expect(shown).toContain("CPARS summary");
    expect(shown).toContain("FY26 to date");
    for (const internal of [
      "Monthly active users",
      "Health",
      "Sponsor engagement",
      "Training conversation",
      "Expansion",
    ])
      expect(shown).not.toContain(internal);
    expect(sheet.isColumnHiddenByUser(KEY)).toBe(true);

    env.counter.uncounted(() =>
      sheet
        .getRange(rowByKey(rows, "metrics|system uptime").row, NOTES)
        .setValue("CO asked for the June RCA"),
    );
    env.counter.uncounted(() => sheet.setName("For the CO"));
    const tabs = env.spreadsheet.getSheets().length;
    gas.generateReviewTab("Sample Agency", "FY26 Q4");
    expect(env.spreadsheet.getSheets().length).toBe(tabs);
    const refreshed = rowsOf(tab(env, "For the CO"));
    expect(rowByKey(refreshed, "metrics|system uptime").cells[NOTES - 1]).toBe("CO asked for the June RCA");
  });

  it("is not written for a commercial account", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, { accounts: [federalAccount("Northwind Health")] });
    tab(env, "Northwind Health")
      .getRange("A7:B7")
      .setValues([["Segment", "Commercial"]]);
    const gas = loadBundle(env);
    gas.generateReviewTab("Northwind Health", "FY27 Q1");
    expect(env.spreadsheet.getSheets().some((sheet) => sheet.getName().startsWith("CO Report"))).toBe(false);
  });
});

describe("generateReviewTab: actions carried forward", () => {
  it("lists earlier reviews' open actions with owner, due date and Overdue, leaves done ones out, and marks a done action of the quarter", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    const outcome = (date: string, item: string, owner: string, due: string, done: string) => ({
      Account: "Sample Agency",
      "Review date": env.sheetDate(date),
      "Review type": "Q1 outcome review",
      Attendees: "",
      "Agenda item": item,
      Outcome: `Outcome of ${item}`,
      Decision: "",
      "Action owner": owner,
      "Action due": due ? env.sheetDate(due) : "",
      "CPARS area": "",
      "Action done": done ? env.sheetDate(done) : "",
    });
    federalWorkbook(env, {
      outcomes: [
        outcome("2026-04-20", "Uptime report to the PM", "cs.owner@example.gov", "2026-05-15", ""),
        outcome("2026-04-20", "Training plan", "trainer@example.gov", "2026-12-01", ""),
        outcome("2026-04-20", "Close old tickets", "support@example.gov", "2026-05-01", "2026-04-30"),
        outcome("2026-08-10", "Renew ATO letter", "iso@example.gov", "2026-09-01", "2026-08-30"),
      ],
    });
    const gas = loadBundle(env);
    const rows = rowsOf(tab(env, gas.generateReviewTab("Sample Agency", "FY26 Q4")));
    expect(rowByKey(rows, "outcomes|carried").cells[0]).toBe(
      "Actions carried forward from earlier reviews (2 open)",
    );
    const carried = rows.filter((row) => row.key.startsWith("outcomes|carried|row"));
    expect(carried.map((row) => [row.cells[0], row.cells[2], row.cells[3], row.cells[6]])).toEqual([
      ["Uptime report to the PM", "cs.owner@example.gov", "May 15, 2026", "Overdue"],
      ["Training plan", "trainer@example.gov", "Dec 1, 2026", "Open"],
    ]);
    const done = rows.find((row) => row.cells[0] === "Renew ATO letter");
    expect(done?.cells[7]).toMatch(/^Done · /);
  });
});

describe("generateReviewTab: the review calendar's edge cases", () => {
  const reviewRows = (goLive: string, quarter: string) => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, {
      accounts: [
        federalAccount("Late Agency", (account) => {
          account.goLive = goLive;
        }),
      ],
    });
    const gas = loadBundle(env);
    return rowsOf(tab(env, gas.generateReviewTab("Late Agency", quarter)));
  };

  it("lists both the month-1 and month-3 reviews when go-live falls in a quarter's last month", () => {
    const rows = reviewRows("2026-09-15", "FY27 Q1");
    expect(rowByKey(rows, "account|review date").cells[1]).toBe("Oct 15, 2026");
    expect(rowByKey(rows, "account|also this quarter").cells[1]).toMatch(/ · Dec 15, 2026$/);
  });

  it("moves a review that falls on a weekend to the next business day and says so", () => {
    // Go-live Aug 1, 2026: month 3 is Sunday Nov 1, 2026 → Monday Nov 2.
    const rows = reviewRows("2026-08-01", "FY27 Q1");
    expect(rowByKey(rows, "account|review date").cells[1]).toBe("Nov 2, 2026");
    expect(rowByKey(rows, "account|review type").cells[7]).toContain(
      "due Nov 1, 2026, moved to a business day",
    );
  });
});
