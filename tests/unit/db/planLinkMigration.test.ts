// Migration 0004 links inspections recorded without their plan entry (Ny tillsyn did not link
// before) to the unit's open entry of the same kind in the cycle of the start date, only where
// unambiguous. Run on the committed 0000 demo fixture (see actionRegisterMigration.test.ts), with
// links removed and a competing inspection added before migrating.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open.ts';
import { migrationsFolder } from '../../helpers/db.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

const FIXTURE = path.join(projectRoot, 'tests', 'fixtures', 'migrations', '0000-demo.db.gz');

interface InspectionLink {
  id: string;
  unit_id: string;
  plan_entry_id: string | null;
  origin: string;
  inspection_type: string;
}

function links(file: string): Map<string, InspectionLink> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT id, unit_id, plan_entry_id, origin, inspection_type FROM inspections').all() as InspectionLink[];
  db.close();
  return new Map(rows.map((r) => [r.id, r]));
}

describe('migration 0004: linking earlier inspections to their plan entries', () => {
  it('relinks an unambiguous inspection, leaves two competing ones and IVO inspections alone, and changes nothing else', () => {
    const file = path.join(tempDir(), 'kvalitetsnavet.db');
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(FIXTURE)));
    const db = new Database(file);
    const linked = db
      .prepare(
        `SELECT i.id, i.plan_entry_id AS entry FROM inspections i JOIN plan_entries p ON p.id = i.plan_entry_id
         WHERE i.origin = 'egen' AND i.inspection_type = 'ordinarie' ORDER BY i.id LIMIT 2`,
      )
      .all() as { id: string; entry: string }[];
    const [single, contested] = linked;
    if (!single || !contested) throw new Error('the fixture has linked ordinary inspections');
    db.prepare('UPDATE inspections SET plan_entry_id = NULL WHERE id IN (?, ?)').run(single.id, contested.id);
    // A second unlinked ordinary inspection of the contested unit in the same cycle: which one the entry is for is unclear.
    const copy = db.prepare('SELECT * FROM inspections WHERE id = ?').get(contested.id) as Record<string, unknown>;
    const rival = { ...copy, id: '00000000-0000-7000-8000-000000000001', plan_entry_id: null, summary: 'Andra tillsynen samma cykel' };
    const columns = Object.keys(rival);
    db.prepare(`INSERT INTO inspections (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(rival);
    db.close();
    const before = links(file);
    const ivo = [...before.values()].filter((i) => i.origin === 'ivo');
    expect(ivo.length).toBeGreaterThan(0);
    expect(ivo.every((i) => i.plan_entry_id === null)).toBe(true);

    openDatabase(file, { migrationsFolder }).sqlite.close();
    const after = links(file);

    expect(after.get(single.id)?.plan_entry_id).toBe(single.entry);
    expect(after.get(contested.id)?.plan_entry_id).toBeNull();
    expect(after.get(rival.id)?.plan_entry_id).toBeNull();
    for (const i of ivo) expect(after.get(i.id)?.plan_entry_id).toBeNull();
    const changed = [...after.values()].filter((i) => before.get(i.id)?.plan_entry_id !== i.plan_entry_id).map((i) => i.id);
    expect(changed).toEqual([single.id]);
  });
});
