// Finds named headers in a row (or key labels in a column) the way users type them: any order, any case or spacing.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import { normalizeHeader } from "../workbook-schema";

/** Where each wanted header was found among a line of cells (a header row, or a key column read top to bottom). */
export interface HeaderMatch<Name extends string> {
  /** 0-based position of every wanted name found exactly once. */
  positions: Partial<Record<Name, number>>;
  /** Wanted names not found, in the order they were asked for. */
  missing: Name[];
  /** Wanted names found more than once, with every 0-based position. */
  duplicated: { name: Name; positions: number[] }[];
  /** 0-based positions of non-blank cells that match no wanted name (a user's own extra columns). */
  unmatched: number[];
}

/**
 * Matches `cells` against `names` under {@link normalizeHeader} (case- and whitespace-insensitive),
 * the one header matching every workbook parser uses.
 */
export function mapHeaders<Name extends string>(
  cells: readonly CellValue[],
  names: readonly Name[],
): HeaderMatch<Name> {
  const wanted = new Map<string, Name>();
  for (const name of names) wanted.set(normalizeHeader(name), name);
  const found = new Map<Name, number[]>();
  const unmatched: number[] = [];
  cells.forEach((cell, position) => {
    if (isBlank(cell)) return;
    const name = wanted.get(normalizeHeader(cell));
    if (name === undefined) {
      unmatched.push(position);
      return;
    }
    const list = found.get(name) ?? [];
    list.push(position);
    found.set(name, list);
  });
  const positions: Partial<Record<Name, number>> = {};
  const missing: Name[] = [];
  const duplicated: { name: Name; positions: number[] }[] = [];
  for (const name of names) {
    const list = found.get(name);
    if (!list) missing.push(name);
    else if (list.length > 1) duplicated.push({ name, positions: list });
    else positions[name] = list[0];
  }
  return { positions, missing, duplicated, unmatched };
}
