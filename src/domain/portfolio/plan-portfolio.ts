// Plans the Portfolio tab: one row per account tab (formulas over it), dropped rows for removed accounts, user columns kept.
import type { CellValue } from "../cell-value";
import { isBlank } from "../cell-value";
import { mapHeaders } from "../workbook/column-map";
import type { ParsedAccountTab } from "../workbook/parse-account-tab";
import { COLUMNS, normalizeHeader } from "../workbook-schema";
import type { PortfolioColumn, PortfolioReferences } from "./portfolio-formulas";
import { portfolioFormulas } from "./portfolio-formulas";

/** One account tab as the Portfolio sees it; `parsed` is `null` when the tab cannot be read. */
export interface PortfolioSource {
  /** The account name (B1), or the tab name when the tab cannot be read. */
  account: string;
  parsed: ParsedAccountTab | null;
  values: CellValue[][];
}

/** What to write. Rows and columns are 1-based in sheet terms; arrays are full-width. */
export interface PortfolioPlan {
  width: number;
  /** Row 1. */
  header: string[];
  /** Rows 2…: account text and the user's columns (values, or formulas as `=…` text); formula columns blank. */
  rows: CellValue[][];
  /** 1-based columns that get formulas, in order. */
  formulaColumns: number[];
  /** Per row, the formula of each of `formulaColumns` (`""` for none). */
  formulas: string[][];
  /** 1-based column of each Portfolio header. */
  columns: Record<PortfolioColumn, number>;
  /** Rows of the old tab below the new ones, to clear (0 when none). */
  staleRows: number;
}

/** Columns in use: up to the right-most non-blank cell of any row. */
function usedWidth(values: readonly CellValue[][]): number {
  let width = 0;
  for (const row of values)
    for (let index = row.length - 1; index >= width; index -= 1)
      if (!isBlank(row[index])) {
        width = index + 1;
        break;
      }
  return width;
}

/** A user's cell carried to its account's new row: its formula if it has one, else its value kept as typed. */
function carry(value: CellValue, formula: string | undefined): CellValue {
  if (formula?.startsWith("=")) return formula;
  if (typeof value === "string" && /^[=+\-@]/.test(value)) return `'${value}`;
  return value;
}

/**
 * Plans the Portfolio from its current content (`values`, `formulas`: `getValues`/`getFormulas`
 * of its data range; empty for a new tab) and the account tabs in tab order. The seven SPEC
 * columns stay where the user put them (a missing one is added at the right); any other column is
 * the user's and moves with its account's row; rows of accounts that no longer have a tab are dropped.
 */
export function planPortfolio(
  values: readonly CellValue[][],
  formulas: readonly string[][],
  sources: readonly PortfolioSource[],
  references: PortfolioReferences,
): PortfolioPlan {
  const existingHeader = values[0] ?? [];
  const match = mapHeaders(existingHeader, COLUMNS.portfolio);
  let width = usedWidth(values);
  const columns = {} as Record<PortfolioColumn, number>;
  for (const name of COLUMNS.portfolio) {
    const position = match.positions[name] ?? match.duplicated.find((d) => d.name === name)?.positions[0];
    if (position !== undefined) columns[name] = position + 1;
    else {
      width += 1;
      columns[name] = width;
    }
  }
  width = Math.max(width, ...Object.values(columns));
  const ours = new Set(Object.values(columns));
  const header = Array.from({ length: width }, (_, index) => {
    const name = COLUMNS.portfolio.find((n) => columns[n] === index + 1);
    return name ?? String(existingHeader[index] ?? "");
  });

  const previous = new Map<string, number>();
  for (let index = 1; index < values.length; index += 1) {
    const account = values[index]?.[columns.Account - 1];
    if (!isBlank(account) && !previous.has(normalizeHeader(account)))
      previous.set(normalizeHeader(account), index);
  }
  const formulaColumns = COLUMNS.portfolio.filter((n) => n !== "Account").map((n) => columns[n]);
  const rows: CellValue[][] = [];
  const rowFormulas: string[][] = [];
  sources.forEach((source, position) => {
    const sheetRow = position + 2;
    const old = previous.get(normalizeHeader(source.account));
    const cells: CellValue[] = Array.from({ length: width }, (_, index) => {
      const column = index + 1;
      if (ours.has(column) || old === undefined) return "";
      return carry(values[old]?.[index] ?? "", formulas[old]?.[index]);
    });
    cells[columns.Account - 1] = source.account;
    rows.push(cells);
    const built = source.parsed
      ? portfolioFormulas(source.parsed, source.values, sheetRow, columns, references)
      : null;
    rowFormulas.push(
      COLUMNS.portfolio
        .filter((n) => n !== "Account")
        .map((name) => (built ? built[name as Exclude<PortfolioColumn, "Account">] : "")),
    );
  });
  const lastOld = values.reduceRight(
    (found, row, index) => (found === 0 && index > 0 && row.some((c) => !isBlank(c)) ? index : found),
    0,
  );
  return {
    width,
    header,
    rows,
    formulaColumns,
    formulas: rowFormulas,
    columns,
    staleRows: Math.max(0, lastOld - sources.length),
  };
}
