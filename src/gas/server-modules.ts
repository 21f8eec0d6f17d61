// Loads the server modules (scan, setup, sidebar, review) on demand, so custom-function calls never parse them.
import type * as Server from "../server";

/** Name of the build file holding the server bundle's JavaScript (`build/server-modules.html`). */
export const SERVER_MODULES_FILE = "server-modules";
/** The global the server bundle assigns, in the lazy file or in a single-bundle build's Server.js. */
export const SERVER_GLOBAL = "KpiStewardServer";

let loaded: typeof Server | null = null;

/**
 * The server modules. Apps Script parses every .js file of the project on every execution, including
 * each custom-function call; keeping the menu, sidebar and scan code in an HTML file that only these
 * entry points read keeps that hot path to the custom functions' own code. A build made with
 * `KPI_STEWARD_SINGLE_BUNDLE=1` ships the same code as Server.js instead, and this returns its global.
 */
export function serverModules(): typeof Server {
  if (loaded) return loaded;
  const global = globalThis as unknown as Record<string, unknown>;
  if (global[SERVER_GLOBAL]) {
    loaded = global[SERVER_GLOBAL] as typeof Server;
    return loaded;
  }
  const source = HtmlService.createHtmlOutputFromFile(SERVER_MODULES_FILE).getContent();
  // Evaluates our own build file, shipped with the project (never user or network content).
  loaded = new Function(`${source}\nreturn ${SERVER_GLOBAL};`)() as typeof Server;
  return loaded;
}
