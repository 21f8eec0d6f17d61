// Counted words in the reader's language: `1 point`, `2.5 points`, `1 POA&M item`, `3 escalations`.

/** The word for `n` of a thing: `one` for exactly 1 (or -1), else `many` (default `one` + `s`). */
export function wordFor(n: number, one: string, many = `${one}s`): string {
  return Math.abs(n) === 1 ? one : many;
}

/** `n` and its word: `1 escalation`, `0 escalations`, `2 POA&M items`. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${wordFor(n, one, many)}`;
}
