// Tabs and sheet structure behave like Google Sheets: names, sizes, growth, insertion, formats, range lists.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";

function setup() {
  const env = createGasEnvironment({ now: "2026-10-01T12:00:00Z" });
  return { env, ss: env.globals.SpreadsheetApp.getActiveSpreadsheet() };
}

describe("tabs", () => {
  it("creates a new tab of 1000 rows by 26 columns and makes it active", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("KPI Catalog");
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(ss.getActiveSheet().getName()).toBe("KPI Catalog");
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1", "KPI Catalog"]);
  });

  it("refuses a tab name already taken in any letter case, with Google's message", () => {
    const { ss } = setup();
    ss.insertSheet("Settings");
    expect(() => ss.insertSheet("SETTINGS")).toThrow(
      'A sheet with the name "SETTINGS" already exists. Please enter another name.',
    );
    const other = ss.insertSheet("Other");
    expect(() => other.setName("settings")).toThrow("already exists");
    expect(other.setName("OTHER").getName()).toBe("OTHER");
  });

  it("refuses names longer than 100 characters", () => {
    const { ss } = setup();
    expect(() => ss.insertSheet("x".repeat(101))).toThrow("at most 100 characters");
    expect(ss.insertSheet("y".repeat(100)).getName()).toHaveLength(100);
  });

  it("finds a tab by its exact name only", () => {
    const { ss } = setup();
    ss.insertSheet("Escalation Log");
    expect(ss.getSheetByName("Escalation Log")?.getName()).toBe("Escalation Log");
    expect(ss.getSheetByName("escalation log")).toBeNull();
  });

  it("inserts at a 0-based index, deletes tabs, and never deletes the last one", () => {
    const { ss } = setup();
    const a = ss.insertSheet("A", 0);
    expect(a.getIndex()).toBe(1);
    ss.deleteSheet(ss.getSheetByName("Sheet1")!);
    expect(() => ss.deleteSheet(a)).toThrow("You can't remove all the visible sheets in a document.");
    expect(ss.getNumSheets()).toBe(1);
  });

  it("gives a fake but well-formed URL and stable sheet ids", () => {
    const { ss } = setup();
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    const tab = ss.insertSheet("T");
    expect(ss.getSheetById(tab.getSheetId())).toBe(tab);
    expect(ss.getSheets()[0].getSheetId()).toBe(0);
  });

  it("changes the spreadsheet time zone only to a real zone", () => {
    const { ss } = setup();
    ss.setSpreadsheetTimeZone("America/Chicago");
    expect(ss.getSpreadsheetTimeZone()).toBe("America/Chicago");
    expect(() => ss.setSpreadsheetTimeZone("Mars/Olympus")).toThrow("Invalid argument");
  });

  it("records toasts", () => {
    const { ss } = setup();
    ss.toast("Scan finished", "KPI Steward");
    expect(ss.toasts).toEqual([{ message: "Scan finished", title: "KPI Steward", timeoutSeconds: 5 }]);
  });
});

describe("rows and columns", () => {
  it("appendRow writes after the last filled row and grows a full sheet", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("Log");
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(["a"]).appendRow(["b"]).appendRow(["c", 2, "3%"]);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getRange("A1:C3").getValues()).toEqual([
      ["a", "", ""],
      ["b", "", ""],
      ["c", 2, 0.03],
    ]);
  });

  it("insertColumnsAfter makes room that getRange can then address", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("Wide");
    expect(() => sheet.getRange(1, 27)).toThrow("outside the dimensions");
    sheet.insertColumnsAfter(26, 14);
    expect(sheet.getMaxColumns()).toBe(40);
    sheet.getRange(1, 40).setValue("last");
    expect(sheet.getRange("AN1").getValue()).toBe("last");
  });

  it("inserting and deleting rows shifts values and formats with them", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("Shift");
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("A2").setBackground("#00ff00").setNote("two");
    sheet.insertRowBefore(2);
    expect(sheet.getRange("A1:A4").getValues()).toEqual([[1], [""], [2], [3]]);
    expect(sheet.getRange("A3").getBackground()).toBe("#00ff00");
    expect(sheet.getRange("A3").getNote()).toBe("two");
    sheet.deleteRow(1);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[""], [2], [3]]);
    expect(sheet.getMaxRows()).toBe(1000);
  });

  it("keeps frozen rows, column widths and tab colours", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("Layout");
    sheet.setFrozenRows(8);
    sheet.setFrozenColumns(1);
    sheet.setColumnWidth(2, 240);
    sheet.setTabColor("#ff0000");
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([8, 1]);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2)]).toEqual([100, 240]);
    expect(sheet.getTabColor()).toBe("#ff0000");
    sheet.getRange("C1").setValue("A rather long heading");
    sheet.autoResizeColumns(3, 1);
    expect(sheet.getColumnWidth(3)).toBeGreaterThan(100);
  });
});

