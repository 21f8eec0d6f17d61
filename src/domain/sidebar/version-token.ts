// A short fingerprint of what a form was loaded from, so a save notices a concurrent change.

/** FNV-1a hash of the JSON of `value`, as 8 hex digits (not security, just change detection). */
export function versionToken(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
