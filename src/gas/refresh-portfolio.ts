// Rebuilds the Portfolio tab's rows (one per account tab, formulas over the account tabs); called by setup and the scan.

/**
 * Refreshes the Portfolio tab. Placeholder until the Portfolio issue lands: setup and the scan already
 * call it at the right moments, so filling it in needs no change elsewhere.
 */
export function refreshPortfolio(_spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {}
