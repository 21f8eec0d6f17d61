// What code may call in each ScriptApp.AuthMode other than FULL: custom functions, onOpen before and after enabling.
import { callKind } from "./call-counter";
import { AuthMode } from "./enums";

/** Services a custom function may not call at all (they need authorization or a UI). */
const BLOCKED_IN_CUSTOM_FUNCTIONS = new Set([
  "MailApp",
  "ScriptApp",
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "Trigger",
  "Ui",
  "Menu",
  "PromptResponse",
]);
/** Services whose writes a custom function may not make (Spreadsheet get* only, Properties getters only). */
const READ_ONLY_IN_CUSTOM_FUNCTIONS = new Set(["Spreadsheet", "Sheet", "Range", "RangeList", "Properties"]);

/**
 * `AuthMode.NONE` (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle: an add-on's
 * `onOpen(e)` in a document where it is installed but not enabled) "does not allow access to any
 * services that require authorization" (reference/script/auth-mode): the add-on may only build its
 * menu — no document, no Properties ("Don't take any action that requires authorization (such as
 * checking script Properties) while the add-on is in ScriptApp.AuthMode.NONE", add-ons/concepts/menus).
 * Logging stays possible.
 */
const ALLOWED_IN_NONE = new Set(["SpreadsheetApp.getUi", "Ui.createAddonMenu", "Ui.createMenu"]);
const SERVICES_ALLOWED_IN_NONE = new Set(["Menu", "Logger"]);

/**
 * `AuthMode.LIMITED` (editor-auth-lifecycle: `onOpen(e)` of an add-on enabled in the document, or of a
 * bound script; simple triggers) reaches the bound document and Properties, and builds menus, but
 * nothing that needs the user's authorization or shows UI: no sidebars or dialogs, no mail, no
 * triggers, not the user's identity (guides/triggers: simple triggers "cannot access services that
 * require authorization").
 */
const BLOCKED_IN_LIMITED = new Set([
  "MailApp",
  "ScriptApp",
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "Trigger",
  "User",
  "PromptResponse",
]);
const BLOCKED_METHODS_IN_LIMITED = new Set([
  "Ui.alert",
  "Ui.prompt",
  "Ui.showSidebar",
  "Ui.showModalDialog",
  "Ui.showModelessDialog",
  "Session.getActiveUser",
  "Session.getEffectiveUser",
  "SpreadsheetApp.openById",
  "SpreadsheetApp.openByUrl",
]);

/** True when code running in `authMode` may not call `service.method`. FULL allows everything. */
export function refusedInAuthMode(authMode: string, service: string, method: string): boolean {
  const name = `${service}.${method}`;
  switch (authMode) {
    case AuthMode.CUSTOM_FUNCTION:
      // guides/sheets/functions: custom functions never ask for authorization; Spreadsheet get* only.
      return (
        BLOCKED_IN_CUSTOM_FUNCTIONS.has(service) ||
        (service === "SpreadsheetApp" && (method === "getUi" || method.startsWith("open"))) ||
        (READ_ONLY_IN_CUSTOM_FUNCTIONS.has(service) && callKind(method) === "write")
      );
    case AuthMode.NONE:
      return !(ALLOWED_IN_NONE.has(name) || SERVICES_ALLOWED_IN_NONE.has(service));
    case AuthMode.LIMITED:
      return BLOCKED_IN_LIMITED.has(service) || BLOCKED_METHODS_IN_LIMITED.has(name);
    default:
      return false;
  }
}
