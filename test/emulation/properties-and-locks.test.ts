// PropertiesService keeps real stores within Google's limits; LockService contends with another execution.
import { describe, expect, it } from "vitest";
import { createGasEnvironment, type GasEnvironment } from "../../emulation/index";

/** The document lock, which a spreadsheet-bound execution always gets. */
function documentLock(env: GasEnvironment) {
  const lock = env.globals.LockService.getDocumentLock();
  if (!lock) throw new Error("expected a document lock");
  return lock;
}

describe("PropertiesService", () => {
  it("keeps each store separate and hands values back as strings", () => {
    const env = createGasEnvironment();
    const { PropertiesService } = env.globals;
    PropertiesService.getDocumentProperties().setProperty("cursor", 42 as unknown as string);
    PropertiesService.getScriptProperties().setProperties({ a: "1", b: "2" });
    expect(PropertiesService.getDocumentProperties().getProperty("cursor")).toBe("42");
    expect(PropertiesService.getUserProperties().getProperty("cursor")).toBeNull();
    expect(PropertiesService.getScriptProperties().getKeys().sort()).toEqual(["a", "b"]);
    expect(env.properties.document.get("cursor")).toBe("42");
    PropertiesService.getScriptProperties().setProperties({ c: "3" }, true);
    expect(env.properties.script.entries()).toEqual({ c: "3" });
    PropertiesService.getScriptProperties().deleteProperty("c");
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual({});
  });

  it("refuses a value over 9 KB with Google's message and keeps the old value", () => {
    const env = createGasEnvironment();
    const props = env.globals.PropertiesService.getDocumentProperties();
    props.setProperty("big", "x".repeat(9 * 1024));
    expect(() => props.setProperty("big", "y".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    expect(props.getProperty("big")).toHaveLength(9 * 1024);
  });

  it("refuses to grow a store past 500 KB with Google's message", () => {
    const env = createGasEnvironment();
    const props = env.globals.PropertiesService.getScriptProperties();
    let written = 0;
    expect(() => {
      for (;;) {
        props.setProperty(`k${written}`, "v".repeat(9000));
        written++;
      }
    }).toThrow("You have exceeded the property storage quota. Please remove some properties and try again.");
    expect(written).toBe(Math.floor((500 * 1024) / 9003));
    expect(env.properties.script.bytesUsed()).toBeLessThanOrEqual(500 * 1024);
    props.setProperty("k0", "small");
    expect(props.getProperty("k0")).toBe("small");
  });
});

describe("LockService", () => {
  it("gives the lock when nobody holds it and reports holding it", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    const lock = documentLock(env);
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(env.lock.holderOf("document")).toBeNull();
  });

  it("tryLock returns false after waiting when another execution holds the lock", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    env.lock.holdDocumentLock();
    const before = env.now().getTime();
    expect(documentLock(env).tryLock(5000)).toBe(false);
    expect(env.now().getTime() - before).toBe(5000);
    expect(env.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it("waitLock throws Google's timeout message while another execution holds the lock", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    env.lock.holdDocumentLock();
    expect(() => documentLock(env).waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
  });

  it("waitLock succeeds once the other execution lets go within the timeout", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    env.lock.holdDocumentLock({ releaseAfterMs: 2000 });
    const lock = documentLock(env);
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(env.now().toISOString()).toBe("2026-10-01T07:00:02.000Z");
  });

  it("returns no document lock outside a document's context", () => {
    const env = createGasEnvironment();
    env.lock.documentLockAvailable = false;
    expect(env.globals.LockService.getDocumentLock()).toBeNull();
    expect(env.globals.LockService.getScriptLock()).not.toBeNull();
  });

  it("makes a second execution wait for the lock the paused first one holds, then frees what it took", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    const first = documentLock(env);
    expect(first.tryLock(0)).toBe(true);
    const inSecond = env.lock.inAnotherExecution(() => {
      const second = documentLock(env);
      const got = second.tryLock(30_000);
      const script = env.globals.LockService.getScriptLock();
      script.tryLock(0);
      return { got, holder: env.lock.holderOf("document"), script: env.lock.holderOf("script") };
    });
    expect(inSecond).toEqual({ got: false, holder: "other", script: "current" });
    expect(env.now().toISOString()).toBe("2026-10-01T07:00:30.000Z");
    expect(env.lock.holderOf("document")).toBe("current");
    expect(env.lock.holderOf("script")).toBeNull();
    first.releaseLock();
    expect(env.lock.holderOf("document")).toBeNull();
  });
});
