// The only file that defines what Apps Script sees as global functions; every export becomes a top-level stub.

/**
 * Placeholder until the custom functions land.
 * @return {string} the add-in's name
 * @customfunction
 */
export function KPI_STEWARD_VERSION(): string {
  return "KPI Steward 0.1.0";
}
