// Reads the Roles tab: who plays each role that Escalation Rules › Escalate to may name (one row per person).
import type { CellValue } from "../cell-value";
import { describeValue, isBlank } from "../cell-value";
import { normalizeHeader, ROLES_COLUMNS, ROLES_TAB } from "../workbook-schema";
import { isEmailAddress } from "./email-address";
import { cellText } from "./read-cells";
import { readTable } from "./read-table";
import type { WorkbookProblem } from "./workbook-problem";
import { isWorkbookProblem, problemAt } from "./workbook-problem";

/** The Roles tab as read: each role (by {@link normalizeHeader} key) with its name and people's emails. */
export interface ParsedRoles {
  /** Role key → the role as typed first and every valid email listed for it (possibly none). */
  roles: Map<string, { role: string; emails: string[] }>;
  /** Rows whose Email is not an address (the row is left out of routing, never guessed). */
  problems: WorkbookProblem[];
}

/**
 * Reads the Roles tab (`values` from `getValues()`, header row first). A row with a role and a blank
 * email lists the role with nobody yet; an email that is not an address is reported and not used.
 */
export function parseRoles(values: readonly CellValue[][]): ParsedRoles | WorkbookProblem {
  const table = readTable(ROLES_TAB, values, ROLES_COLUMNS);
  if (isWorkbookProblem(table)) return table;
  const roles: ParsedRoles["roles"] = new Map();
  const problems: WorkbookProblem[] = [];
  for (const row of table.rows) {
    const role = cellText(row.value("Role"));
    if (role === "") continue;
    const key = normalizeHeader(role);
    const entry = roles.get(key) ?? { role, emails: [] };
    roles.set(key, entry);
    const emailCell = row.value("Email");
    if (isBlank(emailCell)) continue;
    const email = cellText(emailCell);
    if (!isEmailAddress(email)) {
      problems.push(
        problemAt(
          ROLES_TAB,
          row.row,
          `Email ${describeValue(emailCell)} in ${row.address("Email")} for "${role}" is not an email address; ` +
            "nobody is told through this row",
        ),
      );
      continue;
    }
    if (!entry.emails.some((known) => known.toLowerCase() === email.toLowerCase())) entry.emails.push(email);
  }
  return { roles, problems };
}
