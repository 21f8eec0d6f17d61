// Wraps the public methods of an emulated service class so that each call is counted as "Service.method".

/** What a wrapped method calls: the environment checks permission, counts, then runs the method. */
export interface ServiceCallRouter {
  callService(
    service: string,
    method: string,
    body: (...args: unknown[]) => unknown,
    self: unknown,
    args: unknown[],
  ): unknown;
}

/** An emulated service object: it reaches its environment through `ctx`. */
export interface CountedService {
  readonly ctx: ServiceCallRouter;
}

/** Any class whose instances carry a counter (constructor arguments vary). */
// biome-ignore lint/suspicious/noExplicitAny: constructors of every service class
export type ServiceClass = abstract new (...args: any[]) => CountedService;

const instrumented = new WeakSet<object>();

/**
 * Replaces every public method on `serviceClass.prototype` (not the constructor, not names that start or
 * end with `_`, not `toString`) with a wrapper that routes the call through the instance's environment,
 * which counts it as `${serviceName}.${method}`.
 * Idempotent: a class is wrapped once however many environments are created.
 */
export function countCalls(serviceClass: ServiceClass, serviceName: string): void {
  const prototype = serviceClass.prototype as Record<string, unknown>;
  if (instrumented.has(prototype)) return;
  instrumented.add(prototype);
  for (const key of Object.getOwnPropertyNames(prototype)) {
    if (key === "constructor" || key === "toString" || key.startsWith("_") || key.endsWith("_")) continue;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if (!descriptor || typeof descriptor.value !== "function") continue;
    const method = descriptor.value as (...args: unknown[]) => unknown;
    const wrapper = function (this: CountedService, ...args: unknown[]): unknown {
      return this.ctx.callService(serviceName, key, method, this, args);
    };
    Object.defineProperty(wrapper, "name", { value: key });
    Object.defineProperty(prototype, key, { ...descriptor, value: wrapper });
  }
}
