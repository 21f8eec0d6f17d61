// HtmlOutput: the page a sidebar or dialog shows (content, title, size), as HtmlService builds it.
import type { EmulationContext } from "./emulation-context";
import { escapeHtml } from "./html-escape";
import { malformedHtmlMessage } from "./html-well-formed";

/**
 * `html` when an HTML parser reads it cleanly; otherwise throws `Malformed HTML content: …`, as
 * HtmlService.createHtmlOutput(html) "throws Error if the HTML is malformed"
 * (developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)); the same
 * holds for HtmlOutput.setContent and append (developers.google.com/apps-script/reference/html/html-output).
 */
function wellFormed(ctx: EmulationContext, html: string): string {
  const message = malformedHtmlMessage(html);
  if (message !== null) throw ctx.error(message);
  return html;
}

/** The emulated `HtmlOutput`. */
export class HtmlOutput {
  private title = "";
  private width: number | null = null;
  private height: number | null = null;
  private xFrameOptionsMode = "DEFAULT";
  private sandboxMode = "IFRAME";
  private faviconUrl: string | null = null;
  private readonly metaTags: { name: string; content: string }[] = [];

  private content: string;

  /** A page with `content`, which must be well-formed HTML (see {@link wellFormed}). */
  constructor(
    readonly ctx: EmulationContext,
    content = "",
  ) {
    this.content = wellFormed(ctx, String(content));
  }

  /** The HTML. */
  getContent(): string {
    return this.content;
  }

  /** Replaces the HTML; malformed HTML throws and leaves the page as it was. */
  setContent(content: string): HtmlOutput {
    this.content = wellFormed(this.ctx, String(content));
    return this;
  }

  /**
   * Appends HTML as is; throws, leaving the page as it was, when the page would no longer be well formed
   * (the page is checked whole, so `<p>` then `</p>` may be appended in two steps).
   */
  append(addedContent: string): HtmlOutput {
    this.content = wellFormed(this.ctx, this.content + String(addedContent));
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
