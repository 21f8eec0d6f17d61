// Health bands: the four-band profile of seed 001 and the three-band green/yellow/red profile of seed 002.

/** Band names for a four-band profile (three cut-offs), best first. */
export const FOUR_BAND_NAMES = ["Excellent", "Good", "At Risk", "Critical"] as const;
/** Band names for a three-band profile (two cut-offs), best first. */
export const THREE_BAND_NAMES = ["Green", "Yellow", "Red"] as const;
/** Seed 001's cut-offs: 90-100 Excellent, 70-89 Good, 50-69 At Risk, 0-49 Critical. */
export const DEFAULT_BAND_CUTOFFS: readonly number[] = [90, 70, 50];

/**
 * The band a score falls in. `cutoffs` are descending lower bounds: three give the four-band
 * profile, two the three-band profile. A score equal to a cut-off belongs to the better band.
 */
export function healthBand(score: number, cutoffs: readonly number[] = DEFAULT_BAND_CUTOFFS): string {
  const names: readonly string[] = cutoffs.length === 2 ? THREE_BAND_NAMES : FOUR_BAND_NAMES;
  for (let i = 0; i < cutoffs.length; i++) {
    if (score >= cutoffs[i]) return names[i];
  }
  return names[cutoffs.length];
}

/** The severity colour family of each band, so sheets colour bands like scan severities. */
export function bandSeverity(band: string): "ok" | "Watch" | "Warning" | "Critical" {
  switch (band) {
    case "Excellent":
    case "Green":
      return "ok";
    case "Good":
      return "Watch";
    case "Yellow":
    case "At Risk":
      return "Warning";
    default:
      return "Critical";
  }
}
