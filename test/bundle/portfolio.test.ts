// The Portfolio tab through build/Code.js: the scan refreshes it when account tabs come and go.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";
import { loadBundle } from "../support/load-bundle";
import { addAccountTab, federalAccount, federalWorkbook } from "../support/review-workbook";

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
