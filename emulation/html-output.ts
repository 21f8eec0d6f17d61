// HtmlOutput: the page a sidebar or dialog shows (content, title, size), as HtmlService builds it.
import type { EmulationContext } from "./emulation-context";
import { escapeHtml } from "./html-escape";

/** The emulated `HtmlOutput`. */
export class HtmlOutput {
  private title = "";
  private width: number | null = null;
  private height: number | null = null;
  private xFrameOptionsMode = "DEFAULT";
  private sandboxMode = "IFRAME";
  private faviconUrl: string | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    readonly ctx: EmulationContext,
    private content = "",
  ) {}

  /** The HTML. */
  getContent(): string {
    return this.content;
  }

  /** Replaces the HTML. */
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }

  /** Appends HTML as is. */
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }

  /** Appends text, HTML-escaped. */
  appendUntrusted(addedContent: string): HtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }

  /** Empties the HTML. */
  clear(): HtmlOutput {
    this.content = "";
    return this;
  }

  /** The page title ("" when unset). */
  getTitle(): string {
    return this.title;
  }

  /** Sets the page title (the dialog or sidebar heading). */
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }

  /** Width in pixels, or null when unset. */
  getWidth(): number | null {
    return this.width;
  }

  /** Sets the width in pixels (ignored for sidebars, which are 300 px). */
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }

  /** Height in pixels, or null when unset. */
  getHeight(): number | null {
    return this.height;
  }

  /** Sets the height in pixels. */
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }

  /** Sets the X-Frame-Options mode. */
  setXFrameOptionsMode(mode: string): HtmlOutput {
    this.xFrameOptionsMode = String(mode);
    return this;
  }

  /** Sets the sandbox mode (only IFRAME exists today). */
  setSandboxMode(mode: string): HtmlOutput {
    this.sandboxMode = String(mode);
    return this;
  }

  /** The sandbox mode. */
  getSandboxMode(): string {
    return this.sandboxMode;
  }

  /** Adds a `<meta>` tag. */
  addMetaTag(name: string, content: string): HtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }

  /** The `<meta>` tags added. */
  getMetaTags(): { name: string; content: string }[] {
    return this.metaTags.map((tag) => ({ ...tag }));
  }

  /** Sets the favicon URL. */
  setFaviconUrl(iconUrl: string): HtmlOutput {
    this.faviconUrl = String(iconUrl);
    return this;
  }

  /** The favicon URL, or null. */
  getFaviconUrl(): string | null {
    return this.faviconUrl;
  }

  /** The X-Frame-Options mode set (emulation helper). */
  xFrameOptionsMode_(): string {
    return this.xFrameOptionsMode;
  }
}