describe("hidden columns", () => {
  it("hides and shows columns, and a hidden column moves with inserted columns", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("Hidden");
    sheet.hideColumns(10);
    expect(sheet.isColumnHiddenByUser(10)).toBe(true);
    expect(sheet.isColumnHiddenByUser(9)).toBe(false);
    sheet.insertColumnBefore(1);
    expect([sheet.isColumnHiddenByUser(10), sheet.isColumnHiddenByUser(11)]).toEqual([false, true]);
    sheet.showColumns(11);
    expect(sheet.isColumnHiddenByUser(11)).toBe(false);
    expect(() => sheet.hideColumns(28)).toThrow();
  });

  it("keeps row heights set by a script when rows are auto-resized (text is not measured)", () => {
    const { ss } = setup();
    const sheet = ss.insertSheet("Heights");
    sheet.setRowHeights(2, 3, 37);
    sheet.autoResizeRows(1, 5);
    expect([sheet.getRowHeight(1), sheet.getRowHeight(3)]).toEqual([21, 37]);
    expect(() => sheet.autoResizeRows(999, 5)).toThrow();
  });
});

describe("formats", () => {
  it("reads white backgrounds by default and the colours that were set", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    expect(sheet.getRange("A1:B1").getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    sheet.getRange("A1:B2").setBackgrounds([
      ["#F4CCCC", null],
      ["red", "#fff2cc"],
    ]);
    expect(sheet.getRange("A1:B2").getBackgrounds()).toEqual([
      ["#f4cccc", "#ffffff"],
      ["#ff0000", "#fff2cc"],
    ]);
    sheet.getRange("A1").setBackground(null);
    expect(sheet.getRange("A1").getBackground()).toBe("#ffffff");
  });

  it("colours scattered cells with one range-list call", () => {
    const { ss } = setup();
    const sheet = ss.getActiveSheet();
    sheet.getRangeList(["A1", "C3", "B2:B3"]).setBackground("#fce8b2").setFontWeight("bold");
    expect(sheet.getRange("A1:C3").getBackgrounds()).toEqual([
      ["#fce8b2", "#ffffff", "#ffffff"],
      ["#ffffff", "#fce8b2", "#ffffff"],
      ["#ffffff", "#fce8b2", "#fce8b2"],
    ]);
    expect(sheet.getRange("B3").getFontWeight()).toBe("bold");
    expect(sheet.getRange("B1").getFontWeights()).toEqual([["normal"]]);
  });

  it("keeps notes, font colours, alignment and number formats per cell", () => {
    const { ss } = setup();
    const range = ss.getActiveSheet().getRange("A1:B1");
    range
      .setNotes([["set by scan", ""]])
      .setFontColors([["#cc0000", null]])
      .setHorizontalAlignment("center");
    range.setNumberFormat("0.00%");
    expect(range.getNotes()).toEqual([["set by scan", ""]]);
    expect(range.getFontColors()).toEqual([["#cc0000", "#000000"]]);
    expect(range.getHorizontalAlignments()).toEqual([["center", "center"]]);
    expect(range.getNumberFormats()).toEqual([["0.00%", "0.00%"]]);
    expect(ss.getActiveSheet().getRange("C1").getNumberFormat()).toBe("0.###############");
  });
});

describe("test helpers", () => {
  it("sheetFromRows builds a tab as typed, grows it to fit, and costs no counted calls", () => {
    const { env } = setup();
    const rows = [["Metric", "Target", "2026-01-01"], ["Uptime", "at least 99.5%", "99.7%"], ["Tickets"]];
    const wide = [Array.from({ length: 40 }, (_, i) => i)];
    env.counter.reset();
    const sheet = env.sheetFromRows("Acme", rows);
    env.sheetFromRows("Wide", wide);
    expect(env.counter.total()).toBe(0);
    expect(sheet.getRange("A1:C3").getValues()).toEqual([
      ["Metric", "Target", env.sheetDate("2026-01-01")],
      ["Uptime", "at least 99.5%", 0.997],
      ["Tickets", "", ""],
    ]);
    expect(env.spreadsheet.getSheetByName("Wide")?.getMaxColumns()).toBe(40);
    expect(env.spreadsheet.getActiveSheet().getName()).toBe("Sheet1");
  });
});
