// Counts with their noun, singular or plural: `1 metric`, `4 account tabs`.

/** `1 missing value`, `3 missing values`; `many` for irregular plurals. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
