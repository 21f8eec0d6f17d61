// Reads HTML as an HTML5 parser tokenizes it and reports the first parse error that matters (HtmlService rejects malformed HTML).
//
// Apps Script documents that HtmlService.createHtmlOutput(html) "throws Error if the HTML is malformed"
// (developers.google.com/apps-script/reference/html/html-service#createHtmlOutput(String)), and public
// projects report `Malformed HTML content: …` errors and rewritten script content. Google does not say
// which parse errors it rejects, so this checker is strict: it reports the parse errors of the WHATWG
// HTML parsing algorithm (html.spec.whatwg.org/multipage/parsing.html#parse-errors) where a parser has
// to guess what was meant or drops content, and accepts fragments and pages without a DOCTYPE (Google's
// own example is `<b>Hello world!</b>`). Covered:
// - tokenizing: a `<` that starts no tag, a tag name that is not one, bogus comments (`<!x`, `<?x`,
//   `</1`), unterminated tags, comments and DOCTYPEs, attribute syntax (stray quotes, `<` or `=`,
//   missing values or spaces, duplicates), attributes or `/` on end tags, numeric character
//   references that read as none, NUL characters;
// - raw text: `<script>`, `<style>` (and `xmp`, `iframe`, `noembed`, `noframes`, `noscript`,
//   `textarea`, `title`) run up to their own end tag, which must come; `<!--` then `<script` inside a
//   script hides its end tag;
// - elements: void elements (`<br>`, `<meta … />`) never need an end tag; `/>` on any other HTML
//   element is an error; end tags with no open element in scope, end tags that would close other
//   elements left open, and elements still open at the end are errors, except those whose end tag the
//   spec lets you omit (`p`, `li`, `td`, `option`, `body`, …) and the ones an opening tag closes
//   (`<li>` after `<li>`, `<div>` after `<p>`, `<tr>` after `<td>`); content after `</body>` or `</html>`.
// Not covered: named character references (their table has 2,231 names) and the table, select and form
// rules that move or drop content (foster parenting).

/** The first problem found, with its 1-based position. */
export interface HtmlProblem {
  message: string;
  offset: number;
  line: number;
  column: number;
}

/** Elements that never have content or an end tag (the parser pops them at once). */
const VOID_ELEMENTS = new Set(
  "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split(
    " ",
  ),
);
/** Elements whose content is raw text up to their own end tag (`noscript` too: Apps Script pages run scripts). */
const RAW_TEXT_ELEMENTS = new Set(
  "script style xmp iframe noembed noframes noscript textarea title".split(" "),
);
/** Elements the parser closes implicitly when another end tag needs it ("generate implied end tags"). */
const IMPLIED_END = new Set("dd dt li optgroup option p rb rp rt rtc".split(" "));
/** Elements that may still be open at the end of the input without a parse error. */
const OPEN_AT_END_OK = new Set([
  ...IMPLIED_END,
  ..."tbody td tfoot th thead tr body html head colgroup".split(" "),
]);
/** Boundaries of "has an element in scope". */
const SCOPE_BOUNDARIES = new Set(
  "applet caption html table td th marquee object template foreignobject desc title math svg".split(" "),
);
/** Boundaries of "has an element in table scope" (for the end tags of table parts). */
const TABLE_SCOPE_BOUNDARIES = new Set(["html", "table", "template"]);
/** Start tags that close an open `<p>` first. */
const CLOSES_P = new Set(
  (
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer " +
    "form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre listing search section summary table ul " +
    "xmp plaintext"
  ).split(" "),
);
/** "Special" elements that stop the search for an open `<li>`, `<dd>` or `<dt>`, except these three. */
const SPECIAL = new Set(
  (
    "address applet area article aside base basefont bgsound blockquote body br button caption center col " +
    "colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 " +
    "h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav " +
    "noembed noframes noscript object ol p param plaintext pre script search section select source style " +
    "summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp"
  ).split(" "),
);
/** Depth of table-structure elements: a start tag closes open ones at its depth or deeper. */
const TABLE_DEPTH: Record<string, number> = {
  caption: 1,
  colgroup: 1,
  tbody: 1,
  thead: 1,
  tfoot: 1,
  tr: 2,
  td: 3,
  th: 3,
};
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const TAG_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;
const WHITESPACE = /[\t\n\f\r ]/;

