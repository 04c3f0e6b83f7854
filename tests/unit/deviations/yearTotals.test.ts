// The yearly avvikelser sums (migration 0018, issue 19): deviation_year_totals kept by triggers on
// deviation_counts. Checked on a real SQLite file: hundreds of random edits straight in SQL (insert,
// delete, update of count, spelling, unit, year and month), after each of which the sums equal a
// recount done here from the month rows; a hand-counted case where the least spelling leaves; an
// import that replaces months, read back through "avvikelser per enhet"; and the migration's fill of
// a file that had counts before it.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open.ts';
import { newId } from '../../../db/schema/common.ts';
import { seededRandom } from '../../../db/demo/random.ts';
import { foldName } from '../../../db/shared/names.ts';
import { deviationTotalsByUnit } from '../../../db/queries/deviations.ts';
import { migrationsBefore, migrationsFolder, tempDbFile } from '../../helpers/db.ts';

interface Total {
  deviationType: string;
  monthRows: number;
  count: number;
}

function storedTotals(sqlite: Database.Database): Record<string, Total> {
  const rows = sqlite
    .prepare('SELECT year, unit_id AS unitId, deviation_type_folded AS folded, deviation_type AS deviationType, month_rows AS monthRows, count FROM deviation_year_totals')
    .all() as { year: number; unitId: string; folded: string; deviationType: string; monthRows: number; count: number }[];
  return Object.fromEntries(rows.map((r) => [`${r.year}|${r.unitId}|${r.folded}`, { deviationType: r.deviationType, monthRows: r.monthRows, count: r.count }]));
}

/** The sums recounted here from the month rows, in JS. */
function recount(sqlite: Database.Database): Record<string, Total> {
  const rows = sqlite.prepare('SELECT year, unit_id AS unitId, deviation_type AS deviationType, deviation_type_folded AS folded, count FROM deviation_counts').all() as {
    year: number;
    unitId: string;
    deviationType: string;
    folded: string;
    count: number;
  }[];
  const totals: Record<string, Total> = {};
  for (const r of rows) {
    const key = `${r.year}|${r.unitId}|${r.folded}`;
    const total = totals[key];
    if (!total) totals[key] = { deviationType: r.deviationType, monthRows: 1, count: r.count };
    else {
      total.monthRows += 1;
      total.count += r.count;
      // SQLite's min() on text: byte order, which is what the sums keep.
      if (Buffer.compare(Buffer.from(r.deviationType), Buffer.from(total.deviationType)) < 0) total.deviationType = r.deviationType;
    }
  }
  return totals;
}

function unitsIn(sqlite: Database.Database, names: string[]): string[] {
  const area = newId();
  sqlite.prepare("INSERT INTO operating_areas (id, name, name_folded) VALUES (?, 'Äldreomsorg', 'aldreomsorg')").run(area);
  return names.map((name) => {
    const id = newId();
    sqlite
      .prepare("INSERT INTO units (id, operating_area_id, name, name_folded, unit_type, regi, provider) VALUES (?, ?, ?, ?, 'hemtjanst', 'egen_regi', 'Kommunen')")
      .run(id, area, name, foldName(name));
    return id;
  });
}

function countWriter(sqlite: Database.Database) {
  const insert = sqlite.prepare(
    "INSERT INTO deviation_counts (id, unit_id, year, month, deviation_type, deviation_type_folded, count, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'test')",
  );
  return (unitId: string, year: number, month: number, type: string, count: number) => {
    const id = newId();
    insert.run(id, unitId, year, month, type, foldName(type), count);
    return id;
  };
}

