// A google.script.run stand-in injected into the page: each call goes to the built Code.js through a Playwright binding.

/** Name of the page binding the shim calls: `(name, argsJson) => Promise<answerJson>`. */
export const BRIDGE_BINDING = "__kpiStewardServerCall";

/**
 * Source of the init script that defines `google.script.run` in the page. Like the real one, each
 * runner is immutable (`withSuccessHandler` returns a new runner), handlers get the user object as
 * their second argument, calls finish asynchronously, and a `Date`, function or DOM node argument
 * is refused (Apps Script cannot pass them; the sidebar must send ISO strings).
 */
export function scriptRunShimSource(): string {
  return `(() => {
  const binding = ${JSON.stringify(BRIDGE_BINDING)};
  const refuse = (value, path) => {
    if (value === null || value === undefined) return;
    const kind = Object.prototype.toString.call(value);
    if (kind === "[object Date]") throw new TypeError("google.script.run: a Date cannot be passed (" + path + "); send an ISO string");
    if (typeof value === "function") throw new TypeError("google.script.run: a function cannot be passed (" + path + ")");
    if (typeof Node !== "undefined" && value instanceof Node && !(value instanceof HTMLFormElement))
      throw new TypeError("google.script.run: a DOM node cannot be passed (" + path + ")");
    if (typeof value === "object") for (const key of Object.keys(value)) refuse(value[key], path + "." + key);
  };
  const makeRunner = (success, failure, userObject) => {
    const base = {
      withSuccessHandler: (fn) => makeRunner(fn, failure, userObject),
      withFailureHandler: (fn) => makeRunner(success, fn, userObject),
      withUserObject: (obj) => makeRunner(success, failure, obj),
    };
    return new Proxy(base, {
      get(target, name) {
        if (name in target) return target[name];
        if (typeof name !== "string" || name === "then") return undefined;
        return (...args) => {
          args.forEach((arg, index) => refuse(arg, name + " argument " + (index + 1)));
          window[binding](name, JSON.stringify(args)).then(
            (answer) => {
              const reply = JSON.parse(answer);
              if (reply.ok) { if (success) success(reply.value, userObject); }
              else if (failure) failure(new Error(reply.message), userObject);
            },
            (error) => { if (failure) failure(new Error(String(error && error.message || error)), userObject); },
          );
        };
      },
    });
  };
  window.google = { script: { run: makeRunner(null, null, undefined), host: { close() {}, editor: { focus() {} } } } };
})();`;
}
