// A1-style names of sheet cells and tab references (`'Acme Corp'!F12`): the one home of column letters and tab quoting.

/** The column letters of a 1-based column number: 1 → `A`, 27 → `AA`. */
export function columnLetter(column: number): string {
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** The A1 name of a cell from its 1-based row and column: (2, 1) → `A2`. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/**
 * A tab name as Sheets writes it in a reference: quoted (quotes doubled) unless plain letters, digits
 * and underscores — or always, for formulas the add-in writes (`quote: "always"`), so a later
 * rename to a name with a space needs no other change.
 */
export function quoteTabName(tab: string, quote: "when-needed" | "always" = "when-needed"): string {
  return quote === "when-needed" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(tab)
    ? tab
    : `'${tab.replace(/'/g, "''")}'`;
}

/** `Tab!B7`, or `Tab!B7:F7` for a row span: where a change landed, as the Audit Log records it. */
export function tabReference(tab: string, row: number, column: number, lastColumn = column): string {
  const end = lastColumn > column ? `:${cellAddress(row, lastColumn)}` : "";
  return `${quoteTabName(tab)}!${cellAddress(row, column)}${end}`;
}