describe('deviation_year_totals', () => {
  it('keeps the least spelling, and takes the next one when the least leaves (hand-counted)', () => {
    const db = openDatabase(tempDbFile(), { migrationsFolder });
    const [ek] = unitsIn(db.sqlite, ['Ekbacken']) as [string];
    const write = countWriter(db.sqlite);
    write(ek, 2026, 1, 'fall', 4);
    const upper = write(ek, 2026, 2, 'Fall', 3);
    write(ek, 2026, 3, 'Läkemedel', 2);
    write(ek, 2025, 12, 'Fall', 1);
    expect(storedTotals(db.sqlite)).toEqual({
      [`2026|${ek}|fall`]: { deviationType: 'Fall', monthRows: 2, count: 7 },
      [`2026|${ek}|läkemedel`]: { deviationType: 'Läkemedel', monthRows: 1, count: 2 },
      [`2025|${ek}|fall`]: { deviationType: 'Fall', monthRows: 1, count: 1 },
    });
    db.sqlite.prepare('DELETE FROM deviation_counts WHERE id = ?').run(upper);
    expect(storedTotals(db.sqlite)[`2026|${ek}|fall`]).toEqual({ deviationType: 'fall', monthRows: 1, count: 4 });
    db.sqlite.prepare("DELETE FROM deviation_counts WHERE year = 2026 AND deviation_type_folded = 'läkemedel'").run();
    expect(Object.keys(storedTotals(db.sqlite))).toHaveLength(2);
    db.sqlite.close();
  });

  it('equal a recount from the month rows after every one of 400 random edits', () => {
    const db = openDatabase(tempDbFile(), { migrationsFolder });
    const sqlite = db.sqlite;
    const units = unitsIn(sqlite, ['Ekbacken', 'Lärkan', 'Tallen']);
    const write = countWriter(sqlite);
    const random = seededRandom(20261203);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const types = ['Fall', 'fall', 'FALL', 'Läkemedel', 'läkemedel', 'Hot och våld'];
    const ids = () => sqlite.prepare('SELECT id FROM deviation_counts').pluck().all() as string[];
    for (let step = 0; step < 400; step++) {
      const existing = ids();
      const action = existing.length < 5 || random() < 0.4 ? 0 : 1 + Math.floor(random() * 5);
      try {
        if (action === 0) write(pick(units), pick([2025, 2026]), 1 + Math.floor(random() * 12), pick(types), Math.floor(random() * 9));
        else if (action === 1) sqlite.prepare('DELETE FROM deviation_counts WHERE id = ?').run(pick(existing));
        else if (action === 2) sqlite.prepare('UPDATE deviation_counts SET count = ? WHERE id = ?').run(Math.floor(random() * 20), pick(existing));
        else if (action === 3) {
          const type = pick(types);
          sqlite.prepare('UPDATE deviation_counts SET deviation_type = ?, deviation_type_folded = ? WHERE id = ?').run(type, foldName(type), pick(existing));
        } else if (action === 4) sqlite.prepare('UPDATE deviation_counts SET unit_id = ? WHERE id = ?').run(pick(units), pick(existing));
        else sqlite.prepare('UPDATE deviation_counts SET year = ?, month = ? WHERE id = ?').run(pick([2024, 2025, 2026]), 1 + Math.floor(random() * 12), pick(existing));
      } catch (error) {
        // A move onto a (unit, year, month, type) that is already there is refused by the unique index.
        expect(String(error)).toContain('UNIQUE');
      }
      expect(storedTotals(sqlite), `after step ${step} (action ${action})`).toEqual(recount(sqlite));
    }
    expect(Object.keys(recount(sqlite)).length).toBeGreaterThan(10);
    sqlite.close();
  });

  it('serve "avvikelser per enhet": a year beside the year before, equal to the month rows summed', () => {
    const db = openDatabase(tempDbFile(), { migrationsFolder });
    const [ek, lark] = unitsIn(db.sqlite, ['Ekbacken', 'Lärkan']) as [string, string];
    const write = countWriter(db.sqlite);
    write(ek, 2026, 1, 'Fall', 4);
    write(ek, 2026, 5, 'Fall', 2);
    write(ek, 2025, 5, 'Fall', 5);
    write(lark, 2025, 3, 'Läkemedel', 3);
    write(lark, 2026, 3, 'Läkemedel', 1);
    write(lark, 2026, 4, 'Fall', 0);
    expect(deviationTotalsByUnit(db, { year: 2026 }).map((r) => [r.unitName, r.deviationType, r.count, r.previousYearCount])).toEqual([
      ['Ekbacken', 'Fall', 6, 5],
      ['Lärkan', 'Fall', 0, 0],
      ['Lärkan', 'Läkemedel', 1, 3],
    ]);
    expect(deviationTotalsByUnit(db, { year: 2026, deviationType: 'fall' }).map((r) => r.unitName)).toEqual(['Ekbacken', 'Lärkan']);
    db.sqlite.close();
  });
});

describe('migration 0018 on a file with counts', () => {
  it('fills the sums from the month rows already there', () => {
    // The migrations up to the one before, in a folder of their own.
    const folder = migrationsBefore('_deviation_year_totals');

    const file = tempDbFile();
    const before = openDatabase(file, { migrationsFolder: folder });
    expect(before.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'deviation_year_totals'").pluck().get()).toBe(0);
    const [ek, lark] = unitsIn(before.sqlite, ['Ekbacken', 'Lärkan']) as [string, string];
    const write = countWriter(before.sqlite);
    write(ek, 2026, 1, 'fall', 4);
    write(ek, 2026, 2, 'Fall', 3);
    write(lark, 2025, 7, 'Hot och våld', 2);
    before.sqlite.close();

    const after = openDatabase(file, { migrationsFolder });
    expect(storedTotals(after.sqlite)).toEqual({
      [`2026|${ek}|fall`]: { deviationType: 'Fall', monthRows: 2, count: 7 },
      [`2025|${lark}|hot och våld`]: { deviationType: 'Hot och våld', monthRows: 1, count: 2 },
    });
    // The triggers run from here on.
    countWriter(after.sqlite)(lark, 2025, 8, 'Hot och våld', 1);
    expect(storedTotals(after.sqlite)).toEqual(recount(after.sqlite));
    after.sqlite.close();
  });
});
