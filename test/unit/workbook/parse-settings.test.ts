// Reading the Settings tab: typed values, defaults for missing keys, and reported invalid values.
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/domain/cell-value";
import type { ParsedSettings } from "../../../src/domain/workbook/parse-settings";
import { defaultSettings, parseSettings } from "../../../src/domain/workbook/parse-settings";
import { isWorkbookProblem } from "../../../src/domain/workbook/workbook-problem";

function read(values: CellValue[][]): ParsedSettings {
  const result = parseSettings(values);
  if (isWorkbookProblem(result)) throw new Error(result.message);
  return result;
}

describe("parseSettings", () => {
  it("reads every key of a federal team's settings", () => {
    const parsed = read([
      ["Setting", "Value"],
      ["Fiscal year starts", "October"],
      ["Health weights", "40/25/20/15"],
      ["Health bands", "90/70"],
      ["Allowed email domains", "Agency.gov, @northai.com"],
      ["Reminder every (days)", 3],
      ["Scan hour", "6"],
      ["Sender name", "CS Team"],
    ]);
    expect(parsed.settings).toEqual({
      fiscalYearStartMonth: 10,
      healthWeights: [40, 25, 20, 15],
      healthBands: [90, 70],
      allowedEmailDomains: ["agency.gov", "northai.com"],
      reminderEveryDays: 3,
      scanHour: 6,
      senderName: "CS Team",
      defaultSegment: "Federal",
      companyName: "",
    });
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows["Scan hour"]).toBe(7);
  });

  it("uses the SPEC defaults for keys that are missing or blank", () => {
    const parsed = read([
      ["Setting", "Value"],
      ["Scan hour", ""],
    ]);
    expect(parsed.settings).toEqual({
      fiscalYearStartMonth: 1,
      healthWeights: [40, 25, 20, 15],
      healthBands: [90, 70, 50],
      allowedEmailDomains: [],
      reminderEveryDays: 7,
      scanHour: 7,
      senderName: "KPI Steward",
      defaultSegment: "Federal",
      companyName: "",
    });
    expect(defaultSettings()).toEqual(parsed.settings);
  });

  it("matches keys and headers in any case and spacing, with extra columns and rows left alone", () => {
    const parsed = read([
      ["Notes", "VALUE", " setting "],
      ["my note", "Oct", "fiscal year STARTS"],
      ["", "whatever", "Favourite colour"],
    ]);
    expect(parsed.settings.fiscalYearStartMonth).toBe(10);
    expect(parsed.columns).toEqual({ Setting: 3, Value: 2 });
  });

  it("reports an invalid scan hour with its cell and uses the default", () => {
    const parsed = read([
      ["Setting", "Value"],
      ["Sender name", "CS"],
      ["Scan hour", "seven"],
    ]);
    expect(parsed.settings.scanHour).toBe(7);
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Settings row 3: "Scan hour" in B3 must be a whole number 0–23, got "seven"; using the default 7',
    ]);
  });

  it.each([
    ["Health weights", "40/25/20", "four weights"],
    ["Health bands", "50/70/90", "band floors from high to low"],
    ["Fiscal year starts", "Octember", "a month name"],
    ["Reminder every (days)", 0, "a whole number of days 1–365"],
    ["Scan hour", 24, "a whole number 0–23"],
  ])("reports %s = %s and keeps the default", (key, value, expected) => {
    const parsed = read([
      ["Setting", "Value"],
      [key, value],
    ]);
    expect(parsed.settings).toEqual(defaultSettings());
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0].reason).toContain(`"${key}" in B2 must be ${expected}`);
  });

  it("keeps a mistyped email domain in the list so a typo never lets email go to any domain", () => {
    const parsed = read([
      ["Setting", "Value"],
      ["Allowed email domains", "agency gov"],
    ]);
    expect(parsed.settings.allowedEmailDomains).toEqual(["agency", "gov"]);
    expect(parsed.problems[0].message).toContain('got "agency", "gov"');
  });

  it("reports a key set twice and uses the first value", () => {
    const parsed = read([
      ["Setting", "Value"],
      ["Scan hour", 6],
      ["scan hour", 9],
    ]);
    expect(parsed.settings.scanHour).toBe(6);
    expect(parsed.problems[0].message).toBe(
      'Settings row 3: "Scan hour" is set again; the value in row 2 is used',
    );
  });

  it("returns a tab problem naming a missing header", () => {
    const result = parseSettings([["Setting", "Val"]]);
    expect(isWorkbookProblem(result) && result.message).toBe(
      'Settings row 1: no "Value" column in the header row; expected the headers "Setting" and "Value" in any order, ' +
        'found "Setting" and "Val"',
    );
  });
});
