// Every service call the code under test makes is counted once, as Service.method, and summed by kind.
import { describe, expect, it } from "vitest";
import { callKind, createGasEnvironment } from "../../emulation/index";

describe("call counting", () => {
  it("counts each outer call by service and method, not the emulation's inner calls", () => {
    const env = createGasEnvironment();
    const { SpreadsheetApp, MailApp } = env.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange("A1:B2");
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.setBackground("#ff0000");
    range.getCell(1, 1).setValue(9);
    MailApp.sendEmail("a@x.gov", "s", "b");
    expect(env.counter.snapshot()).toEqual({
      "MailApp.sendEmail": 1,
      "Range.getCell": 1,
      "Range.getValues": 1,
      "Range.setBackground": 1,
      "Range.setValue": 1,
      "Range.setValues": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getActiveSheet": 1,
      "SpreadsheetApp.getActiveSpreadsheet": 1,
    });
  });

  it("shows the cost of per-cell access against one batched call", () => {
    const env = createGasEnvironment();
    env.sheetFromRows(
      "Data",
      Array.from({ length: 10 }, (_, r) => Array.from({ length: 10 }, (_, c) => r * c)),
    );
    const sheet = env.globals.SpreadsheetApp.getActive().getSheetByName("Data")!;
    env.counter.reset();
    for (let r = 1; r <= 10; r++) for (let c = 1; c <= 10; c++) sheet.getRange(r, c).setBackground("#ffff00");
    const perCell = env.counter.categories();
    env.counter.reset();
    const block = sheet.getRange(1, 1, 10, 10);
    block.setBackgrounds(block.getBackgrounds().map((row) => row.map(() => "#ffff00")));
    const batched = env.counter.categories();
    expect(perCell).toEqual({ reads: 100, writes: 100, other: 0, total: 200 });
    expect(batched).toEqual({ reads: 2, writes: 1, other: 0, total: 3 });
  });

  it("sorts method names into reads, writes and other calls", () => {
    expect(
      [
        "getValues",
        "setBackgrounds",
        "insertRowsAfter",
        "appendRow",
        "deleteRows",
        "clearContent",
        "sendEmail",
      ].map(callKind),
    ).toEqual(["read", "write", "write", "write", "write", "write", "other"]);
  });

  it("does not count work done inside uncounted, and forgets counts on reset", () => {
    const env = createGasEnvironment();
    env.counter.uncounted(() => env.globals.SpreadsheetApp.getActiveSheet().getRange("A1").setValue(1));
    expect(env.counter.total()).toBe(0);
    env.globals.SpreadsheetApp.flush();
    expect(env.counter.count("SpreadsheetApp.flush")).toBe(1);
    expect(env.counter.byService()).toEqual({ SpreadsheetApp: 1 });
    env.counter.reset();
    expect(env.counter.snapshot()).toEqual({});
  });

  it("still counts a call that throws", () => {
    const env = createGasEnvironment();
    const sheet = env.globals.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(2000, 1)).toThrow();
    sheet.getRange(1, 1);
    expect(env.counter.count("Sheet.getRange")).toBe(2);
  });
});

describe("observing calls", () => {
  it("tells an observer of each outer call with its service object and arguments, until it stops", () => {
    const env = createGasEnvironment({ firstSheetName: "Acme" });
    const seen: string[] = [];
    const stop = env.counter.observe((name, self, args) => {
      seen.push(
        `${name} ${(self as { getName?: () => string }).getName?.() ?? ""} ${JSON.stringify(args)}`.trim(),
      );
    });
    const sheet = env.spreadsheet.getSheetByName("Acme")!;
    sheet.getRange(1, 1).setValues([[1]]);
    env.counter.uncounted(() => sheet.getRange("B1").getValue());
    stop();
    sheet.getRange("C1").getValue();
    expect(seen).toEqual([
      'Spreadsheet.getSheetByName Untitled spreadsheet ["Acme"]',
      "Sheet.getRange Acme [1,1]",
      "Range.setValues  [[[1]]]",
    ]);
    expect(env.counter.count("Range.getValue")).toBe(1);
  });
});

describe("custom-function auth mode", () => {
  it("lets a custom function read the spreadsheet but refuses writes, mail and the UI", () => {
    const env = createGasEnvironment();
    const { SpreadsheetApp, MailApp, PropertiesService } = env.globals;
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange("A1").setValue(5);
    env.withAuthMode("CUSTOM_FUNCTION", () => {
      expect(sheet.getRange("A1").getValue()).toBe(5);
      expect(PropertiesService.getDocumentProperties().getProperty("x")).toBeNull();
      expect(() => sheet.getRange("A1").setValue(6)).toThrow(
        "You do not have permission to call Range.setValue",
      );
      expect(() => PropertiesService.getDocumentProperties().setProperty("x", "1")).toThrow("permission");
      expect(() => MailApp.sendEmail("a@x.gov", "s", "b")).toThrow(
        "You do not have permission to call MailApp.sendEmail",
      );
      expect(() => SpreadsheetApp.getUi()).toThrow("permission");
    });
    expect(env.context.authMode).toBe("FULL");
    sheet.getRange("A1").setValue(6);
    expect(sheet.getRange("A1").getValue()).toBe(6);
  });
});
