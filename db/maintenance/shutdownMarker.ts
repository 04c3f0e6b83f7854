// When a large database file gets its full check (integrity_check and the audit log's count,
// fullCheck.ts): only after an unclean shutdown, on a schedule, or when it has never been checked —
// not at every open (issue 19: opening must not read in proportion to the file). A small JSON
// file beside the database, `<db>.state`, says whether the file is open (written at open, cleared
// at a clean close: still "open" at the next open means the app or the computer stopped without
// closing) and when it was last found whole. The session holds the database lock while it writes
// it, so only one process does. Anything unreadable counts as unclean: the check then runs.
import fs from 'node:fs';

/** A whole file is checked again after this many days even when every close was clean. */
export const FULL_CHECK_INTERVAL_DAYS = 7;

/** Why the full check runs at this open; null: it is not due. */
export type FullCheckReason = 'unclean_shutdown' | 'scheduled' | 'never_checked';

interface StateFile {
  open: boolean;
  /** yyyy-MM-dd of the last full check that found the file whole, or null. */
  lastFullCheck: string | null;
}

export function stateFileFor(dbFile: string): string {
  return `${dbFile}.state`;
}

function readState(dbFile: string): StateFile | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(stateFileFor(dbFile), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as Partial<StateFile>;
    if (typeof parsed.open !== 'boolean') return 'unreadable';
    return { open: parsed.open, lastFullCheck: typeof parsed.lastFullCheck === 'string' ? parsed.lastFullCheck : null };
  } catch {
    return 'unreadable'; // e.g. a crash while it was written
  }
}

function writeState(dbFile: string, state: StateFile): void {
  try {
    fs.writeFileSync(stateFileFor(dbFile), `${JSON.stringify(state)}\n`);
  } catch {
    // Not fatal: without the file the next open counts as unclean and checks the database.
  }
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Called when the own file has been opened (lock held): whether its full check is due, and why,
 * and marks the file open so that a crash before closeMarked is seen at the next open.
 */
export function markOpened(dbFile: string, now = new Date()): FullCheckReason | null {
  const state = readState(dbFile);
  writeState(dbFile, { open: true, lastFullCheck: typeof state === 'object' ? state.lastFullCheck : null });
  if (state === 'unreadable' || (typeof state === 'object' && state.open)) return 'unclean_shutdown';
  if (state === 'missing' || state.lastFullCheck === null) return 'never_checked';
  const due = new Date(`${state.lastFullCheck}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + FULL_CHECK_INTERVAL_DAYS);
  return Number.isNaN(due.getTime()) || isoDay(due) <= isoDay(now) ? 'scheduled' : null;
}

/** The full check found the open file whole today. */
export function markChecked(dbFile: string, now = new Date()): void {
  const state = readState(dbFile);
  writeState(dbFile, { open: typeof state === 'object' ? state.open : true, lastFullCheck: isoDay(now) });
}

/** A clean close: the next open need not check the file unless the schedule says so. */
export function markClosed(dbFile: string): void {
  const state = readState(dbFile);
  writeState(dbFile, { open: false, lastFullCheck: typeof state === 'object' ? state.lastFullCheck : null });
}
