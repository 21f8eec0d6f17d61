// The composite health score of seed 001: four 0–100 components, weighted, blanks left out.

/** The four components in their fixed order: usage, outcomes, relationship, growth. */
export const HEALTH_COMPONENTS = [
  "Product usage",
  "Business outcomes",
  "Relationship quality",
  "Account growth",
] as const;

/** Seed 001's default weights: usage 40 %, outcomes 25 %, relationship 20 %, growth 15 %. */
export const DEFAULT_HEALTH_WEIGHTS: readonly [number, number, number, number] = [40, 25, 20, 15];

/** One component's share of a score: its weight after re-normalisation and the points it adds. */
export interface HealthContribution {
  component: (typeof HEALTH_COMPONENTS)[number];
  score: number | null;
  weight: number;
  points: number;
}

/** A weighted score with the contribution of each component (null scores are left out). */
export interface HealthBreakdown {
  score: number | null;
  contributions: HealthContribution[];
}

/**
 * Weighted average of the components present. Missing components (null) are left out and the
 * remaining weights re-normalised to sum to 1; with no component present the score is null.
 * Callers validate components (0–100) and weights (four non-negative numbers, positive sum).
 */
export function healthBreakdown(
  components: readonly (number | null)[],
  weights: readonly number[] = DEFAULT_HEALTH_WEIGHTS,
): HealthBreakdown {
  let weightPresent = 0;
  components.forEach((score, i) => {
    if (score !== null) weightPresent += weights[i];
  });
  const contributions = HEALTH_COMPONENTS.map((component, i): HealthContribution => {
    const score = components[i] ?? null;
    const weight = score === null || weightPresent === 0 ? 0 : weights[i] / weightPresent;
    return { component, score, weight, points: score === null ? 0 : score * weight };
  });
  const present = components.some((c) => c !== null);
  if (!present) return { score: null, contributions };
  if (weightPresent === 0) return { score: null, contributions };
  const score = contributions.reduce((sum, c) => sum + c.points, 0);
  return { score: Math.min(100, Math.max(0, score)), contributions };
}

/** The weighted score alone; see {@link healthBreakdown}. */
export function healthScore(
  components: readonly (number | null)[],
  weights?: readonly number[],
): number | null {
  return healthBreakdown(components, weights).score;
}
