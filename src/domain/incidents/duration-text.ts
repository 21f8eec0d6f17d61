// A time to remediate as people read it: `9.0 h`, `45 min`.

/** `9.0 h` (tenths of an hour from an hour up) or `45 min`. */
export function formatDuration(minutes: number): string {
  return minutes < 60 ? `${Math.round(minutes)} min` : `${(Math.round(minutes / 6) / 10).toFixed(1)} h`;
}
