// Reads an .xlsx tracker with ExcelJS into an emulated spreadsheet: values (dates, numbers, percents, text), formats, fills, bold, alignment, notes, frozen rows.
import { existsSync, readFileSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import type { GasEnvironment, Sheet } from "../../emulation/index";
import { zonedTimeToMillis } from "../../emulation/time-zone";
import type { CellValue } from "../../src/domain/cell-value";
import { isDate } from "../../src/domain/cell-value";
import { readWallClockUtc } from "../../src/domain/civil-date";

/** Why a file could not be imported; the message is one line a user can act on. */
export class WorkbookImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookImportError";
  }
}

/** What was imported. */
export interface ImportReport {
  /** Tab names, in order. */
  tabs: string[];
  /** Cells that held a formula: imported as the value Excel or Sheets last computed. */
  formulaCells: number;
}

const SHEETS_AUTOMATIC = "0.###############";

/** `FFrrggbb` (ExcelJS ARGB) as `#rrggbb`; null for none or a theme colour we cannot resolve. */
function hexColor(color: Partial<ExcelJS.Color> | undefined): string | null {
  const value = color?.argb;
  if (!value || !/^[0-9A-Fa-f]{8}$/.test(value)) return null;
  return `#${value.slice(2).toLowerCase()}`;
}

/** A Date read by ExcelJS (its UTC fields are the file's wall clock) as the instant in `timeZone`. */
function instantOf(date: Date, timeZone: string): Date {
  return new Date(zonedTimeToMillis(readWallClockUtc(date), timeZone));
}

/** The value a cell shows, as Sheets' getValues() would return it. */
function cellValueOf(cell: ExcelJS.Cell, timeZone: string): { value: CellValue; formula: boolean } {
  const raw = cell.value;
  if (raw === null || raw === undefined) return { value: "", formula: false };
  if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string")
    return { value: raw, formula: false };
  if (isDate(raw)) return { value: instantOf(raw, timeZone), formula: false };
  if (typeof raw === "object") {
    if ("formula" in raw || "sharedFormula" in raw) {
      const result = (raw as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { value: "", formula: true };
      if (isDate(result)) return { value: instantOf(result, timeZone), formula: true };
      if (typeof result === "object" && "error" in result)
        return { value: String(result.error), formula: true };
      return { value: result as CellValue, formula: true };
    }
    if ("richText" in raw) return { value: raw.richText.map((run) => run.text).join(""), formula: false };
    if ("text" in raw && "hyperlink" in raw) {
      const text = (raw as ExcelJS.CellHyperlinkValue).text;
      return { value: typeof text === "string" ? text : String(text ?? ""), formula: false };
    }
    if ("error" in raw) return { value: String(raw.error), formula: false };
  }
  return { value: String(raw), formula: false };
}

/** Checks the file exists and is a zip (every .xlsx is), before ExcelJS reads it. */
function checkFile(path: string): void {
  if (!existsSync(path)) throw new WorkbookImportError(`no file at "${path}"`);
  if (!statSync(path).isFile()) throw new WorkbookImportError(`"${path}" is a folder, not an .xlsx file`);
  const head = readFileSync(path).subarray(0, 4);
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b)
    throw new WorkbookImportError(
      `"${path}" is not an .xlsx workbook (export it from Sheets with File › Download › Microsoft Excel)`,
    );
}

