// Renders rows as a plain-text table for the terminal (columns padded, numbers right-aligned).

/** A table with a header row and left-aligned text, right-aligned numbers. */
export function textTable(
  headers: readonly string[],
  rows: readonly (string | number)[][],
  indent = "  ",
): string {
  for (const [index, row] of rows.entries()) {
    if (row.length !== headers.length)
      throw new Error(`textTable: row ${index + 1} has ${row.length} cells for ${headers.length} columns`);
  }
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...cells.map((row) => (row[c] ?? "").length)),
  );
  const numeric = headers.map(
    (_header, c) => rows.length > 0 && rows.every((row) => typeof row[c] === "number"),
  );
  const line = (row: readonly string[]) =>
    indent +
    row
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((width) => "─".repeat(width)).join("  ");
  return [line([...headers]), rule, ...cells.map(line)].join("\n");
}
