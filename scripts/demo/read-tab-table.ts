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

/** The rows of `tabName` under `columns` (any order, extra columns ignored); [] when the tab is missing. */
export function readTabTable(
  env: GasEnvironment,
  tabName: string,
  columns: readonly string[],
): TableRecord[] {
  return env.counter.uncounted(() => {
    const sheet = env.spreadsheet.getSheetByName(tabName);
    if (!sheet || sheet.getLastRow() < 2) return [];
    const range = sheet.getDataRange();
    const values = range.getValues() as CellValue[][];
    const display = range.getDisplayValues();
    const { positions } = mapHeaders(values[0], columns);
    const records: TableRecord[] = [];
    for (let r = 1; r < values.length; r += 1) {
      if (values[r].every((cell) => cell === "" || cell === null)) continue;
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
