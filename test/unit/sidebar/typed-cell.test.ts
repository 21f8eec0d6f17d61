// Number formats the sidebar sets before writing: text as "@", numbers keep the user's format, dates as dates.
import { describe, expect, it } from "vitest";
import {
  DATE_FORMAT,
  formatFor,
  NUMBER_FORMAT,
  PERCENT_FORMAT,
  TEXT_FORMAT,
} from "../../../src/domain/sidebar/typed-cell";

describe("the number format written with a value", () => {
  it("formats user text as plain text whatever the cell had, so it never becomes a formula", () => {
    expect(formatFor({ kind: "text", text: "=1+1" }, "0.00")).toBe(TEXT_FORMAT);
    expect(formatFor({ kind: "text", text: "+1" }, "")).toBe(TEXT_FORMAT);
  });

  it("keeps a number format the user chose and gives a percent format to a typed percent", () => {
    expect(formatFor({ kind: "number", value: 3 }, "#,##0.00")).toBe("#,##0.00");
    expect(formatFor({ kind: "number", value: 0.5, percent: true }, "0.00%")).toBe("0.00%");
    expect(formatFor({ kind: "number", value: 0.5, percent: true }, "0.###############")).toBe(
      PERCENT_FORMAT,
    );
  });

  it("turns a text-formatted or date-formatted cell back into a number cell for a number", () => {
    expect(formatFor({ kind: "number", value: 3 }, "@")).toBe(NUMBER_FORMAT);
    expect(formatFor({ kind: "number", value: 3 }, "yyyy-mm-dd")).toBe(NUMBER_FORMAT);
  });

  it("writes calendar dates with a date format and leaves a cleared cell's format alone", () => {
    expect(formatFor({ kind: "date", date: { year: 2026, month: 3, day: 1 } }, "@")).toBe(DATE_FORMAT);
    expect(formatFor({ kind: "blank" }, "0.0%")).toBe("0.0%");
  });
});
