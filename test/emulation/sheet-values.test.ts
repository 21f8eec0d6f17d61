// Sheet.getSheetValues reads a block in one call; -1 means "to the last row or column with content", as in Apps Script.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";

describe("Sheet.getSheetValues", () => {
  it("gives the data range's values for (1, 1, -1, -1), as one counted call", () => {
    const env = createGasEnvironment();
    const sheet = env.sheetFromRows("Acme", [
      ["Account", "Acme"],
      ["Owner email", "owner@agency.gov", "", 4],
    ]);
    env.counter.reset();
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual(sheet.getDataRange().getValues());
    expect(env.counter.count("Sheet.getSheetValues")).toBe(1);
    expect(env.counter.count("Range.getValues")).toBe(1); // the getDataRange().getValues() above
    expect(sheet.getSheetValues(2, 2, 1, -1)).toEqual([["owner@agency.gov", "", 4]]);
    expect(sheet.getSheetValues(1, 1, 1, 2)).toEqual([["Account", "Acme"]]);
  });

  it("throws the zero-rows message on an empty sheet, and Google's bounds message past the sheet", () => {
    const env = createGasEnvironment();
    const sheet = env.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    expect(() => sheet.getSheetValues(1, 1, -1, -1)).toThrow(
      "The number of rows in the range must be at least 1.",
    );
    expect(() => sheet.getSheetValues(1, 1, 1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
  });
});
