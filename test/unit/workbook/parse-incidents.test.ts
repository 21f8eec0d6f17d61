// Reading the Incidents tab: one incident per row, bad cells named by address and their rows left out, nothing guessed.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import type { ParsedIncidents } from "../../../src/domain/workbook/parse-incidents";
import { parseIncidents } from "../../../src/domain/workbook/parse-incidents";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";
import { COLUMNS, isOwnTab } from "../../../src/domain/workbook-schema";
import { at, NEW_YORK } from "../incidents/incident-fixtures";

const header: CellValue[] = [...COLUMNS.incidents];
const started = new Date("2026-04-14T10:00:00Z");
const resolved = new Date("2026-04-14T13:00:00Z");

/** A row in the header's order; `fields` overrides cells by column name. */
function row(fields: Partial<Record<(typeof COLUMNS.incidents)[number], CellValue>> = {}): CellValue[] {
  const cells: Record<string, CellValue> = {
    Account: "Acme",
    "Incident ID": "INC-1",
    Priority: "P1",
    Started: started,
    Resolved: resolved,
    "Affects availability": "Yes",
    Summary: "Login outage",
    "Root cause report": "",
    ...fields,
  };
  return COLUMNS.incidents.map((name) => cells[name]);
}

function read(rows: CellValue[][], options = {}): ParsedIncidents {
  const result = parseIncidents([header, ...rows], options);
  if (isWorkbookProblem(result)) throw new Error(result.message);
  return result;
}

