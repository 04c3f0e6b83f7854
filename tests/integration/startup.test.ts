// Browser mode's start and stop against the real files: a second instance on the same database is
// refused, damaged or newer files are refused with the way back printed, and a clean stop backs up.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_NAME } from '../../db/backup/folder.ts';
import { readManifest } from '../../db/backup/manifest.ts';
import Database from 'better-sqlite3';
import { applyDatabaseKey, generateDatabaseKey } from '../../db/crypto/databaseKey.ts';
import { openTempDatabase, tempDbFile } from '../helpers/db.ts';
import { apiCall, projectRoot, startServer, tempDir } from '../helpers/server.ts';

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

/** Starts browser mode expecting it to refuse; returns exit code and everything it printed. */
function startRefused(dbFile: string, options: { asUser?: number } = {}): Promise<{ code: number | null; output: string }> {
  // Another user cannot (re)build the renderer in this checkout: it starts browser mode's entry directly, as serve.ts does after its build check.
  const entry =
    options.asUser === undefined
      ? ['scripts/serve.ts']
      : ['--input-type=module', '-e', "import { runBrowserMode } from './electron/browserMode.ts'; await runBrowserMode(process.argv.slice(1));", '--'];
  const child = spawn(process.execPath, [...entry, '--port', '0', '--db', dbFile], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.asUser !== undefined ? { uid: options.asUser, gid: options.asUser } : {}),
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('every start-up failure ends with a Swedish reason and exit code 3', { timeout: 60_000 }, () => {
  it('a folder the user may not write in (EACCES on the lock file)', async () => {
    const dir = tempDir('kn-readonly-');
    const dbFile = path.join(dir, 'kvalitetsnavet.db');
    openTempDatabase(dbFile).sqlite.close();
    fs.chmodSync(dbFile, 0o644);
    fs.chmodSync(dir, 0o555);
    // root may write anywhere: run as an ordinary user then.
    const root = process.getuid?.() === 0;
    const { code, output } = await startRefused(dbFile, root ? { asUser: 65534 } : {});
    fs.chmodSync(dir, 0o755);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(code).toBe(3);
    expect(output).toContain('Kvalitetsnavet får inte skriva där databasen ligger');
    expect(output).toContain('Ge ditt konto skrivbehörighet till mappen');
    expect(fs.existsSync(`${dbFile}.lock`)).toBe(false);
  });

  it('a path that is a folder (EISDIR)', async () => {
    const dir = tempDir('kn-dir-');
    const { code, output } = await startRefused(dir);
    expect(output).not.toMatch(/\n\s+at /);
    expect(code).toBe(3);
    expect(output).toContain('Sökvägen pekar på en mapp, inte på en databasfil');
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('an encrypted database, named as encrypted with the way to open it', async () => {
    const dbFile = path.join(tempDir(), 'krypterad.db');
    const sqlite = new Database(dbFile);
    applyDatabaseKey(sqlite, generateDatabaseKey());
    sqlite.exec('CREATE TABLE t (x)');
    sqlite.close();
    const { code, output } = await startRefused(dbFile);
    expect(code).toBe(3);
    expect(output).toContain('Databasen är krypterad');
    expect(output).toContain('återställningskoden');
    expect(output).not.toContain('inte en SQLite-databas');
    expect(output).not.toContain('restore'); // a backup does not help
  });

  it('another program’s SQLite file, left byte for byte as it was', async () => {
    const dbFile = path.join(tempDir(), 'annat-program.sqlite');
    const other = new Database(dbFile);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hej')");
    other.close();
    const before = fs.readFileSync(dbFile);
    const { code, output } = await startRefused(dbFile);
    expect(code).toBe(3);
    expect(output).toContain('Filen är en SQLite-databas från ett annat program');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(dbFile))).toEqual(['annat-program.sqlite']);
  });
});
