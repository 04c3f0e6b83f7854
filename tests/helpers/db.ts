// A real SQLite file in a temp folder, opened the way the app opens it.
import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../../db/errors.ts';
import type { OperatingAreaRow, UnitRow } from '../../db/api/contract.ts';
import Database from 'better-sqlite3';
import { createDispatch, type ApiContext } from '../../db/api/handle.ts';
import { handlers } from '../../db/api/handlers/index.ts';
import { openDatabase } from '../../db/open.ts';
import { Session } from '../../db/session.ts';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';
import { projectRoot, tempDir } from './server.ts';

export const migrationsFolder = path.join(projectRoot, 'db', 'migrations');

/**
 * A copy of the migrations folder holding only the migrations before the one whose tag ends with
 * `tagSuffix` (e.g. '_deviation_year_totals'): a file opened with it is as the app left it before
 * that migration, for testing the migration's fill of existing data.
 */
export function migrationsBefore(tagSuffix: string): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tagSuffix));
  if (at <= 0) throw new Error(`no migration after the first ends with ${tagSuffix}`);
  for (const entry of journal.entries.slice(at)) fs.rmSync(path.join(folder, `${entry.tag}.sql`));
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

/** A copy of the migrations with one more at the end (its SQL as drizzle-kit writes it), e.g. a table rebuild to probe. */
export function migrationsWithAppended(tag: string, sql: string): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('no migrations');
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag, breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}

export function tempDbFile(): string {
  return path.join(tempDir(), 'test.db');
}

export function openTempDatabase(file = tempDbFile()) {
  return openDatabase(file, { migrationsFolder });
}

export function testApi(options: { file?: string; demo?: boolean } = {}) {
  const file = options.file ?? tempDbFile();
  const session = new Session({
    ownFile: file, migrationsFolder, startInDemo: options.demo ?? false, demoFolder: tempDir('kn-demo-'),
    seedDemo: seedDemoMunicipality,
  });
  const ctx: ApiContext = { session, actor: { osUser: 'testare', displayName: 'Test Testsson' }, appVersion: '0.0.0-test' };
  return { dispatch: createDispatch(ctx, handlers), session, file, ctx };
}

/** The operating areas' names in a database file, sorted, read without the app's open path. */
export function operatingAreaNamesIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM operating_areas ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

/** The value of a successful API result; a failure fails the test with its code and message. */
export function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A test API on a fresh database holding one area (Hemtjänst) with one unit (Hemtjänst Norr). */
export async function apiWithOneUnit() {
  const api = testApi();
  const area = value<OperatingAreaRow>(await api.dispatch('operatingAreas.create', { name: 'Hemtjänst' }));
  const unit = value<UnitRow>(
    await api.dispatch('units.create', {
      operatingAreaId: area.id,
      name: 'Hemtjänst Norr',
      unitType: 'hemtjanst',
      regi: 'egen_regi',
      provider: 'Exempelby kommun',
      manager: 'Anna Lindqvist',
    }),
  );
  return { ...api, area, unit };
}
