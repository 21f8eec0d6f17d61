// Apps Script enums the emulation exposes, as frozen objects of their names.

/** `ScriptApp.AuthMode`. */
export const AuthMode = Object.freeze({
  NONE: "NONE",
  CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
  LIMITED: "LIMITED",
  FULL: "FULL",
});

/** `ScriptApp.EventType`. */
export const EventType = Object.freeze({
  CLOCK: "CLOCK",
  ON_OPEN: "ON_OPEN",
  ON_EDIT: "ON_EDIT",
  ON_FORM_SUBMIT: "ON_FORM_SUBMIT",
  ON_CHANGE: "ON_CHANGE",
  ON_EVENT_UPDATED: "ON_EVENT_UPDATED",
});

/** `ScriptApp.TriggerSource`. */
export const TriggerSource = Object.freeze({
  SPREADSHEETS: "SPREADSHEETS",
  CLOCK: "CLOCK",
  FORMS: "FORMS",
  DOCUMENTS: "DOCUMENTS",
  CALENDAR: "CALENDAR",
});

/** `ScriptApp.WeekDay`. */
export const WeekDay = Object.freeze({
  SUNDAY: "SUNDAY",
  MONDAY: "MONDAY",
  TUESDAY: "TUESDAY",
  WEDNESDAY: "WEDNESDAY",
  THURSDAY: "THURSDAY",
  FRIDAY: "FRIDAY",
  SATURDAY: "SATURDAY",
});

/** `Ui.Button`. */
export const Button = Object.freeze({
  CLOSE: "CLOSE",
  OK: "OK",
  CANCEL: "CANCEL",
  YES: "YES",
  NO: "NO",
});

/** `Ui.ButtonSet`. */
export const ButtonSet = Object.freeze({
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
});

/** `HtmlService.XFrameOptionsMode`. */
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: "ALLOWALL", DEFAULT: "DEFAULT" });

/** `HtmlService.SandboxMode`. */
export const SandboxMode = Object.freeze({ EMULATED: "EMULATED", IFRAME: "IFRAME", NATIVE: "NATIVE" });

/** `SpreadsheetApp.WrapStrategy`. */
export const WrapStrategy = Object.freeze({ WRAP: "WRAP", OVERFLOW: "OVERFLOW", CLIP: "CLIP" });

/** `SpreadsheetApp.SheetType`. */
export const SheetType = Object.freeze({ GRID: "GRID", OBJECT: "OBJECT", DATASOURCE: "DATASOURCE" });

/** `ScriptApp.AuthorizationStatus` (reference/script/authorization-status). */
export const AuthorizationStatus = Object.freeze({ REQUIRED: "REQUIRED", NOT_REQUIRED: "NOT_REQUIRED" });

/** `ScriptApp.InstallationSource` (reference/script/installation-source). */
export const InstallationSource = Object.freeze({
  APPS_MARKETPLACE_DOMAIN_ADD_ON: "APPS_MARKETPLACE_DOMAIN_ADD_ON",
  NONE: "NONE",
  WEB_STORE_ADD_ON: "WEB_STORE_ADD_ON",
});
