// `clasp status --json` (offline, placeholder script ID) lists exactly the four files of build/, nothing else.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

describe("clasp deployment", () => {
  it("pushes exactly the files in build/", () => {
    const out = execFileSync(join(root, "node_modules", ".bin", "clasp"), ["status", "--json"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    const status = JSON.parse(out.slice(out.indexOf("{"))) as { filesToPush: string[] };
    const built = readdirSync(join(root, "build")).map((f) => `build/${f}`);
    expect([...status.filesToPush].sort()).toEqual(built.sort());
    expect(built).toContain("build/Code.js");
    expect(built).toContain("build/appsscript.json");
    // One script file and the two pages: the source map the build writes to out/ is never pushed.
    expect([...status.filesToPush].sort()).toEqual(
      ["build/Code.js", "build/appsscript.json", "build/review-dialog.html", "build/sidebar.html"].sort(),
    );
  });

  it("ships a V8 manifest with least-privilege scopes", () => {
    const manifest = JSON.parse(readFileSync(join(root, "build", "appsscript.json"), "utf8"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.exceptionLogging).toBe("STACKDRIVER");
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        "https://www.googleapis.com/auth/script.container.ui",
        "https://www.googleapis.com/auth/script.scriptapp",
        "https://www.googleapis.com/auth/script.send_mail",
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
        "https://www.googleapis.com/auth/userinfo.email",
      ].sort(),
    );
  });
});
