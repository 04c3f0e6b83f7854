// prepareBulkInsert (db/writes/bulkInsert.ts): rows handed over as JSON arrive as the values a
// row-by-row insert would have bound, every row fires the table's triggers, and an upsert works.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { prepareBulkInsert } from '../../../db/writes/bulkInsert.ts';

function table() {
  const sqlite = new Database(':memory:');
  sqlite.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, label TEXT, n INTEGER, x REAL, note TEXT, by TEXT);
    CREATE TABLE seen (id TEXT); CREATE TRIGGER t_seen AFTER INSERT ON t BEGIN INSERT INTO seen VALUES (NEW.id); END;`);
  return sqlite;
}

describe('prepareBulkInsert', () => {
  it('writes text, numbers and nulls as given, the shared values once, and fires the trigger for every row', () => {
    const sqlite = table();
    const insert = prepareBulkInsert(sqlite, { table: 't', columns: ['id', 'label', 'n', 'x', 'note'], shared: { by: 'by' } });
    const rows = Array.from({ length: 2500 }, (_, i) => [`r${i}`, i === 0 ? '007' : `Rad ”${i}” å\n`, i, i + 0.5, i % 2 ? null : ''] as const);
    expect(insert(rows, { by: 'Test Testsson' })).toBe(2500);
    expect(sqlite.prepare('SELECT count(*) FROM seen').pluck().get()).toBe(2500);
    expect(sqlite.prepare("SELECT label, typeof(label) AS t, n, x, note, by FROM t WHERE id IN ('r0', 'r1') ORDER BY id").all()).toEqual([
      { label: '007', t: 'text', n: 0, x: 0.5, note: '', by: 'Test Testsson' },
      { label: 'Rad ”1” å\n', t: 'text', n: 1, x: 1.5, note: null, by: 'Test Testsson' },
    ]);
  });

  it('stores a lone surrogate as U+FFFD, as binding the string directly does', () => {
    const sqlite = table();
    prepareBulkInsert(sqlite, { table: 't', columns: ['id', 'label'] })([['a', 'x\ud800y'], ['b', 'ok 😀']]);
    sqlite.prepare('INSERT INTO t (id, label) VALUES (?, ?)').run('c', 'x\ud800y');
    expect(sqlite.prepare('SELECT id, hex(label) AS h FROM t ORDER BY id').all()).toEqual([
      { id: 'a', h: '78EFBFBD79' },
      { id: 'b', h: Buffer.from('ok 😀').toString('hex').toUpperCase() },
      { id: 'c', h: '78EFBFBD79' },
    ]);
  });

  it('runs an ON CONFLICT clause with its own parameters', () => {
    const sqlite = table();
    const upsert = prepareBulkInsert(sqlite, { table: 't', columns: ['id', 'n'], onConflict: 'ON CONFLICT (id) DO UPDATE SET n = excluded.n, note = @note' });
    upsert([['a', 1]], { note: null });
    upsert([['a', 2], ['b', 3]], { note: 'ändrad' });
    expect(sqlite.prepare('SELECT id, n, note FROM t ORDER BY id').all()).toEqual([
      { id: 'a', n: 2, note: 'ändrad' },
      { id: 'b', n: 3, note: null },
    ]);
  });
});
