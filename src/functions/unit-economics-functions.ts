// CLV and CAC_PAYBACK custom functions (seed 001 formulas).
import { cacPaybackMonths, customerLifetimeValue } from "../domain/metrics/revenue";
import { type CellResult, mapCells } from "./map-cells";
import { NUMBER_RULES, readNumber } from "./read-argument";

/** Customer lifetime value; blank if any input is blank. */
export function clv(averageRevenue: unknown, grossMargin: unknown, churnRate: unknown) {
  const fn = "CLV";
  return mapCells(
    fn,
    [
      { name: "average revenue", value: averageRevenue },
      { name: "gross margin", value: grossMargin },
      { name: "churn rate", value: churnRate },
    ],
    (cells): CellResult => {
      const revenue = readNumber(fn, "average revenue", cells[0], NUMBER_RULES.nonNegative);
      const margin = readNumber(fn, "gross margin", cells[1], NUMBER_RULES.fraction);
      const churn = readNumber(fn, "churn rate", cells[2], NUMBER_RULES.positiveFraction);
      if (revenue === null || margin === null || churn === null) return "";
      return customerLifetimeValue(revenue, margin, churn);
    },
  );
}

/** Months of gross-margin MRR needed to recover CAC; blank if any input is blank. */
export function cacPayback(cac: unknown, mrr: unknown, grossMargin: unknown) {
  const fn = "CAC_PAYBACK";
  return mapCells(
    fn,
    [
      { name: "CAC", value: cac },
      { name: "MRR", value: mrr },
      { name: "gross margin", value: grossMargin },
    ],
    (cells): CellResult => {
      const cost = readNumber(fn, "CAC", cells[0], NUMBER_RULES.nonNegative);
      const monthly = readNumber(fn, "MRR", cells[1], NUMBER_RULES.positive);
      const margin = readNumber(fn, "gross margin", cells[2], NUMBER_RULES.positiveFraction);
      if (cost === null || monthly === null || margin === null) return "";
      return cacPaybackMonths(cost, monthly, margin);
    },
  );
}
