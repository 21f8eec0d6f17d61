// Where an exported tracker says its time zone: a `Time zone` row of its Settings tab, else the zone our own export recorded in the file's keywords.
import ExcelJS from "exceljs";
import { isValidTimeZone } from "../../emulation/time-zone";
import { normalizeHeader, TAB } from "../../src/domain/workbook-schema";

/** The prefix of the keyword an export records the spreadsheet's time zone with: `time-zone:America/New_York`. */
export const TIME_ZONE_KEYWORD = "time-zone:";

/** A time zone read from a workbook, and where it was found. */
export interface WorkbookTimeZone {
  timeZone: string;
  /** `Settings › Time zone (B12)` or `the spreadsheet's time zone, recorded at export`. */
  source: string;
}

/** The text of a cell as typed (rich text joined, formulas by their result). */
function textOf(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((part) => part.text).join("");
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  return String(value);
}

/**
 * The time zone a tracker's .xlsx names: a `Time zone` row of its Settings tab (an IANA name such
 * as America/New_York), else the spreadsheet's zone an export by this project recorded; `null`
 * when it names none. A Settings row that is not a time zone is reported in `problem`.
 */
export async function workbookTimeZone(file: string): Promise<WorkbookTimeZone | { problem: string } | null> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const settings = book.worksheets.find(
    (sheet) => normalizeHeader(sheet.name) === normalizeHeader(TAB.settings),
  );
  if (settings)
    for (let row = 1; row <= settings.rowCount; row += 1) {
      if (normalizeHeader(textOf(settings.getCell(row, 1))) !== normalizeHeader("Time zone")) continue;
      const zone = textOf(settings.getCell(row, 2)).trim();
      if (zone === "") break;
      if (!isValidTimeZone(zone))
        return {
          problem: `${TAB.settings} › Time zone (B${row}) is "${zone}", not an IANA time zone such as America/New_York`,
        };
      return { timeZone: zone, source: `${TAB.settings} › Time zone (B${row})` };
    }
  const keyword = (book.keywords ?? "").split(/[,;\s]+/).find((word) => word.startsWith(TIME_ZONE_KEYWORD));
  const recorded = keyword?.slice(TIME_ZONE_KEYWORD.length) ?? "";
  if (recorded !== "" && isValidTimeZone(recorded))
    return { timeZone: recorded, source: "the spreadsheet's time zone, recorded in the file at export" };
  return null;
}
