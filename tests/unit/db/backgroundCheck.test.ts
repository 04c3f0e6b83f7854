// A file too large to check at open (the open-time budget, issue 19) is checked in a worker after
// it opens: index corruption found there turns the session read-only before more is written, and
// the reason is shown with the way to restore. A whole file stays writable.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../../db/api/contract.ts';
import { createDispatch, type ApiContext } from '../../../db/api/handle.ts';
import { handlers } from '../../../db/api/handlers/index.ts';
import { DAMAGED_READ_ONLY_MESSAGE, Session } from '../../../db/session.ts';
import { migrationsFolder, openTempDatabase, tempDbFile, value } from '../../helpers/db.ts';
import { seedDemoMunicipality } from '../../../db/demo/seedDemo.ts';

function databaseWithAreas(damageIndex: boolean): string {
  const file = tempDbFile();
  const db = openTempDatabase(file);
  const insert = db.sqlite.prepare('INSERT INTO operating_areas (id, name) VALUES (?, ?)');
  for (let i = 0; i < 50; i++) insert.run(`id-${i}`, `Område ${i}`);
  db.sqlite.close();
  if (damageIndex) {
    // The unique index on name now claims to index id: only integrity_check sees it.
    const raw = new Database(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_master SET sql = replace(sql, '(`name`)', '(`id`)') WHERE name = 'operating_areas_name_unique'").run();
    raw.pragma('writable_schema = OFF');
    raw.close();
  }
  return file;
}

function api(file: string) {
  const problems: string[] = [];
  // Threshold 0: every file counts as large, so the check runs in the background.
  const session = new Session({ ownFile: file, migrationsFolder, seedDemo: seedDemoMunicipality, fullCheckAtOpenMaxBytes: 0, onProblem: (p) => problems.push(p) });
  const ctx: ApiContext = { session, actor: { osUser: 'testare', displayName: 'Test' }, appVersion: '0.0.0-test' };
  return { session, dispatch: createDispatch(ctx, handlers), problems };
}

describe('the background check of a large database', () => {
  it('turns the session read-only when integrity_check finds damage, and says why with the way to restore', { timeout: 30_000 }, async () => {
    const { session, dispatch, problems } = api(databaseWithAreas(true));
    expect(session.db.fullCheck).toBe('deferred');
    await session.backgroundCheckDone();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^integrity_check: row \d+ missing from index operating_areas_name_unique/);
    expect(value<AppInfo>(await dispatch('app.info', {})).databaseProblem).toBe(DAMAGED_READ_ONLY_MESSAGE);
    const write = await dispatch('operatingAreas.create', { name: 'Ny' });
    expect(write).toEqual({ ok: false, error: { code: 'read_only', message: DAMAGED_READ_ONLY_MESSAGE } });
    expect(DAMAGED_READ_ONLY_MESSAGE).toMatch(/Återställ den senaste fungerande säkerhetskopian under Säkerhetskopior/);
    // Reading still works.
    expect((await dispatch('operatingAreas.list', {})).ok).toBe(true);
    session.close();
  });

  it('leaves a whole file writable', { timeout: 30_000 }, async () => {
    const { session, dispatch, problems } = api(databaseWithAreas(false));
    await session.backgroundCheckDone();
    expect(problems).toEqual([]);
    expect(value<AppInfo>(await dispatch('app.info', {})).databaseProblem).toBeNull();
    expect((await dispatch('operatingAreas.create', { name: 'Ny' })).ok).toBe(true);
    session.close();
  });
});
