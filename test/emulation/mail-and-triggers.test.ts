// MailApp counts quota per recipient and can fail on demand; ScriptApp keeps a trigger registry with Google's rules.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";

describe("MailApp", () => {
  it("records both call forms in the outbox", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    const { MailApp } = env.globals;
    MailApp.sendEmail({
      to: "a@agency.gov",
      subject: "Digest",
      body: "plain",
      htmlBody: "<b>x</b>",
      name: "KPI Steward",
    });
    MailApp.sendEmail("b@agency.gov", "Reminder", "text", { replyTo: "lead@vendor.com" });
    expect(env.mail.sent.map((m) => [m.to, m.subject, m.body, m.htmlBody, m.name, m.replyTo])).toEqual([
      ["a@agency.gov", "Digest", "plain", "<b>x</b>", "KPI Steward", null],
      ["b@agency.gov", "Reminder", "text", null, null, "lead@vendor.com"],
    ]);
    expect(env.mail.sent[0].sentAt.toISOString()).toBe("2026-10-01T07:00:00.000Z");
  });

  it("counts the daily quota in recipients", () => {
    const env = createGasEnvironment({ mailDailyQuota: 5 });
    const { MailApp } = env.globals;
    MailApp.sendEmail({ to: "a@x.gov, b@x.gov", cc: "c@x.gov", subject: "s", body: "b" });
    expect(MailApp.getRemainingDailyQuota()).toBe(2);
    expect(() => MailApp.sendEmail({ to: "a@x.gov,b@x.gov,c@x.gov", subject: "s", body: "b" })).toThrow(
      "Service invoked too many times for one day: email.",
    );
    expect(env.mail.sent).toHaveLength(1);
  });

  it("throws Google's message when the quota is used up, and restores it after 24 hours", () => {
    const env = createGasEnvironment({ mailDailyQuota: 1, now: "2026-10-01T07:00:00Z" });
    const { MailApp } = env.globals;
    MailApp.sendEmail("a@x.gov", "s", "b");
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail("a@x.gov", "s", "b")).toThrow(
      "Service invoked too many times for one day: email.",
    );
    env.advance(24 * 3600 * 1000);
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
  });

  it("fails every send after the injected number of successful ones", () => {
    const env = createGasEnvironment({ mailFailAfter: 2 });
    const { MailApp } = env.globals;
    MailApp.sendEmail("a@x.gov", "1", "b");
    MailApp.sendEmail("a@x.gov", "2", "b");
    expect(() => MailApp.sendEmail("a@x.gov", "3", "b")).toThrow("Service unavailable");
    expect(env.mail.sent.map((m) => m.subject)).toEqual(["1", "2"]);
    env.mail.clearFailure();
    MailApp.sendEmail("a@x.gov", "4", "b");
    expect(env.mail.sent).toHaveLength(3);
  });

  it("rejects a message without recipients or with a malformed address", () => {
    const env = createGasEnvironment();
    expect(() => env.globals.MailApp.sendEmail({ subject: "s", body: "b" })).toThrow(
      "Failed to send email: no recipient",
    );
    expect(() => env.globals.MailApp.sendEmail("not-an-address", "s", "b")).toThrow(
      "Invalid email: not-an-address",
    );
  });

  it.each([
    "jane..doe@agency.gov",
    ".jane@agency.gov",
    "jane.@agency.gov",
    "jane@agency",
    "jane@-agency.gov",
    "jane@agency-.gov",
    "jane@agency..gov",
    "jane@agency.123",
    "josé@agency.gov",
    '"jane doe"@agency.gov',
    "jane@[10.0.0.1]",
    `${"j".repeat(65)}@agency.gov`,
    "jane@doe@agency.gov",
  ])("refuses %s itself, with Google's message, and sends nothing", (address) => {
    const env = createGasEnvironment();
    expect(() => env.globals.MailApp.sendEmail({ to: address, subject: "s", body: "b" })).toThrow(
      `Invalid email: ${address}`,
    );
    expect(env.mail.sent).toEqual([]);
    expect(env.globals.MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it.each([
    "jane.doe@agency.gov",
    "jane+kpi@cs.agency.gov",
    "o'brien@agency.gov",
    "a@x.io",
    "Jane Doe <jane.doe@agency.gov>",
  ])("accepts %s", (address) => {
    const env = createGasEnvironment();
    env.globals.MailApp.sendEmail({ to: address, subject: "s", body: "b" });
    expect(env.mail.sent).toHaveLength(1);
  });

  it("refuses more than 50 recipients on one message", () => {
    const env = createGasEnvironment();
    const to = Array.from({ length: 51 }, (_, i) => `p${i}@agency.gov`).join(",");
    expect(() => env.globals.MailApp.sendEmail({ to, subject: "s", body: "b" })).toThrow(
      "Limit Exceeded: Email Recipients Per Message.",
    );
  });

  it("limits the body to 200 KB for a consumer account and 400 KB for Workspace, plain and HTML together", () => {
    const consumer = createGasEnvironment();
    const workspace = createGasEnvironment({ mailAccount: "workspace" });
    const half = "x".repeat(110 * 1024);
    for (const env of [consumer, workspace])
      env.globals.MailApp.sendEmail({ to: "a@x.gov", subject: "s", body: half });
    expect(() =>
      consumer.globals.MailApp.sendEmail({ to: "a@x.gov", subject: "s", body: half, htmlBody: half }),
    ).toThrow("Limit Exceeded: Email Body Size.");
    workspace.globals.MailApp.sendEmail({ to: "a@x.gov", subject: "s", body: half, htmlBody: half });
    expect(() =>
      workspace.globals.MailApp.sendEmail({ to: "a@x.gov", subject: "s", body: "x".repeat(401 * 1024) }),
    ).toThrow("Limit Exceeded: Email Body Size.");
    // Bytes, not characters: 70,000 euro signs are 210,000 bytes.
    expect(() => consumer.globals.MailApp.sendEmail("a@x.gov", "s", "€".repeat(70_000))).toThrow(
      "Limit Exceeded: Email Body Size.",
    );
    expect(workspace.globals.MailApp.getRemainingDailyQuota()).toBe(1500 - 2);
  });

  it("fails the next sends once, or every send to one recipient, as a test asks", () => {
    const env = createGasEnvironment();
    const { MailApp } = env.globals;
    env.mail.failNext();
    expect(() => MailApp.sendEmail("a@x.gov", "1", "b")).toThrow("Service error: Mail");
    MailApp.sendEmail("a@x.gov", "2", "b");
    env.mail.failNext("Service unavailable: Mail", 2);
    expect(() => MailApp.sendEmail("a@x.gov", "3", "b")).toThrow("Service unavailable: Mail");
    expect(() => MailApp.sendEmail("a@x.gov", "4", "b")).toThrow("Service unavailable: Mail");
    MailApp.sendEmail("a@x.gov", "5", "b");
    env.mail.failTo("B@x.gov", "Limit Exceeded: Email Body Size.");
    expect(() => MailApp.sendEmail({ to: "a@x.gov", cc: "b@x.gov", subject: "6", body: "b" })).toThrow(
      "Limit Exceeded: Email Body Size.",
    );
    MailApp.sendEmail("a@x.gov", "7", "b");
    expect(() => MailApp.sendEmail("b@x.gov", "8", "b")).toThrow("Limit Exceeded: Email Body Size.");
    env.mail.clearFailure();
    MailApp.sendEmail("b@x.gov", "9", "b");
    expect(env.mail.sent.map((m) => m.subject)).toEqual(["2", "5", "7", "9"]);
  });
});

describe("ScriptApp triggers", () => {
  it("registers a daily trigger at an hour and lists, describes and deletes it", () => {
    const env = createGasEnvironment();
    const { ScriptApp } = env.globals;
    const created = ScriptApp.newTrigger("scheduledScan")
      .timeBased()
      .everyDays(1)
      .atHour(7)
      .nearMinute(15)
      .create();
    const [listed] = ScriptApp.getProjectTriggers();
    expect(listed.getUniqueId()).toBe(created.getUniqueId());
    expect(listed.getHandlerFunction()).toBe("scheduledScan");
    expect(listed.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(listed.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(env.scriptApp.triggers[0].schedule).toMatchObject({
      every: "days",
      interval: 1,
      atHour: 7,
      nearMinute: 15,
    });
    // A time-driven trigger is not "in" the spreadsheet: only getProjectTriggers lists it (strict).
    expect(ScriptApp.getUserTriggers(env.globals.SpreadsheetApp.getActive())).toHaveLength(0);
    env.scriptApp.userTriggersIncludeTimeDriven = true;
    expect(ScriptApp.getUserTriggers(env.globals.SpreadsheetApp.getActive())).toHaveLength(1);
    ScriptApp.deleteTrigger(listed);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
  });

  it("accepts only 1, 5, 10, 15 or 30 for everyMinutes", () => {
    const env = createGasEnvironment({ addOnTriggerRules: false });
    const builder = () => env.globals.ScriptApp.newTrigger("tick").timeBased();
    expect(() => builder().everyMinutes(7)).toThrow("1, 5, 10, 15 or 30");
    expect(builder().everyMinutes(15).create().getHandlerFunction()).toBe("tick");
  });

  it("applies editor add-on rules by default: hourly at most, one time-driven trigger per user", () => {
    const env = createGasEnvironment();
    const { ScriptApp } = env.globals;
    expect(() => ScriptApp.newTrigger("tick").timeBased().everyMinutes(5)).toThrow(
      "more often than once an hour",
    );
    ScriptApp.newTrigger("scheduledScan").timeBased().everyDays(1).atHour(7).create();
    expect(() => ScriptApp.newTrigger("scheduledScan").timeBased().everyHours(1).create()).toThrow(
      "only one CLOCK trigger",
    );
    expect(env.scriptApp.triggers).toHaveLength(1);
  });

  it("lists a spreadsheet's own triggers in getUserTriggers, and every document's in getProjectTriggers", () => {
    const env = createGasEnvironment();
    const { ScriptApp, SpreadsheetApp } = env.globals;
    const onOpen = ScriptApp.newTrigger("opened")
      .forSpreadsheet(SpreadsheetApp.getActive())
      .onOpen()
      .create();
    env.scriptApp.userTriggersIncludeTimeDriven = true;
    const elsewhere = env.scriptApp.add({
      handlerFunction: "scheduledScan",
      ownerEmail: "user@example.com",
      documentId: "another-document",
    });
    const ids = (triggers: { getUniqueId(): string }[]) => triggers.map((t) => t.getUniqueId());
    expect(ids(ScriptApp.getUserTriggers(SpreadsheetApp.getActive()))).toEqual([onOpen.getUniqueId()]);
    expect(ids(ScriptApp.getProjectTriggers())).toEqual([onOpen.getUniqueId(), elsewhere.id]);
    // One time-driven trigger per user per document: another document's does not stop this one's.
    ScriptApp.newTrigger("scheduledScan").timeBased().everyDays(1).atHour(7).create();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(3);
  });

  it("refuses an incomplete schedule and a 21st trigger", () => {
    const env = createGasEnvironment({ addOnTriggerRules: false });
    const { ScriptApp } = env.globals;
    expect(() => ScriptApp.newTrigger("f").timeBased().atHour(7).create()).toThrow();
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger("f20").timeBased().everyHours(1).create()).toThrow("too many triggers");
  });
});

describe("ScriptApp.getAuthorizationInfo", () => {
  const scopes = [
    "https://www.googleapis.com/auth/spreadsheets.currentonly",
    "https://www.googleapis.com/auth/userinfo.email",
  ];

  it("says no authorization is required while the user has granted every scope of the manifest", () => {
    const env = createGasEnvironment({ oauthScopes: scopes });
    const { ScriptApp } = env.globals;
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info.getAuthorizationUrl()).toBeNull();
    expect(info.getAuthorizedScopes()).toEqual(scopes);
  });

  it("requires authorization, with a URL, once the manifest asks for a scope the user has not granted", () => {
    const env = createGasEnvironment({ oauthScopes: scopes, grantedScopes: [scopes[0]] });
    const { ScriptApp } = env.globals;
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe("REQUIRED");
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\/macros\/d\/.+\/authorize$/);
    expect(info.getAuthorizedScopes()).toEqual([scopes[0]]);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.LIMITED).getAuthorizationStatus()).toBe(
      "NOT_REQUIRED",
    );
    // The granted scope still works; the missing one throws Apps Script's message.
    expect(env.globals.SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
    expect(() => env.globals.Session.getActiveUser()).toThrow(
      "You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email",
    );
  });
});
