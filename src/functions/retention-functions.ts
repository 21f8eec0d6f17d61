// NRR and GRR custom functions: retention fractions from starting ARR and its movements.
import { grossRevenueRetention, netRevenueRetention } from "../domain/metrics/revenue";
import { ArgumentError } from "./argument-error";
import { type CellResult, mapCells } from "./map-cells";
import { NUMBER_RULES, readNumber } from "./read-argument";

function readMovements(
  fn: string,
  cells: unknown[],
  names: string[],
): { start: number; moves: number[] } | null {
  const start = readNumber(fn, "starting ARR", cells[0], NUMBER_RULES.positive);
  const moves = names.map((name, i) => readNumber(fn, name, cells[i + 1], NUMBER_RULES.nonNegative) ?? 0);
  if (start === null) return null;
  return { start, moves };
}

function checkLosses(fn: string, start: number, downgrades: number, churn: number): void {
  if (downgrades + churn > start) {
    throw new ArgumentError(
      `${fn}: downgrades plus churn (${downgrades + churn}) cannot exceed starting ARR (${start})`,
    );
  }
}

/**
 * NRR over single values or ranges. Blank starting ARR gives blank (no data yet); blank
 * movements count as 0 (nothing recorded).
 */
export function nrr(startingArr: unknown, expansion: unknown, downgrades: unknown, churn: unknown) {
  const fn = "NRR";
  return mapCells(
    fn,
    [
      { name: "starting ARR", value: startingArr },
      { name: "expansion", value: expansion },
      { name: "downgrades", value: downgrades },
      { name: "churn", value: churn },
    ],
    (cells): CellResult => {
      const read = readMovements(fn, cells, ["expansion", "downgrades", "churn"]);
      if (read === null) return "";
      const [exp, down, lost] = read.moves;
      checkLosses(fn, read.start, down, lost);
      return netRevenueRetention({ startingArr: read.start, expansion: exp, downgrades: down, churn: lost });
    },
  );
}

/** GRR over single values or ranges; never above 1. Blank starting ARR gives blank. */
export function grr(startingArr: unknown, downgrades: unknown, churn: unknown) {
  const fn = "GRR";
  return mapCells(
    fn,
    [
      { name: "starting ARR", value: startingArr },
      { name: "downgrades", value: downgrades },
      { name: "churn", value: churn },
    ],
    (cells): CellResult => {
      const read = readMovements(fn, cells, ["downgrades", "churn"]);
      if (read === null) return "";
      const [down, lost] = read.moves;
      checkLosses(fn, read.start, down, lost);
      return grossRevenueRetention({ startingArr: read.start, downgrades: down, churn: lost });
    },
  );
}
