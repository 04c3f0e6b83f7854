// Opening an existing database the app's way (a Session: lock, checks, pragmas, migrations,
// audit triggers), warm and cold, against opening it with the bare driver.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Session } from '../../../db/session.ts';
import { seedDemoMunicipality } from '../../../db/demo/seedDemo.ts';
import { migrationsFolder } from '../generate.ts';
import type { BenchArea } from '../context.ts';

const OPEN_BUDGET = { max: 200 };

function openSession(file: string): Session {
  return new Session({ ownFile: file, migrationsFolder, seedDemo: seedDemoMunicipality });
}

/**
 * Copies a file so that none of the copy is in the page cache: written with O_DIRECT, so reading
 * it comes from the disk. (Dropping the page cache needs root.) Falls back to a plain copy.
 */
export function coldCopy(from: string, to: string): 'direct' | 'cached' {
  fs.rmSync(to, { force: true });
  const dd = spawnSync('dd', [`if=${from}`, `of=${to}`, 'bs=4M', 'oflag=direct', 'status=none']);
  if (dd.status === 0) return 'direct';
  fs.copyFileSync(from, to);
  return 'cached';
}

export const openArea: BenchArea = {
  name: 'open',
  needs: 'file',
  async run({ file, recorder, settings }) {
    let session: Session | null = null;
    const close = () => {
      session?.close();
      session = null;
    };
    await recorder.time({
      name: 'open an existing database (warm)',
      budget: OPEN_BUDGET,
      before: close,
      app: () => {
        session = openSession(file);
        return { fullCheck: session.db.fullCheck, reason: session.fullCheckReason };
      },
      after: close,
      raw: () => {
        const raw = new Database(file);
        raw.prepare('SELECT count(*) FROM sqlite_master').get();
        raw.close();
      },
      // Closed cleanly and checked recently: no full check at open, none in the background either.
      check: ({ fullCheck, reason }) =>
        (fullCheck === 'done' || fullCheck === 'deferred') && reason === null ? null : `unexpected full check ${fullCheck}, reason ${String(reason)}`,
    });

    const coldFile = path.join(settings.workDir, 'cold.db');
    const copied = { how: 'direct' as 'direct' | 'cached' };
    await recorder.time({
      name: 'open an existing database (cold)',
      budget: OPEN_BUDGET,
      reps: 3,
      before: () => {
        close();
        copied.how = coldCopy(file, coldFile);
      },
      app: () => {
        session = openSession(coldFile);
        return session.db.fullCheck;
      },
      after: () => {
        close();
        fs.rmSync(coldFile, { force: true });
      },
      note: 'cold = a fresh copy written with O_DIRECT (dd oflag=direct), so its pages are not in the page cache; the page cache cannot be dropped without root',
    });
    if (copied.how === 'cached') recorder.problems.push('open (cold): dd with O_DIRECT failed, the "cold" copy was in the page cache');
  },
};
