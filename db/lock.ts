// One writer per database file: a `<db>.lock` file created with O_EXCL, holding who opened it.
// A lock left by a crashed process on this computer (its pid is gone) is taken over.
import fs from 'node:fs';
import os from 'node:os';
import { DatabaseOpenError, fileSystemOpenError } from './open.ts';

export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  startedAt: string;
}

/** The Swedish explanation shown when the lock is held: who, where, since when, and the way out. */
export function lockedMessage(lockFile: string, holder: LockHolder | null): string {
  const where = holder
    ? holder.host === os.hostname()
      ? `av ett annat Kvalitetsnavet på den här datorn (process ${holder.pid}, användare ${holder.user || 'okänd'}, sedan ${holder.startedAt})`
      : `på datorn ${holder.host} (användare ${holder.user || 'okänd'}, sedan ${holder.startedAt})`
    : 'av ett annat program';
  return (
    `Databasen används redan ${where}. Två program får inte skriva i samma fil samtidigt. ` +
    `Stäng det andra programmet först. Är du säker på att det inte körs kan du ta bort låsfilen ${lockFile}.`
  );
}

function lockedError(lockFile: string, holder: LockHolder | null): DatabaseOpenError {
  return new DatabaseOpenError('in_use', JSON.stringify(holder), lockedMessage(lockFile, holder));
}

export function lockFileFor(dbFile: string): string {
  return `${dbFile}.lock`;
}

function readHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, user: String(parsed.user ?? ''), startedAt: String(parsed.startedAt ?? '') };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stale = written on this host by a process that no longer runs, or unreadable (crash while writing). */
function isStale(holder: LockHolder | null): boolean {
  if (holder === null) return true;
  return holder.host === os.hostname() && holder.pid !== process.pid && !processAlive(holder.pid);
}

export interface DatabaseLock {
  readonly file: string;
  release(): void;
}

/** Takes the lock or throws DatabaseOpenError ('in_use', or 'no_access'). The lock file sits beside the database. */
export function acquireDatabaseLock(dbFile: string): DatabaseLock {
  const lockFile = lockFileFor(dbFile);
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    user: (() => {
      try {
        return os.userInfo().username;
      } catch {
        return '';
      }
    })(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return {
        file: lockFile,
        release: () => {
          if (released) return;
          released = true;
          const holder = readHolder(lockFile);
          if (holder?.pid === me.pid && holder.host === me.host && holder.startedAt === me.startedAt) {
            fs.rmSync(lockFile, { force: true });
          }
        },
      };
    } catch (error) {
      // A read-only folder (EACCES/EROFS) and the like end as a Swedish DatabaseOpenError, not a stack trace.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileSystemOpenError(error, dbFile) ?? error;
      const holder = readHolder(lockFile);
      if (attempt === 0 && isStale(holder)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      throw lockedError(lockFile, holder);
    }
  }
  throw lockedError(lockFile, readHolder(lockFile));
}
