// The Portfolio tab: as-of line, accounts by risk with formulas over their tabs, band distribution, tabs not read, user columns kept.
import { afterEach, describe, expect, it } from "vitest";
import type { GasEnvironment } from "../../../emulation/index";
import { createGasEnvironment } from "../../../emulation/index";
import { federalAccount, federalWorkbook } from "../../../emulation/workbooks/federal-workbook";
import { COLUMNS } from "../../../src/domain/workbook-schema";
import { refreshPortfolio } from "../../../src/gas/refresh-portfolio";

const installed: string[] = [];

/** Runs the TypeScript adapter over the emulation by exposing its services as globals, as Apps Script does. */
function withGlobals(env: GasEnvironment): void {
  for (const name of ["SpreadsheetApp", "Utilities", "Session"] as const) {
    (globalThis as Record<string, unknown>)[name] = (env.globals as Record<string, unknown>)[name];
    installed.push(name);
  }
}

afterEach(() => {
  for (const name of installed.splice(0)) delete (globalThis as Record<string, unknown>)[name];
});

function portfolio(env: GasEnvironment) {
  const sheet = env.spreadsheet.getSheetByName("Portfolio");
  if (!sheet) throw new Error("no Portfolio tab");
  const range = sheet.getDataRange();
  return { sheet, values: range.getValues(), formulas: range.getFormulas() };
}

