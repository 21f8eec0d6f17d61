// Runs of consecutive row or column numbers, so a writer makes one call per run instead of one per cell.

/** Consecutive runs of numbers, sorted and without repeats: [7,1,2,3,8] → [[1,2,3],[7,8]]. */
export function consecutiveRuns(numbers: readonly number[]): number[][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const number of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === number - 1) last.push(number);
    else runs.push([number]);
  }
  return runs;
}
