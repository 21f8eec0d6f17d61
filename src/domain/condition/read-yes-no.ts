// Reads a Yes/No cell: checkboxes (TRUE/FALSE) and typed Yes/No, Y/N, true/false.

import type { CellValue } from "../cell-value";

/** `true` for TRUE, "Yes", "Y", "true"; `false` for FALSE, "No", "N", "false"; otherwise `undefined`. */
export function readYesNo(value: CellValue): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const word = value.trim().toLowerCase();
  if (word === "yes" || word === "y" || word === "true") return true;
  if (word === "no" || word === "n" || word === "false") return false;
  return undefined;
}
