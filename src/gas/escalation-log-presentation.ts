// The Escalation Log's presentation: severity and status colours as conditional formats, the Status dropdown, the header filter, one format per date column.
import type { CellValue } from "../domain/cell-value";
import { SEVERITY_COLORS } from "../domain/scan/severity-colors";
import { mapHeaders } from "../domain/workbook/column-map";
import { SEVERITIES } from "../domain/workbook-schema";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** The one number format of the log's date-time columns (Opened, Due, Last notified, Last seen). */
export const LOG_DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
/** The number format of the log's month columns (Since, Latest period). */
export const LOG_MONTH_FORMAT = "mmm yyyy";

/** The Status dropdown's choices; a snooze is typed with its date (`Snoozed until 2026-12-01`). */
export const STATUS_CHOICES = ["Open", "Acknowledged", "Snoozed until …", "Resolved"] as const;

/** How each status reads: text tests on the Status cell and the format where they hold. */
const STATUS_STYLES: {
  test: "equal" | "startsWith";
  text: string;
  background?: string;
  font?: string;
  bold?: boolean;
}[] = [
  { test: "equal", text: "Open", font: "#990000", bold: true },
  { test: "equal", text: "Acknowledged", background: "#cfe2f3" },
  { test: "startsWith", text: "Snoozed", background: "#efefef", font: "#666666" },
  { test: "equal", text: "Resolved", background: "#d9ead3", font: "#38761d" },
];

const MONTH_COLUMNS = ["Since", "Period", "Latest period"] as const;
const DATE_TIME_COLUMNS = ["Opened", "Due", "Last notified", "Last seen"] as const;
const LOOKED_UP = ["Severity", "Status", ...MONTH_COLUMNS, ...DATE_TIME_COLUMNS] as const;

/** True for a rule this module makes: one text test on a cell of the Severity or Status column alone. */
function isOwnRule(rule: Rule, columns: ReadonlySet<number>): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  const texts = new Set<string>([...SEVERITIES, ...STATUS_STYLES.map((style) => style.text)]);
  const [text] = condition.getCriteriaValues() as unknown[];
  if (!texts.has(String(text))) return false;
  return rule
    .getRanges()
    .every((range) => range.getNumColumns() === 1 && columns.has(range.getColumn()) && range.getRow() === 2);
}

/**
 * Gives the Escalation Log tab (header `header`, as in row 1) its presentation, found by header so a
 * log whose columns moved still gets it: Severity and Status coloured by conditional-format rules
 * (they follow the rows when sorted or filtered; the user's own rules are kept, earlier copies of
 * ours replaced), a Status dropdown that warns but accepts other text (the scan's and the user's
 * `Snoozed until <date>`), a filter on the header when the tab has none, and one number format for
 * each date column (values are never rewritten). Rows 2 to the tab's last row; a few batched calls.
 */
export function presentEscalationLog(sheet: Sheet, header: readonly CellValue[]): void {
  const found = mapHeaders(header, LOOKED_UP).positions;
  const column = (name: (typeof LOOKED_UP)[number]) => {
    const position = found[name];
    return position === undefined ? null : position + 1;
  };
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const body = (at: number) => sheet.getRange(2, at, rows, 1);

  const severity = column("Severity");
  const status = column("Status");
  const ours = new Set([severity, status].filter((at): at is number => at !== null));
  const rules = sheet.getConditionalFormatRules().filter((rule) => !isOwnRule(rule, ours));
  if (severity !== null)
    for (const name of [...SEVERITIES].reverse())
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(name)
          .setBackground(SEVERITY_COLORS[name])
          .setBold(name === "Critical")
          .setRanges([body(severity)])
          .build(),
      );
  if (status !== null) {
    for (const style of STATUS_STYLES) {
      let builder = SpreadsheetApp.newConditionalFormatRule();
      builder =
        style.test === "equal" ? builder.whenTextEqualTo(style.text) : builder.whenTextStartsWith(style.text);
      if (style.background) builder = builder.setBackground(style.background);
      if (style.font) builder = builder.setFontColor(style.font);
      if (style.bold) builder = builder.setBold(true);
      rules.push(builder.setRanges([body(status)]).build());
    }
    body(status).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...STATUS_CHOICES], true)
        .setAllowInvalid(true)
        .setHelpText("Open, Acknowledged, Snoozed until <date> (e.g. Snoozed until 2026-12-01) or Resolved")
        .build(),
    );
  }
  sheet.setConditionalFormatRules(rules);

  for (const name of MONTH_COLUMNS) {
    const at = column(name);
    if (at !== null) body(at).setNumberFormat(LOG_MONTH_FORMAT);
  }
  for (const name of DATE_TIME_COLUMNS) {
    const at = column(name);
    if (at !== null) body(at).setNumberFormat(LOG_DATE_TIME_FORMAT);
  }

  if (!sheet.getFilter()) {
    const width = Math.max(header.length, sheet.getLastColumn(), 1);
    sheet.getRange(1, 1, sheet.getMaxRows(), width).createFilter();
  }
}
