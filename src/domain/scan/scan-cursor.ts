// Where a pass over the account tabs got to when a run ran out of time: the tabs done and the accounts they hold.

/** An account tab scanned earlier in the pass: [account, sheet id, tab name, owner email]. */
export type CursorAccount = [account: string, sheetId: number, tabName: string, ownerEmail: string];

/** A pass that an earlier run started and ran out of time on (Document Property `KPI_STEWARD_SCAN_CURSOR`). */
export interface ScanCursor {
  v: 1;
  /** ISO instant the pass started. */
  startedAt: string;
  /** Sheet ids of the tabs already read in this pass. */
  done: number[];
  /** Account tabs scanned in this pass. */
  accounts: CursorAccount[];
}

function isCursorAccount(item: unknown): item is CursorAccount {
  return (
    Array.isArray(item) &&
    item.length === 4 &&
    typeof item[0] === "string" &&
    typeof item[1] === "number" &&
    typeof item[2] === "string" &&
    typeof item[3] === "string"
  );
}

/**
 * Reads a stored cursor; `null` when there is none or it cannot be read (the next run then starts a
 * new pass). Entries that are not a sheet id or an account tuple are left out.
 */
export function decodeScanCursor(text: string | null | undefined): ScanCursor | null {
  if (!text) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (_error) {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const cursor = data as Partial<Record<keyof ScanCursor, unknown>>;
  if (cursor.v !== 1 || !Array.isArray(cursor.done) || !Array.isArray(cursor.accounts)) return null;
  return {
    v: 1,
    startedAt: typeof cursor.startedAt === "string" ? cursor.startedAt : "",
    done: cursor.done.filter((id): id is number => typeof id === "number" && Number.isFinite(id)),
    accounts: cursor.accounts.filter(isCursorAccount),
  };
}

/** The cursor a run that ran out of time leaves: the pass's start, every tab done, every account scanned. */
export function nextScanCursor(
  previous: ScanCursor | null,
  startedAt: Date,
  done: Iterable<number>,
  accounts: Iterable<{ account: string; sheetId: number; tabName: string; ownerEmail: string }>,
): ScanCursor {
  return {
    v: 1,
    startedAt: previous?.startedAt || startedAt.toISOString(),
    done: [...new Set(done)],
    accounts: [...accounts].map((a) => [a.account, a.sheetId, a.tabName, a.ownerEmail]),
  };
}
