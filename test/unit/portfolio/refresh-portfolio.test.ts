// The Portfolio tab: one row per account tab with formulas over it, removed accounts dropped, user columns kept.
import { afterEach, describe, expect, it } from "vitest";
import type { GasEnvironment } from "../../../emulation/index";
import { createGasEnvironment } from "../../../emulation/index";
import { federalAccount, federalWorkbook } from "../../../emulation/workbooks/federal-workbook";
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
  it("writes one row per account tab with formulas that reference that tab's latest cells", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, { accounts: [federalAccount("Sample Agency"), federalAccount("O'Brien Office")] });
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const { sheet, values, formulas } = portfolio(env);
    expect(values[0]).toEqual([
      "Account",
      "Owner",
      "Health score",
      "Band",
      "NRR",
      "Open escalations",
      "Next review",
    ]);
    expect(values.slice(1).map((row) => row[0])).toEqual(["Sample Agency", "O'Brien Office"]);
    expect(formulas[2].slice(1)).toEqual([
      "='O''Brien Office'!$B$2",
      "='O''Brien Office'!I29",
      "=HEALTH_BAND(C3,'Settings'!$B$4)",
      "=IFERROR('O''Brien Office'!I30/'O''Brien Office'!$B$5,\"\")",
      "=COUNTIFS('Escalation Log'!$B:$B,A3,'Escalation Log'!$L:$L,\"<>Resolved\")",
      "=IFERROR(TEXT(EDATE('O''Brien Office'!$B$3,9),\"yyyy-mm-dd\")&\" · \"&REVIEW_TYPE('O''Brien Office'!$B$3,EDATE('O''Brien Office'!$B$3,9)),\"\")",
    ]);
    const tab = env.spreadsheet.getSheetByName("O'Brien Office")!;
    expect(tab.getRange("A29").getValue()).toBe("Health score");
    expect(tab.getRange("I8").getValue()).toEqual(env.sheetDate("2026-09-01"));
    expect(tab.getRange("A30").getValue()).toBe("ARR");
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getRange("E2").getNumberFormat()).toBe("0.0%");
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
    expect(formulas[1][2]).toBe(
      "=HEALTH_SCORE('Sample Agency'!I25,'Sample Agency'!I26,'Sample Agency'!I27,\"\",'Settings'!$B$3)",
    );
  });

  it("drops the row of an account whose tab is gone and keeps the user's own columns with their account", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env, {
      accounts: [federalAccount("Alpha"), federalAccount("Beta"), federalAccount("Gamma")],
    });
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const sheet = env.spreadsheet.getSheetByName("Portfolio")!;
    sheet.getRange("H1:I4").setValues([
      ["CSM comment", "Double"],
      ["alpha note", "=C2*2"],
      ["beta note", "=C3*2"],
      ["gamma note", "=C4*2"],
    ]);
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName("Alpha")!);
    refreshPortfolio(env.spreadsheet as never);
    const { values, formulas } = portfolio(env);
    expect(values.map((row) => [row[0], row[7]])).toEqual([
      ["Account", "CSM comment"],
      ["Beta", "beta note"],
      ["Gamma", "gamma note"],
    ]);
    expect(formulas[1][8]).toBe("=C3*2");
    expect(formulas[1][2]).toBe("='Beta'!I29");
  });

  it("keeps the SPEC columns where the user moved them and adds a missing one at the right", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env);
    env.sheetFromRows("Portfolio", [["Owner", "Account", "Health score", "Band", "NRR", "Next review"]]);
    withGlobals(env);
    refreshPortfolio(env.spreadsheet as never);
    const { values, formulas } = portfolio(env);
    expect(values[0]).toEqual([
      "Owner",
      "Account",
      "Health score",
      "Band",
      "NRR",
      "Next review",
      "Open escalations",
    ]);
    expect(values[1][1]).toBe("Sample Agency");
    expect(formulas[1][0]).toBe("='Sample Agency'!$B$2");
    expect(formulas[1][6]).toContain(",B2,");
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
