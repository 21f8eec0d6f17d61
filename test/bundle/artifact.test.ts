// Proves from build/Code.js itself that Apps Script can load it and sees every entry point with its JSDoc.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { malformedHtmlMessage } from "../../emulation/html-well-formed";

const buildDir = join(import.meta.dirname, "..", "..", "build");
const code = readFileSync(join(buildDir, "Code.js"), "utf8");

/** SPEC §3 custom functions. */
const CUSTOM_FUNCTIONS = [
  "NRR",
  "GRR",
  "CLV",
  "CAC_PAYBACK",
  "HEALTH_SCORE",
  "HEALTH_BAND",
  "THRESHOLD_STATUS",
  "NPS",
  "EXPANSION_READY",
  "REVIEW_TYPE",
  "FISCAL_QUARTER",
];

function topLevelFunctions(): Map<string, string> {
  const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const found = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      const ranges = ts.getLeadingCommentRanges(code, statement.getFullStart()) ?? [];
      found.set(statement.name.text, ranges.map((r) => code.slice(r.pos, r.end)).join("\n"));
    }
  }
  return found;
}

describe("build/Code.js", () => {
  it("loads in a bare vm context with no require, process, setTimeout or fetch", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: "Code.js" });
    for (const name of CUSTOM_FUNCTIONS) expect(typeof context[name]).toBe("function");
  });

  it("has no import or export statements", () => {
    const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const moduleSyntax = source.statements.filter(
      (s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s) || ts.isExportAssignment(s),
    );
    expect(moduleSyntax).toHaveLength(0);
  });

  it("declares each custom function at top level after its @customfunction JSDoc", () => {
    const functions = topLevelFunctions();
    for (const name of CUSTOM_FUNCTIONS) {
      const doc = functions.get(name);
      expect(doc, `${name} is a top-level function declaration`).toBeDefined();
      expect(doc).toContain("@customfunction");
      expect(doc).toMatch(/@param \{/);
      expect(doc).toMatch(/@return \{/);
    }
  });

  it("has no top-level statements beyond definitions", () => {
    const source = ts.createSourceFile("Code.js", code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
    const isDirective = (s: ts.Statement) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
    const others = source.statements.filter(
      (s) => !ts.isFunctionDeclaration(s) && !ts.isVariableStatement(s) && !isDirective(s),
    );
    expect(others.map((s) => s.getText(source).slice(0, 60))).toEqual([]);
    // The one variable statement is the bundle's namespace object; touching no service while loading.
    const calls: string[] = [];
    const spy = new Proxy(
      {},
      {
        get: (_t, p) => {
          calls.push(String(p));
          return undefined;
        },
      },
    );
    const context = vm.createContext({
      SpreadsheetApp: spy,
      PropertiesService: spy,
      MailApp: spy,
      ScriptApp: spy,
    });
    vm.runInContext(code, context);
    expect(calls).toEqual([]);
  });

  it("defines no other global function unless its name ends in _ (private to Apps Script)", () => {
    const known = new Set(CUSTOM_FUNCTIONS);
    const extra = [...topLevelFunctions().keys()].filter((n) => !known.has(n) && !n.endsWith("_"));
    // Entry points of SPEC §7 other than custom functions are listed here as they land.
    const SPEC_ENTRY_POINTS = new Set([
      "onOpen",
      "onInstall",
      "showSidebar",
      "setupWorkbook",
      "runScan",
      "previewScan",
      "scheduledScan",
      "installDailyScan",
      "removeDailyScan",
      "generateReviewTab",
      "showReviewDialog",
    ]);
    const unexplained = extra.filter((n) => !SPEC_ENTRY_POINTS.has(n));
    expect(
      unexplained.every((n) => /^[a-z]/.test(n)),
      `sidebar server calls are camelCase: ${unexplained}`,
    ).toBe(true);
  });
});

describe("build/ as pushed: one script file, and HTML files that hold only pages", () => {
  const htmlFiles = readdirSync(buildDir).filter((file) => file.endsWith(".html"));

  it("holds exactly Code.js, the sidebar, the review dialog and the manifest", () => {
    expect(readdirSync(buildDir).sort()).toEqual(
      ["Code.js", "appsscript.json", "review-dialog.html", "sidebar.html"].sort(),
    );
  });

  it("answers a server call from Code.js alone, and evaluates no code (no eval, no new Function)", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: "Code.js" });
    // A server call that needs no service answers from Code.js itself: nothing else is read.
    expect(JSON.parse(JSON.stringify(context.checkCondition("below 40%")))).toMatchObject({ ok: true });
    expect(code).not.toMatch(/\bnew Function\s*\(|\beval\s*\(/);
  });

  it("each HTML file reads cleanly as HTML and holds no server code", () => {
    expect(htmlFiles.sort()).toEqual(["review-dialog.html", "sidebar.html"]);
    for (const file of htmlFiles) {
      const html = readFileSync(join(buildDir, file), "utf8");
      expect(malformedHtmlMessage(html), file).toBeNull();
      expect(html, file).not.toMatch(
        /\bKpiSteward\b|\b(SpreadsheetApp|PropertiesService|LockService|MailApp|ScriptApp|HtmlService)\./,
      );
    }
  });
});
