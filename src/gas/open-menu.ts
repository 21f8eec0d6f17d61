// onOpen/onInstall: builds the menu whatever the auth mode, recording (not throwing) if the UI is unavailable.
import { buildMenu } from "./menu";

/** Builds the add-on menu; a document without a UI (tests, triggers) is left alone. */
export function openMenu(_event?: unknown): void {
  try {
    buildMenu(SpreadsheetApp.getUi());
  } catch (error) {
    console.warn(`KPI Steward: could not build the menu: ${(error as Error).message}`);
  }
}
