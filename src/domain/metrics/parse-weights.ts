// Reads health weights and band cut-offs typed as text like "40/25/20/15" or "90/70/50".

/**
 * Splits "40/25/20/15", "40, 25, 20, 15", "40% 25% 20% 15%" into numbers. Returns null when
 * any part is not a number.
 */
export function splitNumberList(text: string): number[] | null {
  const parts = text
    .split(/[/,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const numbers = parts.map((p) =>
    /^[-+]?\d+(\.\d+)?%?$/.test(p) ? Number(p.replace("%", "")) : Number.NaN,
  );
  return numbers.some((n) => !Number.isFinite(n)) ? null : numbers;
}

/** Why a list of weights is unusable, or null when it is four non-negative numbers with a positive sum. */
export function weightsProblem(weights: readonly number[]): string | null {
  if (weights.length !== 4)
    return `${weights.length} ${weights.length === 1 ? "weight was" : "weights were"} given`;
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) return "a weight is negative";
  if (weights.reduce((a, b) => a + b, 0) <= 0) return "they add up to 0";
  return null;
}

/** Why band cut-offs are unusable, or null when they are 2 or 3 descending numbers within 0–100. */
export function cutoffsProblem(cutoffs: readonly number[]): string | null {
  if (cutoffs.length !== 2 && cutoffs.length !== 3) {
    return `give 3 cut-offs ("90/70/50", four bands) or 2 ("90/70", green/yellow/red), got ${cutoffs.length}`;
  }
  if (cutoffs.some((c) => c < 0 || c > 100)) return "cut-offs must be between 0 and 100";
  for (let i = 1; i < cutoffs.length; i++) {
    if (cutoffs[i] >= cutoffs[i - 1]) return "cut-offs must go from highest to lowest";
  }
  return null;
}
