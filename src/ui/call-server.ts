// Calls a server function through google.script.run as a typed promise, for the sidebar and the review dialog alike.
import type * as Server from "../index";

/** The server functions the browser may call (src/index.ts), with their parameter and answer types. */
export type ServerApi = Pick<
  typeof Server,
  | "sidebarState"
  | "checkCondition"
  | "loadKpiDefinition"
  | "saveKpiDefinition"
  | "loadValuesForm"
  | "saveValues"
  | "loadReviewForm"
  | "saveReviewOutcomes"
  | "loadIncidents"
  | "saveIncident"
  | "listEscalations"
  | "updateEscalation"
  | "reviewDialogOptions"
  | "generateReviewTab"
>;

/** A server function's name. */
export type ServerCall = keyof ServerApi;

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/**
 * Calls server function `name` with `args` (plain JSON, dates as ISO strings); resolves with its
 * answer, rejects with an Error carrying the server's message.
 */
export function callServer<N extends ServerCall>(
  name: N,
  ...args: Parameters<ServerApi[N]>
): Promise<ReturnType<ServerApi[N]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === "undefined" || !google.script || !google.script.run) {
      reject(new Error("This panel is not connected to the spreadsheet (google.script.run is missing)."));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[N]>))
      .withFailureHandler((error) => reject(toError(error)));
    const fn = runner[name];
    if (typeof fn !== "function") {
      reject(new Error(`The server has no function ${name}.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** An Error from whatever the failure handler received (Apps Script passes an Error-like object). */
export function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (error && typeof error === "object" && "message" in error) return new Error(String(error.message));
  return new Error(String(error));
}
