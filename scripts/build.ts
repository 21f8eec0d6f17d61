// Builds build/: Code.js (the esbuild bundle plus generated top-level stubs), the sidebar HTML and appsscript.json.
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

async function buildServer(entries: EntryPoint[]): Promise<void> {
  const result = await build({
    entryPoints: [join(root, "src", "index.ts")],
    bundle: true,
    format: "iife",
    globalName: GLOBAL_NAME,
    target: "es2020",
    platform: "neutral",
    mainFields: ["module", "main"],
    // Apps Script loads the whole project on every custom-function call: keep the body small.
    // The generated stubs below keep readable names and JSDoc for Sheets' autocomplete.
    minify: true,
    legalComments: "none",
    write: false,
    charset: "utf8",
  });
  const bundle = result.outputFiles[0].text;
  const banner =
    "// Generated code DO NOT EDIT. Built by scripts/build.ts from src/; edit the TypeScript sources.\n";
  const footer = `\n// ---- Global entry points (generated from src/index.ts) ----\n\n${entries.map(stub).join("\n")}`;
  writeFileSync(join(outDir, "Code.js"), banner + bundle + footer);
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
  await buildServer(entries);
  await buildHtml();
  copyFileSync(join(root, "appsscript.json"), join(outDir, "appsscript.json"));
  const size = readFileSync(join(outDir, "Code.js")).length;
  console.log(`build/: Code.js ${(size / 1024).toFixed(1)} KB, ${entries.length} global functions`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
