// HtmlService: HTML outputs and templates from strings or from the built .html files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EmulationContext } from "./emulation-context";
import { SandboxMode, XFrameOptionsMode } from "./enums";
import { HtmlOutput } from "./html-output";
import { HtmlTemplate } from "./html-template";

/** Where `createHtmlOutputFromFile(name)` finds `name.html`, and the scope templates run in. */
export class HtmlFiles {
  /** In-memory files by name (without `.html`); looked up before `directory`. */
  readonly files = new Map<string, string>();
  /** Globals visible to template scriptlets; `loadBundle` points it at the bundle's context. */
  globalScope: object = {};

  constructor(
    /** Folder holding the project's .html files (the build folder), or null. */
    public directory: string | null,
  ) {}

  /** Adds or replaces an in-memory file. */
  put(name: string, html: string): void {
    this.files.set(stripExtension(name), html);
  }

  /** The file's HTML, or null when there is none. */
  read(name: string): string | null {
    const base = stripExtension(String(name));
    const inMemory = this.files.get(base);
    if (inMemory !== undefined) return inMemory;
    if (this.directory === null) return null;
    const path = join(this.directory, `${base}.html`);
    return existsSync(path) ? readFileSync(path, "utf8") : null;
  }
}

function stripExtension(name: string): string {
  return name.endsWith(".html") ? name.slice(0, -".html".length) : name;
}

/** The emulated `HtmlService`. */
export class HtmlService {
  readonly XFrameOptionsMode = XFrameOptionsMode;
  readonly SandboxMode = SandboxMode;

  constructor(
    readonly ctx: EmulationContext,
    private readonly files: HtmlFiles,
  ) {}

  /** A page from an HTML string (or an evaluated template); malformed HTML throws `Malformed HTML content: …`. */
  createHtmlOutput(html?: string | HtmlTemplate): HtmlOutput {
    if (html instanceof HtmlTemplate) return html.evaluate();
    return new HtmlOutput(this.ctx, html === undefined ? "" : String(html));
  }

  /**
   * A page from the project file `filename` (`sidebar` reads `sidebar.html`); a missing file or
   * malformed HTML in it throws, as for createHtmlOutput
   * (developers.google.com/apps-script/reference/html/html-service#createHtmlOutputFromFile(String)).
   */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new HtmlOutput(this.ctx, this.readFile_(filename));
  }

  /** A template from an HTML string. */
  createTemplate(html: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, String(html), () => this.files.globalScope);
  }

  /** A template from the project file `filename`. */
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new HtmlTemplate(this.ctx, this.readFile_(filename), () => this.files.globalScope);
  }

  private readFile_(filename: string): string {
    const html = this.files.read(filename);
    if (html === null) throw this.ctx.error(`No HTML file named ${filename} was found.`);
    return html;
  }
}
