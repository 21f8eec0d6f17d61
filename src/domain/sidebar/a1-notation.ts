// A1 references for the Audit Log's "Where" column (`'Acme Corp'!F12`).

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = "";
  let n = column;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A tab name as Sheets writes it in a reference: quoted unless it is plain letters, digits and underscores. */
export function quoteTabName(tab: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(tab) ? tab : `'${tab.replace(/'/g, "''")}'`;
}

/** `Tab!B7`, or `Tab!B7:F7` for a row span. */
export function a1(tab: string, row: number, column: number, lastColumn = column): string {
  const start = `${columnLetters(column)}${row}`;
  const end = lastColumn > column ? `:${columnLetters(lastColumn)}${row}` : "";
  return `${quoteTabName(tab)}!${start}${end}`;
}
