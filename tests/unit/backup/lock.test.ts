// The per-database lock file: exclusive, stale after a crash on this computer, respected across computers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDatabaseLock, lockFileFor } from '../../../db/lock.ts';
import { DatabaseOpenError } from '../../../db/open.ts';
import { tempDir } from '../../helpers/server.ts';

function refusal(file: string): DatabaseOpenError {
  try {
    acquireDatabaseLock(file);
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('expected the lock to be refused');
}

describe('acquireDatabaseLock', () => {
  it('is exclusive until released, and the release removes the file', () => {
    const file = path.join(tempDir(), 'kv.db');
    const lock = acquireDatabaseLock(file);
    expect(JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(refusal(file).kind).toBe('in_use');
    lock.release();
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
    acquireDatabaseLock(file).release();
  });

  it('takes over a lock left by a process on this computer that no longer runs', () => {
    const file = path.join(tempDir(), 'kv.db');
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), user: 'anna', startedAt: '2026-11-23T08:00:00.000Z' }));
    const lock = acquireDatabaseLock(file);
    expect(JSON.parse(fs.readFileSync(lockFileFor(file), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('refuses a lock held on another computer, naming it and the way out', () => {
    const file = path.join(tempDir(), 'kv.db');
    fs.writeFileSync(lockFileFor(file), JSON.stringify({ pid: 4242, host: 'SOC-LAPTOP-17', user: 'berit', startedAt: '2026-11-23T08:00:00.000Z' }));
    const error = refusal(file);
    expect(error.message).toContain('på datorn SOC-LAPTOP-17 (användare berit');
    expect(error.message).toContain(lockFileFor(file));
    expect(fs.existsSync(lockFileFor(file))).toBe(true);
  });

  it('treats an unreadable lock file (crash while writing it) as stale', () => {
    const file = path.join(tempDir(), 'kv.db');
    fs.writeFileSync(lockFileFor(file), '');
    acquireDatabaseLock(file).release();
  });
});
