// PropertiesService keeps real stores within Google's limits; LockService contends with another execution.
import { describe, expect, it } from "vitest";
import { createGasEnvironment } from "../../emulation/index";

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
    const lock = env.globals.LockService.getDocumentLock();
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
    expect(env.globals.LockService.getDocumentLock().tryLock(5000)).toBe(false);
    expect(env.now().getTime() - before).toBe(5000);
    expect(env.globals.LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it("waitLock throws Google's timeout message while another execution holds the lock", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    env.lock.holdDocumentLock();
    expect(() => env.globals.LockService.getDocumentLock().waitLock(30_000)).toThrow(
      "Lock timeout: another process was holding the lock for too long.",
    );
  });

  it("waitLock succeeds once the other execution lets go within the timeout", () => {
    const env = createGasEnvironment({ now: "2026-10-01T07:00:00Z" });
    env.lock.holdDocumentLock({ releaseAfterMs: 2000 });
    const lock = env.globals.LockService.getDocumentLock();
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(env.now().toISOString()).toBe("2026-10-01T07:00:02.000Z");
  });
});
