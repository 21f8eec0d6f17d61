// Reads the OAuth scopes of a built project's appsscript.json, the manifest `clasp push` sends.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The `oauthScopes` of `<folder>/appsscript.json`, or null when the folder has no manifest or the
 * manifest lists no scopes (Apps Script then detects scopes itself: nothing to enforce).
 */
export function readManifestScopes(folder: string): string[] | null {
  const path = join(folder, "appsscript.json");
  if (!existsSync(path)) return null;
  const manifest = JSON.parse(readFileSync(path, "utf8")) as { oauthScopes?: unknown };
  const scopes = manifest.oauthScopes;
  if (!Array.isArray(scopes)) return null;
  if (!scopes.every((scope) => typeof scope === "string"))
    throw new Error(`readManifestScopes: ${path}: oauthScopes must be a list of scope URLs`);
  return scopes;
}
