// The sidebar's server calls in build/Code.js over the emulation: authoritative validation, locking, JSON-only answers.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment } from "../../emulation/index";
import { type BundleContext, loadBundle } from "../../emulation/load-bundle";
import { buildSampleWorkbook, TODAY } from "../browser/sample-workbook";
import { createServerBridge, findDates } from "../browser/server-bridge";

const SERVER_CALLS = [
  "sidebarState",
  "checkCondition",
  "loadKpiDefinition",
  "saveKpiDefinition",
  "loadValuesForm",
  "saveValues",
  "loadReviewForm",
  "saveReviewOutcomes",
  "listEscalations",
  "updateEscalation",
];

function setUp(prepare?: (env: GasEnvironment) => void): { env: GasEnvironment; gas: BundleContext } {
  const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY, activeUserEmail: "" });
  buildSampleWorkbook(env);
  prepare?.(env);
  return { env, gas: loadBundle(env) };
}

function rows(env: GasEnvironment, tab: string): unknown[][] {
  return env.spreadsheet.getSheetByName(tab)?.getDataRange().getValues() ?? [];
}

const review = (outcome: string) => ({
  account: "Acme",
  reviewDateIso: "2026-04-10",
  reviewType: "Mid-year review + ISSO security check",
  attendees: "CS lead, agency PM",
  items: [
    {
      agendaItem: "Contract metrics YTD",
      outcome,
      decision: "",
      actionOwner: "",
      actionDueIso: "",
      cparsArea: "",
    },
  ],
});

describe("the sidebar's server calls", () => {
  it("are global functions callable from google.script.run, and sidebar helpers are not", () => {
    const { gas } = setUp();
    for (const name of SERVER_CALLS) expect(typeof gas[name]).toBe("function");
    expect(typeof gas.showSidebar).toBe("function");
    expect(Object.keys(gas).filter((name) => typeof gas[name] === "function" && name.endsWith("_"))).toEqual(
      [],
    );
  });

  it("answer in plain JSON with ISO date strings, never a Date", () => {
    const { gas } = setUp();
    const answers = [
      gas.sidebarState(),
      gas.checkCondition("below 40%"),
      gas.loadKpiDefinition("System uptime"),
      gas.loadValuesForm({ account: "Acme", periodIso: "2026-02-01" }),
      gas.loadReviewForm({ account: "Acme", reviewDateIso: "2026-04-10" }),
      gas.listEscalations({ account: "Acme" }),
    ];
    for (const answer of answers) {
      expect(findDates(answer)).toEqual([]);
      expect(JSON.parse(JSON.stringify(answer))).toEqual(JSON.parse(JSON.stringify(answer)));
    }
    expect(gas.listEscalations({ account: "Acme" }).rows[0].dueIso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("re-validate every form on the server: a bad form sent past the browser writes nothing", () => {
    const { env, gas } = setUp();
    const before = rows(env, "Acme");
    const result = gas.saveValues({
      account: "Acme",
      periodIso: "2026-03-15",
      values: [{ metric: "System uptime", before: "", value: "4 hours" }],
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      ok: false,
      message: "Nothing was saved: fix the marked fields.",
      fieldErrors: {
        periodIso: "Period: expected the first day of a month",
        "values.0.value":
          'Expected a number such as 12, 99.5% or 1,200 (in the metric\'s unit), got "4 hours"',
      },
    });
    const kpi = gas.saveKpiDefinition({ metric: "X", category: "External", rules: [{ condition: "below" }] });
    expect(kpi.ok).toBe(false);
    expect(Object.keys(kpi.fieldErrors)).toContain("rules.0.condition");
    expect(rows(env, "Acme")).toEqual(before);
    expect(env.spreadsheet.getSheetByName("Audit Log")).toBeNull();
  });

  it("refuse a review type the cadence does not offer for that date", () => {
    const { gas } = setUp();
    const result = gas.saveReviewOutcomes({
      ...review("ok"),
      reviewType: "Annual review + option year exercise (option year 3)",
    });
    expect(result.ok).toBe(false);
    expect(result.fieldErrors.reviewType).toMatch(/is not a review for this date/);
  });

  it("wait for another execution's lock and then append, so two saves never lose a row", () => {
    const { env, gas } = setUp();
    expect(gas.saveReviewOutcomes(review("first")).ok).toBe(true);
    env.lock.holdDocumentLock({ releaseAfterMs: 3000 }); // e.g. a scan finishing its batch
    expect(gas.saveReviewOutcomes(review("second")).ok).toBe(true);
    expect(rows(env, "Review Outcomes").map((row) => row[5])).toEqual(["Outcome", "first", "second"]);
    expect(rows(env, "Audit Log").map((row) => row[3])).toEqual([
      "Where",
      "'Review Outcomes'!A2:J2",
      "'Review Outcomes'!A3:J3",
    ]);
  });

  it("give up after 30 s of another execution holding the lock, with a message saying nothing was changed", () => {
    const { env, gas } = setUp();
    env.lock.holdDocumentLock();
    expect(() => gas.saveReviewOutcomes(review("blocked"))).toThrow(
      "Save review outcomes: another KPI Steward command is still running in this spreadsheet after 30 s; nothing was changed, try again in a minute.",
    );
    expect(env.spreadsheet.getSheetByName("Review Outcomes")).toBeNull();
  });

  it("stop before any change when the Audit Log cannot take the evidence row", () => {
    const { env, gas } = setUp((e) =>
      e.sheetFromRows("Audit Log", [["Timestamp", "Who", "Action", "Where", "Before", "After"]]),
    );
    expect(() => gas.saveReviewOutcomes(review("unaudited"))).toThrow(/Audit Log row 1: no "User" column/);
    expect(env.spreadsheet.getSheetByName("Review Outcomes")).toBeNull();
  });

  it("refuse a KPI edit when someone changed its rules after the form was loaded", () => {
    const { env, gas } = setUp();
    const loaded = JSON.parse(JSON.stringify(gas.loadKpiDefinition("System uptime").form));
    env.spreadsheet.getSheetByName("Escalation Rules")!.getRange(3, 3).setValue("below 98%");
    const result = gas.saveKpiDefinition({ ...loaded, target: "at least 99.9%" });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/was changed in the sheet since you opened it/);
    expect(rows(env, "KPI Catalog")[1][4]).toBe("at least 99.5%");
  });

  it("record a blank user when Apps Script withholds the email", () => {
    const { env, gas } = setUp();
    gas.saveReviewOutcomes(review("ok"));
    expect(rows(env, "Audit Log")[1][1]).toBe("");
  });

  it("refuse a name ending in _ through google.script.run", async () => {
    const { gas } = setUp();
    const bridge = createServerBridge(gas);
    expect(JSON.parse(await bridge.handle("wallClockReader_", "[]"))).toEqual({
      ok: false,
      message: "Script function not found: wallClockReader_",
    });
  });
});
