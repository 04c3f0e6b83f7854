// A real SQLite file in a temp folder, opened the way the app opens it.
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
