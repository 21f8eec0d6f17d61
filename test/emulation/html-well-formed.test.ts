// The HTML checker behind HtmlService's "Malformed HTML content" errors: what a parser reads cleanly passes, the rest is named and located.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findHtmlProblem, malformedHtmlMessage } from "../../emulation/html-well-formed";

/** The problem's message, or null when `html` reads cleanly. */
const problem = (html: string) => findHtmlProblem(html)?.message ?? null;

describe("well-formed HTML passes", () => {
  it.each([
    ["Google's own example", "<b>Hello world!</b>"],
    ["an empty page", ""],
    ["plain text with entities", "Fish &amp; chips &lt;3 &#60; &#x3C; &copy; 100% & more"],
    [
      "a document with void elements written either way",
      '<!DOCTYPE html>\n<html lang="en"><head><base target="_top" /><meta charset="utf-8"><title>A &amp; B</title></head>' +
        "<body><p>Line<br>two<br/><img src=x.png alt=''><input type=text disabled></p></body></html>\n",
    ],
    [
      "script and style content as raw text, up to their own end tag",
      '<style>a > b { content: "</div>"; }</style><script>if (a<b && c>d) x = "</div><p>" + \'<\' + 1;</script>',
    ],
    ["an escaped </script inside a script", '<script>var s = "<\\/script>";</script>'],
    ["end tags the spec lets you omit", "<ul><li>one<li>two</ul><dl><dt>a<dd>b</dl><p>first<p>second"],
    [
      "a table with its cells and rows left open",
      "<table><thead><tr><th>A<th>B<tbody><tr><td>1<td>2<tr><td>3<td>4</table>",
    ],
    ["options and groups left open", "<select><optgroup label=g><option>a<option selected>b</select>"],
    ["a block that closes an open paragraph", "<p>Intro<div>block</div><p>More</p>"],
    ["comments, dashes included", "<!-- a -- b --><p>x</p><!---->"],
    ["inline SVG with self-closing children", '<svg viewBox="0 0 1 1"><path d="M0 0"/><circle r=1 /></svg>'],
    ["unquoted, single-quoted and empty attributes", "<input value=ok name='n' data-x=\"\" hidden>"],
    ["the existing template output", "<h1>&#60;Acme &#38; Co&#62;</h1><li><b>A</b></li><li>B</li>"],
  ])("%s", (_name, html) => {
    expect(findHtmlProblem(html)).toBeNull();
  });
});

/** Text as a page would carry it: `<` and `&` escaped. */
const escapedText = fc
  .string({ maxLength: 12 })
  .map((text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;"));
/** Serialized element trees of elements free of nesting rules (no p, li, a, headings, forms or tables). */
const elementTree = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    escapedText,
    fc.constantFrom("<br>", "<hr/>", '<img alt="">', "<input value=x>", "<!-- note -->"),
    fc
      .tuple(
        fc.constantFrom("div", "span", "section", "em", "strong", "code", "label", "article", "blockquote"),
        fc.array(fc.tuple(fc.constantFrom("id", "class", "title", "data-x"), escapedText), { maxLength: 3 }),
        fc.array(tie("node"), { maxLength: 4 }),
      )
      .map(([name, attributes, children]) => {
        const unique = [...new Map(attributes).entries()];
        const attributeText = unique
          .map(([key, value]) => ` ${key}="${value.replace(/"/g, "&quot;")}"`)
          .join("");
        return `<${name}${attributeText}>${children.join("")}</${name}>`;
      }),
  ),
}));

