// Segments in the scan: a rule runs only on accounts of its segment; an unknown segment skips the tab, naming the cell.
import { describe, expect, it } from "vitest";
import { examplesAccount, loadScenario, plain } from "../support/scan-scenario";
import { logRows, rule } from "../support/workbook-fixture";

const rules = [
  { ...rule("System uptime", "Critical", "misses target", "immediately"), Segment: "Federal" },
  { ...rule("Monthly active users (MAU)", "Watch", "below 40%"), Segment: "" },
];

describe("runScan: segments", () => {
  it("runs a Federal rule on federal accounts only, and an All rule on every account", () => {
    const { env, gas } = loadScenario({
      rules,
      accounts: [
        examplesAccount(),
        examplesAccount({
          tab: "Contoso",
          account: "Contoso",
          owner: "cs@contoso.example",
          segment: "Commercial",
        }),
      ],
    });
    plain(gas.runScan());
    const opened = logRows(env)
      .map((row) => `${row.Account} | ${row.Metric}`)
      .sort();
    expect(opened).toEqual([
      "Contoso | Monthly active users (MAU)",
      "Dept of Examples | Monthly active users (MAU)",
      "Dept of Examples | System uptime",
    ]);
  });

  it("takes Settings › Default segment for a tab without a Segment row", () => {
    const { env, gas } = loadScenario({ rules, settings: { "Default segment": "Commercial" } });
    plain(gas.runScan());
    expect(logRows(env).map((row) => row.Metric)).toEqual(["Monthly active users (MAU)"]);
  });

  it("skips a tab whose Segment it cannot read, naming the cell, and opens nothing for it", () => {
    const { env, gas } = loadScenario({ rules, accounts: [examplesAccount({ segment: "Comercial" })] });
    const summary = plain(gas.runScan());
    expect(logRows(env)).toEqual([]);
    expect(summary.skipped).toEqual([
      {
        tab: "Dept of Examples",
        reason: 'row 7: "Segment" in B7 must be Federal or Commercial, got "Comercial"',
      },
    ]);
  });
});
