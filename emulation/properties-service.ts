// PropertiesService: document, script and user property stores with Apps Script's size limits.
import type { EmulationContext } from "./emulation-context";

/** Largest property value, in bytes (9 KB). */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
/** Largest total of keys and values in one store, in bytes (500 KB). */
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

const byteLength = (text: string) => Buffer.byteLength(text, "utf8");

/** One property store's data (emulation side; reading it here is not counted). */
export class PropertyStore {
  private readonly map = new Map<string, string>();

  /** A value, or null. */
  get(key: string): string | null {
    return this.map.get(key) ?? null;
  }

  /** Sets values directly, without the limits (for seeding tests). */
  seed(values: Record<string, string>): void {
    for (const [key, value] of Object.entries(values)) this.map.set(key, String(value));
  }

  /** Every key and value. */
  entries(): Record<string, string> {
    return Object.fromEntries(this.map);
  }

  /** Keys plus values, in UTF-8 bytes. */
  bytesUsed(): number {
    let total = 0;
    for (const [key, value] of this.map) total += byteLength(key) + byteLength(value);
    return total;
  }

  /** Removes everything. */
  clear(): void {
    this.map.clear();
  }

  /** Applies changes after checking the limits; throws Apps Script's errors and changes nothing then. */
  apply_(ctx: EmulationContext, changes: Record<string, string>, deleteOthers: boolean): void {
    for (const value of Object.values(changes))
      if (byteLength(value) > MAX_PROPERTY_VALUE_BYTES) throw ctx.error("Argument too large: value");
    const next = new Map(deleteOthers ? [] : this.map);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    let total = 0;
    for (const [key, value] of next) total += byteLength(key) + byteLength(value);
    if (total > MAX_PROPERTY_STORE_BYTES)
      throw ctx.error(
        "You have exceeded the property storage quota. Please remove some properties and try again.",
      );
    this.map.clear();
    for (const [key, value] of next) this.map.set(key, value);
  }

  /** Deletes one key. */
  delete_(key: string): void {
    this.map.delete(key);
  }
}

/** The emulated `Properties`: a view of one store. Values are always strings. */
export class Properties {
  constructor(
    readonly ctx: EmulationContext,
    private readonly store: PropertyStore,
  ) {}

  /** The value, or null when the key is not set. */
  getProperty(key: string): string | null {
    return this.store.get(String(key));
  }

  /** Sets a value (converted to text); throws past 9 KB a value or 500 KB a store. */
  setProperty(key: string, value: unknown): Properties {
    this.store.apply_(this.ctx, { [String(key)]: String(value) }, false);
    return this;
  }

  /** Sets several values at once, optionally deleting every other key. */
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    const changes: Record<string, string> = {};
    for (const [key, value] of Object.entries(properties ?? {})) changes[key] = String(value);
    this.store.apply_(this.ctx, changes, Boolean(deleteAllOthers));
    return this;
  }

  /** A copy of every key and value. */
  getProperties(): Record<string, string> {
    return this.store.entries();
  }

  /** Every key. */
  getKeys(): string[] {
    return Object.keys(this.store.entries());
  }

  /** Deletes a key. */
  deleteProperty(key: string): Properties {
    this.store.delete_(String(key));
    return this;
  }

  /** Deletes every key. */
  deleteAllProperties(): Properties {
    this.store.clear();
    return this;
  }
}

/** The three stores of an environment. */
export interface PropertyStores {
  document: PropertyStore;
  script: PropertyStore;
  user: PropertyStore;
}

/** The emulated `PropertiesService`. */
export class PropertiesService {
  constructor(
    readonly ctx: EmulationContext,
    private readonly stores: PropertyStores,
  ) {}

  /** Properties of this document (shared by its users). */
  getDocumentProperties(): Properties {
    return new Properties(this.ctx, this.stores.document);
  }

  /** Properties of the script (shared by every user). */
  getScriptProperties(): Properties {
    return new Properties(this.ctx, this.stores.script);
  }

  /** Properties of the current user. */
  getUserProperties(): Properties {
    return new Properties(this.ctx, this.stores.user);
  }
}
