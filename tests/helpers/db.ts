// A real SQLite file in a temp folder, opened the way the app opens it.
import path from 'node:path';
import Database from 'better-sqlite3';
import { createDispatch, type ApiContext } from '../../db/api/handle.ts';
import { handlers } from '../../db/api/handlers/index.ts';
import { openDatabase } from '../../db/open.ts';
import { Session } from '../../db/session.ts';
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
  const session = new Session({ ownFile: file, migrationsFolder, startInDemo: options.demo ?? false, demoFolder: tempDir('kn-demo-') });
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
