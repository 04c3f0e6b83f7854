import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLogPage, AuditUser } from '../../../db/api/contract.ts';
import { AUDIT_TOTAL_CAP, changesOf } from '../../../db/api/handlers/audit.ts';
import { auditedTables, installAuditTrail } from '../../../db/audit/trail.ts';
import Database from 'better-sqlite3';
import { sha256File } from '../../../db/backup/files.ts';
import { DatabaseOpenError, openDatabase } from '../../../db/open.ts';
import { apiWithOneUnit, migrationsFolder, testApi, value } from '../../helpers/db.ts';

const history = async (dispatch: ReturnType<typeof testApi>['dispatch'], tableName: string, rowId: string) =>
  value<AuditEntry[]>(await dispatch('audit.history', { tableName, rowId }));

describe('the audit trail', () => {
  it('records an insert with the new values and who made it', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    const [created, ...rest] = await history(dispatch, 'units', unit.id);
    expect(rest).toEqual([]);
    expect(created).toMatchObject({ action: 'insert', tableName: 'units', rowId: unit.id, osUser: 'testare', displayName: 'Test Testsson' });
    expect(created?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(created?.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', oldValue: null, newValue: 'Hemtjänst Norr' },
        { field: 'manager', oldValue: null, newValue: 'Anna Lindqvist' },
        { field: 'unit_type', oldValue: null, newValue: 'hemtjanst' },
      ]),
    );
    // A reference shows the referenced row's name next to its id.
    expect(created?.changes).toContainEqual({ field: 'operating_area_id', oldValue: null, newValue: unit.operatingAreaId, newLabel: 'Hemtjänst' });
    // Stamps and the id are shown by the entry itself, not as changed fields.
    expect(created?.changes.map((c) => c.field)).not.toContain('updated_at');
    session.close();
  });

  it('records an update as old → new for the changed fields only, newest first', async () => {
    const { dispatch, unit, session, ctx } = await apiWithOneUnit();
    ctx.actor = { osUser: 'kollega', displayName: 'Karin Kollega' };
    await dispatch('units.update', { id: unit.id, patch: { manager: 'Björn Ekström' } });
    const [updated, created] = await history(dispatch, 'units', unit.id);
    expect(created?.action).toBe('insert');
    expect(updated).toMatchObject({ action: 'update', osUser: 'kollega', displayName: 'Karin Kollega' });
    expect(updated?.changes).toEqual([{ field: 'manager', oldValue: 'Anna Lindqvist', newValue: 'Björn Ekström' }]);
    session.close();
  });

  it('gives each entry a version 7 id that starts with the entry’s time, so entries sort by id as written', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    await dispatch('units.update', { id: unit.id, patch: { manager: 'Björn Ekström' } });
    const entries = session.db.sqlite.prepare('SELECT id, at FROM audit_log ORDER BY rowid').all() as { id: string; at: string }[];
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const { id, at } of entries) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // The first 48 bits are the milliseconds since 1970 of the entry's own time stamp.
      expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(Date.parse(at));
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(entries.map((e) => e.id.slice(0, 13))).toEqual(entries.map((e) => e.id.slice(0, 13)).sort());
    session.close();
  });

  it('records every row of a bulk import, one entry per unit', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const rows = Array.from({ length: 1500 }, (_, i) => `Särskilt boende;Gården ${i + 1};Särskilt boende;Egen regi;Exempelby kommun;`);
    const text = ['Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef', ...rows].join('\n');
    const result = await dispatch('units.importCommit', { file: { fileName: 'enheter.csv', contentBase64: Buffer.from(text).toString('base64') } });
    expect(result).toMatchObject({ ok: true, value: { inserted: 1500, createdAreas: 1 } });
    const audited = session.db.sqlite
      .prepare("SELECT count(*) FROM units u JOIN audit_log a ON a.table_name = 'units' AND a.row_id = u.id AND a.action = 'insert' WHERE u.name LIKE 'Gården %'")
      .pluck()
      .get();
    expect(audited).toBe(1500);
    const [entry] = await history(dispatch, 'units', session.db.sqlite.prepare("SELECT id FROM units WHERE name = 'Gården 1500'").pluck().get() as string);
    expect(entry).toMatchObject({ action: 'insert', osUser: 'testare', displayName: 'Test Testsson' });
    expect(entry?.changes).toContainEqual({ field: 'name', oldValue: null, newValue: 'Gården 1500' });
    session.close();
  });

  it('does not record an update that writes the same values back', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    session.db.sqlite.prepare('UPDATE units SET manager = manager WHERE id = ?').run(unit.id);
    expect(await history(dispatch, 'units', unit.id)).toHaveLength(1);
    session.close();
  });

  it('records a delete with the removed values', async () => {
    const { dispatch, unit, session } = await apiWithOneUnit();
    value(await dispatch('units.delete', { id: unit.id }));
    const [deleted] = await history(dispatch, 'units', unit.id);
    expect(deleted?.action).toBe('delete');
    expect(deleted?.changes).toContainEqual({ field: 'name', oldValue: 'Hemtjänst Norr', newValue: null });
    expect(deleted?.changes.every((c) => c.newValue === null)).toBe(true);
    session.close();
  });

  it('records the display name set in the app, for this and later writes', async () => {
    const { dispatch, unit, session, ctx } = await apiWithOneUnit();
    ctx.actor = { osUser: 'testare', displayName: '' };
    value(await dispatch('app.setDisplayName', { displayName: 'Maria Inspektör' }));
    await dispatch('units.update', { id: unit.id, patch: { provider: 'Attendo' } });
    const [updated] = await history(dispatch, 'units', unit.id);
    expect(updated).toMatchObject({ osUser: 'testare', displayName: 'Maria Inspektör' });
    // The setting itself is audited too.
    const settingRows = value<AuditLogPage>(await dispatch('audit.log', { tableName: 'settings' }));
    expect(settingRows.entries[0]?.changes).toContainEqual({ field: 'value', oldValue: null, newValue: 'Maria Inspektör' });
    session.close();
  });

  it('cannot be edited or deleted with SQL, and the refusal names the reason', async () => {
    const { session } = await apiWithOneUnit();
    const sqlite = session.db.sqlite;
    const count = () => sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = count();
    expect(() => sqlite.prepare("UPDATE audit_log SET display_name = 'Någon annan'").run()).toThrow(
      'Spårbarhetsloggen kan inte ändras eller raderas.',
    );
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow('Spårbarhetsloggen kan inte ändras eller raderas.');
    expect(count()).toBe(before);
    expect(sqlite.prepare("SELECT count(*) FROM audit_log WHERE display_name = 'Någon annan'").pluck().get()).toBe(0);
    session.close();
  });

  it('keeps the guards in the file, so another connection cannot edit the trail either', async () => {
    const { session, file } = await apiWithOneUnit();
    session.close();
    const { default: Database } = await import('better-sqlite3');
    const other = new Database(file);
    expect(() => other.prepare('DELETE FROM audit_log').run()).toThrow('Spårbarhetsloggen kan inte ändras eller raderas.');
    other.close();
  });

  it('refuses INSERT OR REPLACE and an upsert that reuse an entry id, from any connection', async () => {
    const { session, file } = await apiWithOneUnit();
    session.close();
    const other = new Database(file);
    const entry = other.prepare("SELECT id, display_name AS displayName FROM audit_log WHERE table_name = 'units'").get() as { id: string; displayName: string };
    const count = () => other.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = count();
    expect(() =>
      other
        .prepare("INSERT OR REPLACE INTO audit_log (id, at, table_name, row_id, action, display_name) VALUES (?, '2020-01-01T00:00:00.000Z', 'units', 'x', 'insert', 'Förfalskad')")
        .run(entry.id),
    ).toThrow('Spårbarhetsloggen kan inte ändras eller raderas.');
    expect(() =>
      other
        .prepare("INSERT INTO audit_log (id, table_name, row_id, action) VALUES (?, 'units', 'x', 'insert') ON CONFLICT (id) DO UPDATE SET display_name = 'Förfalskad'")
        .run(entry.id),
    ).toThrow('Spårbarhetsloggen kan inte ändras eller raderas.');
    expect(count()).toBe(before);
    expect(other.prepare('SELECT display_name FROM audit_log WHERE id = ?').pluck().get(entry.id)).toBe(entry.displayName);
    other.close();
  });

  it('notices a dropped log at the next open and says so in Swedish, writing nothing', async () => {
    for (const tamper of [
      'DROP TABLE audit_log',
      // Log and seal both dropped: the file header still says the log was sealed.
      'DROP TABLE audit_log; DROP TABLE audit_seal',
      // Rows deleted with the guard and the seal's trigger removed first: the count no longer matches.
      'DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_seal_delete; DELETE FROM audit_log WHERE rowid = (SELECT min(rowid) FROM audit_log)',
    ]) {
      const { session, file } = await apiWithOneUnit();
      session.close();
      const other = new Database(file);
      other.exec(tamper);
      other.pragma('wal_checkpoint(TRUNCATE)');
      other.close();
      const before = sha256File(file);
      let error: unknown;
      try {
        openDatabase(file, { migrationsFolder });
      } catch (e) {
        error = e;
      }
      expect(error, tamper).toBeInstanceOf(DatabaseOpenError);
      expect((error as DatabaseOpenError).kind).toBe('audit_tampered');
      expect((error as DatabaseOpenError).message).toMatch(/^Spårbarhetsloggen saknas eller har ändrats utanför Kvalitetsnavet\. Databasen öppnas inte/);
      expect(sha256File(file), tamper).toBe(before);
    }
  });

  it('stays consistent through the documented pruning (docs/audit-trail.md), which is not taken for tampering', async () => {
    const { session, file, dispatch, unit } = await apiWithOneUnit();
    await dispatch('units.update', { id: unit.id, patch: { manager: 'Björn Ekström' } });
    session.close();
    const other = new Database(file);
    const newest = other.prepare('SELECT id FROM audit_log ORDER BY rowid DESC LIMIT 1').pluck().get();
    // Pruning that also removes the newest entry (an erasure naming a person).
    other.exec(`BEGIN; DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE rowid IN (SELECT min(rowid) FROM audit_log) OR id = '${String(newest)}'; COMMIT;`);
    const left = other.prepare('SELECT count(*) FROM audit_log').pluck().get();
    expect(other.prepare('SELECT row_count FROM audit_seal').pluck().get()).toBe(left);
    other.close();
    const reopened = openDatabase(file, { migrationsFolder });
    expect(reopened.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log_no_delete'").pluck().get()).toBe(1);
    reopened.sqlite.close();
  });

  it('covers every table except its own and drizzle’s bookkeeping, including tables added later', async () => {
    const { session } = await apiWithOneUnit();
    const sqlite = session.db.sqlite;
    const tables = auditedTables(sqlite);
    expect(tables).toEqual(expect.arrayContaining(['units', 'operating_areas', 'settings', 'inspections']));
    expect(tables).not.toContain('audit_log');
    expect(tables).not.toContain('__drizzle_migrations');
    expect(tables).not.toContain('audit_seal');
    // A table added by a (future) migration is covered once the trail is regenerated at open.
    sqlite.exec('CREATE TABLE later_table (id TEXT PRIMARY KEY, note TEXT, picture BLOB)');
    installAuditTrail(sqlite);
    sqlite.prepare("INSERT INTO later_table VALUES ('r1', 'hej', x'0102')").run();
    const row = sqlite.prepare("SELECT new_values FROM audit_log WHERE table_name = 'later_table'").pluck().get();
    expect(JSON.parse(String(row))).toEqual({ id: 'r1', note: 'hej', picture: '[2 byte]' });
    session.close();
  });

  it('refuses history for a table that is not audited', async () => {
    const { dispatch, session } = await apiWithOneUnit();
    const result = await dispatch('audit.history', { tableName: 'audit_log', rowId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Det finns ingen historik för den typen av uppgift.' } });
    session.close();
  });
});

describe('the audit log', () => {
  async function withThreeUsers() {
    const api = await apiWithOneUnit();
    api.ctx.actor = { osUser: 'kollega', displayName: 'Karin Kollega' };
    await api.dispatch('units.update', { id: api.unit.id, patch: { manager: 'Björn Ekström' } });
    api.ctx.actor = { osUser: 'chef', displayName: '' };
    await api.dispatch('operatingAreas.rename', { id: api.area.id, name: 'Hemtjänst och stöd' });
    return api;
  }

  it('lists distinct users with their number of changes', async () => {
    const { dispatch, session } = await withThreeUsers();
    const users = value<AuditUser[]>(await dispatch('audit.users', {}));
    expect(users).toEqual(
      expect.arrayContaining([
        { osUser: 'testare', displayName: 'Test Testsson', count: 2 },
        { osUser: 'kollega', displayName: 'Karin Kollega', count: 1 },
        { osUser: 'chef', displayName: '', count: 1 },
      ]),
    );
    session.close();
  });

  it('filters by user (OS or display name), by table and by type of change', async () => {
    const { dispatch, session } = await withThreeUsers();
    const all = value<AuditLogPage>(await dispatch('audit.log', {}));
    expect(all.total).toBe(4);
    expect(all.entries.map((e) => e.action)).toEqual(['update', 'update', 'insert', 'insert']);
    expect(value<AuditLogPage>(await dispatch('audit.log', { user: 'Karin Kollega' })).total).toBe(1);
    expect(value<AuditLogPage>(await dispatch('audit.log', { user: 'chef' })).entries[0]?.tableName).toBe('operating_areas');
    expect(value<AuditLogPage>(await dispatch('audit.log', { tableName: 'units' })).total).toBe(2);
    expect(value<AuditLogPage>(await dispatch('audit.log', { action: 'insert' })).total).toBe(2);
    expect(value<AuditLogPage>(await dispatch('audit.log', { action: 'delete' })).total).toBe(0);
    session.close();
  });

  it('filters by date range in local dates and pages the result', async () => {
    const { dispatch, session } = await withThreeUsers();
    const sqlite = session.db.sqlite;
    // Move one entry back in time (the guard is lifted for the test only, as IT would do it).
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    const oldest = sqlite.prepare('SELECT id FROM audit_log ORDER BY at LIMIT 1').pluck().get();
    sqlite.prepare("UPDATE audit_log SET at = '2025-03-10T11:00:00.000Z' WHERE id = ?").run(oldest);
    expect(value<AuditLogPage>(await dispatch('audit.log', { from: '2025-03-10', to: '2025-03-10' })).total).toBe(1);
    expect(value<AuditLogPage>(await dispatch('audit.log', { to: '2025-12-31' })).total).toBe(1);
    expect(value<AuditLogPage>(await dispatch('audit.log', { from: '2025-03-11' })).total).toBe(3);
    const page = value<AuditLogPage>(await dispatch('audit.log', { limit: 2, offset: 2 }));
    expect(page).toMatchObject({ total: 4 });
    expect(page.entries).toHaveLength(2);
    expect(page.entries[1]?.id).toBe(oldest);
    const reversed = await dispatch('audit.log', { from: '2026-02-01', to: '2026-01-01' });
    expect(reversed).toMatchObject({ ok: false, error: { message: 'Till och med kan inte vara före Från och med.' } });
    session.close();
  });

  it('counts up to a cap past the page and says "more than" beyond it; the user filter still merges both names newest first', async () => {
    const { dispatch, session } = await withThreeUsers();
    const sqlite = session.db.sqlite;
    // AUDIT_TOTAL_CAP more entries, recorded for the connection's last actor (the OS user "chef").
    const insert = sqlite.prepare('INSERT INTO settings (id, key, value) VALUES (?, ?, ?)');
    sqlite.transaction(() => {
      for (let i = 0; i < AUDIT_TOTAL_CAP; i++) insert.run(`s-${i}`, `nyckel-${i}`, 'v');
    })();
    const first = value<AuditLogPage>(await dispatch('audit.log', {}));
    expect(first).toMatchObject({ total: AUDIT_TOTAL_CAP, totalCapped: true });
    // Further on, the cap counts from the offset: the 4 + AUDIT_TOTAL_CAP entries are within it, so counted exactly.
    const deep = value<AuditLogPage>(await dispatch('audit.log', { offset: 500, limit: 10 }));
    expect(deep).toMatchObject({ total: 4 + AUDIT_TOTAL_CAP, totalCapped: false });
    expect(deep.entries).toHaveLength(10);
    const exact = value<AuditLogPage>(await dispatch('audit.log', { tableName: 'units' }));
    expect(exact).toMatchObject({ total: 2, totalCapped: false });
    // The newest entry of the display name "Karin Kollega" is her units.update, not one of the settings.
    const karin = value<AuditLogPage>(await dispatch('audit.log', { user: 'Karin Kollega', limit: 5 }));
    expect(karin).toMatchObject({ total: 1, totalCapped: false });
    expect(karin.entries[0]?.tableName).toBe('units');
    expect(value<AuditLogPage>(await dispatch('audit.log', { user: 'chef', limit: 1 }))).toMatchObject({ total: AUDIT_TOTAL_CAP, totalCapped: true });
    session.close();
  });
});

describe('changesOf', () => {
  it('turns non-text values into text and leaves out empty fields of an insert', () => {
    expect(changesOf('insert', null, JSON.stringify({ id: 'x', year: 2026, note: '', closed: null }))).toEqual([
      { field: 'year', oldValue: null, newValue: '2026' },
    ]);
    expect(changesOf('update', JSON.stringify({ note: 'a', n: 1 }), JSON.stringify({ note: '', n: 1 }))).toEqual([
      { field: 'note', oldValue: 'a', newValue: '' },
    ]);
    expect(changesOf('update', 'inte json', null)).toEqual([]);
  });
});
