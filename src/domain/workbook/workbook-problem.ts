// What the workbook parsers report when a tab or one of its rows cannot be read as the contract says.

/** Something wrong with a tab, located at a sheet row, worded for the user. */
export interface WorkbookProblem {
  /** The tab's name as shown on its sheet tab. */
  tabName: string;
  /** 1-based sheet row the problem is on (1 for a table's header row, 8 for an account tab's grid header). */
  row: number;
  /** What is wrong, where and what was expected, starting with `row N:` and without the tab name. */
  reason: string;
  /** The full sentence for a run summary: the tab name followed by `reason`. */
  message: string;
}

/** Builds a problem at `row` of `tabName`; `text` says what is wrong, where and what was expected. */
export function problemAt(tabName: string, row: number, text: string): WorkbookProblem {
  const reason = `row ${row}: ${text}`;
  return { tabName, row, reason, message: `${tabName} ${reason}` };
}

/** Most reasons {@link combineProblems} lists; the rest are counted. */
const MAX_COMBINED_REASONS = 5;

/**
 * Joins several problems of one tab into one (the first problem's row, the first five reasons in
 * order, then how many more there are).
 */
export function combineProblems(problems: readonly WorkbookProblem[]): WorkbookProblem {
  const first = problems[0];
  const listed = problems.slice(0, MAX_COMBINED_REASONS).map((problem) => problem.reason);
  const more = problems.length - listed.length;
  if (more > 0) listed.push(`and ${more} more ${more === 1 ? "problem" : "problems"} like these on this tab`);
  const reason = listed.join("; ");
  return { tabName: first.tabName, row: first.row, reason, message: `${first.tabName} ${reason}` };
}

/** True when a parser returned a problem for the whole tab instead of its contents. */
export function isWorkbookProblem(value: unknown): value is WorkbookProblem {
  return (
    typeof value === "object" && value !== null && "reason" in value && "tabName" in value && "row" in value
  );
}

/** Quotes and joins names for a message: `"A"`, `"A" and "B"`, `"A", "B" and "C"`. */
export function quoteList(names: readonly string[], conjunction = "and"): string {
  const quoted = names.map((name) => JSON.stringify(name));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

/** Lists the allowed values of a cell for a message: `Watch, Warning or Critical`. */
export function listChoices(choices: readonly string[]): string {
  if (choices.length <= 1) return choices.join("");
  return `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}`;
}
