// A digest lists the most urgent 25 lines within 100 KB and counts the rest with a link to the Escalation Log, in text and HTML.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Digest, DigestItem, DigestMissingItem } from "../../../src/domain/scan/digest-plan";
import {
  clipText,
  DIGEST_BYTE_BUDGET,
  DIGEST_LIST_LIMIT,
  renderDigest,
} from "../../../src/domain/scan/render-digest";
import { utf8ByteLength } from "../../../src/domain/scan/utf8-byte-length";

const LOG_URL = "https://docs.google.com/spreadsheets/d/abc/edit#gid=99";
const context = {
  spreadsheetName: "CS Tracker",
  spreadsheetUrl: "https://docs.google.com/spreadsheets/d/abc/edit",
  senderName: "",
  escalationLogUrl: () => LOG_URL,
};

function item(n: number, extra: Partial<DigestItem> = {}): DigestItem {
  return {
    id: `ESC-${String(n).padStart(4, "0")}`,
    kind: "new",
    overdue: false,
    severity: "Watch",
    account: `Account ${n}`,
    tabName: `Account ${n}`,
    sheetId: 1000 + n,
    metric: "MAU",
    since: "May 2026",
    latest: "May 2026",
    value: "30%",
    measure: "threshold below 40%",
    gap: "10 points under",
    targetNote: "",
    detail: "",
    followUp: null,
    condition: "below 40%",
    action: "Call the PM",
    due: {
      clock: { year: 2026, month: 6, day: 22, hour: 0, minute: 0, second: 0 },
      hasTime: false,
      daysFromToday: 1,
      thisYear: 2026,
    },
    status: "Open",
    cell: "F9",
    ...extra,
    responseOverdue: extra.responseOverdue ?? extra.overdue ?? false,
  };
}

function missing(n: number, extra: Partial<DigestMissingItem> = {}): DigestMissingItem {
  return {
    key: `acct ${n}|mau|2026-05`,
    account: `Account ${n}`,
    tabName: `Account ${n}`,
    sheetId: 1000 + n,
    metric: "MAU",
    period: "May 2026",
    months: 1,
    cell: "F9",
    fromIncidents: false,
    ...extra,
  };
}

/** Items in the plan's order: the overdue Critical ones first, then Warning, then Watch. */
function urgentFirst(count: number): DigestItem[] {
  return Array.from({ length: count }, (_, i) =>
    item(i + 1, {
      overdue: i < 3,
      severity: i < 5 ? "Critical" : i < 20 ? "Warning" : "Watch",
    }),
  );
}

const idsIn = (text: string) => text.match(/ESC-\d{4}/g) ?? [];

