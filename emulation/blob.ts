// Blob: bytes with a content type and a name (Utilities.newBlob), as far as mail attachments need.
import type { EmulationContext } from "./emulation-context";

/** Java-style signed bytes of a buffer. */
function toSignedBytes(buffer: Buffer): number[] {
  return [...buffer].map((byte) => (byte > 127 ? byte - 256 : byte));
}

/** Bytes from text or from signed/unsigned byte numbers. */
export function toBuffer(data: string | number[] | Uint8Array): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  return Buffer.from(Array.from(data, (byte) => byte & 0xff));
}

/** The emulated `Blob`. */
export class Blob {
  private bytes: Buffer;

  constructor(
    readonly ctx: EmulationContext,
    data: string | number[] | Uint8Array,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = toBuffer(data);
  }

  /** The content as UTF-8 text. */
  getDataAsString(): string {
    return this.bytes.toString("utf8");
  }

  /** The content as Java-style signed bytes. */
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  /** Replaces the content with text. */
  setDataFromString(text: string): Blob {
    this.bytes = Buffer.from(String(text), "utf8");
    return this;
  }

  /** The content type, or null. */
  getContentType(): string | null {
    return this.contentType;
  }

  /** Sets the content type. */
  setContentType(contentType: string): Blob {
    this.contentType = String(contentType);
    return this;
  }

  /** The name, or null. */
  getName(): string | null {
    return this.name;
  }

  /** Sets the name. */
  setName(name: string): Blob {
    this.name = String(name);
    return this;
  }

  /** A copy. */
  copyBlob(): Blob {
    return new Blob(this.ctx, this.bytes, this.contentType, this.name);
  }
}
