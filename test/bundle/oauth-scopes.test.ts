// Every scope build/appsscript.json asks for is needed by some call, and every call the add-in makes is covered.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, readManifestScopes, requiredScopes, SCOPE } from "../../emulation/index";
import { loadBundle } from "../../emulation/load-bundle";
import { buildSampleWorkbook, TODAY } from "../browser/sample-workbook";

/** Runs every kind of execution the add-in has, as a user and as the trigger would, recording the scopes used. */
function exerciseEverything() {
  const env = createGasEnvironment({ timeZone: "America/New_York", now: TODAY });
  buildSampleWorkbook(env);
  const gas = env.withAuthMode("NONE", () => loadBundle(env));
  const ok = (label: string, answer: { ok?: boolean }) => {
    expect(answer.ok, label).not.toBe(false);
    return answer;
  };
  env.withAuthMode("NONE", () => gas.onOpen({ authMode: "NONE" }));
  env.withAuthMode("LIMITED", () => gas.onOpen({ authMode: "LIMITED" }));
  gas.onInstall({ authMode: "FULL" });

  gas.setupWorkbook("federal");
  gas.previewScan();
  gas.runScan();

  gas.showSidebar();
  gas.sidebarState();
  gas.checkCondition("below 40% for 2 consecutive periods");
  const kpi = gas.loadKpiDefinition("System uptime");
  ok("saveKpiDefinition", gas.saveKpiDefinition({ ...kpi.form, definition: "Scheduled hours available" }));
  gas.loadValuesForm({ account: "Acme", periodIso: "2026-02-01" });
  ok(
    "saveValues",
    gas.saveValues({
      account: "Acme",
      periodIso: "2026-02-01",
      values: [{ metric: "Product usage", before: "68", value: "70" }],
    }),
  );
  gas.loadReviewForm({ account: "Acme", reviewDateIso: "2026-04-10" });
  ok(
    "saveReviewOutcomes",
    gas.saveReviewOutcomes({
      account: "Acme",
      reviewDateIso: "2026-04-10",
      reviewType: "Mid-year review + ISSO security check",
      attendees: "CS lead, agency PM",
      items: [
        {
          agendaItem: "Contract metrics YTD",
          outcome: "On track",
          decision: "",
          actionOwner: "",
          actionDueIso: "",
          cparsArea: "",
        },
      ],
    }),
  );
  const [escalation] = gas.listEscalations({ account: "Acme" }).rows;
  ok(
    "updateEscalation",
    gas.updateEscalation({
      account: "Acme",
      id: escalation.id,
      expectedStatus: escalation.status,
      action: "resolve",
      snoozeUntilIso: "",
      note: "fixed",
    }),
  );

  gas.showReviewDialog();
  const options = gas.reviewDialogOptions();
  gas.generateReviewTab(options.accounts[0], options.defaultQuarter);

  gas.installDailyScan();
  env.ui.available = false;
  env.setNow("2026-04-11T11:00:00Z");
  gas.scheduledScan({ authMode: "FULL", triggerUid: "1" });
  env.ui.available = true;
  gas.removeDailyScan();

  env.withAuthMode("CUSTOM_FUNCTION", () => {
    gas.NRR(100, 10, 0, 5);
    gas.FISCAL_QUARTER(new Date(), 10);
    gas.THRESHOLD_STATUS([[0.3, 0.2]], "below 40%: Training");
  });
  return env;
}

describe("the manifest's OAuth scopes", () => {
  const manifest = readManifestScopes("build") ?? [];
  const env = exerciseEverything();
  const used = env.scopes.exercised();

  it("lists the least-privilege scopes, userinfo.email among them", () => {
    expect([...manifest].sort()).toEqual(
      [
        SCOPE.spreadsheetsCurrentOnly,
        SCOPE.containerUi,
        SCOPE.sendMail,
        SCOPE.scriptApp,
        SCOPE.userInfoEmail,
      ].sort(),
    );
    expect(env.scopes.manifest).toEqual(manifest);
  });

  it("covers every call the add-in made: each used scope is in the manifest and no call was refused", () => {
    expect(Object.keys(used).filter((scope) => !manifest.includes(scope))).toEqual([]);
    expect(env.scopes.refused()).toEqual([]);
  });

  it("asks for no scope that no call needs", () => {
    expect(manifest.filter((scope) => !(scope in used))).toEqual([]);
  });

  it("attributes each scope to the calls that need it (the active user's email to the audit trail)", () => {
    expect(used[SCOPE.userInfoEmail]).toEqual(
      expect.arrayContaining(["Session.getActiveUser", "User.getEmail"]),
    );
    expect(used[SCOPE.containerUi]).toEqual(expect.arrayContaining(["Ui.showSidebar", "Ui.showModalDialog"]));
    expect(used[SCOPE.sendMail]).toEqual(expect.arrayContaining(["MailApp.sendEmail"]));
    expect(used[SCOPE.scriptApp]).toEqual(expect.arrayContaining(["ClockTriggerBuilder.create"]));
    for (const [scope, calls] of Object.entries(used))
      for (const call of calls) {
        const [service, method] = call.split(".");
        expect(requiredScopes(service, method), call).toContain(scope);
      }
  });
});