function importSheet(env: GasEnvironment, worksheet: ExcelJS.Worksheet, report: ImportReport): void {
  const timeZone = env.spreadsheet.getSpreadsheetTimeZone();
  const spreadsheet = env.spreadsheet;
  const sheet: Sheet = spreadsheet.insertSheet(worksheet.name, spreadsheet.getNumSheets());
  const height = worksheet.rowCount;
  const width = worksheet.columnCount;
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  if (width > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());

  const view = worksheet.views?.[0];
  if (view && view.state === "frozen") {
    if (view.ySplit) sheet.setFrozenRows(view.ySplit);
    if (view.xSplit) sheet.setFrozenColumns(view.xSplit);
  }
  for (let c = 1; c <= width; c += 1) {
    const columnWidth = worksheet.getColumn(c).width;
    if (columnWidth) sheet.setColumnWidth(c, Math.round(columnWidth * 7));
  }
  if (height === 0 || width === 0) return;

  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const backgrounds: (string | null)[][] = [];
  const weights: string[][] = [];
  const notes: string[][] = [];
  const alignments: (string | null)[][] = [];
  for (let r = 1; r <= height; r += 1) {
    const row = worksheet.getRow(r);
    const rowValues: CellValue[] = [];
    const rowFormats: string[] = [];
    const rowBackgrounds: (string | null)[] = [];
    const rowWeights: string[] = [];
    const rowNotes: string[] = [];
    const rowAlignments: (string | null)[] = [];
    for (let c = 1; c <= width; c += 1) {
      const cell = row.getCell(c);
      const { value, formula } = cellValueOf(cell, timeZone);
      if (formula) report.formulaCells += 1;
      const numFmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : SHEETS_AUTOMATIC;
      rowValues.push(value);
      // Text is written into text-formatted cells so nothing is re-parsed ("45%" stays text, "=x" is no formula).
      rowFormats.push(typeof value === "string" && value !== "" ? "@" : numFmt);
      const fill = cell.fill;
      rowBackgrounds.push(
        fill && fill.type === "pattern" && fill.pattern === "solid" ? hexColor(fill.fgColor) : null,
      );
      rowWeights.push(cell.font?.bold ? "bold" : "normal");
      const horizontal = cell.alignment?.horizontal;
      rowAlignments.push(
        horizontal === "left" || horizontal === "center" || horizontal === "right" ? horizontal : null,
      );
      const note = cell.note;
      rowNotes.push(
        typeof note === "string" ? note : note ? (note.texts ?? []).map((run) => run.text).join("") : "",
      );
    }
    values.push(rowValues);
    formats.push(rowFormats);
    backgrounds.push(rowBackgrounds);
    weights.push(rowWeights);
    notes.push(rowNotes);
    alignments.push(rowAlignments);
  }
  const range = sheet.getRange(1, 1, height, width);
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setBackgrounds(backgrounds);
  range.setFontWeights(weights);
  if (alignments.some((row) => row.some((alignment) => alignment !== null)))
    range.setHorizontalAlignments(alignments);
  if (notes.some((row) => row.some((note) => note !== ""))) range.setNotes(notes);
}

/**
 * Loads the .xlsx at `path` into the environment's spreadsheet: one tab per worksheet (after the tabs
 * already there), values as Sheets' getValues() would give them (dates at the file's wall-clock time in
 * the spreadsheet's time zone, percents as fractions, text as text), number formats, solid fills, bold,
 * notes, frozen panes and column widths. Not counted as the add-in's service calls. Throws a
 * {@link WorkbookImportError} with a one-line message for a missing, unreadable or non-xlsx file.
 */
export async function importWorkbook(env: GasEnvironment, path: string): Promise<ImportReport> {
  checkFile(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    const reason = (error as Error).message.split(/\n| : /)[0].trim();
    throw new WorkbookImportError(
      `"${path}" could not be read as an .xlsx workbook (damaged, or another kind of zip file): ${reason}`,
    );
  }
  const report: ImportReport = { tabs: [], formulaCells: 0 };
  if (workbook.worksheets.length === 0) throw new WorkbookImportError(`"${path}" has no worksheets`);
  env.counter.uncounted(() => {
    const spreadsheet = env.spreadsheet;
    const existing = spreadsheet.getSheets();
    // A new environment's empty "Sheet1" makes way for the file's tabs (which may have that name too).
    const placeholder = existing.length === 1 && existing[0].getLastRow() === 0 ? existing[0] : null;
    placeholder?.setName("KPI Steward import placeholder");
    for (const worksheet of workbook.worksheets) {
      importSheet(env, worksheet, report);
      report.tabs.push(worksheet.name);
    }
    if (placeholder) spreadsheet.deleteSheet(placeholder);
    spreadsheet.setActiveSheet(spreadsheet.getSheets()[0]);
  });
  return report;
}
