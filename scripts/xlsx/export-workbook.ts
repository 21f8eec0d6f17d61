// Writes an emulated spreadsheet to .xlsx with ExcelJS: values, fills, fonts, number formats, frozen panes, widths, notes, dropdowns, conditional formats, filters.
import ExcelJS from "exceljs";
import type { GasEnvironment, Sheet } from "../../emulation/index";
import { DEFAULT_ROW_HEIGHT } from "../../emulation/sheet-data";
import { zonedParts } from "../../emulation/time-zone";
import { isDate } from "../../src/domain/cell-value";
import { TIME_ZONE_KEYWORD } from "./workbook-time-zone";

/** Sheets' automatic number format, which Excel calls General. */
const SHEETS_AUTOMATIC = "0.###############";
/** Sheets' default cell colours: left out of the file. */
const DEFAULT_BACKGROUND = "#ffffff";
const DEFAULT_FONT_COLOR = "#000000";
/** Sheets' default font. */
const FONT_NAME = "Arial";
const FONT_SIZE = 10;
/** Rows below the data that still get a tab's dropdowns, so the next row typed has them too. */
const DROPDOWN_ROWS_BELOW = 50;

/** `#rrggbb` as ExcelJS's ARGB. */
function argb(color: string): string {
  return `FF${color.replace("#", "").toUpperCase()}`;
}

/** The Excel number format for a Sheets one; `value` picks a date format for an unformatted date. */
function excelFormat(format: string, value: unknown): string | undefined {
  if (format === SHEETS_AUTOMATIC || format === "") {
    if (isDate(value)) return "yyyy-mm-dd hh:mm";
    return undefined;
  }
  return format;
}

/**
 * A `Date` whose UTC fields are the spreadsheet's wall clock: xlsx dates carry no time zone, and
 * ExcelJS writes a `Date` by its UTC fields, so midnight in New York stays midnight in the file.
 */
function wallClockDate(date: Date, timeZone: string): Date {
  const p = zonedParts(date.getTime(), timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
}

/**
 * Column pixels one landscape page holds before the print shrinks below readable (about 60 % of
 * 10 pt): wider tabs print over several pages.
 */
const READABLE_PAGE_WIDTH_PX = 2200;

/** Pixels (Sheets column width) to Excel's width in characters of the default font. */
function excelWidth(pixels: number): number {
  return Math.max(2, Math.round((pixels / 7) * 100) / 100);
}

/** Average width of a character of 10 pt Arial, in pixels, and the height of one line in points. */
const CHAR_PIXELS = 5.5;
const LINE_POINTS = 13;

/**
 * Lines `text` takes when word-wrapped in a column `pixels` wide. Sheets reports every cell as
 * wrapping by default, so the writer wraps only text that does not fit on one line and has a
 * non-empty right neighbour, and sets the row height itself (LibreOffice does not grow the rows of a
 * generated file).
 */
function wrappedLines(text: string, pixels: number): number {
  const capacity = Math.max(4, Math.floor((pixels - 8) / CHAR_PIXELS));
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/\s+/)) {
      const length = word.length;
      if (line === 0) line = length;
      else if (line + 1 + length <= capacity) line += 1 + length;
      else {
        lines += 1;
        line = length;
      }
      while (line > capacity) {
        lines += 1;
        line -= capacity;
      }
    }
  }
  return lines;
}

/** The list of allowed values of a VALUE_IN_LIST rule, as Excel's quoted list formula. */
function listFormula(values: unknown[]): string {
  return `"${values.map((value) => String(value).replace(/"/g, "")).join(",")}"`;
}

/**
 * The Excel rule of a Sheets text condition over a range whose top-left cell is `topLeft`: `cellIs`
 * equal, an expression for begins-with (ExcelJS writes no `beginsWith` rule), `containsText`; or null.
 */
function excelTextRule(
  criteria: string,
  text: string,
  topLeft: string,
): ExcelJS.ConditionalFormattingRule | null {
  const quoted = `"${text.replace(/"/g, '""')}"`;
  if (criteria === "TEXT_EQUAL_TO")
    return { type: "cellIs", operator: "equal", formulae: [quoted], priority: 1 };
  if (criteria === "TEXT_STARTS_WITH")
    return { type: "expression", formulae: [`LEFT(${topLeft},${text.length})=${quoted}`], priority: 1 };
  if (criteria === "TEXT_CONTAINS")
    return { type: "containsText", operator: "containsText", text, priority: 1 };
  return null;
}

/**
 * The sheet's conditional-format rules as Excel's, in Sheets' priority order (first rule first),
 * each over the same ranges, with its fill, font colour and weight.
 */
