// Reads a table tab (header row first): finds its columns by name and hands each non-blank row to a parser.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import { cellAddress } from "./cell-address";
import { mapHeaders } from "./column-map";
import { cellText } from "./read-cells";
import type { WorkbookProblem } from "./workbook-problem";
import { problemAt, quoteList } from "./workbook-problem";

/** One non-blank data row of a table tab. */
export interface TableRow<Name extends string> {
  /** 1-based sheet row. */
  row: number;
  /** Every cell of the row as read, extra columns included, padded to the header's width. */
  cells: CellValue[];
  /** The cell under a named column (`""` under an optional column the tab lacks). */
  value(name: Name): CellValue;
  /** The A1 name of the cell under a named column (for messages). */
  address(name: Name): string;
}

/** A table tab whose header row holds every required column. */
export interface TableRead<Name extends string> {
  tabName: string;
  /** 1-based sheet column of each named column (an optional column it lacks is absent). */
  columns: Record<Name, number>;
  /** Number of columns read (header row and data rows share it). */
  width: number;
  /** Non-blank data rows, top to bottom. */
  rows: TableRow<Name>[];
}

/**
 * Reads `values` (the tab's `getValues()`, header row first) as a table with the named columns, in
 * any order and with any extra columns; `optional` columns are read when the header has them (a
 * workbook made before they existed lacks them). Returns a problem naming every missing required
 * or repeated header.
 */
export function readTable<Name extends string, Optional extends string = never>(
  tabName: string,
  values: readonly CellValue[][],
  names: readonly Name[],
  optional: readonly Optional[] = [],
): TableRead<Name | Optional> | WorkbookProblem {
  const header = values[0] ?? [];
  const match = mapHeaders(header, [...names, ...optional]);
  match.missing = match.missing.filter((name) => !(optional as readonly string[]).includes(name));
  if (match.missing.length > 0 || match.duplicated.length > 0) {
    const found = header.filter((cell) => !isBlank(cell)).map((cell) => cellText(cell));
    const parts: string[] = [];
    if (match.missing.length > 0) {
      const noun = match.missing.length === 1 ? "column" : "columns";
      parts.push(`no ${quoteList(match.missing)} ${noun} in the header row`);
    }
    for (const { name, positions } of match.duplicated) {
      const cells = positions.map((position) => cellAddress(1, position + 1));
      parts.push(`${JSON.stringify(name)} appears ${positions.length} times (${cells.join(", ")})`);
    }
    const expected = `expected the headers ${quoteList(names)} in any order`;
    const seen = found.length > 0 ? `found ${quoteList(found)}` : "the row is empty";
    return problemAt(tabName, 1, `${parts.join("; ")}; ${expected}, ${seen}`);
  }
  const positions = match.positions as Record<Name | Optional, number | undefined>;
  const columns = {} as Record<Name | Optional, number>;
  for (const name of [...names, ...optional]) {
    const position = positions[name];
    if (position !== undefined) columns[name] = position + 1;
  }
  const width = Math.max(header.length, ...Object.values<number>(columns));
  const rows: TableRow<Name | Optional>[] = [];
  for (let index = 1; index < values.length; index += 1) {
    const source = values[index] ?? [];
    if (source.every((cell) => isBlank(cell))) continue;
    const cells: CellValue[] = [];
    for (let column = 0; column < Math.max(width, source.length); column += 1)
      cells.push(source[column] ?? "");
    const row = index + 1;
    rows.push({
      row,
      cells,
      value: (name) => (columns[name] === undefined ? "" : cells[columns[name] - 1]),
      address: (name) => cellAddress(row, columns[name] ?? 0),
    });
  }
  return { tabName, columns, width, rows };
}
