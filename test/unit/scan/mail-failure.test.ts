// Which MailApp errors hold up a run and which do not: permanent (recorded, the run goes on), quota and transient (queued).
import { describe, expect, it } from "vitest";
import { classifyMailError, describeFailedDigest } from "../../../src/domain/scan/mail-failure";

describe("classifyMailError", () => {
  it.each([
    ["Invalid email: jane..doe@agency.gov", true],
    ["Exception: Invalid email: jane..doe@agency.gov", true],
    ["El correo electrónico no es válido: jane..doe@agency.gov", true],
    ["E-mail incorrect : jane..doe@agency.gov", true],
    ["Ongeldige e-mail: jane..doe@agency.gov", true],
    ["Failed to send email: no recipient", true],
    ["Limit Exceeded: Email Recipients Per Message.", true],
    ["Limit Exceeded: Email Body Size.", false],
    ["Argument too large: subject", false],
  ])("%s will fail again: permanent (address problem: %s)", (message, addressProblem) => {
    const failure = classifyMailError(message);
    expect(failure.kind).toBe("permanent");
    expect(failure.addressProblem).toBe(addressProblem);
  });

  it.each([
    "Service invoked too many times for one day: email.",
    "Exception: Service invoked too many times for one day: email.",
    "Trop d'appels pour ce service aujourd'hui : email.",
    "Servicio solicitado demasiadas veces en un mismo día: email.",
  ])("%s means the quota is used up: the rest waits for the next run", (message) => {
    expect(classifyMailError(message)).toEqual({
      kind: "quota",
      reason: "the daily email quota is used up",
      addressProblem: false,
    });
  });

  it.each([
    "Service unavailable: Mail",
    "Service error: Mail",
    "We're sorry, a server error occurred. Please wait a bit and try again.",
    "Exceeded maximum execution time",
    "Une erreur inconnue",
    "",
  ])("%j may pass: transient, so the digest is queued rather than dropped", (message) => {
    expect(classifyMailError(message).kind).toBe("transient");
  });

  it("does not read a quota message for another service as the email quota", () => {
    expect(classifyMailError("Service invoked too many times for one day: urlfetch.").kind).toBe("transient");
  });
});

describe("describeFailedDigest", () => {
  const digest = {
    to: "jane..doe@agency.gov",
    items: [
      { id: "ESC-0001", tabName: "Acme" },
      { id: "ESC-0002", tabName: "Beta" },
    ],
    missing: [{ tabName: "Acme" }],
  };

  it("names the tabs whose Owner email to correct for an address MailApp rejects", () => {
    const message = "Invalid email: jane..doe@agency.gov";
    expect(describeFailedDigest(digest, classifyMailError(message), message)).toEqual({
      to: "jane..doe@agency.gov",
      tabs: ["Acme", "Beta"],
      escalations: ["ESC-0001", "ESC-0002"],
      missingData: 1,
      reason:
        'MailApp rejects the address as invalid (Invalid email: jane..doe@agency.gov); correct "Owner email" on ' +
        "Acme and Beta; the next run emails the corrected address",
    });
  });

  it("says the next run tries again for a body MailApp finds too large", () => {
    const message = "Limit Exceeded: Email Body Size.";
    expect(describeFailedDigest(digest, classifyMailError(message), message).reason).toBe(
      "the email is larger than MailApp allows (200 KB, or 400 KB for Google Workspace) " +
        "(Limit Exceeded: Email Body Size.); the escalations stay in the Escalation Log without Last notified, " +
        "and the next run tries again",
    );
  });

  it("keeps the reason short when the address is a pasted page, and counts tabs past five", () => {
    const long = `${"x".repeat(50_000)}@agency.gov`;
    const many = {
      to: long,
      items: Array.from({ length: 8 }, (_, i) => ({ id: `ESC-${i}`, tabName: `Tab ${i}` })),
      missing: [],
    };
    const failed = describeFailedDigest(
      many,
      classifyMailError(`Invalid email: ${long}`),
      `Invalid email: ${long}`,
    );
    expect(failed.to.length).toBeLessThanOrEqual(254);
    expect(failed.reason.length).toBeLessThan(500);
    expect(failed.reason).toContain(
      'correct "Owner email" on Tab 0, Tab 1, Tab 2, Tab 3, Tab 4 and 3 more tabs',
    );
  });
});
