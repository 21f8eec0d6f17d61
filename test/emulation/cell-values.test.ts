// Cell values behave like Google Sheets where our code depends on it: blanks, dates, typed input, shapes, bounds.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, sheetDate } from "../../emulation/index";

function setup(timeZone = "Etc/UTC") {
  const env = createGasEnvironment({ timeZone, now: "2026-10-01T12:00:00Z" });
  const sheet = env.globals.SpreadsheetApp.getActiveSheet();
  return { env, sheet };
}

describe("reading cells", () => {
  it("reads blank cells as empty strings, never null or undefined", () => {
    const { sheet } = setup();
    sheet.getRange("B2").setValue(7);
    expect(sheet.getRange("A1:C3").getValues()).toEqual([
      ["", "", ""],
      ["", 7, ""],
      ["", "", ""],
    ]);
    expect(sheet.getRange("Z1000").getValue()).toBe("");
  });

  it("gives back a date as a new Date holding the same instant", () => {
    const { sheet } = setup("America/New_York");
    const written = new Date("2026-03-08T06:30:00Z");
    sheet.getRange("A1").setValue(written);
    const first = sheet.getRange("A1").getValue() as Date;
    const second = sheet.getRange("A1").getValue() as Date;
    expect(first.getTime()).toBe(written.getTime());
    expect(first).not.toBe(written);
    first.setFullYear(1999);
    expect(second.getTime()).toBe(written.getTime());
    expect((sheet.getRange("A1").getValue() as Date).getTime()).toBe(written.getTime());
  });

  it("accepts dates from another realm (the bundle's vm)", async () => {
    const { runInNewContext } = await import("node:vm");
    const { sheet } = setup();
    const foreign = runInNewContext('new Date("2026-01-15T00:00:00Z")') as Date;
    sheet.getRange("A1").setValue(foreign);
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-01-15T00:00:00.000Z");
  });

  it("reports the last row and column that hold content", () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    sheet.getRange("C5").setValue("x");
    sheet.getRange("A2").setBackground("#ff0000");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C5");
  });
});

describe("addressing", () => {
  it("throws Google's message past the sheet's 1000 rows or 26 columns", () => {
    const { sheet } = setup();
    const outside = "The coordinates of the range are outside the dimensions of the sheet.";
    expect(() => sheet.getRange(1001, 1)).toThrow(outside);
    expect(() => sheet.getRange(1, 27)).toThrow(outside);
    expect(() => sheet.getRange("AA1")).toThrow(outside);
    expect(() => sheet.getRange(990, 1, 20, 1)).toThrow(outside);
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe("Z1000");
  });

  it("reads whole-column and open-ended A1 ranges up to the sheet's edge", () => {
    const { sheet } = setup();
    expect(sheet.getRange("B:C").getNumRows()).toBe(1000);
    expect(sheet.getRange("A2:B").getA1Notation()).toBe("A2:B1000");
    expect(sheet.getRange("3:4").getNumColumns()).toBe(26);
  });

  it("offsets ranges and reports their geometry", () => {
    const { sheet } = setup();
    const range = sheet.getRange("B2:D4").offset(1, 1, 2);
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      3, 3, 2, 3,
    ]);
    expect(range.getA1Notation()).toBe("C3:E4");
  });
});