describe("digest cap", () => {
  it("lists everything, with no count line, up to 25 lines", () => {
    const digest: Digest = {
      to: "o@agency.gov",
      items: urgentFirst(20),
      missing: [1, 2, 3, 4, 5].map((n) => missing(n)),
    };
    const mail = renderDigest(digest, context);
    expect(new Set(idsIn(mail.body)).size).toBe(20);
    expect(mail.body).not.toContain("not listed here");
    expect(mail.htmlBody).not.toContain("not listed here");
    expect(mail.notListed).toEqual({ escalations: 0, missingValues: 0 });
  });

  it("past 25, lists the 25 most urgent (overdue and Critical first) and counts the rest by severity, linking the Escalation Log", () => {
    const digest: Digest = { to: "o@agency.gov", items: urgentFirst(40), missing: [missing(1), missing(2)] };
    const mail = renderDigest(digest, context);
    expect(DIGEST_LIST_LIMIT).toBe(25);
    expect([...new Set(idsIn(mail.body))]).toEqual(digest.items.slice(0, 25).map((i) => i.id));
    expect(mail.body).toContain("1. CRITICAL · OVERDUE · NEW\n   MAU — Account 1");
    expect(mail.body).toContain(
      `… and 15 more escalations (15 Watch) not listed here: see them all in the Escalation Log: ${LOG_URL}`,
    );
    expect(mail.body).toContain("… and 2 more missing values not listed here, on Account 1 and Account 2");
    expect(mail.htmlBody).toContain(
      `<p>… and <b>15 more escalations (15 Watch)</b> not listed here: <a href="${LOG_URL}">see them all in the Escalation Log</a>.</p>`,
    );
    expect(mail.htmlBody.match(/border-left:6px/g)).toHaveLength(25);
    expect(mail.notListed).toEqual({ escalations: 15, missingValues: 2 });
    // The subject still counts everything the digest covers.
    expect(mail.subject).toBe(
      "Critical: MAU — Account 1, overdue since Mon Jun 22 · 39 more, 2 missing values",
    );
  });

  it("counts overdue and severities among the escalations not listed", () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      item(i + 1, { overdue: true, severity: i < 27 ? "Critical" : "Warning" }),
    );
    const mail = renderDigest({ to: "o@agency.gov", items, missing: [] }, context);
    expect(mail.body).toContain(
      "… and 5 more escalations (5 overdue; 2 Critical, 3 Warning) not listed here",
    );
  });

  it("names three accounts of the missing values not listed and counts the other tabs", () => {
    const digest: Digest = {
      to: "o@agency.gov",
      items: urgentFirst(25),
      missing: [1, 2, 3, 4, 5, 6].map((n) => missing(n)),
    };
    const mail = renderDigest(digest, context);
    expect(mail.body).toContain(
      "… and 6 more missing values not listed here, on Account 1, Account 2, Account 3 and 3 more tabs",
    );
    expect(mail.htmlBody).toContain(
      `on <a href="${context.spreadsheetUrl}#gid=1001">Account 1</a>, <a href="${context.spreadsheetUrl}#gid=1002">Account 2</a>`,
    );
  });

  it("asks for the Escalation Log's link only when escalations are left out", () => {
    let asked = 0;
    const counting = {
      ...context,
      escalationLogUrl: () => {
        asked += 1;
        return LOG_URL;
      },
    };
    renderDigest({ to: "o@agency.gov", items: urgentFirst(25), missing: [missing(1)] }, counting);
    expect(asked).toBe(0);
    renderDigest({ to: "o@agency.gov", items: urgentFirst(26), missing: [] }, counting);
    expect(asked).toBeGreaterThan(0);
  });

  it("stays within 100 KB (half MailApp's smallest body limit) with 300 escalations of 50,000-character texts", () => {
    const page = (char: string) => char.repeat(50_000);
    for (const char of ["x", '"', "€", "😀"]) {
      const items = Array.from({ length: 300 }, (_, i) =>
        item(i + 1, {
          account: page(char),
          metric: page(char),
          value: page(char),
          condition: page(char),
          action: page(char),
          status: page(char),
          since: page(char),
          measure: page(char),
          gap: page(char),
          cell: page(char),
        }),
      );
      const missingValues = Array.from({ length: 50 }, (_, i) =>
        missing(i + 1, { account: page(char), metric: page(char) }),
      );
      const mail = renderDigest(
        { to: "o@agency.gov", items, missing: missingValues },
        {
          ...context,
          spreadsheetName: page(char),
        },
      );
      const bytes = Buffer.byteLength(mail.body) + Buffer.byteLength(mail.htmlBody);
      expect(bytes, `texts of ${char}`).toBeLessThanOrEqual(DIGEST_BYTE_BUDGET);
      expect(bytes, `texts of ${char}`).toBeLessThan((200 * 1024) / 2 + 1);
      // The most urgent escalation is still listed, and the rest counted.
      expect(mail.body, `texts of ${char}`).toContain("ESC-0001");
      expect(mail.notListed.escalations + idsCount(mail.body)).toBe(300);
      expect(mail.subject.length).toBeLessThanOrEqual(250);
    }
  });

  it("cuts a long field with an ellipsis, never inside a surrogate pair", () => {
    expect(clipText("abcdef", 4)).toBe("abc…");
    expect(clipText("abc", 4)).toBe("abc");
    expect(clipText("ab😀cd", 4)).toBe("ab…");
  });
});

function idsCount(body: string): number {
  return new Set(idsIn(body)).size;
}

describe("utf8ByteLength", () => {
  it("agrees with Node's UTF-8 encoder on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });

  it("says what to do about a missing value measured from the Incidents tab", () => {
    const digest: Digest = {
      to: "o@x.gov",
      items: [],
      missing: [missing(1, { metric: "System uptime", fromIncidents: true })],
    };
    const mail = renderDigest(digest, context);
    const line =
      "System uptime: no value for May 2026 (measured from the Incidents tab, which has no incident logged by then: " +
      "type the value, or log incidents), cell F9";
    expect(mail.body).toContain(line);
    expect(mail.htmlBody).toContain(
      "which has no incident logged by then: type the value, or log incidents)",
    );
  });
});
