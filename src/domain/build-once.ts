// Deferred module-level values: built on first use, so loading the bundle (every custom-function call) does not pay for them.

/**
 * A function that returns `build()`'s result, building it on the first call and keeping it. For
 * module-level tables and schemas whose construction is real work: Apps Script loads the whole
 * project on every execution, custom-function cells included, so a value only some entry points need
 * is built when they first ask for it.
 */
export function buildOnce<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => {
    if (built === null) built = { value: build() };
    return built.value;
  };
}
