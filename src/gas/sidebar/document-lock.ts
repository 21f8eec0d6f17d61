// Runs a sidebar write under the document lock so concurrent saves queue instead of losing rows.

/** How long a save waits for another save to finish, in milliseconds. */
export const LOCK_WAIT_MS = 10_000;

/**
 * Runs `work` holding the document lock, flushing before release. When another save holds the
 * lock for longer than {@link LOCK_WAIT_MS}, throws a message saying nothing was saved.
 */
export function withDocumentLock<T>(what: string, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error(`${what}: no document lock is available (open the sidebar from a spreadsheet).`);
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error(
      `${what}: another save in this spreadsheet is still running after ${LOCK_WAIT_MS / 1000} s; nothing was saved, try again.`,
    );
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
