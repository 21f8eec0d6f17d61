// Applies a per-cell computation over custom-function arguments that may be single values or ranges.
import { type CellValue, describeValue, isGrid } from "../domain/cell-value";
import { ArgumentError } from "./argument-error";

/** One argument: its name for messages and the value Sheets passed (a value or a 2-D array). */
export interface NamedArgument {
  name: string;
  value: unknown;
}

/** A cell result: a number, text, or "" for no data. */
export type CellResult = number | string;

function dims(grid: unknown[][]): [number, number] {
  return [grid.length, grid.reduce((max, row) => Math.max(max, row.length), 0)];
}

/**
 * Calls `compute` once per cell position. Range arguments must share one shape (a 1×1 range acts
 * as a single value); single values apply to every position. With no range the result is a single
 * value, else a same-shaped 2-D array, so one formula fills a whole column. An ArgumentError
 * raised for a cell of a multi-cell range gets the cell's position appended. A number result that
 * is not finite (inputs such as 1e308 overflow) is an ArgumentError, never a NaN or Infinity cell.
 */
export function mapCells(
  fn: string,
  args: readonly NamedArgument[],
  computeCell: (cells: CellValue[]) => CellResult,
): CellResult | CellResult[][] {
  const compute = (cells: CellValue[]): CellResult => {
    const result = computeCell(cells);
    if (typeof result === "number" && !Number.isFinite(result))
      throw new ArgumentError(
        `${fn}: the result is ${describeValue(result)}, which a cell cannot show; check the inputs for values far too large`,
      );
    return result;
  };
  let shape: [number, number] | null = null;
  let shapeArg = "";
  for (const arg of args) {
    if (!isGrid(arg.value)) continue;
    const d = dims(arg.value);
    if (d[0] === 1 && d[1] === 1) continue;
    if (shape === null) {
      shape = d;
      shapeArg = arg.name;
    } else if (shape[0] !== d[0] || shape[1] !== d[1]) {
      throw new ArgumentError(
        `${fn}: ${arg.name} is a ${d[0]}×${d[1]} range but ${shapeArg} is ${shape[0]}×${shape[1]}; give ranges of the same size or a single value`,
      );
    }
  }
  // Whether each argument is a range is decided once (isGrid looks at every row), not once per cell.
  const kinds = args.map((arg) => {
    if (!isGrid(arg.value)) return { grid: null, single: arg.value as CellValue };
    const grid = arg.value;
    return grid.length === 1 && grid[0].length === 1
      ? { grid: null, single: grid[0][0] }
      : { grid, single: "" };
  });
  const cellsAt = (r: number, c: number): CellValue[] =>
    kinds.map((kind) => (kind.grid === null ? kind.single : (kind.grid[r]?.[c] ?? "")));
  if (shape === null) return compute(cellsAt(0, 0));
  const [rows, cols] = shape;
  const out: CellResult[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellResult[] = [];
    for (let c = 0; c < cols; c++) {
      try {
        row.push(compute(cellsAt(r, c)));
      } catch (error) {
        if (error instanceof ArgumentError) {
          const where = cols === 1 ? `row ${r + 1}` : `row ${r + 1}, column ${c + 1}`;
          throw new ArgumentError(`${error.message} (${where} of the range)`);
        }
        throw error;
      }
    }
    out.push(row);
  }
  return out;
}