function exportConditionalFormats(worksheet: ExcelJS.Worksheet, sheet: Sheet): void {
  sheet.getConditionalFormatRules().forEach((rule, index) => {
    const condition = rule.getBooleanCondition();
    const [text] = condition.getCriteriaValues();
    const ranges = rule.getRanges().map((range) => range.getA1Notation());
    const excel = excelTextRule(condition.getCriteriaType(), String(text), ranges[0].split(":")[0]);
    if (!excel) return;
    const background = condition.getBackground();
    const fontColor = condition.getFontColor();
    const bold = condition.getBold();
    excel.priority = index + 1;
    excel.style = {
      ...(background
        ? {
            fill: {
              type: "pattern",
              pattern: "solid",
              bgColor: { argb: argb(background) },
              fgColor: { argb: argb(background) },
            },
          }
        : {}),
      ...(fontColor || bold !== null
        ? {
            font: {
              ...(fontColor ? { color: { argb: argb(fontColor) } } : {}),
              ...(bold !== null ? { bold } : {}),
            },
          }
        : {}),
    };
    worksheet.addConditionalFormatting({ ref: ranges.join(" "), rules: [excel] });
  });
}

/** Excel's limit on a worksheet name (Sheets allows 100 characters). */
const EXCEL_NAME_LIMIT = 31;

/**
 * Excel-safe worksheet names for the tabs, in order: at most 31 characters, none of `[]:*?/\`, no
 * leading or trailing apostrophe, unique ignoring case. A name that has to change is shortened with a
 * numbered suffix where needed (`Review FY27 Q1 · Federal Rec… 2`); the full name stays in the footer.
 */
export function excelSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const cleaned =
      name
        .replace(/[[\]:*?/\\]/g, " ")
        .replace(/\s+/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim() || "Sheet";
    const shortened = (room: number) =>
      cleaned.length <= room ? cleaned : `${cleaned.slice(0, room - 1).trimEnd()}…`;
    let candidate = shortened(EXCEL_NAME_LIMIT);
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1)
      candidate = `${shortened(EXCEL_NAME_LIMIT - ` ${n}`.length)} ${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A formula with its references to renamed tabs (`'Old name'!A1`, `Old!A1`) pointing at the new names. */
function renameReferences(formula: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return formula;
  return formula.replace(/'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!/g, (match, quoted, bare) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare;
    const target = renamed.get(name);
    return target === undefined ? match : `'${target.replace(/'/g, "''")}'!`;
  });
}

