// npm run where: a stack line from Apps Script's Executions log maps back to the TypeScript source through out/Code.js.map.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { annotateStack, sourcePosition } from "../../scripts/where";

const root = join(import.meta.dirname, "..", "..");
const codeLines = readFileSync(join(root, "build", "Code.js"), "utf8").split("\n");
const sourceLines = (file: string) => readFileSync(join(root, file), "utf8").split("\n");

/** 1-based number of the first line of build/Code.js that matches `pattern`. */
function codeLine(pattern: RegExp): number {
  const index = codeLines.findIndex((line) => pattern.test(line));
  if (index < 0) throw new Error(`build/Code.js has no line matching ${pattern}`);
  return index + 1;
}

describe("mapping build/Code.js back to src/", () => {
  it("finds the TypeScript line of a function in the bundle", () => {
    const at = sourcePosition(codeLine(/^ {2}function saveValues\(/), 3);
    expect(at?.file).toBe("src/gas/sidebar/values-entry.ts");
    expect(sourceLines("src/gas/sidebar/values-entry.ts")[(at?.line ?? 0) - 1]).toMatch(
      /^export function saveValues\(/,
    );
  });

  it("names the module above any bundle line in an esbuild `// src/...` comment (the way without the map)", () => {
    const line = codeLine(/^ {2}function saveValues\(/);
    const header = codeLines
      .slice(0, line)
      .reverse()
      .find((text) => /^ {2}\/\/ src\//.test(text));
    expect(header?.trim()).toBe("// src/gas/sidebar/values-entry.ts");
  });

  it("annotates each Code:line:column of a pasted stack trace, and says when a line is a generated stub", () => {
    const inner = codeLine(/^ {2}function checkConditionText\(/) + 1;
    const stub = codeLine(/^function checkCondition\(/);
    const trace = [
      "TypeError: Cannot read properties of undefined",
      `    at checkConditionText (Code:${inner}:5)`,
      `    at checkCondition (Code:${stub}:10)`,
    ].join("\n");
    const annotated = annotateStack(trace).split("\n");
    expect(annotated[0]).toBe("TypeError: Cannot read properties of undefined");
    expect(annotated[1]).toMatch(/\(Code:\d+:5\) {2}→ src\/domain\/forms\/condition-check\.ts:\d+:\d+$/);
    expect(annotated[2]).toMatch(/→ no source line \(an entry-point stub, or not this build\)$/);
  });

  it("maps a real V8 stack from the bundle, file named Code as in the Executions log, to src/", () => {
    const context = vm.createContext({});
    vm.runInContext(codeLines.join("\n"), context, { filename: "Code" });
    let stack = "";
    try {
      context.sidebarState(); // no SpreadsheetApp here: a ReferenceError deep in src/gas
    } catch (error) {
      stack = String((error as Error).stack);
    }
    const frames = annotateStack(stack).split("\n").slice(1, 3);
    expect(frames[0]).toMatch(/^ {4}at \w+ \(Code:\d+:\d+\) {2}→ src\/gas\/[\w/-]+\.ts:\d+:\d+$/);
    expect(frames.join("\n")).toContain("src/gas/sidebar/");
  });
});
