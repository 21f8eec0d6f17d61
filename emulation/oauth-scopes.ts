// OAuth scopes: which scope each emulated method needs, the manifest's and the user's scopes, and what was used.

/** The scopes the emulated services can ask for. */
export const SCOPE = Object.freeze({
  spreadsheetsCurrentOnly: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  sendMail: "https://www.googleapis.com/auth/script.send_mail",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  userInfoEmail: "https://www.googleapis.com/auth/userinfo.email",
});

/**
 * One method's requirement: any one of these scopes is enough, narrowest first (Apps Script prints them
 * as `(a || b)`). An empty list: the method needs no scope.
 */
export type ScopeRequirement = readonly string[];

const SHEETS: ScopeRequirement = [SCOPE.spreadsheetsCurrentOnly, SCOPE.spreadsheets];
const NONE: ScopeRequirement = [];

/**
 * The scope every method of a service needs, from the "Authorization" section of each method's page
 * under developers.google.com/apps-script/reference/:
 * - spreadsheet/spreadsheet-app, spreadsheet/spreadsheet, spreadsheet/sheet, spreadsheet/range,
 *   spreadsheet/range-list, spreadsheet/data-validation(-builder): `spreadsheets.currentonly` or
 *   `spreadsheets` (e.g. "Required permissions: (…/spreadsheets.currentonly || …/spreadsheets)" for
 *   `SpreadsheetApp.getActiveSpreadsheet`);
 * - mail/mail-app (`sendEmail`, `getRemainingDailyQuota`): `script.send_mail`;
 * - script/script-app and its trigger builders and `Trigger`: `script.scriptapp`;
 * - base/session `getActiveUser`/`getEffectiveUser` and base/user `getEmail`: `userinfo.email`;
 * - properties/*, lock/*, utilities/*, base/logger, html/* (building a page shows nothing): none.
 * Methods that differ from their service are in {@link METHOD_SCOPES}. Unknown services need none.
 */
const SERVICE_SCOPES: Record<string, ScopeRequirement> = {
  SpreadsheetApp: SHEETS,
  Spreadsheet: SHEETS,
  Sheet: SHEETS,
  Range: SHEETS,
  RangeList: SHEETS,
  DataValidation: SHEETS,
  DataValidationBuilder: SHEETS,
  ConditionalFormatRule: SHEETS,
  ConditionalFormatRuleBuilder: SHEETS,
  Filter: SHEETS,
  EmbeddedChart: SHEETS,
  EmbeddedChartBuilder: SHEETS,
  MailApp: [SCOPE.sendMail],
  ScriptApp: [SCOPE.scriptApp],
  TriggerBuilder: [SCOPE.scriptApp],
  ClockTriggerBuilder: [SCOPE.scriptApp],
  SpreadsheetTriggerBuilder: [SCOPE.scriptApp],
  Trigger: [SCOPE.scriptApp],
  User: [SCOPE.userInfoEmail],
  Ui: [SCOPE.containerUi],
};

/** Methods whose scope is not their service's. */
const METHOD_SCOPES: Record<string, ScopeRequirement> = {
  // base/ui: menus are built in AuthMode.NONE, before any authorization (workspace/add-ons/concepts/menus);
  // sidebars and dialogs need script.container.ui ("Specified permissions are not sufficient to call
  // Ui.showModalDialog. Required permissions: …/script.container.ui"). Alerts and prompts are dialogs too.
  "Ui.createMenu": NONE,
  "Ui.createAddonMenu": NONE,
  // spreadsheet/spreadsheet-app#getUi: the UI of the open editor, used by onOpen in AuthMode.NONE.
  "SpreadsheetApp.getUi": NONE,
  // spreadsheet/spreadsheet-app#openById/#openByUrl: other files need the full spreadsheets scope.
  "SpreadsheetApp.openById": [SCOPE.spreadsheets],
  "SpreadsheetApp.openByUrl": [SCOPE.spreadsheets],
  // base/session#getActiveUser, #getEffectiveUser: userinfo.email; the other Session methods need none.
  "Session.getActiveUser": [SCOPE.userInfoEmail],
  "Session.getEffectiveUser": [SCOPE.userInfoEmail],
  // script/script-app#getAuthorizationInfo, #getInstallationSource, #getScriptId: no scope (they are how
  // a script finds out what it may do).
  "ScriptApp.getAuthorizationInfo": NONE,
  "ScriptApp.getInstallationSource": NONE,
  "ScriptApp.getScriptId": NONE,
};

