// HTML escaping as Apps Script's <?= ?> scriptlets and HtmlOutput.appendUntrusted do it.

/** Escapes `& < > " '` for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
