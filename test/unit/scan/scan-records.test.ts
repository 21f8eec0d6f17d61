// The scan's stored records and messages: mail journal, long property values, digest rendering, run summary.
import { describe, expect, it } from "vitest";
import type { Digest } from "../../../src/domain/scan/digest-plan";
import { literalText } from "../../../src/domain/scan/literal-text";
import { decodeJournal, encodeJournal, journalNotifications } from "../../../src/domain/scan/mail-journal";
import { escapeHtml, renderDigest, tabLink } from "../../../src/domain/scan/render-digest";
import { compactSummary, emptySummary, summaryLine } from "../../../src/domain/scan/scan-summary";
import { joinChunks, splitIntoChunks } from "../../../src/domain/storage/property-chunks";

describe("mail journal", () => {
  it("counts an interrupted send as sent, and keeps each escalation's latest mailing", () => {
    const entries = decodeJournal(
      encodeJournal([
        { to: "a@x.gov", ids: ["ESC-0001"], missing: ["k"], at: 1000, state: "sent" },
        { to: "b@x.gov", ids: ["ESC-0002", "ESC-0001"], missing: [], at: 2000, state: "sending" },
      ]),
    );
    const result = journalNotifications(entries);
    expect(result.escalations.get("ESC-0001")?.getTime()).toBe(2000);
    expect(result.escalations.get("ESC-0002")?.getTime()).toBe(2000);
    expect(result.missing.get("k")?.getTime()).toBe(1000);
    expect(result.uncertain.map((entry) => entry.to)).toEqual(["b@x.gov"]);
    expect(decodeJournal("garbage")).toEqual([]);
  });
});

describe("property chunks", () => {
  it("splits long text under 9 KB a value, escapes non-ASCII, and joins it back", () => {
    const text = JSON.stringify({ name: "Agência ".repeat(3000) });
    const pieces = splitIntoChunks("KEY", text);
    // 3,000 × "Ag\u00eancia " (13 characters once escaped) is 39,000 characters: five pieces.
    expect(Object.keys(pieces)).toEqual(["KEY", "KEY~2", "KEY~3", "KEY~4", "KEY~5"]);
    for (const piece of Object.values(pieces))
      expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(8000);
    expect(JSON.parse(joinChunks(pieces, "KEY") ?? "")).toEqual(JSON.parse(text));
    expect(joinChunks({}, "KEY")).toBeNull();
  });
});

describe("renderDigest", () => {
  const digest: Digest = {
    to: "owner@agency.gov",
    items: [
      {
        id: "ESC-0001",
        kind: "new",
        overdue: true,
        responseOverdue: true,
        severity: "Critical",
        account: "<img src=x onerror=alert(1)>",
        tabName: "Acme",
        sheetId: 7,
        metric: "Uptime",
        since: "Apr 2026",
        latest: "May 2026",
        value: "98%",
        measure: "target at least 99.5%",
        gap: "1.5 points short",
        targetNote: "",
        detail: "",
        followUp: null,
        condition: "misses target",
        action: 'Call "the" PM & ISSO',
        due: {
          clock: { year: 2026, month: 6, day: 15, hour: 9, minute: 0, second: 0 },
          hasTime: true,
          daysFromToday: -1,
          thisYear: 2026,
        },
        status: "Open",
        cell: "P16",
      },
    ],
    missing: [],
  };

  it("escapes every value in the HTML and links the account to its tab", () => {
    const mail = renderDigest(digest, {
      spreadsheetName: "Tracker",
      spreadsheetUrl: "https://x/edit#gid=0",
      senderName: "",
      timeZone: "America/New_York",
    });
    expect(mail.htmlBody).not.toContain("<img");
    expect(mail.htmlBody).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.htmlBody).toContain("Call &quot;the&quot; PM &amp; ISSO");
    expect(mail.htmlBody).toContain('href="https://x/edit#gid=7&amp;range=P16"');
    expect(mail.body).toContain("1. CRITICAL · OVERDUE · NEW");
    expect(mail.body).toContain("98% — target at least 99.5%, 1.5 points short");
    expect(mail.body).toContain("Since Apr 2026 · value of May 2026");
    expect(mail.body).toContain("Overdue: was due Mon Jun 15, 9:00 AM ET");
    expect(mail.body).toContain("ESC-0001 · Open · https://x/edit#gid=7&range=P16");
    expect(mail.name).toBe("KPI Steward");
    expect(mail.subject).toBe("Critical: Uptime — <img src=x onerror=alert(1)>, overdue since Mon Jun 15");
  });

  it("keeps the subject under Apps Script's 250 characters", () => {
    const long = {
      ...digest,
      items: [{ ...digest.items[0], account: "A".repeat(400), metric: "M".repeat(400) }],
    };
    const mail = renderDigest(long, {
      spreadsheetName: "N".repeat(400),
      spreadsheetUrl: "u",
      senderName: "S",
    });
    expect(mail.subject.length).toBeLessThanOrEqual(250);
  });

  it("escapes the five HTML characters and builds tab links", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(tabLink("https://docs.google.com/spreadsheets/d/abc/edit", 12)).toBe(
      "https://docs.google.com/spreadsheets/d/abc/edit#gid=12",
    );
  });
});

