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
