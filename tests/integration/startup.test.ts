// Browser mode's start and stop against the real files: a second instance on the same database is
// refused, damaged or newer files are refused with the way back printed, and a clean stop backs up.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_NAME } from '../../db/backup/folder.ts';
import { readManifest } from '../../db/backup/manifest.ts';
import { openTempDatabase, tempDbFile } from '../helpers/db.ts';
import { apiCall, startServer } from '../helpers/server.ts';

async function refusal(dbFile: string): Promise<string> {
  try {
    const server = await startServer({ dbFile });
    await server.stop();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the server to refuse the database');
}

describe('browser mode start and stop', { timeout: 60_000 }, () => {
  it('refuses a second instance on the same database, and the first keeps working', async () => {
    const first = await startServer();
    const message = await refusal(first.dbFile);
    expect(message).toMatch(/server exited \(3\)/);
    expect(message).toContain('Databasen används redan av ett annat Kvalitetsnavet på den här datorn');
    expect((await apiCall(first, 'operatingAreas.create', { name: 'Hemtjänst' })).ok).toBe(true);
    await first.stop();
    expect(fs.existsSync(`${first.dbFile}.lock`)).toBe(false);
  });

  it('backs up on a clean stop after writes, and the backup holds them', async () => {
    const server = await startServer();
    expect((await apiCall(server, 'operatingAreas.create', { name: 'Hemtjänst' })).ok).toBe(true);
    expect(await server.stop('SIGTERM')).toBe(0);
    const records = readManifest(path.join(path.dirname(server.dbFile), BACKUP_FOLDER_NAME));
    expect(records.at(-1)).toMatchObject({ reason: 'quit' });
    expect(records.at(-1)?.counts).toContainEqual({ table: 'operating_areas', count: 1 });
  });

  it('refuses a truncated file and prints the command that restores the latest backup', async () => {
    const server = await startServer();
    const insert = (i: number) => apiCall(server, 'operatingAreas.create', { name: `Område ${i} ${'x'.repeat(100)}` });
    for (let i = 0; i < 40; i++) expect((await insert(i)).ok).toBe(true);
    const backup = (await apiCall(server, 'backups.create', {})).value as { id: string };
    await server.stop();
    const bytes = fs.readFileSync(server.dbFile);
    fs.writeFileSync(server.dbFile, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const message = await refusal(server.dbFile);
    expect(message).toMatch(/server exited \(3\)/);
    expect(message).toContain('skadad');
    expect(message).toContain(`npm run cli -- restore --db "${server.dbFile}" --from "${path.join(path.dirname(server.dbFile), BACKUP_FOLDER_NAME, backup.id)}"`);
  });

  it('refuses a file of random bytes, leaving it as it was', async () => {
    const dbFile = tempDbFile();
    const bytes = Buffer.from(Array.from({ length: 16384 }, (_, i) => (i * 2654435761) % 251));
    fs.writeFileSync(dbFile, bytes);
    const message = await refusal(dbFile);
    expect(message).toMatch(/server exited \(3\)/);
    expect(message).toContain('inte en Kvalitetsnavet-databas');
    expect(fs.readFileSync(dbFile).equals(bytes)).toBe(true);
  });

  it('refuses a database from a newer version without offering a restore', async () => {
    const dbFile = tempDbFile();
    const db = openTempDatabase(dbFile);
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 10);
    db.sqlite.close();
    const message = await refusal(dbFile);
    expect(message).toMatch(/server exited \(3\)/);
    expect(message).toContain('nyare version');
    expect(message).not.toContain('restore');
  });
});
