// Crash safety (DUR-02/03): the real browser-mode server is SIGKILLed in the middle of a large import
// and of a burst of grid edits. Reopened, the file passes integrity_check, the import is all or
// nothing, and every edit the server acknowledged is there. Seeded; a failing seed is printed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { migrationsFolder } from '../helpers/db.ts';
import { apiCall, startServer, tempDir, type RunningServer } from '../helpers/server.ts';

/** mulberry32: small, seedable, good enough to pick kill times. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.CRASH_SEED ?? 20261123);
const IMPORT_ROWS = 6000;
/** Kills per test; more with CRASH_ITERATIONS=50 (the import test adds kills until one lands inside a transaction). */
const ITERATIONS = Math.max(1, Number(process.env.CRASH_ITERATIONS ?? 3));
/** The import test gives up looking for a kill inside a transaction after this many extra kills. */
const EXTRA_FOR_IN_TRANSACTION = 8;

/**
 * Frames of a transaction that was being written when the process died: the -wal's frames of the
 * current generation (their salts match the header) after its last commit frame. Read before the
 * file is reopened, since recovery discards them.
 */
function uncommittedWalFrames(walFile: string): number {
  if (!fs.existsSync(walFile)) return 0;
  const wal = fs.readFileSync(walFile);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let afterCommit = 0;
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    if (wal.readUInt32BE(offset + 8) !== salt1 || wal.readUInt32BE(offset + 12) !== salt2) break;
    afterCommit = wal.readUInt32BE(offset + 4) !== 0 ? 0 : afterCommit + 1;
  }
  return afterCommit;
}

function unitsCsv(rows: number, prefix: string): { fileName: string; contentBase64: string } {
  const lines = ['Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef'];
  for (let i = 0; i < rows; i++) lines.push(`Område ${i % 7};${prefix} enhet ${i};Hemtjänst;Egen regi;Kommunen;Chef ${i}`);
  return { fileName: 'enheter.csv', contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') };
}

/** Reopens the file the way the app does (quick_check, migrations) and runs the full integrity_check. */
function reopen(file: string): Database.Database {
  const db = openDatabase(file, { migrationsFolder });
  expect(db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  return db.sqlite;
}

async function kill(server: RunningServer): Promise<void> {
  await server.stop('SIGKILL');
  // The kill leaves the lock file behind; the next open takes it over (its pid is gone).
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the file has grown past `size` (polled every millisecond or two). */
async function fileGrows(file: string, size: number, giveUpMs: number): Promise<boolean> {
  const until = Date.now() + giveUpMs;
  while (Date.now() < until) {
    if (fs.existsSync(file) && fs.statSync(file).size > size) return true;
    await sleep(1);
  }
  return false;
}

/** Units written directly, so the server under test only has to edit. */
function databaseWithUnits(file: string, count: number): string[] {
  const db = openDatabase(file, { migrationsFolder });
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  db.sqlite.transaction(() => {
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('area', 'Hemtjänst')").run();
    const insert = db.sqlite.prepare("INSERT INTO units (id, operating_area_id, name, unit_type, regi, provider) VALUES (?, 'area', ?, 'hemtjanst', 'egen_regi', 'Kommunen')");
    for (const id of ids) insert.run(id, `Enhet ${id}`);
  })();
  db.sqlite.close();
  return ids;
}

describe('SIGKILL of the server', () => {
  it('in the middle of a large import leaves all of it or none of it, killed inside its transaction at least once', { timeout: 90_000 + ITERATIONS * 20_000 }, async () => {
    const rand = random(SEED);
    const file = unitsCsv(IMPORT_ROWS, 'Import');
    const outcomes: string[] = [];
    let insideTransaction = 0;
    for (let iteration = 0; iteration < ITERATIONS || (insideTransaction === 0 && iteration < ITERATIONS + EXTRA_FOR_IN_TRANSACTION); iteration++) {
      const dbFile = path.join(tempDir(), 'crash.db');
      const server = await startServer({ dbFile });
      const walBefore = fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0;
      let acknowledged = false;
      const request = apiCall(server, 'units.importCommit', { file }).then(
        (r) => {
          acknowledged = r.ok;
        },
        () => undefined,
      );
      // Once the transaction's pages start reaching the WAL, kill at a random moment: before, during or after the commit.
      const writing = await fileGrows(`${dbFile}-wal`, walBefore, 30_000);
      // Every other kill comes the moment the transaction's pages start reaching the -wal.
      const delay = iteration % 2 === 0 ? 0 : Math.floor(rand() * 600);
      await sleep(delay);
      await kill(server);
      await request;
      const torn = uncommittedWalFrames(`${dbFile}-wal`);
      const sqlite = reopen(dbFile);
      const count = Number(sqlite.prepare('SELECT count(*) FROM units').pluck().get());
      sqlite.close();
      if (torn > 0) {
        insideTransaction++;
        // Killed while its pages were being written: none of it may be there.
        expect(count, `seed ${SEED} iteration ${iteration}: a torn transaction must roll back`).toBe(0);
      }
      outcomes.push(`${writing ? 'wal+' : 'no wal '}${delay}ms${torn > 0 ? ` (inside: ${torn} uncommitted frames)` : ''} → ${count}`);
      expect([0, IMPORT_ROWS], `seed ${SEED} iteration ${iteration} delay ${delay}`).toContain(count);
      if (acknowledged) expect(count, `seed ${SEED} iteration ${iteration}`).toBe(IMPORT_ROWS);
    }
    console.log(`import crash outcomes (seed ${SEED}): ${outcomes.join(', ')}`);
    expect(insideTransaction, `seed ${SEED}: no kill landed inside the import's transaction (${outcomes.join(', ')})`).toBeGreaterThan(0);
  });

  it('in the middle of a burst of edits keeps every acknowledged edit', { timeout: 90_000 + ITERATIONS * 20_000 }, async () => {
    const rand = random(SEED + 1);
    for (let iteration = 0; iteration < Math.max(2, ITERATIONS - 1); iteration++) {
      const dbFile = path.join(tempDir(), 'edits.db');
      const units = databaseWithUnits(dbFile, 600);
      const server = await startServer({ dbFile });
      const acked = new Map<string, string>();
      let next = 0;
      let stopped = false;
      const worker = async () => {
        while (!stopped && next < units.length) {
          const id = units[next]!;
          const manager = `Ny chef ${iteration}-${next++}`;
          try {
            const result = await apiCall(server, 'units.update', { id, patch: { manager } });
            if (result.ok) acked.set(id, manager);
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const workers = Array.from({ length: 8 }, worker);
      await sleep(300 + Math.floor(rand() * 700));
      await kill(server);
      stopped = true;
      await Promise.all(workers);

      const sqlite = reopen(dbFile);
      const managers = new Map(
        (sqlite.prepare('SELECT id, manager FROM units').all() as { id: string; manager: string }[]).map((r) => [r.id, r.manager]),
      );
      sqlite.close();
      console.log(`edit crash (seed ${SEED + 1}) iteration ${iteration}: ${acked.size} acknowledged of ${next} sent`);
      expect(acked.size, `seed ${SEED + 1} iteration ${iteration}: some edits were acknowledged`).toBeGreaterThan(0);
      for (const [id, manager] of acked) expect(managers.get(id), `seed ${SEED + 1} iteration ${iteration} unit ${id}`).toBe(manager);
    }
  });
});
