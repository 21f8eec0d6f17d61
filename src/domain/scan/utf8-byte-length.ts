// The size of a text in UTF-8 bytes, as MailApp measures a body (Apps Script V8 has no TextEncoder).

/**
 * Bytes `text` takes in UTF-8: 1 for ASCII, 2 up to U+07FF, 3 for the rest of the Basic
 * Multilingual Plane, 4 for a surrogate pair (an unpaired surrogate counts 3, as its replacement
 * character would).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
