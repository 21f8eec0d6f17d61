// Splits long property values over several keys (9 KB a value in Apps Script) and joins them back.

/** Characters per stored piece: under 9 KB once the text is pure ASCII. */
export const PROPERTY_CHUNK_CHARS = 8000;

/** JSON text with every non-ASCII character escaped, so its length in characters is its size in bytes. */
export function asciiJson(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The key of a piece: the key itself for the first, `key~2`, `key~3`… after. */
export function chunkKey(key: string, index: number): string {
  return index === 0 ? key : `${key}~${index + 1}`;
}

/** The pieces to store for `text` under `key`, keyed by property name. */
export function splitIntoChunks(
  key: string,
  text: string,
  size = PROPERTY_CHUNK_CHARS,
): Record<string, string> {
  const ascii = asciiJson(text);
  const pieces: Record<string, string> = {};
  for (let index = 0, start = 0; start < ascii.length || index === 0; index += 1, start += size)
    pieces[chunkKey(key, index)] = ascii.slice(start, start + size);
  return pieces;
}

/** Joins the pieces of `key` from a store snapshot; `null` when the key is absent. */
export function joinChunks(store: Readonly<Record<string, string>>, key: string): string | null {
  if (store[key] === undefined) return null;
  let text = "";
  for (let index = 0; store[chunkKey(key, index)] !== undefined; index += 1)
    text += store[chunkKey(key, index)];
  return text;
}

/** Every piece key of `key` present in a store snapshot. */
export function chunkKeysIn(store: Readonly<Record<string, string>>, key: string): string[] {
  const keys: string[] = [];
  for (let index = 0; store[chunkKey(key, index)] !== undefined; index += 1) keys.push(chunkKey(key, index));
  return keys;
}
