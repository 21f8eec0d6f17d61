// The emulation's formula engine: references across tabs, arithmetic, built-ins, custom functions and Sheets' error values.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, formulaEngine, type GasEnvironment } from "../../emulation/index";

function workbook(): GasEnvironment {
  const env = createGasEnvironment({ timeZone: "America/New_York", firstSheetName: "Acme Agency" });
  env.sheetFromRows("Acme Agency", [
    ["Account", "Acme Agency"],
    ["Go-live date", env.sheetDate("2026-01-31")],
    ["Starting ARR", 200000],
    ["ARR", 230000],
    ["Blank", ""],
  ]);
  env.sheetFromRows("Escalation Log", [
    ["ID", "Account", "Status"],
    ["ESC-1", "Acme Agency", "Open"],
    ["ESC-2", "Acme Agency", "Resolved"],
    ["ESC-3", "acme agency", "Acknowledged"],
    ["ESC-4", "Other", "Open"],
  ]);
  env.sheetFromRows("Out", [[""]]);
  return env;
}

/** Writes `formula` into Out!A1 and reads what the engine computes. */
function compute(env: GasEnvironment, formula: string): unknown {
  return env.counter.uncounted(() => {
    const cell = env.spreadsheet.getSheetByName("Out")!.getRange("A1");
    cell.setFormula(formula);
    return cell.getValue();
  });
}

describe("formulaEngine", () => {
  it("reads references on other tabs, quoted or not, and does arithmetic and text joins", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine({ counter: env.counter }));
    expect(compute(env, "='Acme Agency'!B4/'Acme Agency'!$B$3")).toBe(1.15);
    expect(compute(env, "=2+3*4-2^3")).toBe(6);
    expect(compute(env, '="n=" & (1+1) & "!"')).toBe("n=2!");
    expect(compute(env, "=-'Acme Agency'!B3 + 10%")).toBeCloseTo(-199999.9);
  });

  it("counts with COUNTIFS over whole columns, ignoring case, with <> criteria", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine());
    expect(
      compute(env, "=COUNTIFS('Escalation Log'!$B:$B,\"Acme Agency\",'Escalation Log'!$C:$C,\"<>Resolved\")"),
    ).toBe(2);
    expect(compute(env, "=COUNTIFS('Escalation Log'!C:C,\"Open\")")).toBe(2);
  });

  it("builds dates with DATE, rolling months over, as the spreadsheet's midnight", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine());
    expect(compute(env, '=TEXT(DATE(2026,12,2),"yyyy-mm-dd")')).toBe("2026-12-02");
    expect(compute(env, '=TEXT(DATE(2026,13,1),"yyyy-mm-dd")')).toBe("2027-01-01");
    expect(compute(env, '=DATE("soon",1,1)')).toBe("#VALUE!");
  });

  it("gives Sheets' error values and lets IFERROR catch them", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine());
    expect(compute(env, "='Acme Agency'!B3/'Acme Agency'!B5")).toBe("#DIV/0!");
    expect(compute(env, "=IFERROR('Acme Agency'!B3/'Acme Agency'!B5,\"\")")).toBe("");
    expect(compute(env, "=NO_SUCH_FUNCTION(1)")).toBe("#NAME?");
    expect(compute(env, "='No tab'!A1")).toBe("#REF!");
    expect(compute(env, "='Acme Agency'!A1+1")).toBe("#VALUE!");
    expect(compute(env, "=IFERROR(1/0)")).toBe("");
  });

  it("moves dates by months with EDATE (clamping to the month's end) and formats them with TEXT", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine());
    expect(compute(env, "=TEXT(EDATE('Acme Agency'!$B$2,1),\"yyyy-mm-dd\")")).toBe("2026-02-28");
    expect(compute(env, "=TEXT(EDATE('Acme Agency'!$B$2,13),\"mmm d, yyyy\")")).toBe("Feb 28, 2027");
    expect(compute(env, '=TEXT(0.1234,"0.0%")')).toBe("12.3%");
  });

  it("calls custom functions with single cells as values and ranges as 2-D arrays, under the caller's wrapper", () => {
    const env = workbook();
    const calls: unknown[][] = [];
    const modes: string[] = [];
    env.setFormulaEvaluator(
      formulaEngine({
        functions: {
          ECHO: (...args: unknown[]) => {
            calls.push(args);
            return [["first"], ["second"]];
          },
          FAIL: () => {
            throw new Error("FAIL: bad input");
          },
        },
        runCustomFunction: (call) => {
          modes.push("custom");
          return call();
        },
      }),
    );
    expect(compute(env, "=ECHO('Acme Agency'!B3, 'Acme Agency'!B3:B4, \"x\")")).toBe("first");
    expect(calls[0]).toEqual([200000, [[200000], [230000]], "x"]);
    expect(modes).toEqual(["custom"]);
    expect(compute(env, "=FAIL()")).toBe("#ERROR!");
    expect(compute(env, '=IFERROR(FAIL(),"fallback")')).toBe("fallback");
  });

  it("computes formula cells that refer to other formula cells, and reports a cycle as #REF!", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine());
    env.counter.uncounted(() => {
      const out = env.spreadsheet.getSheetByName("Out")!;
      out.getRange("B1").setFormula("='Acme Agency'!B4*2");
      out.getRange("C1").setFormula("=B1+1");
      out.getRange("D1").setFormula("=E1");
      out.getRange("E1").setFormula("=D1");
    });
    const row = env.counter.uncounted(
      () => env.spreadsheet.getSheetByName("Out")!.getRange("B1:D1").getValues()[0],
    );
    expect(row.slice(0, 2)).toEqual([460000, 460001]);
    expect(row[2]).toBe("#REF!");
  });

  it("does not count its own reads as the add-in's service calls", () => {
    const env = workbook();
    env.setFormulaEvaluator(formulaEngine({ counter: env.counter }));
    env.counter.uncounted(() =>
      env.spreadsheet.getSheetByName("Out")!.getRange("A1").setFormula("='Acme Agency'!B3"),
    );
    env.counter.reset();
    env.spreadsheet.getSheetByName("Out")!.getRange("A1").getValue();
    expect(env.counter.snapshot()).toEqual({
      "Range.getValue": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getSheetByName": 1,
    });
  });
});
