// The spreadsheet's UI when the execution has one, and the OK alert every menu command shows through it.

/** The Ui when the execution has one (a menu click), else null (trigger, script editor run, tests without UI). */
export function availableUi(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch (_error) {
    return null;
  }
}

/** Shows `text` in an OK alert titled `title` when a UI is available; does nothing in a trigger. */
export function alertIfInteractive(title: string, text: string): void {
  const ui = availableUi();
  if (ui) ui.alert(title, text, ui.ButtonSet.OK);
}
