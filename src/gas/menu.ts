// The add-on menu of SPEC §4–6, built in onOpen; every item names a global entry point.

/** One menu item: its caption and the global function it runs. */
export interface MenuItem {
  caption: string;
  functionName: string;
}

/** Menu items in order; `null` is a separator. */
export const MENU_ITEMS: readonly (MenuItem | null)[] = [
  { caption: "Open sidebar", functionName: "showSidebar" },
  null,
  { caption: "Setup workbook…", functionName: "setupWorkbook" },
  null,
  { caption: "Scan now", functionName: "runScan" },
  { caption: "Preview scan", functionName: "previewScan" },
  { caption: "Install daily scan", functionName: "installDailyScan" },
  { caption: "Remove daily scan", functionName: "removeDailyScan" },
  null,
  { caption: "Generate review tab…", functionName: "showReviewDialog" },
];

/**
 * Adds the menu. In `AuthMode.NONE` (add-on installed but not enabled in this document) only the
 * menu may be built: no document or Properties access, which this function respects.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.functionName);
  }
  menu.addToUi();
}