describe("refreshPortfolio", () => {
  it("writes an as-of line, the header in row 2 and one row per account with formulas over its latest cells", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z", timeZone: "America/New_York" });
    federalWorkbook(env, { accounts: [federalAccount("Sample Agency"), federalAccount("O'Brien Office")] });
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const { sheet, values, formulas } = portfolio(env);
    // The refresh's own clock (here the test's, not the emulated one), on the spreadsheet's wall clock.
    expect(values[0][0]).toMatch(
      /^As of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M \(America\/New_York\), Setup workbook · sorted by risk: open Critical escalations, then overdue ones, then health band$/,
    );
    expect(values[1]).toEqual([...COLUMNS.portfolio]);
    // Same data, same risk: by name.
    expect(values.slice(2, 4).map((row) => row[0])).toEqual(["O'Brien Office", "Sample Agency"]);
    const row = Object.fromEntries(COLUMNS.portfolio.map((name, index) => [name, formulas[2][index]]));
    expect(row).toMatchObject({
      Owner: "='O''Brien Office'!$B$2",
      "Health score": "='O''Brien Office'!I29",
      Band: "=HEALTH_BAND(D3,'Settings'!$B$4)",
      NRR: "=IFERROR('O''Brien Office'!I30/'O''Brien Office'!$B$5,\"\")",
      GRR: "=IFERROR(IF('O''Brien Office'!I30>'O''Brien Office'!$B$5,1,'O''Brien Office'!I30/'O''Brien Office'!$B$5),\"\")",
      "Next review": "=EDATE('O''Brien Office'!$B$3,9)",
      "Review type": "=IFERROR(REVIEW_TYPE('O''Brien Office'!$B$3,K3),\"\")",
    });
    const tab = env.spreadsheet.getSheetByName("O'Brien Office")!;
    expect(tab.getRange("A29").getValue()).toBe("Health score");
    expect(tab.getRange("I8").getValue()).toEqual(env.sheetDate("2026-09-01"));
    expect(sheet.getFrozenRows()).toBe(2);
    expect(sheet.getRange("G3").getNumberFormat()).toBe("0.0%");
    expect(sheet.getRange("K3").getNumberFormat()).toBe("ddd mmm d, yyyy");
    expect(values[2][1]).toBe("Federal");
    expect(values[2][5]).toMatch(/^[▁▂▃▄▅▆▇█·]{6}( |$)/);
    expect(values[2][8]).toBe("none");
    expect(values[2][9]).toBe(0);
  });

  it("computes the score with HEALTH_SCORE over the components and Settings' weights when there is no Health score row", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    const account = federalAccount("Sample Agency", (tab) => {
      tab.metrics = tab.metrics.filter((m) => m.metric !== "Health score" && m.metric !== "Account growth");
    });
    federalWorkbook(env, { accounts: [account] });
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const { formulas } = portfolio(env);
    expect(formulas[2][3]).toBe(
      "=HEALTH_SCORE('Sample Agency'!I25,'Sample Agency'!I26,'Sample Agency'!I27,\"\",'Settings'!$B$3)",
    );
  });

  it("sorts by open Critical, then overdue, lists unreadable tabs with their reason, and counts bands by formula", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    const critical = { Severity: "Critical", Status: "Open", Due: new Date("2099-10-30T00:00:00Z") };
    federalWorkbook(env, {
      accounts: [federalAccount("Alpha"), federalAccount("Beta"), federalAccount("Gamma")],
      log: [
        { ID: "ESC-0001", Account: "Gamma", Metric: "System uptime", ...critical },
        {
          ID: "ESC-0002",
          Account: "Beta",
          Metric: "MAU",
          Severity: "Watch",
          Status: "Acknowledged",
          Due: new Date("2026-10-01T00:00:00Z"),
        },
        { ID: "ESC-0003", Account: "Alpha", Metric: "MAU", ...critical, Status: "Resolved" },
      ],
    });
    env.sheetFromRows("Broken", [["Account", "Broken Co"]]);
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const { sheet, values, formulas } = portfolio(env);
    expect(values.slice(2, 5).map((row) => [row[0], row[8], row[9]])).toEqual([
      ["Gamma", "1 Critical", 0],
      ["Beta", "1 Watch", 1],
      ["Alpha", "none", 0],
    ]);
    expect(values[5].every((cell) => cell === "")).toBe(true);
    expect(values[6][0]).toBe("Band distribution");
    expect(values.slice(7, 12).map((row) => row[0])).toEqual([
      "Band",
      "Excellent",
      "Good",
      "At Risk",
      "Critical",
    ]);
    expect(formulas[8][1]).toBe('=COUNTIFS($E$3:$E$5,"Excellent")');
    expect(values[13][0]).toBe("Tabs not read");
    expect(values[15][0]).toBe("Broken");
    expect(String(values[15][1])).toMatch(/Owner email/);
    const bands = sheet
      .getConditionalFormatRules()
      .map((rule) => rule.getBooleanCondition().getCriteriaValues()[0]);
    expect(bands).toEqual(["Excellent", "Good", "At Risk", "Critical"]);
    expect(sheet.getConditionalFormatRules()[3].getRanges()[0].getA1Notation()).toBe("E3:E1000");
  });

  it("makes the band chart once and keeps it, following the table when it moves", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, { accounts: [federalAccount("Alpha"), federalAccount("Beta")] });
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const sheet = env.spreadsheet.getSheetByName("Portfolio")!;
    const [chart] = sheet.getCharts();
    expect(chart.getRanges()[0].getA1Notation()).toBe("A7:B11");
    refreshPortfolio(env.spreadsheet as never);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getChartId()).toBe(chart.getChartId());
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName("Beta")!);
    refreshPortfolio(env.spreadsheet as never);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0].getRanges()[0].getA1Notation()).toBe("A6:B10");
  });

  it("drops the row of an account whose tab is gone and keeps the user's own columns with their account", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, {
      accounts: [federalAccount("Alpha"), federalAccount("Beta"), federalAccount("Gamma")],
    });
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const sheet = env.spreadsheet.getSheetByName("Portfolio")!;
    sheet.getRange("M2:N5").setValues([
      ["CSM comment", "Double"],
      ["alpha note", "=D3*2"],
      ["beta note", "=D4*2"],
      ["gamma note", "=D5*2"],
    ]);
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName("Alpha")!);
    refreshPortfolio(env.spreadsheet as never);
    const { values, formulas } = portfolio(env);
    expect(values.slice(1, 4).map((row) => [row[0], row[12]])).toEqual([
      ["Account", "CSM comment"],
      ["Beta", "beta note"],
      ["Gamma", "gamma note"],
    ]);
    expect(formulas[2][13]).toBe("=D4*2");
    expect(formulas[2][3]).toBe("='Beta'!I29");
    expect(values.slice(4).some((row) => row.includes("alpha note"))).toBe(false);
  });

  it("brings a Portfolio made before the as-of line to the new layout, its user column kept and Open escalations dropped", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env);
    env.sheetFromRows("Portfolio", [
      ["Account", "Owner", "Health score", "Band", "NRR", "Open escalations", "Next review", "CSM comment"],
      ["Sample Agency", "", "", "", "", "", "", "renewal talk in May"],
    ]);
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const { values } = portfolio(env);
    expect(values[1]).toEqual([...COLUMNS.portfolio, "CSM comment"]);
    expect(values[2][0]).toBe("Sample Agency");
    expect(values[2][12]).toBe("renewal talk in May");
    expect(values.flat()).not.toContain("Open escalations");
  });

  it("creates the Portfolio tab when it is missing and leaves other tabs alone", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env);
    withGlobals(env);
    const before = env.spreadsheet.getSheets().map((s) => s.getName());
    refreshPortfolio(env.spreadsheet as never);
    expect(env.spreadsheet.getSheets().map((s) => s.getName())).toEqual([...before, "Portfolio"]);
  });
});
