// NPS custom function: one score from a range of 0–10 survey answers.
import { describeValue, isBlank, isGrid } from "../domain/cell-value";
import { netPromoterScore } from "../domain/metrics/nps";
import { ArgumentError } from "./argument-error";
import { numberFromText } from "./read-argument";

/** NPS from −100 to 100 over every non-blank answer; blank when there are no answers. */
export function npsFunction(responses: unknown): number | string {
  const fn = "NPS";
  const grid = isGrid(responses) ? responses : [[responses]];
  const answers: number[] = [];
  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const n = typeof cell === "number" ? cell : typeof cell === "string" ? numberFromText(cell) : null;
      if (n === null || !Number.isInteger(n) || n < 0 || n > 10) {
        const where =
          grid.length === 1 && row.length === 1 ? "" : ` (row ${r + 1}, column ${c + 1} of the range)`;
        throw new ArgumentError(
          `${fn}: each response must be a whole number from 0 to 10, got ${describeValue(cell)}${where}`,
        );
      }
      answers.push(n);
    });
  });
  if (answers.length === 0) return "";
  return netPromoterScore(answers).score;
}
