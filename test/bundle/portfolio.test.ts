// The Portfolio tab through build/Code.js: the scan refreshes it when account tabs come and go.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, customFunctionsOf, formulaEngine } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { addAccountTab, federalAccount, federalWorkbook } from "../../emulation/workbooks/federal-workbook";

describe("the Portfolio tab", () => {
  it("gets one formula row per account from a scan, and a new row when an account tab is added", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env);
    const gas = loadBundle(env);
    gas.runScan();
    const portfolio = () => {
      const sheet = env.spreadsheet.getSheetByName("Portfolio");
      if (!sheet) throw new Error("no Portfolio tab");
      return sheet.getDataRange();
    };
    expect(
      portfolio()
        .getValues()
        .map((row) => row[0]),
    ).toEqual(["Account", "Sample Agency"]);
    expect(portfolio().getFormulas()[1][2]).toBe("='Sample Agency'!I29");
    expect(portfolio().getFormulas()[1][5]).toBe(
      "=COUNTIFS('Escalation Log'!$B:$B,A2,'Escalation Log'!$L:$L,\"<>Resolved\")",
    );

    addAccountTab(env, federalAccount("Second Agency"));
    env.advance(24 * 3600 * 1000);
    gas.runScan();
    expect(
      portfolio()
        .getValues()
        .map((row) => row[0]),
    ).toEqual(["Account", "Sample Agency", "Second Agency"]);
    expect(portfolio().getFormulas()[2][1]).toBe("='Second Agency'!$B$2");
  });
});

describe("the Portfolio tab as Sheets computes it", () => {
  it("shows each account's latest health score, its band, NRR, open escalations and next review", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env);
    const gas = loadBundle(env);
    env.setFormulaEvaluator(
      formulaEngine({
        functions: customFunctionsOf(gas),
        counter: env.counter,
        runCustomFunction: (call) => env.withAuthMode("CUSTOM_FUNCTION", call),
      }),
    );
    const summary = gas.runScan();
    const read = (tab: string) =>
      env.counter.uncounted(() => env.spreadsheet.getSheetByName(tab)!.getDataRange().getValues());
    const [header, row] = read("Portfolio");
    const value = (column: string) => row[header.indexOf(column)];

    const account = read("Sample Agency");
    const latestOf = (metric: string) => {
      const line = account.find((cells) => cells[0] === metric)!;
      return [...line].reverse().find((cell) => cell !== "");
    };
    const startingArr = account.find((cells) => cells[0] === "Starting ARR")![1] as number;
    const score = latestOf("Health score") as number;
    expect(value("Health score")).toBe(score);
    expect(value("Band")).toBe(gas.HEALTH_BAND(score));
    expect(value("NRR")).toBeCloseTo((latestOf("ARR") as number) / startingArr, 10);

    // Open escalations counts the account's rows of the Escalation Log that are not Resolved.
    const logTab = env.spreadsheet.getSheetByName("Escalation Log")!;
    const logRow = (id: string, status: string) => [
      id,
      "sample agency",
      "System uptime",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      status,
    ];
    env.counter.uncounted(() =>
      logTab
        .getRange(logTab.getLastRow() + 1, 1, 3, 12)
        .setValues([
          logRow("ESC-9001", "Open"),
          logRow("ESC-9002", "Resolved"),
          logRow("ESC-9003", "Snoozed until 2026-12-01"),
        ]),
    );
    const log = read("Escalation Log");
    const open = log
      .slice(1)
      .filter((cells) => /^sample agency$/i.test(String(cells[1])) && cells[11] !== "Resolved");
    expect(open.length).toBe(summary.newEscalations + 2);
    expect(read("Portfolio")[1][header.indexOf("Open escalations")]).toBe(open.length);

    expect(String(value("Next review"))).toMatch(/^\d{4}-\d{2}-\d{2} · .*review/);
    expect(String(value("Next review")) > "2026-10-05").toBe(true);
    for (const cell of row) expect(String(cell)).not.toMatch(/^#/);
  });
});
