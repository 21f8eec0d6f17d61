// npm run where -- "at saveValues (Code:10954:3)": maps Apps Script stack lines in build/Code.js back to src/ through out/Code.js.map.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A position in a TypeScript source, 1-based like an editor's. */
export interface SourcePosition {
  /** Path from the repository root, e.g. `src/gas/sidebar/values-entry.ts`. */
  file: string;
  line: number;
  column: number;
}

/** `Code:10954:3` in a stack line (Apps Script names the file without `.gs`/`.js`; either is accepted). */
const CODE_POSITION = /\bCode(?:\.gs|\.js)?:(\d+):(\d+)/g;

/**
 * The source position of 1-based `line`:`column` of build/Code.js, by the source map the same build
 * wrote (`mapPath`), or null when no source maps there (the generated entry-point stubs, or a line
 * past the end of the bundle).
 */
export function sourcePosition(
  line: number,
  column: number,
  mapPath = join(root, "out", "Code.js.map"),
): SourcePosition | null {
  const map = new SourceMap(JSON.parse(readFileSync(mapPath, "utf8")));
  const entry = map.findEntry(line - 1, column - 1) as Partial<{
    generatedLine: number;
    originalSource: string;
    originalLine: number;
    originalColumn: number;
  }>;
  if (entry.originalSource === undefined || entry.generatedLine !== line - 1) return null;
  return {
    file: relative(root, resolve(dirname(mapPath), entry.originalSource)),
    line: (entry.originalLine ?? 0) + 1,
    column: (entry.originalColumn ?? 0) + 1,
  };
}

/** `text` with `→ src/…:line:column` after every `Code:line:column` it holds (a stack line or a whole trace). */
export function annotateStack(text: string, mapPath?: string): string {
  return text
    .split("\n")
    .map((stackLine) => {
      const found = [...stackLine.matchAll(CODE_POSITION)].map((match) =>
        sourcePosition(Number(match[1]), Number(match[2]), mapPath),
      );
      const places = found.map((at) =>
        at ? `${at.file}:${at.line}:${at.column}` : "no source line (an entry-point stub, or not this build)",
      );
      return places.length > 0 ? `${stackLine}  → ${places.join(", ")}` : stackLine;
    })
    .join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const input = process.argv.length > 2 ? process.argv.slice(2).join(" ") : readFileSync(0, "utf8");
  console.log(annotateStack(input));
}
