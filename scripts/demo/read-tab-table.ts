// Reads a table tab of the emulated spreadsheet (header row first) as records by SPEC §2 column, for the demo's report.
import type { GasEnvironment } from "../../emulation/index";
import type { CellValue } from "../../src/domain/cell-value";
import { mapHeaders } from "../../src/domain/workbook/column-map";

/** One data row: the value and the text Sheets would show, by column name; `row` is the sheet row. */
export interface TableRecord {
  row: number;
  value: Record<string, CellValue>;
  text: Record<string, string>;
}

/** Where a table starts and ends on its tab (default: header in row 1, every non-blank row below). */
export interface TableShape {
  /** 1-based row of the header. */
  headerRow?: number;
  /** Stop at the first blank row (a table with other blocks below it, like the Portfolio's). */
  untilBlankRow?: boolean;
}

/** The rows of `tabName` under `columns` (any order, extra columns ignored); [] when the tab is missing. */
export function readTabTable(
  env: GasEnvironment,
  tabName: string,
  columns: readonly string[],
  shape: TableShape = {},
): TableRecord[] {
  const headerIndex = (shape.headerRow ?? 1) - 1;
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(tabName);
    if (!sheet || sheet.getLastRow() < headerIndex + 2) return [];
    const range = sheet.getDataRange();
    const values = range.getValues() as CellValue[][];
    const display = range.getDisplayValues();
    const { positions } = mapHeaders(values[headerIndex], columns);
    const records: TableRecord[] = [];
    for (let r = headerIndex + 1; r < values.length; r += 1) {
      if (values[r].every((cell) => cell === "" || cell === null)) {
        if (shape.untilBlankRow) break;
        continue;
      }
      const record: TableRecord = { row: r + 1, value: {}, text: {} };
      for (const name of columns) {
        const position = (positions as Record<string, number | undefined>)[name];
        record.value[name] = position === undefined ? "" : values[r][position];
        record.text[name] = position === undefined ? "" : display[r][position];
      }
      records.push(record);
    }
    return records;
  });
}

/** A cell of out/summary.json: numbers and Yes/No as themselves, everything else as Sheets shows it. */
export type JsonCell = string | number | boolean;

/**
 * A record for out/summary.json: numbers as numbers (a percent as its fraction) and booleans as
 * booleans; where Sheets shows a number differently (`99.1%`, `$1,200`), the shown text is kept beside it
 * as `<column> shown`. Dates and text are the text Sheets shows.
 */
export function jsonRecord(record: TableRecord): Record<string, JsonCell> {
  const out: Record<string, JsonCell> = {};
  for (const [column, text] of Object.entries(record.text)) {
    const value = record.value[column];
    if (typeof value === "number" || typeof value === "boolean") {
      out[column] = value;
      if (String(value) !== text) out[`${column} shown`] = text;
    } else out[column] = text;
  }
  return out;
}

/** What a summary cell looks like to a person: its shown text when it has one, else the value as text. */
export function shownCell(row: Record<string, JsonCell>, column: string): string {
  const shown = row[`${column} shown`];
  return String(shown ?? row[column] ?? "");
}
