// Builds build/: Code.js (the esbuild bundle plus generated top-level stubs), the sidebar and dialog HTML, appsscript.json.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "build");
/** Where the build writes Code.js's source map: outside build/, so clasp never pushes it. */
export const SOURCE_MAP_PATH = join(root, "out", "Code.js.map");
const BANNER =
  "// Generated code DO NOT EDIT. Built by scripts/build.ts from src/; edit the TypeScript sources.";
/** The global object the bundle assigns; every stub delegates into it. */
export const GLOBAL_NAME = "KpiSteward";

interface EntryPoint {
  name: string;
  params: string[];
  jsDoc: string;
}

/** Reads every exported function of src/index.ts with its parameter names and JSDoc text. */
export function readEntryPoints(indexPath = join(root, "src", "index.ts")): EntryPoint[] {
  const text = readFileSync(indexPath, "utf8");
  const source = ts.createSourceFile(indexPath, text, ts.ScriptTarget.ES2020, true);
  const entries: EntryPoint[] = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const ranges = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
    const docs = ranges.map((r) => text.slice(r.pos, r.end)).filter((c) => c.startsWith("/**"));
    entries.push({
      name: statement.name.text,
      params: statement.parameters.map((p) => p.name.getText(source).replace(/^\.\.\./, "")),
      jsDoc: docs.length > 0 ? docs[docs.length - 1] : "",
    });
  }
  return entries;
}

function stub(entry: EntryPoint): string {
  const doc = entry.jsDoc ? `${entry.jsDoc}\n` : "";
  return `${doc}function ${entry.name}(${entry.params.join(", ")}) {\n  return ${GLOBAL_NAME}.${entry.name}.apply(this, arguments);\n}\n`;
}

/** Shortens a JSDoc to its summary line unless it documents a custom function (Sheets reads those). */
function stubDoc(entry: EntryPoint): string {
  if (entry.jsDoc.includes("@customfunction") || entry.jsDoc === "") return entry.jsDoc;
  const summary = entry.jsDoc
    .replace(/^\/\*\*|\*\/$/g, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, "").trim())
    .find((line) => line !== "");
  return summary ? `/** ${summary} */` : "";
}

/**
 * Bundles src/index.ts into build/Code.js, the project's one script file: an esbuild IIFE assigning
 * {@link GLOBAL_NAME}, then one top-level stub per entry point. Names are not mangled and whitespace is
 * kept, so a stack line in Apps Script's Executions log (`at saveValues (Code:1234:9)`) names our
 * function at a line of build/Code.js under its `// src/...` module comment; the source map goes to
 * out/ (never pushed) for mapping a line back with `npm run where`.
 */
async function buildCode(entries: EntryPoint[]): Promise<void> {
  const footer = `\n// ---- Global entry points (generated from src/index.ts) ----\n\n${entries
    .map((entry) => stub({ ...entry, jsDoc: stubDoc(entry) }))
    .join("\n")}`;
  const result = await build({
    entryPoints: [join(root, "src", "index.ts")],
    bundle: true,
    format: "iife",
    globalName: GLOBAL_NAME,
    target: "es2020",
    platform: "neutral",
    mainFields: ["module", "main"],
    // Syntax minified only (shorter expressions, dead branches and unused code dropped): the cold load
    // is mostly V8 compiling the text, and this keeps it under its target (npm run bench). Whitespace,
    // our names and the `// src/...` module comments are kept, so stack lines point at readable lines.
    minifySyntax: true,
    minifyWhitespace: false,
    minifyIdentifiers: false,
    banner: { js: BANNER },
    footer: { js: footer },
    sourcemap: "external",
    sourcesContent: false,
    legalComments: "none",
    outfile: join(outDir, "Code.js"),
    write: false,
    charset: "utf8",
  });
  for (const file of result.outputFiles) {
    // The map's `sources` are relative to build/ (`../src/…`), which out/ mirrors: both sit in the root.
    if (file.path.endsWith(".map")) {
      mkdirSync(dirname(SOURCE_MAP_PATH), { recursive: true });
      writeFileSync(SOURCE_MAP_PATH, file.text);
    } else writeFileSync(file.path, file.text);
  }
}

/** Bundles each src/ui/<name>.ts with its <name>.html template into build/<name>.html. */
async function buildHtml(): Promise<void> {
  const uiDir = join(root, "src", "ui");
  if (!existsSync(uiDir)) return;
  for (const file of readdirSync(uiDir)) {
    if (!file.endsWith(".html")) continue;
    const base = file.slice(0, -".html".length);
    const template = readFileSync(join(uiDir, file), "utf8");
    let script = "";
    if (existsSync(join(uiDir, `${base}.ts`))) {
      const result = await build({
        entryPoints: [join(uiDir, `${base}.ts`)],
        bundle: true,
        format: "iife",
        target: "es2019",
        platform: "browser",
        write: false,
        legalComments: "none",
        minify: true,
        charset: "utf8",
      });
      // A literal "</script" inside the bundle would end the inline script early.
      script = result.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
    }
    const css = existsSync(join(uiDir, `${base}.css`))
      ? readFileSync(join(uiDir, `${base}.css`), "utf8")
      : "";
    const html = template.replace("/*INLINE_CSS*/", () => css).replace("/*INLINE_SCRIPT*/", () => script);
    writeFileSync(join(outDir, file), html);
  }
}

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const entries = readEntryPoints();
  await buildCode(entries);
  await buildHtml();
  copyFileSync(join(root, "appsscript.json"), join(outDir, "appsscript.json"));
  const size = (file: string) => `${(readFileSync(join(outDir, file)).length / 1024).toFixed(1)} KB`;
  console.log(
    `build/: Code.js ${size("Code.js")} (${entries.length} global functions), ${readdirSync(outDir)
      .filter((file) => file !== "Code.js")
      .join(", ")}; source map ${SOURCE_MAP_PATH.slice(root.length + 1)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
