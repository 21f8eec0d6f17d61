// A run's sheet ids, asked for only when something needs one and once per tab: `getSheetId` is a service call.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The sheet ids a run has asked for. A tab's id is needed only for its highlight bookkeeping, a link
 * in a digest, or the cursor of a pass that spans runs; a healthy account tab on a daily scan needs
 * none, so its one call on its own sheet is the read of its values.
 */
export class SheetIds {
  private readonly ids = new Map<Sheet, number>();

  /** The tab's id: `getSheetId()` the first time, remembered after. */
  of(sheet: Sheet): number {
    let id = this.ids.get(sheet);
    if (id === undefined) {
      id = sheet.getSheetId();
      this.ids.set(sheet, id);
    }
    return id;
  }

  /** The tab's id when it was asked for already, else `undefined` (no call). */
  known(sheet: Sheet): number | undefined {
    return this.ids.get(sheet);
  }
}
