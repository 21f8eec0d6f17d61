// The Ui records menus, alerts, prompts and sidebars; HtmlService builds pages from strings, files and templates.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";

describe("Ui", () => {
  it("records the add-on menu tree with items, separators and sub-menus", () => {
    const env = createGasEnvironment();
    const ui = env.globals.SpreadsheetApp.getUi();
    const reviews = ui.createMenu("Reviews").addItem("Generate review tab…", "showReviewDialog");
    ui.createAddonMenu()
      .addItem("Open sidebar", "showSidebar")
      .addSeparator()
      .addSubMenu(reviews)
      .addItem("Scan now", "runScan")
      .addToUi();
    expect(env.ui.addOnMenu()).toEqual({
      caption: "KPI Steward",
      addOn: true,
      items: [
        { kind: "item", caption: "Open sidebar", functionName: "showSidebar" },
        { kind: "separator" },
        {
          kind: "submenu",
          caption: "Reviews",
          items: [{ kind: "item", caption: "Generate review tab…", functionName: "showReviewDialog" }],
        },
        { kind: "item", caption: "Scan now", functionName: "runScan" },
      ],
    });
  });

  it("answers alerts with OK by default, or with the queued button", () => {
    const env = createGasEnvironment();
    const ui = env.globals.SpreadsheetApp.getUi();
    expect(ui.alert("Done")).toBe(ui.Button.OK);
    env.ui.answerNextAlert(ui.Button.NO);
    expect(ui.alert("Remove the daily scan?", "It will stop emailing owners.", ui.ButtonSet.YES_NO)).toBe(
      ui.Button.NO,
    );
    expect(ui.alert("Again?", ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(env.ui.alerts.map((a) => [a.title, a.response])).toEqual([
      ["", "OK"],
      ["Remove the daily scan?", "NO"],
      ["", "YES"],
    ]);
  });

  it("answers prompts with the queued text", () => {
    const env = createGasEnvironment();
    const ui = env.globals.SpreadsheetApp.getUi();
    env.ui.answerNextPrompt("FY27 Q1");
    const response = ui.prompt("Quarter?", ui.ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(["FY27 Q1", "OK"]);
  });

  it("records the page a sidebar shows", () => {
    const env = createGasEnvironment();
    const page = env.globals.HtmlService.createHtmlOutput("<p>KPIs</p>").setTitle("KPI Steward");
    env.globals.SpreadsheetApp.getUi().showSidebar(page);
    expect(env.ui.sidebars().map((s) => [s.title, s.html])).toEqual([["KPI Steward", "<p>KPIs</p>"]]);
  });

  it("has no UI where Apps Script has none, such as a time-driven trigger", () => {
    const env = createGasEnvironment();
    env.ui.available = false;
    expect(() => env.globals.SpreadsheetApp.getUi()).toThrow(
      "Cannot call SpreadsheetApp.getUi() from this context.",
    );
  });
});

describe("HtmlService", () => {
  it("reads a page from the build folder by name, with or without .html", () => {
    const dir = mkdtempSync(join(tmpdir(), "html-"));
    writeFileSync(join(dir, "sidebar.html"), "<div id=app></div>");
    const env = createGasEnvironment({ htmlDir: dir });
    const { HtmlService } = env.globals;
    expect(HtmlService.createHtmlOutputFromFile("sidebar").getContent()).toBe("<div id=app></div>");
    expect(HtmlService.createHtmlOutputFromFile("sidebar.html").getContent()).toBe("<div id=app></div>");
    expect(() => HtmlService.createHtmlOutputFromFile("missing")).toThrow(
      "No HTML file named missing was found.",
    );
  });

  it("evaluates templates: <?= ?> escapes, <?!= ?> does not, <? ?> runs code", () => {
    const env = createGasEnvironment({
      htmlDir: null,
      htmlFiles: {
        dialog: "<h1><?= title ?></h1><? for (const a of accounts) { ?><li><?!= a ?></li><? } ?>",
      },
    });
    const template = env.globals.HtmlService.createTemplateFromFile("dialog");
    template.title = "<Acme & Co>";
    template.accounts = ["<b>A</b>", "B"];
    expect(template.evaluate().getContent()).toBe(
      "<h1>&#60;Acme &#38; Co&#62;</h1><li><b>A</b></li><li>B</li>",
    );
  });

  it("escapes untrusted text appended to a page", () => {
    const env = createGasEnvironment();
    const page = env.globals.HtmlService.createHtmlOutput("<p>")
      .appendUntrusted("<script>x</script>")
      .append("</p>");
    expect(page.getContent()).toBe("<p>&#60;script&#62;x&#60;/script&#62;</p>");
  });
});

describe("HtmlService rejects malformed HTML, as Apps Script does", () => {
  /** The kind of file the server code once shipped as: a JavaScript bundle named .html. */
  const SERVER_BUNDLE_AS_HTML = [
    "var KpiStewardServer = (() => {",
    "  function below(value, limit) { return value<limit; }",
    '  function cell(text) { return "<td>" + text + "</td>"; }',
    '  var closing = "</div>";',
    "  return { below, cell, closing };",
    "})();",
  ].join("\n");

  it("a page from a string: stray '<' in code, an unclosed element, an end tag nothing opened", () => {
    const { HtmlService } = createGasEnvironment().globals;
    expect(() => HtmlService.createHtmlOutput("if (a<b) go();")).toThrow(/^Malformed HTML content: '<b\)'/);
    expect(() => HtmlService.createHtmlOutput("<div><p>open")).toThrow(
      "Malformed HTML content: <div> is never closed",
    );
    expect(() => HtmlService.createHtmlOutput('x = "</div>";')).toThrow(
      "Malformed HTML content: </div> with no open <div>",
    );
  });

  it("a JavaScript bundle read as an HTML file is refused, however it is read", () => {
    const env = createGasEnvironment({
      htmlDir: null,
      htmlFiles: { "server-modules": SERVER_BUNDLE_AS_HTML },
    });
    const { HtmlService } = env.globals;
    expect(() => HtmlService.createHtmlOutputFromFile("server-modules")).toThrow(
      /^Malformed HTML content: .* at line 2/,
    );
    expect(() => HtmlService.createTemplateFromFile("server-modules").evaluate()).toThrow(
      /^Malformed HTML content: /,
    );
  });

  it("setContent and append refuse content that leaves the page malformed, and keep the page as it was", () => {
    const { HtmlService } = createGasEnvironment().globals;
    const page = HtmlService.createHtmlOutput("<p>Ready</p>");
    expect(() => page.setContent("<div>")).toThrow("Malformed HTML content: <div> is never closed");
    expect(() => page.append("</span>")).toThrow("Malformed HTML content: </span> with no open <span>");
    expect(page.getContent()).toBe("<p>Ready</p>");
    expect(page.append("<b>more</b>").getContent()).toBe("<p>Ready</p><b>more</b>");
  });

  it("a template's output is checked once evaluated; values printed with <?= ?> are escaped and pass", () => {
    const env = createGasEnvironment({
      htmlDir: null,
      htmlFiles: { good: "<p><?= text ?></p>", bad: "<p><?!= text ?></p>" },
    });
    const good = env.globals.HtmlService.createTemplateFromFile("good");
    good.text = "a<b & </p>";
    expect(good.evaluate().getContent()).toBe("<p>a&#60;b &#38; &#60;/p&#62;</p>");
    const bad = env.globals.HtmlService.createTemplateFromFile("bad");
    bad.text = "a<b";
    expect(() => bad.evaluate()).toThrow(/^Malformed HTML content: '<b<' is not a tag/);
  });

  it("the built sidebar and review dialog pass", () => {
    const { HtmlService } = createGasEnvironment({ htmlDir: "build" }).globals;
    for (const file of ["sidebar", "review-dialog"])
      expect(HtmlService.createHtmlOutputFromFile(file).getContent()).toContain("<script>");
  });
});
