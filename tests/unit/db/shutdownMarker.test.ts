// A large file's full check runs in the background only when it is due (issue 19): after an
// unclean shutdown (the state file beside the database still says "open"), on schedule, or when it
// has never been checked; a clean close and a recent check mean no check at the next open.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../../../db/session.ts';
import { FULL_CHECK_INTERVAL_DAYS, markClosed, markOpened, stateFileFor } from '../../../db/maintenance/shutdownMarker.ts';
import { seedDemoMunicipality } from '../../../db/demo/seedDemo.ts';
import { migrationsFolder, openTempDatabase, tempDbFile } from '../../helpers/db.ts';
import { projectRoot } from '../../helpers/server.ts';

function databaseFile(): string {
  const file = tempDbFile();
  openTempDatabase(file).sqlite.close();
  return file;
}

/** Opens the file as the app does, with every file counted as large (checked in the background). */
function open(file: string): Session {
  return new Session({ ownFile: file, migrationsFolder, seedDemo: seedDemoMunicipality, fullCheckAtOpenMaxBytes: 0 });
}

const state = (file: string) => JSON.parse(fs.readFileSync(stateFileFor(file), 'utf8')) as { open: boolean; lastFullCheck: string | null };
const today = () => new Date().toISOString().slice(0, 10);

describe('the unclean-shutdown marker', () => {
  it('checks a never-checked file, not after a clean close, and again after a crash', { timeout: 60_000 }, async () => {
    const file = databaseFile();

    const first = open(file);
    expect(first.fullCheckReason).toBe('never_checked');
    expect(state(file).open).toBe(true);
    await first.backgroundCheckDone();
    expect(state(file)).toEqual({ open: true, lastFullCheck: today() });
    first.close();
    expect(state(file)).toEqual({ open: false, lastFullCheck: today() });

    const afterCleanClose = open(file);
    expect(afterCleanClose.fullCheckReason).toBeNull();
    afterCleanClose.close();

    // A real process opens the file and is killed without closing it.
    const child = spawnSync(process.execPath, [path.join(projectRoot, 'tests', 'helpers', 'crashChild.ts'), file], { encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    expect(state(file).open).toBe(true);

    const afterCrash = open(file);
    expect(afterCrash.fullCheckReason).toBe('unclean_shutdown');
    await afterCrash.backgroundCheckDone();
    expect(afterCrash.databaseProblem).toBeNull();
    // The crashed process's committed write survived (WAL), and the file is writable.
    expect(afterCrash.db.sqlite.prepare("SELECT name FROM operating_areas WHERE id = 'crash'").pluck().get()).toBe('Kraschområde');
    expect(afterCrash.readOnly).toBe(false);
    afterCrash.close();
    const afterCheck = open(file);
    expect(afterCheck.fullCheckReason).toBeNull();
    afterCheck.close();
  });

  it('is due on schedule, and after a state file that cannot be read', () => {
    const file = path.join(path.dirname(tempDbFile()), 'schedule.db');
    const now = new Date('2026-12-02T10:00:00Z');
    expect(markOpened(file, now)).toBe('never_checked');
    markClosed(file);
    fs.writeFileSync(stateFileFor(file), JSON.stringify({ open: false, lastFullCheck: '2026-11-26' }));
    expect(markOpened(file, now)).toBeNull(); // six days ago
    markClosed(file);
    fs.writeFileSync(stateFileFor(file), JSON.stringify({ open: false, lastFullCheck: '2026-11-25' }));
    expect(FULL_CHECK_INTERVAL_DAYS).toBe(7);
    expect(markOpened(file, now)).toBe('scheduled'); // seven days ago
    fs.writeFileSync(stateFileFor(file), '{"open": fa'); // a crash while it was written
    expect(markOpened(file, now)).toBe('unclean_shutdown');
  });
});