describe("generated well-formed pages", () => {
  it("every serialized element tree reads cleanly, whole or inside a document with a script", () => {
    fc.assert(
      fc.property(elementTree.node, (body) => {
        expect(findHtmlProblem(body)).toBeNull();
        const page = `<!doctype html><html><head><script>if (a<b) x = "</p>";</script></head><body>${body}</body></html>`;
        expect(findHtmlProblem(page)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});

describe("malformed HTML is named", () => {
  it.each([
    ["a comparison in code", "if (a<b) { go(); }", /^'<b\)' is not a tag/],
    ["a '<' before a space", "1 < 2", /^'<' followed by " " starts no tag \(write &lt;/],
    ["a '<' before a digit", "x<1", /'<' followed by "1" starts no tag/],
    ["a '<' at the very end", "a <", /the input ends with '<'/],
    ["an end tag nothing opened", 'x = "</div>";', /^<\/div> with no open <div>/],
    ["an end tag that skips an open element", "<div><span>x</div>", /^<\/div> closes <div> while <span>/],
    ["misnested formatting", "<b><i>x</b></i>", /^<\/b> closes <b> while <i>/],
    ["a block that leaves an element inside a paragraph open", "<p><span>x<div>y</div>", /<div> closes <p>/],
    ["an element never closed", "<div><p>text", /^<div> is never closed/],
    ["a script never closed", "<script>var x = 1;", /^<script> is never closed with <\/script>/],
    ["a style never closed", "<style>a{}", /^<style> is never closed/],
    ["a self-closed div", "<div/>", /^<div\/> is not self-closing in HTML/],
    ["an end tag for a void element", "<br></br>", /<br> is a void element and has no end tag/],
    ["a bogus comment", "<!x>", /'<!' starts no comment or DOCTYPE/],
    ["a processing instruction", "<?php echo 1 ?>", /'<\?' starts no tag/],
    ["an end tag that is not one", "a </1> b", /'<\/' followed by "1" starts no end tag/],
    ["an empty end tag", "a</>b", /'<\/>' names no element/],
    ["a comment never closed", "<!-- note", /never closed with '-->'/],
    ["an abruptly closed comment", "<!-->", /closed by '<!-->'/],
    ["a comment closed with --!>", "<!-- a --!>", /closed by '--!>'/],
    ["a comment inside a comment", "<!-- a <!-- b -->", /'<!--' inside a comment/],
    ["a tag never ended", '<a href="x"', /the value of href in <a> never ends|never ends with '>'/],
    ["attributes run together", '<a href="x"title="y">z</a>', /no space between attributes of <a>/],
    ["a quote in an unquoted value", '<a href=x"y>z</a>', /"\\"" in the unquoted value of href/],
    ["a quote in an attribute name", '<a "x">z</a>', /in an attribute name of <a>/],
    ["an attribute twice", '<a b="1" b="2">z</a>', /the attribute b twice/],
    ["'=' with no value", "<a b=>z</a>", /has '=' but no value/],
    ["'=' before a name", "<a =b>z</a>", /'=' before an attribute name/],
    ["attributes on an end tag", '<p>x</p class="y">', /attributes on the end tag <\/p>/],
    ["a numeric reference with no digits", "&#xZZ;", /"&#xZZ;" is not a character reference/],
    ["a numeric reference with no semicolon", "&#60 x", /"&#60" is not a character reference/],
    ["a reference to no character", "&#0;", /&#0; names no character/],
    ["text after </html>", "<html><body></body></html>tail", /^text after <\/html>/],
    ["a tag after </body>", "<body></body><p>x</p>", /^<p> after <\/body>/],
    ["</body> with a div open", "<body><div></body>", /^<\/body> while <div>/],
    [
      "a DOCTYPE that is not HTML5",
      '<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01//EN"><p>',
      /a DOCTYPE other than/,
    ],
    ["a DOCTYPE after content", "<p>x</p><!DOCTYPE html>", /a DOCTYPE after the document has started/],
    ["a link inside a link", "<a href=1><a href=2>x</a></a>", /<a> inside another <a>/],
    ["a heading inside a heading", "<h1>a<h2>b</h2></h1>", /<h2> inside <h1>/],
    [
      "a script whose <!-- <script hides its end tag",
      "<script><!-- <script>x</script></script>",
      /'<!--' then '<script' inside a script/,
    ],
    ["a NUL character", "a\u0000b", /a NUL character/],
    [
      "an element left open inside a table cell",
      "<table><tr><td><div>x</table>",
      /^<\/table> closes <table> while <div>/,
    ],
    ["an end tag beyond a table cell", "<div><table><tr><td></div></table>", /^<\/div> with no open <div>/],
  ])("%s", (_name, html, expected) => {
    expect(problem(html)).toMatch(expected);
  });

  it("locates the problem by line and column", () => {
    expect(findHtmlProblem("<p>\n  ok\n  <div>\n")).toMatchObject({ line: 3, column: 3, offset: 11 });
  });

  it("words the error as Apps Script does, with the place and the text around it", () => {
    expect(malformedHtmlMessage("<p>fine</p>")).toBeNull();
    expect(malformedHtmlMessage("<p>x</p>\nreturn n<2||m</div>")).toBe(
      "Malformed HTML content: '<' followed by \"2\" starts no tag (write &lt; for a literal '<') at line 2, column 9: " +
        "<p>x</p> return n<2||m</div>",
    );
  });

  it("rejects a JavaScript bundle served as an HTML file, as the server code once was", () => {
    const bundle = [
      '"use strict";',
      "var KpiStewardServer = (() => {",
      "  function between(a, b, c) { return a<b && b<=c; }",
      '  function row(cells) { return "<tr>" + cells.join("</td><td>") + "</tr>"; }',
      '  var words = { "<": "below", ">": "above" };',
      "  return { between, row, words };",
      "})();",
    ].join("\n");
    expect(malformedHtmlMessage(bundle)).toMatch(/^Malformed HTML content: .* at line 3, column 46/);
  });
});