interface OpenElement {
  name: string;
  offset: number;
}

class HtmlProblemFound extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Reads one HTML document or fragment; throws {@link HtmlProblemFound} at the first problem. */
class HtmlReader {
  private position = 0;
  private readonly open: OpenElement[] = [];
  /** Depth of `<svg>`/`<math>` elements open: foreign content, where `/>` closes any element. */
  private foreignDepth = 0;
  private sawContent = false;
  private after: "body" | "html" | null = null;

  constructor(private readonly html: string) {}

  read(): void {
    const { html } = this;
    while (this.position < html.length) {
      const next = html.indexOf("<", this.position);
      const textEnd = next < 0 ? html.length : next;
      this.text(this.position, textEnd);
      if (next < 0) break;
      this.position = next;
      this.markup();
    }
    this.end();
  }

  private fail(message: string, offset = this.position): never {
    throw new HtmlProblemFound(message, offset);
  }

  private text(from: number, to: number): void {
    const text = this.html.slice(from, to);
    if (text.trim() !== "") {
      if (this.after !== null) this.fail(`text after </${this.after}>`, from + text.search(/\S/));
      this.sawContent = true;
    }
    checkText(text, from, (message, offset) => this.fail(message, offset));
  }

  private markup(): void {
    const { html } = this;
    const start = this.position;
    const next = html.charAt(start + 1);
    if (html.startsWith("<!--", start)) {
      this.comment();

      return;
    }
    if (next === "!") {
      this.declaration();

      return;
    }
    if (next === "?") this.fail("'<?' starts no tag (a processing instruction reads as a bogus comment)");
    if (next === "/") {
      this.endTag();

      return;
    }
    if (/[A-Za-z]/.test(next)) {
      this.startTag();

      return;
    }
    this.fail(
      next === ""
        ? "the input ends with '<'"
        : `'<' followed by ${JSON.stringify(next)} starts no tag (write &lt; for a literal '<')`,
    );
  }

  private comment(): void {
    const { html } = this;
    const start = this.position;
    const bodyStart = start + 4;
    if (html.startsWith(">", bodyStart) || html.startsWith("->", bodyStart))
      this.fail("a comment closed by '<!-->' or '<!--->' (write <!-- … -->)");
    const close = html.indexOf("-->", bodyStart);
    const wrongClose = html.indexOf("--!>", bodyStart);
    if (wrongClose >= 0 && (close < 0 || wrongClose < close))
      this.fail("a comment closed by '--!>' instead of '-->'", wrongClose);
    if (close < 0) this.fail("a comment opened with '<!--' is never closed with '-->'");
    const nested = html.indexOf("<!--", bodyStart);
    if (nested >= 0 && nested < close) this.fail("'<!--' inside a comment", nested);
    this.position = close + 3;
  }

  private declaration(): void {
    const { html } = this;
    const start = this.position;
    if (html.startsWith("<![CDATA[", start)) this.fail("a CDATA section in HTML content (a bogus comment)");
    if (html.slice(start + 2, start + 9).toLowerCase() !== "doctype")
      this.fail("'<!' starts no comment or DOCTYPE (a bogus comment)");
    const close = html.indexOf(">", start);
    if (close < 0) this.fail("a DOCTYPE that never ends with '>'");
    const body = html
      .slice(start + 9, close)
      .trim()
      .toLowerCase();
    if (body !== "html") this.fail(`a DOCTYPE other than <!DOCTYPE html> (${html.slice(start, close + 1)})`);
    if (this.sawContent || this.open.length > 0) this.fail("a DOCTYPE after the document has started");
    this.position = close + 1;
  }