describe("writing values", () => {
  it("rejects a block whose shape differs from the range with Google's message, writing nothing", () => {
    const { sheet } = setup();
    const range = sheet.getRange("A1:B2");
    expect(() => range.setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
    expect(range.getValues()).toEqual([
      ["", ""],
      ["", ""],
    ]);
  });

  it("turns a string starting with = into a formula", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue("=SUM(1)");
    expect(sheet.getRange("A1").getFormula()).toBe("=SUM(1)");
    expect(sheet.getRange("A1").getValue()).toBe("");
  });

  it("keeps =SUM(1) as text in a cell formatted as plain text (@)", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setNumberFormat("@").setValue("=SUM(1)");
    expect(sheet.getRange("A1").getValue()).toBe("=SUM(1)");
    expect(sheet.getRange("A1").getFormula()).toBe("");
  });

  it("keeps text after a leading apostrophe and drops the apostrophe", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([["'=SUM(1)"], ["'45%"], ["'2026-10-01"]]);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([["=SUM(1)"], ["45%"], ["2026-10-01"]]);
    expect(sheet.getRange("A1").getFormula()).toBe("");
  });

  it("reads typed text the way Sheets does: percents, grouped numbers, dates, booleans", () => {
    const { env, sheet } = setup("America/New_York");
    sheet.getRange("A1:F1").setValues([["45%", "1,234", "2026-10-01", "TRUE", "007", "12 apples"]]);
    const [row] = sheet.getRange("A1:F1").getValues();
    expect(row[0]).toBeCloseTo(0.45, 12);
    expect(row.slice(1, 2)).toEqual([1234]);
    expect((row[2] as Date).getTime()).toBe(env.sheetDate("2026-10-01").getTime());
    expect(row.slice(3)).toEqual([true, 7, "12 apples"]);
    expect(sheet.getRange("A1:C1").getNumberFormats()).toEqual([["0%", "#,##0", "yyyy-mm-dd"]]);
    expect(sheet.getRange("A1:C1").getDisplayValues()).toEqual([["45%", "1,234", "2026-10-01"]]);
  });

  it("keeps every typed string as text in plain-text cells", () => {
    const { sheet } = setup();
    const typed = [["45%", "1,234", "2026-10-01", "TRUE", "+1", "-2"]];
    sheet.getRange("A1:F1").setNumberFormat("@").setValues(typed);
    expect(sheet.getRange("A1:F1").getValues()).toEqual(typed);
  });

  it("rejects a value outside a strict dropdown and accepts one inside", () => {
    const { env, sheet } = setup();
    const rule = env.globals.SpreadsheetApp.newDataValidation()
      .requireValueInList(["Open", "Resolved"])
      .setAllowInvalid(false)
      .build();
    sheet.getRange("L2:L5").setDataValidation(rule);
    sheet.getRange("L2").setValue("Open");
    expect(() => sheet.getRange("L3").setValue("Closed")).toThrow(
      "The data you entered in cell L3 violates the data validation rules set on this cell.",
    );
    expect(sheet.getRange("L3").getValue()).toBe("");
    expect(sheet.getRange("L2").getDataValidation()?.getCriteriaValues()[0]).toEqual(["Open", "Resolved"]);
    expect(sheet.getRange("M2").getDataValidation()).toBeNull();
  });

  it("clears contents without formats, formats without contents", () => {
    const { sheet } = setup();
    const range = sheet
      .getRange("A1:B1")
      .setValues([[1, 2]])
      .setBackground("#ff0000");
    range.clearContent();
    expect(range.getValues()).toEqual([["", ""]]);
    expect(range.getBackgrounds()).toEqual([["#ff0000", "#ff0000"]]);
    range.setValue(3).clearFormat();
    expect(range.getValues()).toEqual([[3, 3]]);
    expect(range.getBackground()).toBe("#ffffff");
  });
});

describe("display values", () => {
  it("formats numbers, percents and dates with the cell's number format", () => {
    const { env, sheet } = setup("America/New_York");
    sheet.getRange("A1:E1").setValues([[0.1234, 1234.5, env.sheetDate("2026-10-01"), 2.5, true]]);
    sheet.getRange("A1:D1").setNumberFormats([["0.0%", "#,##0.00", "mmm d, yyyy", "$#,##0.00"]]);
    expect(sheet.getRange("A1:E1").getDisplayValues()).toEqual([
      ["12.3%", "1,234.50", "Oct 1, 2026", "$2.50", "TRUE"],
    ]);
  });

  it("shows an unformatted date as month/day/year in the spreadsheet's time zone", () => {
    const { sheet } = setup("America/New_York");
    sheet.getRange("A1").setValue(sheetDate("2026-03-15", "America/New_York"));
    expect(sheet.getRange("A1").getDisplayValue()).toBe("3/15/2026");
  });
});

describe("formula evaluation hook", () => {
  it("computes formula cells on read with the plugged-in evaluator and remembers the last value", () => {
    const { env, sheet } = setup();
    sheet.getRange("A1").setFormula("=NRR(100, 20, 0, 0)");
    env.setFormulaEvaluator((formula, where) =>
      formula.startsWith("=NRR") ? 1.2 + where.row * 0 : undefined,
    );
    expect(sheet.getRange("A1").getValue()).toBe(1.2);
    env.setFormulaEvaluator(null);
    expect(sheet.getRange("A1").getValue()).toBe(1.2);
    env.setFormulaEvaluator(() => {
      throw new Error("boom");
    });
    expect(sheet.getRange("A1").getValue()).toBe("#ERROR!");
  });
});
