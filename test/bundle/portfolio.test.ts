// The Portfolio tab through build/Code.js: every complete scan refreshes it (accounts by risk, counts, as-of line).
import { describe, expect, it } from "vitest";
import { createGasEnvironment, customFunctionsOf, formulaEngine } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { addAccountTab, federalAccount, federalWorkbook } from "../../emulation/workbooks/federal-workbook";

describe("the Portfolio tab", () => {
  it("gets one formula row per account from a scan, the scan's time, and a new row when an account tab is added", () => {
    const env = createGasEnvironment({ now: "2026-10-05T12:00:00Z" });
    federalWorkbook(env);
    const gas = loadBundle(env);
    gas.runScan();
    const portfolio = () => {
      const sheet = env.spreadsheet.getSheetByName("Portfolio");
      if (!sheet) throw new Error("no Portfolio tab");
      return sheet.getDataRange();
    };
    const accounts = () =>
      portfolio()
        .getValues()
        .slice(1)
        .map((row) => row[0])
        .filter((_name, index, all) => index < all.indexOf(""));
    expect(accounts()).toEqual(["Account", "Sample Agency"]);
    expect(portfolio().getValues()[0][0]).toMatch(
      /^As of Mon Oct 5, 2026, 12:00 PM \(Etc\/UTC\), last scan · /,
    );
    expect(portfolio().getFormulas()[2][3]).toBe("='Sample Agency'!I29");

    addAccountTab(env, federalAccount("Second Agency"));
    env.advance(24 * 3600 * 1000);
    gas.runScan();
    expect(portfolio().getValues()[0][0]).toMatch(/^As of Tue Oct 6, 2026, 12:00 PM /);
    const names = accounts();
    expect(names.slice().sort()).toEqual(["Account", "Sample Agency", "Second Agency"]);
    expect(portfolio().getFormulas()[1 + names.indexOf("Second Agency")][2]).toBe("='Second Agency'!$B$2");
  });
});

describe("the Portfolio tab as Sheets computes it", () => {
  it("shows each account's latest health score, its band, NRR, open escalations by severity and next review", () => {
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
    const [, header, row] = read("Portfolio");
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

    // Open by severity counts the account's rows of the Escalation Log that are not Resolved, as the scan left it.
    const open = read("Escalation Log")
      .slice(1)
      .filter((cells) => /^sample agency$/i.test(String(cells[1])) && cells[11] !== "Resolved");
    expect(open.length).toBe(summary.newEscalations);
    const bySeverity = ["Critical", "Warning", "Watch"]
      .map((severity) => [severity, open.filter((cells) => cells[6] === severity).length] as const)
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => `${count} ${severity}`)
      .join(" · ");
    expect(value("Open by severity")).toBe(bySeverity || "none");

    expect(value("Next review")).toBeInstanceOf(Date);
    expect((value("Next review") as Date).getTime()).toBeGreaterThan(Date.parse("2026-10-05"));
    expect(String(value("Review type"))).toMatch(/review/i);
    expect(String(value("Trend"))).toMatch(/^[▁▂▃▄▅▆▇█·]{6} /);
    for (const cell of row) expect(String(cell)).not.toMatch(/^#/);
  });
});
