// One attribute of every cell of a sheet (values, backgrounds, notes, …) as sparse row arrays.

/**
 * A sparse grid of one cell attribute, 0-based. Rows are plain arrays created on first write; a cell
 * that was never written (or was reset) holds `undefined` and reads as the layer's default. No object
 * is allocated per cell, so a 60 × 40 block costs 60 arrays.
 */
export class CellLayer<T> {
  private rows: (Array<T | undefined> | undefined)[] = [];

  /** @param fallback what an unset cell reads as */
  constructor(readonly fallback: T) {}

  /** The stored value of a cell, or `undefined` when it was never set. */
  raw(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  /** The value of a cell, the layer's default when unset. */
  get(row: number, column: number): T {
    const value = this.rows[row]?.[column];
    return value === undefined ? this.fallback : value;
  }

  /** The stored row array (may be shorter than the sheet, may be `undefined`). Do not modify it. */
  rowAt(row: number): ReadonlyArray<T | undefined> | undefined {
    return this.rows[row];
  }

  /** Sets a cell; `undefined` or the default value resets it. */
  set(row: number, column: number, value: T | undefined): void {
    const stored = value === this.fallback ? undefined : value;
    let cells = this.rows[row];
    if (!cells) {
      if (stored === undefined) return;
      cells = [];
      this.rows[row] = cells;
    }
    cells[column] = stored;
  }

  /** Reads a block as rows of values (defaults filled in), optionally mapped. */
  read<R = T>(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    map?: (value: T) => R,
  ): R[][] {
    const out: R[][] = new Array(numRows);
    for (let r = 0; r < numRows; r++) {
      const cells = this.rows[row + r];
      const line: R[] = new Array(numColumns);
      for (let c = 0; c < numColumns; c++) {
        const value = cells?.[column + c];
        const v = value === undefined ? this.fallback : value;
        line[c] = map ? map(v) : (v as unknown as R);
      }
      out[r] = line;
    }
    return out;
  }

  /** Sets every cell of a block to `value` (`undefined` resets them). */
  fill(row: number, column: number, numRows: number, numColumns: number, value: T | undefined): void {
    for (let r = 0; r < numRows; r++)
      for (let c = 0; c < numColumns; c++) this.set(row + r, column + c, value);
  }

  /** Writes a block cell by cell from `values` (already shape-checked). */
  write(row: number, column: number, values: ReadonlyArray<ReadonlyArray<T | undefined>>): void {
    for (let r = 0; r < values.length; r++) {
      const line = values[r];
      for (let c = 0; c < line.length; c++) this.set(row + r, column + c, line[c]);
    }
  }

  /** Shifts rows down to make `count` empty rows at `at`. */
  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...new Array(count).fill(undefined));
  }

  /** Removes `count` rows starting at `at`. */
  deleteRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, count);
  }

  /** Shifts cells right to make `count` empty columns at `at`. */
  insertColumns(at: number, count: number): void {
    for (const cells of this.rows) {
      if (cells && at < cells.length) cells.splice(at, 0, ...new Array(count).fill(undefined));
    }
  }

  /** Removes `count` columns starting at `at`. */
  deleteColumns(at: number, count: number): void {
    for (const cells of this.rows) if (cells && at < cells.length) cells.splice(at, count);
  }

  /** Index of the last row holding a set cell, −1 when none. */
  lastRowIndex(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const cells = this.rows[r];
      if (cells?.some((value) => value !== undefined)) return r;
    }
    return -1;
  }

  /** Index of the last column holding a set cell, −1 when none. */
  lastColumnIndex(): number {
    let last = -1;
    for (const cells of this.rows) {
      if (!cells) continue;
      for (let c = cells.length - 1; c > last; c--) {
        if (cells[c] !== undefined) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Resets every cell. */
  clearAll(): void {
    this.rows = [];
  }
}
