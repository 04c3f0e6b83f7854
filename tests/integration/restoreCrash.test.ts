// Fault injection into restore: the process is killed right after each durable step of a restore in
// turn (the CLI's restore over a closed file, and the app's restore of a listed backup). The next
// start must find the old database or the restored one – never an empty or a missing one – and a
// database moved aside with none in its place is refused instead of replaced by a new, empty file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../db/core.ts';
import { DatabaseOpenError } from '../../db/open.ts';
import { Session } from '../../db/session.ts';
import { migrationsFolder, openTempDatabase, operatingAreaNamesIn } from '../helpers/db.ts';
import { projectRoot, tempDir } from '../helpers/server.ts';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';

const OLD = ['Barn och unga', 'Hemtjänst', 'Bara i WAL'].sort();
const RESTORED = ['Hemtjänst'];

interface Setup {
  dbFile: string;
  backupFile: string;
  profileDir: string;
}

/** A database whose current state (3 areas, one only in -wal) differs from its backup (1 area). */
function prepare(mode: 'cli' | 'app'): Setup {
  const dir = tempDir('kn-restore-crash-');
  const dbFile = path.join(dir, 'kvalitetsnavet.db');
  const profileDir = path.join(dir, 'profil');
  let backupFile: string;
  if (mode === 'app') {
    const core = createCore({ ownFile: dbFile, migrationsFolder, appVersion: '0.0.0-test', profileDir });
    core.session.db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    const record = core.backups.backupNow('manual');
    backupFile = path.join(core.backups.folder().folder, record.file);
    core.session.db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('b', 'Barn och unga')").run();
    core.session.close();
  } else {
    const db = openTempDatabase(dbFile);
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    backupFile = path.join(dir, 'backup.db');
    db.sqlite.prepare('VACUUM INTO ?').run(backupFile);
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('b', 'Barn och unga')").run();
    db.sqlite.close();
  }
  // One more commit that lives only in -wal (its writer crashed before a checkpoint): it belongs to the old set.
  const crashed = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Database from 'better-sqlite3';
       const db = new Database(${JSON.stringify(dbFile)});
       db.pragma('wal_autocheckpoint = 0');
       db.prepare("INSERT INTO operating_areas (id, name) VALUES ('c', 'Bara i WAL')").run();
       process.kill(process.pid, 'SIGKILL');`,
    ],
    { cwd: projectRoot },
  );
  expect(crashed.signal).toBe('SIGKILL');
  return { dbFile, backupFile, profileDir };
}

/** A fresh copy of a prepared folder (database, -wal, backups and manifest) for one run. */
function copyOf(s: Setup): Setup {
  const from = path.dirname(s.dbFile);
  const to = tempDir('kn-restore-crash-');
  fs.cpSync(from, to, { recursive: true });
  const moved = (p: string) => path.join(to, path.relative(from, p));
  return { dbFile: moved(s.dbFile), backupFile: moved(s.backupFile), profileDir: moved(s.profileDir) };
}

function restoreInChild(mode: 'cli' | 'app', s: Setup, killAt: number): { steps: string[]; killed: boolean } {
  const child = spawnSync(process.execPath, ['tests/helpers/restoreChild.ts', mode, s.dbFile, s.backupFile, String(killAt), s.profileDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (killAt === 0) expect(child.status, child.stderr).toBe(0);
  return { steps: child.stdout.split('\n').filter(Boolean), killed: child.signal === 'SIGKILL' };
}

/** The next start, as the app does it: lock, finish an interrupted swap, open with all checks. */
function areasAfterRestart(dbFile: string): string[] {
  const session = new Session({ ownFile: dbFile, migrationsFolder, seedDemo: seedDemoMunicipality });
  session.close();
  return operatingAreaNamesIn(dbFile).sort();
}

describe.each(['cli', 'app'] as const)('a restore (%s) killed after each step', (mode) => {
  it('leaves the old database or the restored one, never an empty one', { timeout: 180_000 }, () => {
    const prepared = prepare(mode);
    const reference = copyOf(prepared);
    const { steps } = restoreInChild(mode, reference, 0);
    expect(areasAfterRestart(reference.dbFile)).toEqual(RESTORED);
    // Copy synced, marker, (-wal, -shm and) the file moved aside, the copy renamed in, marker removed.
    // The app closes the database before the swap, so its -wal is checkpointed away first.
    const moved = mode === 'cli' ? ['undan-wal', 'undan-shm', 'undan databas'] : ['undan databas'];
    expect(steps).toEqual(['kopierad', 'markering', ...moved, 'in databas', 'klar']);

    const outcomes: string[] = [];
    for (let killAt = 1; killAt <= steps.length; killAt++) {
      const s = copyOf(prepared);
      const run = restoreInChild(mode, s, killAt);
      expect(run.killed, `kill after step ${killAt}`).toBe(true);
      expect(run.steps.at(-1)).toBe(steps[killAt - 1]);
      const areas = areasAfterRestart(s.dbFile);
      outcomes.push(`${steps[killAt - 1]} → ${areas.length === 1 ? 'restored' : 'old'}`);
      expect([OLD, RESTORED], `kill after ${steps[killAt - 1]}`).toContainEqual(areas);
      const left = fs.readdirSync(path.dirname(s.dbFile));
      expect(left.filter((n) => n.includes('återställning.json') || n.includes('återställning-ny'))).toEqual([]);
      if (areas.length === 1) {
        // Restored: the previous set, -wal and its commit included, is kept aside and opens whole.
        const aside = left.find((n) => n.startsWith('kvalitetsnavet.db.före-återställning-') && !n.endsWith('-wal') && !n.endsWith('-shm'));
        expect(aside).toBeDefined();
        const copy = path.join(tempDir(), 'aside.db');
        for (const suffix of ['', '-wal']) {
          const kept = path.join(path.dirname(s.dbFile), `${aside}${suffix}`);
          if (fs.existsSync(kept)) fs.copyFileSync(kept, copy + suffix);
        }
        expect(areasAfterRestart(copy)).toEqual(OLD);
      }
    }
    // Killed before the marker: the old one; from the moment the marker is written: the restored one.
    expect(outcomes).toEqual(steps.map((step, i) => `${step} → ${i === 0 ? 'old' : 'restored'}`));
  });
});

describe('a database moved aside with nothing in its place', () => {
  it('is refused at start instead of silently replaced by a new, empty database', () => {
    const dir = tempDir('kn-aside-');
    const dbFile = path.join(dir, 'kvalitetsnavet.db');
    const db = openTempDatabase(dbFile);
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    db.sqlite.close();
    fs.renameSync(dbFile, `${dbFile}.före-återställning-2026-11-23T10-15-02-123Z`);
    let error: unknown;
    try {
      new Session({ ownFile: dbFile, migrationsFolder, seedDemo: seedDemoMunicipality });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).kind).toBe('missing');
    expect((error as DatabaseOpenError).message).toContain('Ingen ny, tom databas skapas');
    expect(fs.existsSync(dbFile)).toBe(false);
    expect(fs.existsSync(`${dbFile}.lock`)).toBe(false);
  });
});