  /** Reads `<name attr=value …>` from the current position; returns its parts. */
  private tag(nameStart: number): { name: string; selfClosing: boolean; attributes: number; end: number } {
    const { html } = this;
    let i = nameStart;
    while (i < html.length && !WHITESPACE.test(html[i]) && html[i] !== "/" && html[i] !== ">") i++;
    const rawName = html.slice(nameStart, i);
    if (!TAG_NAME.test(rawName))
      this.fail(
        `'<${html.slice(this.position + 1, i)}' is not a tag (write &lt; for a literal '<')`,
        this.position,
      );
    const seen = new Set<string>();
    let selfClosing = false;
    for (;;) {
      while (i < html.length && WHITESPACE.test(html[i])) i++;
      if (i >= html.length) this.fail(`the tag <${rawName}> never ends with '>'`, this.position);
      const char = html[i];
      if (char === ">")
        return { name: rawName.toLowerCase(), selfClosing, attributes: seen.size, end: i + 1 };
      if (char === "/") {
        if (html[i + 1] === ">") {
          selfClosing = true;
          i++;
          continue;
        }
        this.fail(`a '/' inside the tag <${rawName}>`, i);
      }
      selfClosing = false;
      if (char === "=") this.fail(`'=' before an attribute name in <${rawName}>`, i);
      const attributeStart = i;
      while (i < html.length && !/[\t\n\f\r />=]/.test(html[i])) {
        if (html[i] === '"' || html[i] === "'" || html[i] === "<")
          this.fail(`${JSON.stringify(html[i])} in an attribute name of <${rawName}>`, i);
        i++;
      }
      const attribute = html.slice(attributeStart, i).toLowerCase();
      if (seen.has(attribute)) this.fail(`the attribute ${attribute} twice in <${rawName}>`, attributeStart);
      seen.add(attribute);
      let j = i;
      while (j < html.length && WHITESPACE.test(html[j])) j++;
      if (html[j] !== "=") continue;
      i = j + 1;
      while (i < html.length && WHITESPACE.test(html[i])) i++;
      const quote = html[i];
      if (quote === ">") this.fail(`the attribute ${attribute} of <${rawName}> has '=' but no value`, i);
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close < 0) this.fail(`the value of ${attribute} in <${rawName}> never ends with ${quote}`, i);
        checkText(html.slice(i + 1, close), i + 1, (message, offset) => this.fail(message, offset));
        i = close + 1;
        if (i < html.length && !/[\t\n\f\r />]/.test(html[i]))
          this.fail(`no space between attributes of <${rawName}>`, i);
      } else {
        const valueStart = i;
        while (i < html.length && !/[\t\n\f\r >]/.test(html[i])) {
          if (/["'<=`]/.test(html[i]))
            this.fail(`${JSON.stringify(html[i])} in the unquoted value of ${attribute} in <${rawName}>`, i);
          i++;
        }
        checkText(html.slice(valueStart, i), valueStart, (message, offset) => this.fail(message, offset));
      }
    }
  }

