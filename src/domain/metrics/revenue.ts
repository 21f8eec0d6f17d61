// Revenue retention and unit economics formulas of seed 001 and 004: NRR, GRR, CLV, CAC payback.

/** Starting ARR and its movements over the period, all in the same currency. */
export interface RetentionInputs {
  startingArr: number;
  expansion: number;
  downgrades: number;
  churn: number;
}

/**
 * Net revenue retention as a fraction: (start + expansion − downgrades − churn) / start.
 * 1.25 means 125 %. Callers validate that `startingArr > 0` and movements are ≥ 0.
 */
export function netRevenueRetention({ startingArr, expansion, downgrades, churn }: RetentionInputs): number {
  return (startingArr + expansion - downgrades - churn) / startingArr;
}

/**
 * Gross revenue retention as a fraction: (start − downgrades − churn) / start, never above 1.
 * Expansion does not count towards gross retention.
 */
export function grossRevenueRetention({
  startingArr,
  downgrades,
  churn,
}: Omit<RetentionInputs, "expansion">): number {
  return Math.min(1, (startingArr - downgrades - churn) / startingArr);
}

/** Customer lifetime value: (average revenue per customer × gross margin) / churn rate. */
export function customerLifetimeValue(
  averageRevenue: number,
  grossMargin: number,
  churnRate: number,
): number {
  return (averageRevenue * grossMargin) / churnRate;
}

/** Months to recover acquisition cost: CAC / (MRR × gross margin). */
export function cacPaybackMonths(cac: number, mrr: number, grossMargin: number): number {
  return cac / (mrr * grossMargin);
}
