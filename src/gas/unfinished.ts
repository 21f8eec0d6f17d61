// Tells the user plainly that a menu command is not built yet, instead of failing silently.

/** Shows an alert (when a UI is available) and returns the same message. */
export function notAvailableYet(command: string): string {
  const message = `${command} is not available in this version of KPI Steward yet.`;
  try {
    SpreadsheetApp.getUi().alert("KPI Steward", message, SpreadsheetApp.getUi().ButtonSet.OK);
  } catch (_error) {
    // No UI (trigger or test context): the returned message is the record.
  }
  return message;
}