function exportSheet(
  workbook: ExcelJS.Workbook,
  sheet: Sheet,
  timeZone: string,
  excelName: string,
  renamed: ReadonlyMap<string, string>,
): void {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  const frozenRows = sheet.getFrozenRows();
  const frozenColumns = sheet.getFrozenColumns();
  const worksheet = workbook.addWorksheet(excelName, {
    views: [
      frozenRows > 0 || frozenColumns > 0
        ? { state: "frozen", xSplit: frozenColumns, ySplit: frozenRows }
        : { state: "normal" },
    ],
    state: sheet.isSheetHidden() ? "hidden" : "visible",
  });
  // Printed (and converted to PDF) landscape, one page wide, frozen header rows repeated on each page;
  // a tab wider than a page can hold readably (the Escalation Log's 20 columns) spreads over more
  // pages, its first column repeated on each so every row stays named.
  const totalWidth = Array.from({ length: Math.max(lastColumn, 1) }, (_unused, i) =>
    sheet.getColumnWidth(i + 1),
  )
    .filter((_width, i) => !sheet.isColumnHiddenByUser(i + 1))
    .reduce((sum, width) => sum + width, 0);
  const pagesWide = Math.max(1, Math.ceil(totalWidth / READABLE_PAGE_WIDTH_PX));
  worksheet.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(frozenRows > 0 ? { printTitlesRow: `1:${frozenRows}` } : {}),
    ...(pagesWide > 1 ? { printTitlesColumn: "A:A" } : {}),
  };
  worksheet.headerFooter = { oddFooter: `&L${sheet.getName().replace(/&/g, "&&")}&RPage &P of &N` };
  const tabColor = sheet.getTabColor();
  if (tabColor) worksheet.properties.tabColor = { argb: argb(tabColor) };
  const columns = Math.max(lastColumn, 1);
  worksheet.columns = Array.from({ length: columns }, (_unused, i) => ({
    width: excelWidth(sheet.getColumnWidth(i + 1)),
    hidden: sheet.isColumnHiddenByUser(i + 1),
  }));
  if (lastRow === 0 || lastColumn === 0) return;

  const range = sheet.getRange(1, 1, lastRow, lastColumn);
  const values = range.getValues();
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const backgrounds = range.getBackgrounds();
  const weights = range.getFontWeights();
  const styles = range.getFontStyles();
  const sizes = range.getFontSizes();
  const fontColors = range.getFontColors();
  const wraps = range.getWraps();
  const alignments = range.getHorizontalAlignments();
  const notes = range.getNotes();

  const widths = Array.from({ length: lastColumn }, (_unused, c) => sheet.getColumnWidth(c + 1));
  for (let r = 0; r < lastRow; r += 1) {
    const row = worksheet.getRow(r + 1);
    let rowLines = 1;
    // A row the script sized itself (the review tab) keeps that height, and its wrapping text wraps
    // even beside an empty cell: the script chose which cells overflow (wrap off) and which wrap.
    const sizedHeight = sheet.getRowHeight(r + 1);
    const sized = sizedHeight !== DEFAULT_ROW_HEIGHT;
    for (let c = 0; c < lastColumn; c += 1) {
      const cell = row.getCell(c + 1);
      const value = values[r][c];
      const written = isDate(value) ? wallClockDate(value, timeZone) : value === "" ? null : value;
      if (formulas[r][c])
        cell.value = {
          formula: renameReferences(formulas[r][c].replace(/^=/, ""), renamed),
          result: written ?? undefined,
        } as ExcelJS.CellFormulaValue;
      else cell.value = written as ExcelJS.CellValue;
      const numFmt = excelFormat(formats[r][c], value);
      if (numFmt) cell.numFmt = numFmt;
      if (backgrounds[r][c] && backgrounds[r][c] !== DEFAULT_BACKGROUND)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(backgrounds[r][c]) } };
      const bold = weights[r][c] === "bold";
      const italic = styles[r][c] === "italic";
      const color =
        fontColors[r][c] && fontColors[r][c] !== DEFAULT_FONT_COLOR
          ? { argb: argb(fontColors[r][c]) }
          : undefined;
      const size = sizes[r][c] || FONT_SIZE;
      cell.font = { name: FONT_NAME, size, bold, italic, ...(color ? { color } : {}) };
      const horizontal = alignments[r][c] as ExcelJS.Alignment["horizontal"] | null | "general";
      const alignment: Partial<ExcelJS.Alignment> = {};
      const text = typeof value === "string" ? value : "";
      // Text overflows into an empty neighbour, as in Sheets; otherwise it wraps.
      const overflows = !sized && (c + 1 >= lastColumn || values[r][c + 1] === "");
      const lines = wraps[r][c] && text && !overflows ? wrappedLines(text, widths[c]) : 1;
      if (lines > 1) {
        alignment.wrapText = true;
        rowLines = Math.max(rowLines, lines);
      }
      if (horizontal && horizontal !== "general") alignment.horizontal = horizontal;
      alignment.vertical = "top";
      if (Object.keys(alignment).length > 0) cell.alignment = alignment;
      if (notes[r][c]) cell.note = notes[r][c];
    }
    if (sized) row.height = sizedHeight * 0.75;
    else if (rowLines > 1) row.height = rowLines * LINE_POINTS;
  }

  exportConditionalFormats(worksheet, sheet);
  const filter = sheet.getFilter();
  if (filter) {
    // The filter's columns, down to the last row with data (a filter to row 1000 would print empty pages).
    const range = filter.getRange();
    const bottom = Math.max(range.getRow(), Math.min(range.getLastRow(), lastRow));
    worksheet.autoFilter = {
      from: { row: range.getRow(), column: range.getColumn() },
      to: { row: bottom, column: range.getLastColumn() },
    };
  }

  const validationRows = Math.min(sheet.getMaxRows(), lastRow + DROPDOWN_ROWS_BELOW);
  const rules = sheet.getRange(1, 1, validationRows, lastColumn).getDataValidations();
  rules.forEach((row, r) => {
    row.forEach((rule, c) => {
      if (!rule) return;
      if (rule.getCriteriaType() !== "VALUE_IN_LIST") return;
      const [list] = rule.getCriteriaValues() as [unknown[]];
      worksheet.getCell(r + 1, c + 1).dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [listFormula(list)],
        showErrorMessage: !rule.getAllowInvalid(),
        ...(rule.getHelpText() ? { showInputMessage: true, prompt: rule.getHelpText() as string } : {}),
      };
    });
  });
}

/** Which tabs an export holds (default: every tab). */
export interface ExportOptions {
  /** Keep only the tabs whose name passes (a review tab alone, say). */
  tabs?: (name: string) => boolean;
}

/**
 * Builds an .xlsx workbook of the environment's spreadsheet (every tab, or those `options.tabs`
 * keeps), in tab order, without counting these reads as the add-in's service calls.
 */
export function workbookFromEnvironment(env: GasEnvironment, options: ExportOptions = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KPI Steward demo";
  workbook.created = new Date(env.now().getTime());
  const timeZone = env.spreadsheet.getSpreadsheetTimeZone();
  workbook.keywords = `${TIME_ZONE_KEYWORD}${timeZone}`;
  env.counter.uncounted(() => {
    const keep = options.tabs ?? (() => true);
    const sheets = env.spreadsheet.getSheets().filter((sheet) => keep(sheet.getName()));
    const names = excelSheetNames(sheets.map((sheet) => sheet.getName()));
    const renamed = new Map<string, string>();
    sheets.forEach((sheet, i) => {
      if (sheet.getName() !== names[i]) renamed.set(sheet.getName(), names[i]);
    });
    sheets.forEach((sheet, i) => {
      exportSheet(workbook, sheet, timeZone, names[i], renamed);
    });
  });
  return workbook;
}

/** Writes the environment's spreadsheet (or the tabs `options.tabs` keeps) to `path` as .xlsx. */
export async function exportWorkbook(
  env: GasEnvironment,
  path: string,
  options: ExportOptions = {},
): Promise<void> {
  await workbookFromEnvironment(env, options).xlsx.writeFile(path);
}