describe("parseIncidents", () => {
  it("reads an incident with its priority, start, resolution and root-cause report", () => {
    const parsed = read([row({ "Root cause report": new Date("2026-04-17T00:00:00Z") })]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.incidents).toHaveLength(1);
    expect(parsed.incidents[0]).toMatchObject({
      row: 2,
      account: "Acme",
      id: "INC-1",
      priority: "P1",
      started,
      resolved,
      affectsAvailability: true,
      summary: "Login outage",
      rootCauseReport: { year: 2026, month: 4, day: 17 },
    });
  });

  it("reads an open incident (Resolved blank) and one that did not affect availability", () => {
    const parsed = read([
      row({ Resolved: "" }),
      row({ "Incident ID": "INC-2", "Affects availability": "No", Priority: "p3" }),
    ]);
    expect(parsed.incidents.map((i) => [i.id, i.resolved, i.affectsAvailability, i.priority])).toEqual([
      ["INC-1", null, true, "P1"],
      ["INC-2", resolved, false, "P3"],
    ]);
  });

  it("finds its columns in any order, case and spacing, and keeps the user's extra columns", () => {
    const shuffled = [
      "incident id",
      "Owner notes",
      " ACCOUNT ",
      ...COLUMNS.incidents.slice(2).map((c) => c.toUpperCase()),
    ];
    const parsed = parseIncidents([
      shuffled,
      ["INC-9", "call the vendor", "Acme", "P2", started, resolved, "No", "Slow search", ""],
    ]);
    if (isWorkbookProblem(parsed)) throw new Error(parsed.message);
    expect(parsed.incidents[0]).toMatchObject({ id: "INC-9", account: "Acme", priority: "P2" });
    expect(parsed.incidents[0].cells[1]).toBe("call the vendor");
    expect(parsed.columns.Account).toBe(3);
  });

  it("reads date-times typed as text on the spreadsheet's wall clock", () => {
    const parsed = read(
      [row({ Started: "2026-03-07 23:00", Resolved: "3/8/2026 3:30 AM", "Root cause report": "2026-03-12" })],
      { readWallClock: NEW_YORK },
    );
    expect(parsed.problems).toEqual([]);
    // 23:00 EST is 04:00 UTC; 03:30 on the morning the clocks went forward is EDT, 07:30 UTC.
    expect(parsed.incidents[0].started.toISOString()).toBe("2026-03-08T04:00:00.000Z");
    expect(parsed.incidents[0].resolved?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(parsed.incidents[0].rootCauseReport).toEqual({ year: 2026, month: 3, day: 12 });
  });

  it("reports a missing column naming the tab and reads nothing", () => {
    const result = parseIncidents([COLUMNS.incidents.filter((c) => c !== "Resolved"), row()]);
    expect(isWorkbookProblem(result)).toBe(true);
    expect((result as { message: string }).message).toMatch(
      /^Incidents row 1: no "Resolved" column in the header row; expected the headers "Account", .* in any order/,
    );
  });

  it("leaves out a row whose priority is not P1–P4, naming the cell", () => {
    const parsed = read([row({ Priority: "Sev 1" }), row({ "Incident ID": "INC-2" })]);
    expect(parsed.incidents.map((i) => i.id)).toEqual(["INC-2"]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Incidents row 2: Priority "Sev 1" in C2 is not one of P1, P2, P3 or P4; the incident is left out',
    ]);
  });

  it("leaves out an incident resolved before it started", () => {
    const parsed = read([row({ Resolved: new Date("2026-04-14T09:00:00Z") })]);
    expect(parsed.incidents).toEqual([]);
    expect(parsed.problems[0].reason).toBe(
      "row 2: Resolved 2026-04-14 09:00 in E2 is before Started 2026-04-14 10:00 in D2; the incident is left out",
    );
  });

  it("leaves out unreadable dates and a Yes/No that is neither, listing every bad cell of the row", () => {
    const parsed = read([
      row({
        Started: "yesterday",
        Resolved: 46100,
        "Affects availability": "maybe",
        "Root cause report": "soon",
      }),
    ]);
    expect(parsed.incidents).toEqual([]);
    expect(parsed.problems[0].reason).toBe(
      'row 2: Started "yesterday" in D2 is not a date and time such as 2026-03-04 14:30; ' +
        "Resolved 46100 in E2 is not a date and time such as 2026-03-04 14:30 (leave it blank while the incident is open); " +
        'Affects availability "maybe" in F2 is not Yes or No; ' +
        'Root cause report "soon" in H2 is not a date (the day it was delivered; blank until then); ' +
        "the incident is left out",
    );
  });

  it("leaves out a row with no account, ID, priority, start or availability answer", () => {
    const parsed = read([
      row({ Account: "", "Incident ID": " ", Priority: "", Started: "", "Affects availability": "" }),
    ]);
    expect(parsed.problems[0].reason).toBe(
      "row 2: A2 has no account; B2 has no incident ID; C2 has no priority (P1, P2, P3 or P4); " +
        "D2 has no start (a date and time such as 2026-03-04 14:30); " +
        "F2 is blank: say Yes if the product was unavailable, else No; the incident is left out",
    );
  });

  it("leaves out a root-cause report dated before the incident started", () => {
    const parsed = read([row({ "Root cause report": new Date("2026-04-10T00:00:00Z") })]);
    expect(parsed.incidents).toEqual([]);
    expect(parsed.problems[0].reason).toBe(
      "row 2: Root cause report 2026-04-10 in H2 is before the incident started (2026-04-14 10:00 in D2); " +
        "the incident is left out",
    );
  });

  it("leaves out a second row with the same Incident ID for the same account, but not for another account", () => {
    const parsed = read([
      row(),
      row({ Account: "Globex" }),
      row({ Account: " acme ", "Incident ID": "inc-1", Summary: "copy" }),
    ]);
    expect(parsed.incidents.map((i) => `${i.account}/${i.id}`)).toEqual(["Acme/INC-1", "Globex/INC-1"]);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Incidents row 4: Incident ID "inc-1" in B4 is already used for acme in row 2; the incident is left out',
    ]);
  });

  it("is one of KPI Steward's own tabs, never an account tab, though its A1 says Account", () => {
    expect(header[0]).toBe("Account");
    expect(isOwnTab(" incidents ")).toBe(true);
  });

  it("skips blank rows without a problem", () => {
    const parsed = read([row(), ["", "", "", "", "", "", "", ""], row({ "Incident ID": "INC-3" })]);
    expect(parsed.incidents.map((i) => i.row)).toEqual([2, 4]);
    expect(parsed.problems).toEqual([]);
  });
});

describe("date-time text", () => {
  it("reads a time that the spring-forward gap skips as the same minutes after the change", () => {
    expect(at("2026-03-08 02:30", NEW_YORK).toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("reads the repeated hour of the fall-back change as its first (daylight-time) occurrence", () => {
    expect(at("2026-11-01 01:30", NEW_YORK).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
});
