// Escalate to: the digest of a run reaches the owner and every person of the roles a rule names, once each, within domains and quota.
import { describe, expect, it } from "vitest";
import { examplesAccount, loadScenario, OWNER, plain } from "../support/scan-scenario";
import { logRows, type RuleRow, rule } from "../support/workbook-fixture";

const LEAD = "posture.lead@agency.gov";
const DEPUTY = "deputy.lead@agency.gov";

/** The federal account's uptime and MAU rules, the uptime one escalating to `roles`. */
function rules(roles: string): RuleRow[] {
  return [
    { ...rule("System uptime", "Critical", "misses target", "immediately"), "Escalate to": roles },
    { ...rule("Monthly active users (MAU)", "Watch", "below 40%"), "Escalate to": "" },
  ];
}

function mailTo(env: ReturnType<typeof loadScenario>["env"]): string[] {
  return env.mail.sent.map((mail) => String(mail.to)).sort();
}

describe("runScan: Escalate to", () => {
  it("sends each person exactly one digest with the items their roles name, records them in Notified, and nothing on a second scan", () => {
    const { env, gas } = loadScenario({
      rules: rules("Federal Posture Lead"),
      roles: [
        ["Federal Posture Lead", LEAD],
        ["Federal Posture Lead", DEPUTY],
      ],
    });
    const summary = plain(gas.runScan());
    expect(summary.outcome).toBe("complete");
    expect(mailTo(env)).toEqual([DEPUTY, OWNER, LEAD].sort());
    const leadMail = env.mail.sent.find((mail) => mail.to === LEAD);
    expect(String(leadMail?.htmlBody ?? leadMail?.body)).toContain("System uptime");
    expect(String(leadMail?.htmlBody ?? leadMail?.body)).not.toContain("Monthly active users");
    const ownerMail = env.mail.sent.find((mail) => mail.to === OWNER);
    expect(String(ownerMail?.htmlBody ?? ownerMail?.body)).toContain("Monthly active users");

    const uptime = logRows(env).find((row) => row.Metric === "System uptime");
    expect(uptime?.Owner).toBe(OWNER);
    expect(String(uptime?.Notified).split(", ").sort()).toEqual([DEPUTY, OWNER, LEAD].sort());
    const mau = logRows(env).find((row) => row.Metric === "Monthly active users (MAU)");
    expect(mau?.Notified).toBe(OWNER);

    const sent = env.mail.sent.length;
    plain(gas.runScan());
    expect(env.mail.sent.length).toBe(sent);
  });

  it("reports an unknown role, a role without email and a person outside the allowed domains, and still tells the owner", () => {
    const { env, gas } = loadScenario({
      rules: rules("Revenue Lead; Federal Posture Lead; Authorization Architect"),
      roles: [
        ["Federal Posture Lead", "someone@gmail.com"],
        ["Authorization Architect", ""],
      ],
      settings: { "Allowed email domains": "agency.gov" },
    });
    const summary = plain(gas.runScan());
    expect(mailTo(env)).toEqual([OWNER]);
    const problems = summary.ruleProblems.join("\n");
    expect(problems).toMatch(
      /Escalate to "Revenue Lead" is not a role of the Roles tab; only the owner was told/,
    );
    expect(problems).toMatch(/Escalate to "Authorization Architect": the Roles tab lists no email for it/);
    expect(problems).toMatch(/someone@gmail\.com is not in Allowed email domains \(agency\.gov\); not told/);
  });

  it("says so when a rule names a role and the workbook has no Roles tab", () => {
    const { env, gas } = loadScenario({ rules: rules("Federal Posture Lead") });
    const summary = plain(gas.runScan());
    expect(mailTo(env)).toEqual([OWNER]);
    expect(summary.ruleProblems.join("\n")).toMatch(/the workbook has no Roles tab; only the owner was told/);
  });

  it("sends nothing and records no Notified when the daily quota is 0, then sends once the quota is back", () => {
    const { env, gas } = loadScenario({
      rules: rules("Federal Posture Lead"),
      roles: [["Federal Posture Lead", LEAD]],
      accounts: [examplesAccount()],
    });
    env.mail.dailyQuota = 0;
    const summary = plain(gas.runScan());
    expect(env.mail.sent).toHaveLength(0);
    expect(summary.emailsQueued).toBe(2);
    expect(logRows(env).every((row) => (row.Notified ?? "") === "")).toBe(true);

    // The quota is back the next day: both are told, and the log made without Notified gains the column.
    env.mail.dailyQuota = 100;
    plain(gas.runScan());
    expect(mailTo(env)).toEqual([OWNER, LEAD].sort());
    const uptime = logRows(env).find((row) => row.Metric === "System uptime");
    expect(String(uptime?.Notified).split(", ").sort()).toEqual([OWNER, LEAD].sort());
  });
});
