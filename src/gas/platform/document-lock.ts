// The one document lock of every KPI Steward command that writes: one wait, the holder recorded, null handled.

/** How long any command waits for another one to finish (a sidebar call waits as long as a scan). */
const DOCUMENT_LOCK_WAIT_MS = 30_000;

/** Document Property naming the command that holds the lock, so that a command kept waiting can say who. */
const LOCK_HOLDER_PROPERTY = "KPI_STEWARD_LOCK_HOLDER";

/** A command that takes the document lock: its kind and how its own messages name it. */
export interface LockedCommand {
  kind: "scan" | "save" | "setup" | "review";
  /** How its messages start: "Scan", "Save values", "Setup workbook", "generateReviewTab". */
  action: string;
}

/** What the holder record says, as JSON in {@link LOCK_HOLDER_PROPERTY}. */
interface HolderRecord {
  kind: LockedCommand["kind"];
  action: string;
  /** ISO instant the holder took the lock. */
  since: string;
}

/** The result of running a command under the lock. */
export type DocumentLockResult<T> =
  | { status: "done"; value: T }
  /** Another execution kept the lock for the whole wait; `holder` says which command, when recorded. */
  | { status: "held"; holder: string; message: string }
  /** `LockService.getDocumentLock()` returned null: no document context for this execution. */
  | { status: "unavailable"; message: string };

/**
 * Runs `work` holding the document lock so that no two KPI Steward commands write the workbook at once.
 * Waits up to {@link DOCUMENT_LOCK_WAIT_MS}; records which command holds the lock in a Document Property
 * while it does; flushes pending writes before letting go. `work`'s own errors pass through (the lock
 * is released). When the lock stays held, or Apps Script gives no document lock (documented to return
 * null outside a document's context), `work` does not run and the result says why.
 */
export function runUnderDocumentLock<T>(command: LockedCommand, work: () => T): DocumentLockResult<T> {
  const lock = LockService.getDocumentLock();
  if (!lock)
    return {
      status: "unavailable",
      message:
        `${command.action}: Apps Script gave this run no document lock (it happens when the code runs ` +
        "outside the spreadsheet), so it could not make sure no other KPI Steward command writes at the " +
        "same time; nothing was changed. Run it again from the spreadsheet's Extensions › KPI Steward menu.",
    };
  if (!lock.tryLock(DOCUMENT_LOCK_WAIT_MS)) {
    const holder = describeHolder(readHolder());
    return {
      status: "held",
      holder,
      message:
        `${command.action}: ${holder} is still running in this spreadsheet after ` +
        `${DOCUMENT_LOCK_WAIT_MS / 1000} s; nothing was changed, try again in a minute.`,
    };
  }
  try {
    writeHolder(command);
    const value = work();
    SpreadsheetApp.flush();
    return { status: "done", value };
  } finally {
    try {
      clearHolder();
    } finally {
      lock.releaseLock();
    }
  }
}

/**
 * {@link runUnderDocumentLock} for commands that answer with an error: returns `work`'s value, or logs
 * and throws an error whose message says why the command did not run and that nothing changed.
 */
export function withDocumentLock<T>(command: LockedCommand, work: () => T): T {
  const result = runUnderDocumentLock(command, work);
  if (result.status === "done") return result.value;
  Logger.log(`KPI Steward: ${result.message}`);
  throw new Error(result.message);
}

/** "a scan (started 3 min ago)", "a sidebar save (Save values, started just now)", … */
function describeHolder(record: HolderRecord | null): string {
  if (!record) return "another KPI Steward command";
  const minutes = Math.floor((Date.now() - Date.parse(record.since)) / 60_000);
  const started = minutes >= 1 ? `started ${minutes} min ago` : "started just now";
  switch (record.kind) {
    case "scan":
      return `a scan (${started})`;
    case "save":
      return `a sidebar save (${record.action}, ${started})`;
    case "setup":
      return `Setup workbook (${started})`;
    case "review":
      return `a review tab being generated (${started})`;
  }
}

function readHolder(): HolderRecord | null {
  try {
    const text = PropertiesService.getDocumentProperties()?.getProperty(LOCK_HOLDER_PROPERTY) ?? null;
    const record = text ? (JSON.parse(text) as HolderRecord) : null;
    return record && typeof record.kind === "string" && typeof record.since === "string" ? record : null;
  } catch (_error) {
    return null;
  }
}

// The holder record only improves a message: failing to write or clear it must not stop the command.
function writeHolder(command: LockedCommand): void {
  try {
    const record: HolderRecord = {
      kind: command.kind,
      action: command.action,
      since: new Date().toISOString(),
    };
    PropertiesService.getDocumentProperties()?.setProperty(LOCK_HOLDER_PROPERTY, JSON.stringify(record));
  } catch (_error) {
    // See above.
  }
}

function clearHolder(): void {
  try {
    PropertiesService.getDocumentProperties()?.deleteProperty(LOCK_HOLDER_PROPERTY);
  } catch (_error) {
    // See above.
  }
}
