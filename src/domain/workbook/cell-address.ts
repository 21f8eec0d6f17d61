// A1-style names of sheet cells, so messages point at the exact cell a user should look at.

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
