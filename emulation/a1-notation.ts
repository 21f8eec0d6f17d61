// A1 notation: column letters, parsing "Sheet!A1:B2" (also "A:B", "1:3", "A2:B") and writing it back.

/** Column letters of a 1-based column number (1 → "A", 27 → "AA"). */
export function columnToLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of column letters ("A" → 1, "aa" → 27). */
export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A parsed A1 reference; `null` bounds are open (a whole column, a whole row, or to the sheet's end). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parseCell(text: string): { row: number | null; column: number | null } | null {
  const match = CELL.exec(text);
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const row = match[2] === "" ? null : Number(match[2]);
  if (row === 0) return null;
  return { row, column: match[1] === "" ? null : lettersToColumn(match[1]) };
}

/** Splits `'My tab'!A1` into the tab name (quotes undone) and the cell part. */
function splitSheetName(a1: string): { sheetName: string | null; cells: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { sheetName: null, cells: a1 };
  let sheetName = a1.slice(0, bang);
  if (sheetName.length >= 2 && sheetName.startsWith("'") && sheetName.endsWith("'"))
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, cells: a1.slice(bang + 1) };
}

/** Parses an A1 reference; `null` when it is not one. */
export function parseA1(a1: string): A1Reference | null {
  if (typeof a1 !== "string") return null;
  const { sheetName, cells } = splitSheetName(a1.trim());
  const [startText, endText, extra] = cells.split(":");
  if (extra !== undefined || startText === undefined) return null;
  const start = parseCell(startText);
  if (!start) return null;
  if (endText === undefined) {
    if (start.row === null || start.column === null) return null;
    return {
      sheetName,
      startRow: start.row,
      startColumn: start.column,
      endRow: start.row,
      endColumn: start.column,
    };
  }
  const end = parseCell(endText);
  if (!end) return null;
  // "A:B" and "1:3" are whole columns / rows; "A2:B" runs to the last row.
  if ((start.row === null) !== (end.row === null) && start.row === null) return null;
  if ((start.column === null) !== (end.column === null) && start.column === null) return null;
  return {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/** Quotes a tab name for A1 notation when it needs it (`'Escalation Log'`). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A1 notation of a block: "B3" for one cell, "B3:D7" otherwise. */
export function toA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnToLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
