// HtmlTemplate: Apps Script scriptlets (<? ?>, <?= ?> escaped, <?!= ?> raw) evaluated into an HtmlOutput.
import type { EmulationContext } from "./emulation-context";
import { escapeHtml } from "./html-escape";
import { HtmlOutput } from "./html-output";

/** Compiles scriptlet HTML to the body of a function `(__out, __esc)` run inside `with` scopes. */
export function compileTemplate(source: string): string {
  let code = "";
  let i = 0;
  while (i < source.length) {
    const start = source.indexOf("<?", i);
    if (start < 0) {
      code += `__out.push(${JSON.stringify(source.slice(i))});\n`;
      break;
    }
    if (start > i) code += `__out.push(${JSON.stringify(source.slice(i, start))});\n`;
    const end = source.indexOf("?>", start + 2);
    if (end < 0) throw new Error("Unterminated scriptlet: a <? has no matching ?>");
    const body = source.slice(start + 2, end);
    if (body.startsWith("!=")) code += `__out.push(String(${body.slice(2).trim()}));\n`;
    else if (body.startsWith("=")) code += `__out.push(__esc(String(${body.slice(1).trim()})));\n`;
    else code += `${body}\n`;
    i = end + 2;
  }
  return code;
}

/**
 * The emulated `HtmlTemplate`. Properties assigned to it (`template.account = …`) are variables in its
 * scriptlets, which also see `globalScope` (the loaded bundle's globals, so `include()` helpers work).
 */
export class HtmlTemplate {
  [variable: string]: unknown;

  constructor(
    readonly ctx: EmulationContext,
    private readonly source: string,
    private readonly globalScope: () => object,
  ) {}

  /** The template source. */
  getRawContent(): string {
    return this.source;
  }

  /** The generated JavaScript. */
  getCode(): string {
    return compileTemplate(this.source);
  }

  /**
   * Runs the scriptlets and returns the page, which must be well-formed HTML like any HtmlOutput
   * (developers.google.com/apps-script/reference/html/html-template#evaluate()).
   */
  evaluate(): HtmlOutput {
    const data: Record<string, unknown> = {};
    for (const key of Object.keys(this)) {
      if (key !== "ctx" && key !== "source" && key !== "globalScope") data[key] = this[key];
    }
    // Scriptlets are sloppy-mode code that reads template variables as bare names, hence `with`.
    const run = new Function(
      "__globals",
      "__data",
      "__out",
      "__esc",
      `with (__globals) { with (__data) {\n${compileTemplate(this.source)}} }`,
    );
    const out: string[] = [];
    run(this.globalScope(), data, out, escapeHtml);
    return new HtmlOutput(this.ctx, out.join(""));
  }
}
