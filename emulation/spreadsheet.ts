// Spreadsheet: the emulated document — its tabs, active sheet, time zone, toasts and Google's naming rules.
import type { EmulationContext } from "./emulation-context";
import type { Range } from "./range";
import { MAX_SHEET_NAME_LENGTH, Sheet } from "./sheet";
import { SheetData } from "./sheet-data";
import { isValidTimeZone } from "./time-zone";

/** A toast the script showed. */
export interface Toast {
  message: string;
  title: string;
  timeoutSeconds: number;
}

/** How the emulated spreadsheet starts. */
export interface SpreadsheetSetup {
  name: string;
  id: string;
  timeZone: string;
  firstSheetName: string;
}

/** The emulated `Spreadsheet` (the active, container document). */
export class Spreadsheet {
  /** The tabs in order (emulation internals; scripts use getSheets). */
  readonly sheets: Sheet[] = [];
  /** The active tab. */
  activeSheet: Sheet;
  /** The active range, when one was activated. */
  activeRange: Range | null = null;
  /** The spreadsheet's time zone (dates in cells are read and written in it). */
  timeZone: string;
  /** Every toast shown, oldest first. */
  readonly toasts: Toast[] = [];
  private name: string;
  private readonly id: string;
  private nextSheetId = 1_000_001;

  constructor(
    readonly ctx: EmulationContext,
    setup: SpreadsheetSetup,
  ) {
    this.name = setup.name;
    this.id = setup.id;
    this.timeZone = setup.timeZone;
    const first = new Sheet(ctx, this, setup.firstSheetName, 0);
    this.sheets.push(first);
    this.activeSheet = first;
  }

  /** The document's name. */
  getName(): string {
    return this.name;
  }

  /** Renames the document. */
  rename(newName: string): void {
    this.name = String(newName);
  }

  /** The document id. */
  getId(): string {
    return this.id;
  }

  /** `https://docs.google.com/spreadsheets/d/<id>/edit`. */
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** The spreadsheet's time zone (IANA name). */
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }

  /** Changes the time zone; throws on a name that is not an IANA zone. */
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw this.ctx.error(`Invalid argument: ${timezone}`);
    this.timeZone = timezone;
  }

  /** Always "en_US". */
  getSpreadsheetLocale(): string {
    return "en_US";
  }

  /** The tabs in order (a new array). */
  getSheets(): Sheet[] {
    return [...this.sheets];
  }

  /** Number of tabs. */
  getNumSheets(): number {
    return this.sheets.length;
  }

  /** The tab with exactly this name (case-sensitive), or null. */
  getSheetByName(name: string): Sheet | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }

  /** The tab with this id, or null. */
  getSheetById(id: number): Sheet | null {
    return this.sheets.find((sheet) => sheet.sheetId === id) ?? null;
  }

  /**
   * Inserts a tab of 1000 × 26 cells and makes it active: `insertSheet()`, `insertSheet(name)`,
   * `insertSheet(name, index)` (0-based) or `insertSheet(index)`. Without an index it goes after the
   * active tab. Throws when the name is taken (ignoring case), empty or longer than 100 characters.
   */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    let name: string;
    let position: number;
    if (typeof nameOrIndex === "number") {
      name = this.defaultSheetName_();
      position = nameOrIndex;
    } else {
      name = nameOrIndex === undefined ? this.defaultSheetName_() : String(nameOrIndex);
      position = index ?? this.sheets.indexOf(this.activeSheet) + 1;
    }
    this.checkNewSheetName_(name, null);
    if (!(position >= 0) || position > this.sheets.length)
      throw this.ctx.error(`Invalid argument: sheetIndex`);
    const sheet = new Sheet(this.ctx, this, name, this.nextSheetId++, new SheetData());
    this.sheets.splice(Math.floor(position), 0, sheet);
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet;
  }

  /** Deletes a tab; the last visible tab cannot be deleted. */
  deleteSheet(sheet: Sheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) throw this.ctx.error("Sheet not found");
    const visible = this.sheets.filter((s) => !s.data.hidden);
    if (visible.length === 1 && visible[0] === sheet)
      throw this.ctx.error("You can't remove all the visible sheets in a document.");
    this.sheets.splice(index, 1);
    if (this.activeSheet === sheet) {
      this.activeSheet = this.sheets[Math.max(0, index - 1)];
      this.activeRange = null;
    }
  }

  /** The active tab. */
  getActiveSheet(): Sheet {
    return this.activeSheet;
  }

  /** Makes `sheet` active and returns it. */
  setActiveSheet(sheet: Sheet): Sheet {
    if (!this.sheets.includes(sheet)) throw this.ctx.error("Sheet not found");
    this.activeSheet = sheet;
    this.activeRange = null;
    return sheet;
  }

  /** The active range (A1 of the active tab unless one was activated). */
  getActiveRange(): Range {
    if (this.activeRange && this.activeRange.sheet === this.activeSheet) return this.activeRange;
    return this.activeSheet.range_(1, 1, 1, 1);
  }

  /** Moves the active tab to 1-based position `pos`. */
  moveActiveSheet(pos: number): void {
    const index = this.sheets.indexOf(this.activeSheet);
    if (!(pos >= 1) || pos > this.sheets.length) throw this.ctx.error("Invalid argument: pos");
    this.sheets.splice(index, 1);
    this.sheets.splice(pos - 1, 0, this.activeSheet);
  }

  /** A range by A1 notation; with a tab prefix (`'KPI Catalog'!A1:H20`) on that tab, else on the active one. */
  getRange(a1Notation: string): Range {
    return this.activeSheet.rangeByA1_(a1Notation);
  }

  /** The active tab's id. */
  getSheetId(): number {
    return this.activeSheet.sheetId;
  }

  /** The active tab's name. */
  getSheetName(): string {
    return this.activeSheet.name;
  }

  /** The active tab's last row with content. */
  getLastRow(): number {
    return this.activeSheet.getLastRow();
  }

  /** The active tab's last column with content. */
  getLastColumn(): number {
    return this.activeSheet.getLastColumn();
  }

  /** The active tab's data range. */
  getDataRange(): Range {
    return this.activeSheet.getDataRange();
  }

  /** Appends a row to the active tab. */
  appendRow(rowContents: unknown[]): Sheet {
    return this.activeSheet.appendRow(rowContents);
  }

  /** Shows a toast (recorded in `toasts`). */
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.toasts.push({
      message: String(msg),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  // ---- internals (not Apps Script API; not counted) ----

  /** Throws Google's error when `name` cannot name a tab (other than `renaming`). */
  checkNewSheetName_(name: string, renaming: Sheet | null): void {
    if (name.trim() === "") throw this.ctx.error("Invalid argument: sheetName");
    if (name.length > MAX_SHEET_NAME_LENGTH)
      throw this.ctx.error(
        `The sheet name "${name.slice(0, 20)}…" is too long: a sheet name can have at most ${MAX_SHEET_NAME_LENGTH} characters.`,
      );
    const lower = name.toLowerCase();
    if (this.sheets.some((sheet) => sheet !== renaming && sheet.name.toLowerCase() === lower))
      throw this.ctx.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  private defaultSheetName_(): string {
    let n = this.sheets.length + 1;
    const taken = new Set(this.sheets.map((sheet) => sheet.name.toLowerCase()));
    while (taken.has(`sheet${n}`)) n++;
    return `Sheet${n}`;
  }
}