  private startTag(): void {
    const start = this.position;
    const { name, selfClosing, end } = this.tag(start + 1);
    this.position = end;
    if (this.after !== null && name !== "html" && name !== "body")
      this.fail(`<${name}> after </${this.after}>`, start);
    this.sawContent = true;
    if (this.foreignDepth > 0) {
      if (!selfClosing) this.open.push({ name, offset: start });
      if (!selfClosing && (name === "svg" || name === "math")) this.foreignDepth++;
      return;
    }
    if (name === "html" || name === "head" || name === "body") {
      this.documentElement(name, start);

      return;
    }
    const foreignRoot = name === "svg" || name === "math";
    if (selfClosing && foreignRoot) return;
    if (selfClosing && !VOID_ELEMENTS.has(name))
      this.fail(`<${name}/> is not self-closing in HTML (write <${name}></${name}>)`, start);
    this.closeImplied(name, start);
    if (VOID_ELEMENTS.has(name)) return;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      this.rawText(name, start);

      return;
    }
    this.open.push({ name, offset: start });
    if (foreignRoot) this.foreignDepth = 1;
  }

  /** `<html>`, `<head>`, `<body>`: each once, and a `<body>` closes the head. */
  private documentElement(name: string, start: number): void {
    if (this.open.some((element) => element.name === name)) this.fail(`a second <${name}>`, start);
    if (name === "body") {
      const head = this.open.findIndex((element) => element.name === "head");
      if (head >= 0) this.open.splice(head);
    }
    this.open.push({ name, offset: start });
  }

  /** What an opening tag closes first: an open `<p>`, `<li>`, `<dd>`/`<dt>`, `<option>`, table cells and rows. */
  private closeImplied(name: string, start: number): void {
    if (CLOSES_P.has(name) && this.inScope("p", "button")) this.closeTo("p", start, IMPLIED_END, `<${name}>`);
    if (HEADINGS.has(name) && HEADINGS.has(this.current()?.name ?? ""))
      this.fail(`<${name}> inside <${this.current()?.name}>`, start);
    if (name === "li") this.closeListItem(name, ["li"], start);
    if (name === "dd" || name === "dt") this.closeListItem(name, ["dd", "dt"], start);
    if (name === "option" && this.current()?.name === "option") this.open.pop();
    if (name === "optgroup") {
      if (this.current()?.name === "option") this.open.pop();
      if (this.current()?.name === "optgroup") this.open.pop();
    }
    if (name === "a" && this.open.some((element) => element.name === "a"))
      this.fail("<a> inside another <a>", start);
    if (name === "button" && this.inScope("button", "default"))
      this.fail("<button> inside another <button>", start);
    if (name === "form" && this.open.some((element) => element.name === "form"))
      this.fail("<form> inside another <form>", start);
    const depth = TABLE_DEPTH[name];
    if (depth !== undefined) {
      while ((TABLE_DEPTH[this.current()?.name ?? ""] ?? 0) >= depth) this.open.pop();
    }
  }

  /** `<li>` closes an open `<li>` (and `<dd>`/`<dt>` each other) unless a special element lies between. */
  private closeListItem(opening: string, names: string[], start: number): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const { name } = this.open[i];
      if (names.includes(name)) {
        this.closeTo(name, start, IMPLIED_END, `<${opening}>`);
        return;
      }
      if (SPECIAL.has(name) && name !== "address" && name !== "div" && name !== "p") return;
    }
  }

  private rawText(name: string, start: number): void {
    const { html } = this;
    const lower = html.toLowerCase();
    const endTag = new RegExp(`</${name}[\\t\\n\\f\\r />]`, "g");
    endTag.lastIndex = this.position;
    const found = endTag.exec(lower);
    if (!found) this.fail(`<${name}> is never closed with </${name}>`, start);
    if (name === "script") this.checkScriptEscapes(this.position, found.index);
    this.open.push({ name, offset: start });
    this.position = found.index;
    this.endTag();
  }

  /**
   * Inside a script, `<!--` followed by `<script` before any `-->` puts the tokenizer in its "double
   * escaped" state, where `</script>` no longer ends the script.
   */
  private checkScriptEscapes(from: number, to: number): void {
    const content = this.html.slice(from, to).toLowerCase();
    let opened = content.indexOf("<!--");
    while (opened >= 0) {
      const close = content.indexOf("-->", opened + 4);
      const region = content.slice(opened + 4, close < 0 ? content.length : close);
      if (/<script[\t\n\f\r />]/.test(region))
        this.fail(
          "'<!--' then '<script' inside a script: its </script> would no longer end it",
          from + opened,
        );
      opened = close < 0 ? -1 : content.indexOf("<!--", close + 3);
    }
  }

  private endTag(): void {
    const { html } = this;
    const start = this.position;
    const first = html.charAt(start + 2);
    if (first === "") this.fail("the input ends with '</'");
    if (first === ">") this.fail("'</>' names no element");
    if (!/[A-Za-z]/.test(first))
      this.fail(`'</' followed by ${JSON.stringify(first)} starts no end tag (a bogus comment)`);
    const { name, selfClosing, attributes, end } = this.tag(start + 2);
    if (attributes > 0) this.fail(`attributes on the end tag </${name}>`, start);
    if (selfClosing) this.fail(`'/>' on the end tag </${name}>`, start);
    this.position = end;
    if (this.foreignDepth > 0) {
      this.foreignEnd(name, start);

      return;
    }
    if (name === "html" || name === "body") {
      this.closeDocument(name, start);

      return;
    }
    if (this.after !== null) this.fail(`</${name}> after </${this.after}>`, start);
    if (name === "head") {
      if (this.current()?.name !== "head") this.fail("</head> with no open <head>", start);
      this.open.pop();
      return;
    }
    if (VOID_ELEMENTS.has(name))
      this.fail(`</${name}>: <${name}> is a void element and has no end tag`, start);
    const tableEnd = name in TABLE_DEPTH || name === "table";
    const scope = tableEnd ? "table" : name === "p" ? "button" : "default";
    if (!this.inScope(name, scope)) this.fail(`</${name}> with no open <${name}>`, start);
    this.closeTo(
      name,
      start,
      tableEnd ? new Set([...IMPLIED_END, ...Object.keys(TABLE_DEPTH)]) : IMPLIED_END,
    );
  }

  private foreignEnd(name: string, start: number): void {
    const index = this.open.map((element) => element.name).lastIndexOf(name);
    if (index < 0) this.fail(`</${name}> with no open <${name}>`, start);
    this.closeTo(name, start, new Set());
    if (name === "svg" || name === "math") this.foreignDepth--;
  }

  /** `</body>` and `</html>`: only elements whose end tag may be omitted may still be open. */
  private closeDocument(name: "html" | "body", start: number): void {
    const unclosed = this.innermostUnclosed();
    if (unclosed)
      this.fail(`</${name}> while <${unclosed.name}> (${this.where(unclosed)}) is still open`, start);
    if (this.after === "html" && name === "body") this.fail("</body> after </html>", start);
    this.after = name;
  }

  /**
   * Pops up to and including the innermost `name` (closed by `cause`, its end tag by default); an element
   * above it that is not in `silent` would be closed without its end tag, which is an error.
   */
  private closeTo(name: string, start: number, silent: ReadonlySet<string>, cause = `</${name}>`): void {
    while (this.open.length > 0) {
      const element = this.open.pop() as OpenElement;
      if (element.name === name) return;
      if (!silent.has(element.name))
        this.fail(
          `${cause} closes <${name}> while <${element.name}> (${this.where(element)}) inside it is still open`,
          start,
        );
    }
  }

  /** "Has an element in scope", "in button scope" or "in table scope": found before a boundary of that scope. */
  private inScope(name: string, scope: "default" | "button" | "table"): boolean {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const element = this.open[i].name;
      if (element === name) return true;
      if (scope === "table" ? TABLE_SCOPE_BOUNDARIES.has(element) : SCOPE_BOUNDARIES.has(element))
        return false;
      if (scope === "button" && element === "button") return false;
    }
    return false;
  }

  private current(): OpenElement | undefined {
    return this.open[this.open.length - 1];
  }

  private where(element: OpenElement): string {
    const { line, column } = lineAndColumn(this.html, element.offset);
    return `line ${line}, column ${column}`;
  }

  /** The innermost open element whose end tag may not be omitted. */
  private innermostUnclosed(): OpenElement | undefined {
    for (let i = this.open.length - 1; i >= 0; i--)
      if (!OPEN_AT_END_OK.has(this.open[i].name)) return this.open[i];
    return undefined;
  }

  private end(): void {
    const unclosed = this.innermostUnclosed();
    if (unclosed) this.fail(`<${unclosed.name}> is never closed`, unclosed.offset);
  }
}

