// HEALTH_SCORE and HEALTH_BAND custom functions.
import { type CellValue, describeValue, isBlank, isGrid } from "../domain/cell-value";
import { DEFAULT_BAND_CUTOFFS, healthBand } from "../domain/metrics/health-band";
import { DEFAULT_HEALTH_WEIGHTS, healthScore } from "../domain/metrics/health-score";
import { cutoffsProblem, splitNumberList, weightsProblem } from "../domain/metrics/parse-weights";
import { ArgumentError } from "./argument-error";
import { type CellResult, mapCells } from "./map-cells";
import { NUMBER_RULES, readNumber } from "./read-argument";

const COMPONENT_ARGS = ["usage", "outcomes", "relationship", "growth"];

/** Reads the `weights` argument: text like "40/25/20/15", a 4-cell range, or blank for the default. */
export function readWeights(fn: string, weights: unknown): readonly number[] {
  if (isBlank(weights) || (isGrid(weights) && weights.flat().every(isBlank))) return DEFAULT_HEALTH_WEIGHTS;
  let list: number[] | null = null;
  if (typeof weights === "string") list = splitNumberList(weights);
  else if (isGrid(weights)) {
    const cells = weights.flat();
    list = cells.every((c) => typeof c === "number") ? (cells as number[]) : null;
  } else if (typeof weights === "number") list = [weights];
  const problem = list === null ? null : weightsProblem(list);
  if (problem !== null || list === null) {
    const why = problem === null ? "" : ` (${problem})`;
    throw new ArgumentError(
      `${fn}: weights must be four numbers like "40/25/20/15" or a 4-cell range, got ${describeValue(weights)}${why}`,
    );
  }
  return list;
}

/** The weighted 0–100 composite; blank components are left out, all blank gives blank. */
export function healthScoreFunction(
  usage: unknown,
  outcomes: unknown,
  relationship: unknown,
  growth: unknown,
  weights?: unknown,
) {
  const fn = "HEALTH_SCORE";
  const parsedWeights = readWeights(fn, weights);
  return mapCells(
    fn,
    [usage, outcomes, relationship, growth].map((value, i) => ({ name: COMPONENT_ARGS[i], value })),
    (cells): CellResult => {
      const scores = cells.map((c, i) => readNumber(fn, COMPONENT_ARGS[i], c, NUMBER_RULES.score));
      const score = healthScore(scores, parsedWeights);
      return score === null ? "" : score;
    },
  );
}

/** Reads the `bands` argument: "90/70/50" (four bands), "90/70" (green/yellow/red) or a 2–3 cell range. */
export function readCutoffs(fn: string, bands: unknown): readonly number[] {
  if (isBlank(bands)) return DEFAULT_BAND_CUTOFFS;
  let list: number[] | null = null;
  if (typeof bands === "string") list = splitNumberList(bands);
  else if (isGrid(bands)) {
    const cells = (bands.flat() as CellValue[]).filter((c) => !isBlank(c));
    list = cells.every((c) => typeof c === "number") ? (cells as number[]) : null;
  }
  const problem = list === null ? null : cutoffsProblem(list);
  if (problem !== null || list === null) {
    const why = problem === null ? "" : ` (${problem})`;
    throw new ArgumentError(
      `${fn}: bands must be like "90/70/50" or "90/70", got ${describeValue(bands)}${why}`,
    );
  }
  return list;
}

/** The band name of each score; blank gives blank. */
export function healthBandFunction(score: unknown, bands?: unknown) {
  const fn = "HEALTH_BAND";
  const cutoffs = readCutoffs(fn, bands);
  return mapCells(fn, [{ name: "score", value: score }], (cells): CellResult => {
    const value = readNumber(fn, "score", cells[0], NUMBER_RULES.score);
    return value === null ? "" : healthBand(value, cutoffs);
  });
}
