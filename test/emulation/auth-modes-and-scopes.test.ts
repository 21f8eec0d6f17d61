// onOpen's AuthMode.NONE and LIMITED refuse what Apps Script refuses; calls need the manifest's OAuth scopes.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, requiredScopes, SCOPE } from "../../emulation/index";

describe("AuthMode.NONE (add-on installed, not enabled in this document)", () => {
  it("builds a menu but refuses the document, properties, dialogs, mail and triggers", () => {
    const env = createGasEnvironment();
    const { SpreadsheetApp, PropertiesService, MailApp, ScriptApp, Session, Utilities } = env.globals;
    env.withAuthMode("NONE", () => {
      SpreadsheetApp.getUi().createAddonMenu().addItem("Scan now", "runScan").addSeparator().addToUi();
      expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
        "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)",
      );
      expect(() => PropertiesService.getDocumentProperties()).toThrow(
        "You do not have permission to call PropertiesService.getDocumentProperties",
      );
      expect(() => SpreadsheetApp.getUi().alert("hi")).toThrow("permission");
      expect(() => MailApp.getRemainingDailyQuota()).toThrow("permission");
      expect(() => ScriptApp.getProjectTriggers()).toThrow("permission");
      expect(() => Session.getScriptTimeZone()).toThrow("permission");
      expect(() => Utilities.formatDate(new Date(), "UTC", "yyyy")).toThrow("permission");
    });
    expect(env.ui.addOnMenu()?.items).toEqual([
      { kind: "item", caption: "Scan now", functionName: "runScan" },
      { kind: "separator" },
    ]);
  });

  it("throws errors that print as Apps Script's Exception", () => {
    const env = createGasEnvironment();
    const error = env.withAuthMode("NONE", () => {
      try {
        env.globals.SpreadsheetApp.getActiveSpreadsheet();
      } catch (caught) {
        return caught as Error;
      }
      return null;
    });
    expect(String(error)).toMatch(/^Exception: You do not have permission to call SpreadsheetApp/);
  });
});

describe("AuthMode.LIMITED (onOpen where the add-on is enabled, simple triggers)", () => {
  it("reads and writes the bound document and its properties, and builds menus", () => {
    const env = createGasEnvironment();
    const { SpreadsheetApp, PropertiesService } = env.globals;
    env.withAuthMode("LIMITED", () => {
      SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("A1").setValue("opened");
      PropertiesService.getDocumentProperties().setProperty("seen", "yes");
      SpreadsheetApp.getUi().createMenu("KPI").addItem("Scan", "runScan").addToUi();
    });
    expect(env.properties.document.get("seen")).toBe("yes");
    expect(env.ui.menu("KPI")).toBeDefined();
  });

  it("refuses sidebars, dialogs, alerts, mail, triggers and the user's identity", () => {
    const env = createGasEnvironment();
    const { SpreadsheetApp, MailApp, ScriptApp, Session, HtmlService } = env.globals;
    env.withAuthMode("LIMITED", () => {
      const page = HtmlService.createHtmlOutput("<p>hi</p>");
      const ui = SpreadsheetApp.getUi();
      expect(() => ui.showSidebar(page)).toThrow(
        "You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui",
      );
      expect(() => ui.showModalDialog(page, "t")).toThrow("permission");
      expect(() => ui.alert("hi")).toThrow("permission");
      expect(() => MailApp.sendEmail("a@x.gov", "s", "b")).toThrow(
        "Required permissions: https://www.googleapis.com/auth/script.send_mail",
      );
      expect(() => ScriptApp.newTrigger("f")).toThrow("script.scriptapp");
      expect(() => Session.getActiveUser()).toThrow("userinfo.email");
    });
    expect(env.ui.dialogs).toEqual([]);
    expect(env.mail.sent).toEqual([]);
  });
});

describe("OAuth scopes of the manifest", () => {
  it("knows the scope of each method, naming the alternatives narrowest first", () => {
    expect(requiredScopes("Range", "setValues")).toEqual([SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets]);
    expect(requiredScopes("SpreadsheetApp", "openById")).toEqual([SCOPE.spreadsheets]);
    expect(requiredScopes("Session", "getActiveUser")).toEqual([SCOPE.userInfoEmail]);
    expect(requiredScopes("Ui", "showSidebar")).toEqual([SCOPE.containerUi]);
    expect(requiredScopes("Ui", "createAddonMenu")).toEqual([]);
    expect(requiredScopes("MailApp", "getRemainingDailyQuota")).toEqual([SCOPE.sendMail]);
    expect(requiredScopes("ClockTriggerBuilder", "create")).toEqual([SCOPE.scriptApp]);
    expect(requiredScopes("Properties", "setProperty")).toEqual([]);
    expect(requiredScopes("Lock", "tryLock")).toEqual([]);
    expect(requiredScopes("Utilities", "formatDate")).toEqual([]);
    expect(requiredScopes("Logger", "log")).toEqual([]);
  });

  it("refuses a call whose scope the manifest does not list, with Apps Script's message", () => {
    const env = createGasEnvironment({ oauthScopes: [SCOPE.spreadsheetsCurrentOnly] });
    const { SpreadsheetApp, Session, PropertiesService } = env.globals;
    expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe("Untitled spreadsheet");
    PropertiesService.getDocumentProperties().setProperty("a", "1");
    expect(() => Session.getActiveUser()).toThrow(
      "Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email",
    );
    expect(() => SpreadsheetApp.openById("x")).toThrow(
      "Specified permissions are not sufficient to call SpreadsheetApp.openById",
    );
    expect(env.scopes.refused()).toHaveLength(2);
  });

  it("records which scope each call used, and nothing for uncounted set-up", () => {
    const env = createGasEnvironment({
      oauthScopes: [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets, SCOPE.userInfoEmail],
    });
    env.sheetFromRows("Data", [["a"]]);
    const { SpreadsheetApp, Session } = env.globals;
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Data")?.getRange("A1").getValue();
    Session.getActiveUser().getEmail();
    expect(env.scopes.exercised()).toEqual({
      [SCOPE.spreadsheetsCurrentOnly]: [
        "Range.getValue",
        "Sheet.getRange",
        "Spreadsheet.getSheetByName",
        "SpreadsheetApp.getActiveSpreadsheet",
      ],
      [SCOPE.userInfoEmail]: ["Session.getActiveUser", "User.getEmail"],
    });
  });

  it("enforces nothing when no manifest is given", () => {
    const env = createGasEnvironment();
    expect(env.globals.Session.getActiveUser().getEmail()).toBe("user@example.com");
    expect(env.scopes.manifest).toBeNull();
  });
});
