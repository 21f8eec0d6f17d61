// Names review tabs `Review FY27 Q1 · <Account>` and CO reports `CO Report FY27 Q1 · <Account>` within Sheets' 100-character limit, without clashing with other tabs.

/** Sheets' limit on a tab name. */
export const MAX_TAB_NAME_LENGTH = 100;

const ELLIPSIS = "…";

/** The name prefix of a quarter's review tabs, e.g. `Review FY27 Q1 · `. */
export function reviewTabPrefix(quarterLabel: string): string {
  return `Review ${quarterLabel} · `;
}

/**
 * `prefix + account + suffix` in at most {@link MAX_TAB_NAME_LENGTH} characters (UTF-16 units, the
 * stricter count): a long account name is cut at a whole character and ends in `…`.
 */
function fitName(prefix: string, account: string, suffix: string): string {
  const room = MAX_TAB_NAME_LENGTH - prefix.length - suffix.length;
  const name = account.trim().replace(/\s+/g, " ");
  if (name.length <= room) return prefix + name + suffix;
  let fitted = "";
  for (const character of Array.from(name)) {
    if (fitted.length + character.length > room - ELLIPSIS.length) break;
    fitted += character;
  }
  return prefix + fitted.trimEnd() + ELLIPSIS + suffix;
}

/** The preferred tab name of an account's review: `Review FY27 Q1 · Department of …` (≤ 100 characters). */
export function reviewTabName(quarterLabel: string, account: string): string {
  return fitName(reviewTabPrefix(quarterLabel), account, "");
}

/**
 * A review tab name that no other tab uses (Sheets compares names without regard to case): the
 * preferred name, else the same with ` (2)`, ` (3)` … still within 100 characters. Two accounts
 * whose long names cut to the same text therefore get distinct tabs.
 */
export function uniqueReviewTabName(
  quarterLabel: string,
  account: string,
  takenNames: readonly string[],
): string {
  return uniqueName(reviewTabPrefix(quarterLabel), account, takenNames);
}

/** The name prefix of a quarter's CO reports, e.g. `CO Report FY27 Q1 · `. */
export function coReportTabPrefix(quarterLabel: string): string {
  return `CO Report ${quarterLabel} · `;
}

/** A CO report tab name no other tab uses, like {@link uniqueReviewTabName}: `CO Report FY27 Q1 · <Account>`. */
export function uniqueCoReportTabName(
  quarterLabel: string,
  account: string,
  takenNames: readonly string[],
): string {
  return uniqueName(coReportTabPrefix(quarterLabel), account, takenNames);
}

function uniqueName(prefix: string, account: string, takenNames: readonly string[]): string {
  const taken = new Set(takenNames.map((name) => name.toLowerCase()));
  for (let attempt = 1; ; attempt += 1) {
    const candidate = fitName(prefix, account, attempt === 1 ? "" : ` (${attempt})`);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
