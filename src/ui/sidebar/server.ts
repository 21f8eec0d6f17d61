// Calls a server function through google.script.run as a promise (arguments and answers are plain JSON).

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/** Calls server function `name` with `args`; rejects with an Error carrying the server's message. */
export function callServer<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (typeof google === "undefined" || !google.script || !google.script.run) {
      reject(new Error("The sidebar is not connected to the spreadsheet (google.script.run is missing)."));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
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
