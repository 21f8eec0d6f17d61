// Retyped tab names (`Escalation  Log`, `kpi catalog`): the scan, the sidebar, the review and the Portfolio all find the same tabs.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { buildSampleWorkbook, TODAY } from "../browser/sample-workbook";

const RENAMES: [string, string][] = [
  ["Escalation Log", "Escalation  Log"],
  ["KPI Catalog", "kpi catalog"],
  ["Escalation Rules", "ESCALATION RULES"],
];

function workbook(rename: boolean): GasEnvironment {
  const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY, activeUserEmail: "" });
  buildSampleWorkbook(env);
  if (rename)
    for (const [from, to] of RENAMES) {
      const sheet = env.spreadsheet.getSheetByName(from);
      if (sheet) sheet.setName(to);
    }
  return env;
}

function texts(env: GasEnvironment): string {
  return env.spreadsheet
    .getSheets()
    .map((sheet) => sheet.getDataRange().getDisplayValues().flat().join("\n"))
    .join("\n");
}

describe("tabs whose names were retyped", () => {
  it("are the tabs the scan writes to and the sidebar lists from, as with the standard names", () => {
    const plain = workbook(false);
    const renamed = workbook(true);
    const plainGas = loadBundle(plain);
    const renamedGas = loadBundle(renamed);

    const plainScan = plainGas.runScan();
    const renamedScan = renamedGas.runScan();
    expect(renamedScan.breaches).toBe(plainScan.breaches);
    expect(renamedScan.breaches).toBeGreaterThan(0);
    expect(renamedScan.updatedEscalations).toBe(plainScan.updatedEscalations);
    expect(renamed.spreadsheet.getSheetByName("Escalation  Log")?.getDataRange().getValues()).toEqual(
      plain.spreadsheet.getSheetByName("Escalation Log")?.getDataRange().getValues(),
    );
    // No second log tab was made next to the renamed one.
    expect(renamed.spreadsheet.getSheets().map((sheet) => sheet.getName())).not.toContain("Escalation Log");

    const listed = renamedGas.listEscalations({ account: "Acme" });
    expect(listed.rows.length).toBeGreaterThan(0);
    expect(listed.rows.length).toBe(plainGas.listEscalations({ account: "Acme" }).rows.length);

    const state = renamedGas.sidebarState();
    expect(JSON.stringify(state)).toBe(JSON.stringify(plainGas.sidebarState()));
  });

  it("are found by the review and the Portfolio: no 'No … tab' note, no duplicate tab created", () => {
    const renamed = workbook(true);
    const gas = loadBundle(renamed);
    gas.runScan();
    gas.generateReviewTab("Acme", "");
    const names = renamed.spreadsheet.getSheets().map((sheet) => sheet.getName());
    for (const [from] of RENAMES) expect(names).not.toContain(from);
    for (const [from] of RENAMES) expect(texts(renamed)).not.toContain(`No "${from}" tab`);
    expect(names).toContain("Portfolio");
    // The Portfolio's counts read the log under the name the user gave it.
    const logged = renamed.spreadsheet.getSheetByName("Escalation  Log")?.getLastRow() ?? 0;
    expect(logged).toBeGreaterThan(1);
    const portfolio = renamed.spreadsheet.getSheetByName("Portfolio")?.getDataRange().getValues() ?? [];
    const column = portfolio[1].indexOf("Open by severity");
    expect(portfolio[2][column]).toMatch(/\d (Critical|Warning|Watch)/);
  });
});