/** NUL characters and numeric character references that read as no character (`&#;`, `&#12` without `;`, `&#0;`). */
function checkText(text: string, from: number, fail: (message: string, offset: number) => never): void {
  const nul = text.indexOf("\0");
  if (nul >= 0) fail("a NUL character", from + nul);
  const reference = /&#([xX]?)([0-9A-Za-z]*)(;?)/g;
  for (const match of text.matchAll(reference)) {
    const [whole, hex, digits, semicolon] = match;
    const offset = from + (match.index ?? 0);
    const valid = hex ? /^[0-9A-Fa-f]+$/.test(digits) : /^[0-9]+$/.test(digits);
    if (!valid || !semicolon)
      fail(`${JSON.stringify(whole)} is not a character reference (write &amp;)`, offset);
    const code = Number.parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      fail(`${whole} names no character`, offset);
  }
}

/** 1-based line and column of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The first parse error of `html` that a strict HTML parser would report, or null when it reads cleanly. */
export function findHtmlProblem(html: string): HtmlProblem | null {
  try {
    new HtmlReader(html).read();
    return null;
  } catch (error) {
    if (!(error instanceof HtmlProblemFound)) throw error;
    return { message: error.message, offset: error.offset, ...lineAndColumn(html, error.offset) };
  }
}

/** The message HtmlService throws for `html`, or null when it is well formed: `Malformed HTML content: …`. */
export function malformedHtmlMessage(html: string): string | null {
  const problem = findHtmlProblem(html);
  if (problem === null) return null;
  const excerpt = html
    .slice(Math.max(0, problem.offset - 20), problem.offset + 40)
    .replace(/\s+/g, " ")
    .trim();
  return `Malformed HTML content: ${problem.message} at line ${problem.line}, column ${problem.column}: ${excerpt}`;
}
