// Opens the sidebar built from src/ui/sidebar.* (build/sidebar.html) in the spreadsheet's UI.

/** The sidebar's title bar text. */
export const SIDEBAR_TITLE = "KPI Steward";

/** Shows build/sidebar.html as the 300 px sidebar. */
export function openSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