describe("scan summary", () => {
  it("says in one line what a run did", () => {
    const summary = emptySummary("run", new Date(0));
    Object.assign(summary, {
      accountsScanned: 3,
      breaches: 5,
      newEscalations: 2,
      resolved: 1,
      emailsSent: 2,
      emailsQueued: 1,
    });
    summary.skipped.push({ tab: "Foo", reason: 'row 2: expected "Owner email" in A2' });
    expect(summaryLine(summary, "2026-06-15 07:00")).toBe(
      "Scan 2026-06-15 07:00: 3 accounts scanned, 5 breaches (2 new, 1 resolved), 2 emails sent, 1 queued for the next run, " +
        '1 tab skipped (Foo: row 2: expected "Owner email" in A2)',
    );
    expect(
      summaryLine({ ...summary, outcome: "locked", lockHolder: "a scan (started 2 min ago)" }, "t"),
    ).toBe(
      "Scan t: a scan (started 2 min ago) is still running in this spreadsheet; this one changed nothing",
    );
    expect(summaryLine({ ...summary, outcome: "locked" }, "t")).toBe(
      "Scan t: another KPI Steward command is still running in this spreadsheet; this one changed nothing",
    );
  });

  it("says why a run that did nothing did nothing: no document lock, or authorization needed again", () => {
    const summary = emptySummary("run", new Date(0));
    expect(summaryLine({ ...summary, outcome: "no-lock" }, "t")).toBe(
      "Scan t: not run: Apps Script gave this run no document lock, so it could not make sure no other " +
        "KPI Steward command writes at the same time; nothing was changed. Run Scan now from the " +
        "spreadsheet's Extensions › KPI Steward menu",
    );
    expect(
      summaryLine(
        { ...summary, outcome: "needs-authorization", authorizationUrl: "https://auth.example" },
        "t",
      ),
    ).toBe(
      "Scan t: not run: KPI Steward needs your authorization again (an update asks for a new permission); " +
        "open the spreadsheet and choose Extensions › KPI Steward › Scan now to authorize it " +
        "(or visit https://auth.example); the daily scan resumes after that",
    );
  });

  it("shortens long lists to fit one property value and says so", () => {
    const summary = emptySummary("run", new Date(0));
    for (let i = 0; i < 500; i += 1)
      summary.valueProblems.push({ tab: "T", cell: `A${i}`, problem: 'not a number: "abc"' });
    const compact = compactSummary(summary);
    expect(JSON.stringify(compact).length).toBeLessThanOrEqual(8000);
    expect(compact.valueProblems.length).toBeLessThan(500);
    expect(compact.problems.at(-1)).toMatch(/^\(lists shortened to fit: valueProblems 500 → /);
    expect(summary.valueProblems).toHaveLength(500);
  });
});

describe("literalText", () => {
  it("marks strings as text so Sheets never turns them into formulas or numbers", () => {
    expect(literalText("=HYPERLINK(x)")).toBe("'=HYPERLINK(x)");
    expect(literalText("45%")).toBe("'45%");
    expect(literalText("")).toBe("");
    expect(literalText(0.45)).toBe(0.45);
  });
});