/** The scopes `Service.method` needs (any one of them), or an empty list when it needs none. */
export function requiredScopes(service: string, method: string): ScopeRequirement {
  return METHOD_SCOPES[`${service}.${method}`] ?? SERVICE_SCOPES[service] ?? NONE;
}

/** How Apps Script prints a requirement after "Required permissions: ". */
export function scopeText(requirement: ScopeRequirement): string {
  return requirement.length === 1 ? requirement[0] : `(${requirement.join(" || ")})`;
}

/** Why a call is refused, or null when its scopes allow it. */
export type ScopeRefusal = { kind: "not-in-manifest" | "not-granted"; message: string } | null;

/**
 * The project's scopes as Apps Script sees them: the manifest's `oauthScopes` (what the project may ever
 * ask for; null: no manifest given, nothing is enforced), the scopes the user has granted (null: all of
 * the manifest's), and which scope each call of the code under test used.
 */
export class OAuthScopes {
  private manifestScopes: string[] | null = null;
  private grantedScopes: string[] | null = null;
  private readonly used = new Map<string, Set<string>>();
  private readonly refusals: string[] = [];

  /** The manifest's `oauthScopes`, or null when none was given. */
  get manifest(): readonly string[] | null {
    return this.manifestScopes;
  }

  /** Sets the manifest's `oauthScopes` (null: enforce nothing). */
  setManifest(scopes: readonly string[] | null): void {
    this.manifestScopes = scopes === null ? null : [...scopes];
  }

  /** The scopes the user has granted: the ones given, or all of the manifest's. */
  get granted(): readonly string[] {
    return this.grantedScopes ?? this.manifestScopes ?? [];
  }

  /** Says which scopes the user has granted (null: all of the manifest's, the default). */
  setGranted(scopes: readonly string[] | null): void {
    this.grantedScopes = scopes === null ? null : [...scopes];
  }

  /** True when the user has granted every scope of the manifest. */
  allGranted(scopes: readonly string[] = this.manifestScopes ?? []): boolean {
    if (this.grantedScopes === null) return true;
    return scopes.every((scope) => this.grantedScopes?.includes(scope));
  }

  /**
   * Checks a call of the code under test against the manifest and, when `checkGrants`, against what
   * the user granted; records the scope it used. Apps Script's two messages: a scope missing from an
   * explicit manifest gives "Specified permissions are not sufficient to call X. Required permissions:
   * Y"; a scope the user has not granted gives "You do not have permission to call X. Required
   * permissions: Y" (both as reported from real executions; the manifest case is documented at
   * developers.google.com/apps-script/concepts/scopes: explicit `oauthScopes` turn detection off).
   */
  check(service: string, method: string, checkGrants: boolean): ScopeRefusal {
    const requirement = requiredScopes(service, method);
    if (requirement.length === 0) return null;
    const name = `${service}.${method}`;
    const allowed = this.manifestScopes
      ? requirement.filter((scope) => this.manifestScopes?.includes(scope))
      : [...requirement];
    if (allowed.length === 0)
      return this.refuse({
        kind: "not-in-manifest",
        message: `Specified permissions are not sufficient to call ${name}. Required permissions: ${scopeText(requirement)}`,
      });
    const usable =
      checkGrants && this.grantedScopes !== null
        ? allowed.filter((scope) => this.grantedScopes?.includes(scope))
        : allowed;
    if (usable.length === 0)
      return this.refuse({
        kind: "not-granted",
        message: `You do not have permission to call ${name}. Required permissions: ${scopeText(requirement)}`,
      });
    const scope = usable[0];
    let calls = this.used.get(scope);
    if (!calls) {
      calls = new Set();
      this.used.set(scope, calls);
    }
    calls.add(name);
    return null;
  }

  /** Notes a call refused for want of permission (here, or by the auth mode) and returns the refusal. */
  refuse<T extends ScopeRefusal | string>(refusal: T): T {
    if (refusal) this.refusals.push(typeof refusal === "string" ? refusal : refusal.message);
    return refusal;
  }

  /** The messages of every call refused for want of permission so far (caught or not), oldest first. */
  refused(): string[] {
    return [...this.refusals];
  }

  /** Each scope the code under test used, with the `Service.method` calls that used it (sorted). */
  exercised(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const scope of [...this.used.keys()].sort())
      result[scope] = [...(this.used.get(scope) ?? [])].sort();
    return result;
  }

  /** Forgets which scopes were used and which calls were refused. */
  resetExercised(): void {
    this.used.clear();
    this.refusals.length = 0;
  }
}
