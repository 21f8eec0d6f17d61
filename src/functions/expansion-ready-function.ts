// EXPANSION_READY custom function: seed 004's readiness triggers as a verdict per row.

import { isBlank } from "../domain/cell-value";
import { checkExpansionTriggers, expansionVerdict } from "../domain/metrics/expansion-readiness";
import { type CellResult, mapCells } from "./map-cells";
import { NUMBER_RULES, readNumber, readYesNo } from "./read-argument";

const ARGUMENTS = [
  "days since go-live",
  "adoption",
  "open P1/P2 tickets",
  "past-due POA&M items",
  "ISSO confirmed",
  "interest signal",
];

/** `Ready` or `Not ready: <each failed trigger>`; a row with every input blank gives blank. */
export function expansionReadyFunction(
  daysSinceGoLive: unknown,
  adoption: unknown,
  openP1P2: unknown,
  pastDuePoam: unknown,
  issoConfirmed: unknown,
  interestSignal: unknown,
) {
  const fn = "EXPANSION_READY";
  const values = [daysSinceGoLive, adoption, openP1P2, pastDuePoam, issoConfirmed, interestSignal];
  return mapCells(
    fn,
    values.map((value, i) => ({ name: ARGUMENTS[i], value })),
    (cells): CellResult => {
      if (cells.every(isBlank)) return "";
      const checks = checkExpansionTriggers({
        daysSinceGoLive: readNumber(fn, ARGUMENTS[0], cells[0], NUMBER_RULES.nonNegative),
        adoption: readNumber(fn, ARGUMENTS[1], cells[1], NUMBER_RULES.fraction),
        openP1P2: readNumber(fn, ARGUMENTS[2], cells[2], NUMBER_RULES.count),
        pastDuePoam: readNumber(fn, ARGUMENTS[3], cells[3], NUMBER_RULES.count),
        issoConfirmed: readYesNo(fn, ARGUMENTS[4], cells[4]),
        interestSignal: readYesNo(fn, ARGUMENTS[5], cells[5]),
      });
      return expansionVerdict(checks);
    },
  );
}
