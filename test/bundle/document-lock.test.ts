// One document lock for scan, sidebar saves, setup and review: who holds it is named, and a missing lock is its own outcome.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment } from "../../emulation/index";
import { type BundleContext, loadBundle } from "../../emulation/load-bundle";
import { buildSampleWorkbook, TODAY } from "../browser/sample-workbook";
import { plain } from "../support/scan-scenario";
import { workbookSnapshot } from "../support/workbook-fixture";

/** The Document Property in which the command holding the lock records itself. */
const LOCK_HOLDER_PROPERTY = "KPI_STEWARD_LOCK_HOLDER";

function setUp(): { env: GasEnvironment; gas: BundleContext } {
  const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY });
  buildSampleWorkbook(env);
  const gas = loadBundle(env);
  return { env, gas };
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

/**
 * Runs `other` as a second execution (a second user, a trigger) the moment the first command, started
 * by `first`, has taken the lock and recorded itself: the first one is paused holding the lock.
 */
function whileHolding<T>(env: GasEnvironment, first: () => unknown, other: () => T): T {
  let recorded = false;
  let result: { value: T } | null = null;
  const stop = env.counter.observe((name, _self, args) => {
    if (result) return;
    if (recorded) result = { value: env.lock.inAnotherExecution(other) };
    else if (name === "Properties.setProperty" && args[0] === LOCK_HOLDER_PROPERTY) recorded = true;
  });
  try {
    first();
  } finally {
    stop();
  }
  if (!result) throw new Error("whileHolding: the first command never held the lock");
  return (result as { value: T }).value;
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return "(no error)";
}

function outcomes(env: GasEnvironment): unknown[] {
  return (env.spreadsheet.getSheetByName("Review Outcomes")?.getDataRange().getValues() ?? []).map(
    (row) => row[5],
  );
}

describe("a sidebar save while a scan holds the workbook", () => {
  it("waits 30 s, then says a scan is running and that nothing was changed; the scan finishes", () => {
    const { env, gas } = setUp();
    let summary: { outcome: string; emailsSent: number } | null = null;
    const message = whileHolding(
      env,
      () => {
        summary = plain(gas.runScan());
      },
      () => errorOf(() => gas.saveReviewOutcomes(review("during the scan"))),
    );
    expect(message).toBe(
      "Save review outcomes: a scan (started just now) is still running in this spreadsheet after 30 s; " +
        "nothing was changed, try again in a minute.",
    );
    expect(env.spreadsheet.getSheetByName("Review Outcomes")).toBeNull();
    expect(env.logs.messages()).toContain(`KPI Steward: ${message}`);
    expect(summary).toMatchObject({ outcome: "complete", emailsSent: 2 });
    expect(env.properties.document.get(LOCK_HOLDER_PROPERTY)).toBeNull();
    expect(env.lock.holderOf("document")).toBeNull();
    // Once the scan is done the same save goes through.
    expect(gas.saveReviewOutcomes(review("after the scan")).ok).toBe(true);
    expect(outcomes(env)).toEqual(["Outcome", "after the scan"]);
  });
});

describe("a scan while a sidebar save holds the workbook", () => {
  it("returns locked, naming the save, changing and sending nothing; the save finishes", () => {
    const { env, gas } = setUp();
    let saved: { ok: boolean } | null = null;
    const before = workbookSnapshot(env);
    const summary = whileHolding(
      env,
      () => {
        saved = plain(gas.saveReviewOutcomes(review("first")));
      },
      () => {
        const during = plain(gas.runScan());
        return { ...during, workbook: workbookSnapshot(env), mails: env.mail.sent.length };
      },
    );
    expect(summary.outcome).toBe("locked");
    expect(summary.lockHolder).toBe("a sidebar save (Save review outcomes, started just now)");
    expect(summary.message).toBe(
      "Scan 2026-04-10 10:00: a sidebar save (Save review outcomes, started just now) is still running in " +
        "this spreadsheet; this one changed nothing",
    );
    expect(summary.workbook).toBe(before);
    expect(summary.mails).toBe(0);
    expect(saved).toMatchObject({ ok: true });
    expect(outcomes(env)).toEqual(["Outcome", "first"]);
  });

  it("names an earlier holder's command and age when the lock is still held", () => {
    const { env, gas } = setUp();
    env.properties.document.seed({
      [LOCK_HOLDER_PROPERTY]: JSON.stringify({
        kind: "setup",
        action: "Setup workbook",
        since: new Date(Date.parse(TODAY) - 5 * 60_000).toISOString(),
      }),
    });
    env.lock.holdDocumentLock();
    env.ui.available = false;
    expect(plain(gas.runScan()).lockHolder).toBe("Setup workbook (started 5 min ago)");
  });
});

describe("no document lock (LockService.getDocumentLock() returns null)", () => {
  it("a scan stops with its own outcome and message, logs and records it, and changes nothing", () => {
    const { env, gas } = setUp();
    env.lock.documentLockAvailable = false;
    const before = workbookSnapshot(env);
    const summary = plain(gas.runScan());
    expect(summary.outcome).toBe("no-lock");
    expect(summary.message).toMatch(
      /^Scan 2026-04-10 10:00: not run: Apps Script gave this run no document lock, .*nothing was changed/,
    );
    expect(summary.message).not.toMatch(/still running/);
    expect(env.logs.messages()).toContain(`KPI Steward: ${summary.message}`);
    expect(JSON.parse(env.properties.document.get("KPI_STEWARD_LAST_RUN") ?? "{}").outcome).toBe("no-lock");
    expect(env.ui.alerts.at(-1)?.prompt).toBe(summary.message);
    expect(workbookSnapshot(env)).toBe(before);
    expect(env.mail.sent).toEqual([]);
  });

  it("a sidebar save says there was no lock, not that someone else is saving, and writes nothing", () => {
    const { env, gas } = setUp();
    env.lock.documentLockAvailable = false;
    const message = errorOf(() => gas.saveReviewOutcomes(review("no lock")));
    expect(message).toMatch(
      /^Save review outcomes: Apps Script gave this run no document lock .*nothing was changed/,
    );
    expect(message).not.toMatch(/still running/);
    expect(env.logs.messages()).toContain(`KPI Steward: ${message}`);
    expect(env.spreadsheet.getSheetByName("Review Outcomes")).toBeNull();
    expect(env.spreadsheet.getSheetByName("Audit Log")).toBeNull();
  });

  it("setup and a review tab refuse to write without the lock", () => {
    const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY });
    const gas = loadBundle(env);
    env.lock.documentLockAvailable = false;
    expect(errorOf(() => gas.setupWorkbook("federal"))).toMatch(
      /^Setup workbook: Apps Script gave this run no document lock/,
    );
    expect(env.spreadsheet.getSheets()).toHaveLength(1);
    const sample = setUp();
    sample.env.lock.documentLockAvailable = false;
    const tabs = sample.env.spreadsheet.getNumSheets();
    expect(errorOf(() => sample.gas.generateReviewTab("Acme Federal Agency", "FY26 Q3"))).toMatch(
      /^generateReviewTab: Apps Script gave this run no document lock/,
    );
    expect(sample.env.spreadsheet.getNumSheets()).toBe(tabs);
  });
});
