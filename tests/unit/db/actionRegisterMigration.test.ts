// Migrations 0001–0003 on a database made by the previous schema: the committed fixture
// tests/fixtures/migrations/0000-demo.db.gz was written by main's code at migration 0000 (see its
// README), so the migration runs on real 0000 tables and data, not on today's code imitating them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openDatabase } from '../../../db/open.ts';
import type { ActionRow, AuditEntry, InspectionDetail, NameDuplicate } from '../../../db/api/contract.ts';
import { migrationsFolder, migrationsWithAppended, testApi, value } from '../../helpers/db.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

const FIXTURE = path.join(projectRoot, 'tests', 'fixtures', 'migrations', '0000-demo.db.gz');
const PROBE = path.join(projectRoot, 'tests', 'fixtures', 'migrations', 'rebuild-probe', '0004_rebuild_children_probe.sql');

/** A fresh copy of the 0000 fixture in a temp folder. */
function fixtureCopy(): string {
  const file = path.join(tempDir(), 'kvalitetsnavet.db');
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(FIXTURE)));
  return file;
}

type Row = Record<string, unknown>;

interface Snapshot {
  tables: string[];
  counts: Map<string, number>;
  requiredActions: Row[];
  audit: Row[];
  inspectionUnit: Map<string, string>;
}

function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
      .pluck()
      .all() as string[];
    const counts = new Map(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
    const has = (t: string) => tables.includes(t);
    return {
      tables,
      counts,
      requiredActions: has('required_actions') ? (db.prepare('SELECT * FROM required_actions ORDER BY id').all() as Row[]) : [],
      audit: db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[],
      inspectionUnit: new Map((db.prepare('SELECT id, unit_id FROM inspections').all() as { id: string; unit_id: string }[]).map((r) => [r.id, r.unit_id])),
    };
  } finally {
    db.close();
  }
}

function migrate(file: string) {
  const db = openDatabase(file, { migrationsFolder });
  db.sqlite.close();
  return snapshot(file);
}

describe('migrating a 0000 database with the demo into the action register', () => {
  it('starts from the fixture as its README describes it (hand-counted)', () => {
    const before = snapshot(fixtureCopy());
    expect(before.tables).toContain('required_actions');
    expect(before.tables).not.toContain('actions');
    expect(before.requiredActions).toHaveLength(73);
    const byStatus = Object.fromEntries(['oppen', 'atgardsplan_inkommen', 'atgardad', 'verifierad', 'stangd'].map((s) => [s, before.requiredActions.filter((r) => r.status === s).length]));
    expect(byStatus).toEqual({ oppen: 10, atgardsplan_inkommen: 12, atgardad: 3, verifierad: 2, stangd: 46 });
    expect(before.counts.get('units')).toBe(62);
    expect(before.audit).toHaveLength(813);
    expect(before.audit.filter((e) => e.table_name === 'required_actions')).toHaveLength(75);
  });

  it('moves every required action into the register with the same id and fields, source tillsyn and the unit of its inspection', () => {
    const file = fixtureCopy();
    const before = snapshot(file);
    const after = migrate(file);
    const db = new Database(file, { readonly: true });
    const actions = db.prepare('SELECT * FROM actions ORDER BY id').all() as Row[];
    db.close();
    expect(actions).toHaveLength(73);
    expect(actions).toEqual(
      before.requiredActions.map((r) => ({
        ...r,
        source: 'tillsyn',
        reason: '',
        unit_id: before.inspectionUnit.get(String(r.inspection_id)),
        closing_note: '',
        // Added by migration 0005 (the utförare's åtgärdsplan, beställare informerad).
        provider_plan_received_on: null,
        provider_plan_summary: '',
        commissioner_informed_on: null,
        // Added by 0007 (lex Sarah/lex Maria's link) and 0008 (självskattning's): empty on every tillsyn action.
        lex_case_id: null,
        statement_id: null,
        self_assessment_year: null,
        // Added by 0010 (risks), 0014 (analysverkstad sessions) and 0015 (kvalitetsråd agenda items).
        risk_id: null,
        analysis_session_id: null,
        council_item_id: null,
      })),
    );
    expect(after.tables).not.toContain('required_actions');
    expect(after.counts.get('action_follow_ups')).toBe(0);
  });

  it('leaves every other row and every audit entry as it was; integrity_check ok, foreign_key_check empty', () => {
    const file = fixtureCopy();
    const before = snapshot(file);
    const after = migrate(file);
    for (const [table, count] of before.counts) {
      if (table === 'required_actions' || table === '__drizzle_migrations') continue;
      expect([table, after.counts.get(table)]).toEqual([table, count]);
    }
    // Every committed migration applied (0000 … the latest; later ones such as 0006's indexes add no rows).
    expect(after.counts.get('__drizzle_migrations')).toBe(readMigrationFiles({ migrationsFolder }).length);
    // The log is append-only and never rewritten: the same 813 entries, byte for byte.
    expect(after.audit).toEqual(before.audit);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it("shows an action's history from before the move, under its old table name, with what came after", async () => {
    const file = fixtureCopy();
    const before = snapshot(file);
    // The action Test Testsson edited twice in the fixture: Ansvarig, then status and follow-up date.
    const edited = before.audit.find((e) => e.table_name === 'required_actions' && e.action === 'update' && e.display_name === 'Test Testsson');
    const id = String(edited?.row_id);
    const api = testApi({ file });
    try {
      const history = value<AuditEntry[]>(await api.dispatch('audit.history', { tableName: 'actions', rowId: id }));
      expect(history.map((e) => [e.tableName, e.action, e.displayName])).toEqual([
        ['required_actions', 'update', 'Test Testsson'],
        ['required_actions', 'update', 'Test Testsson'],
        ['required_actions', 'insert', ''],
      ]);
      expect(history[0]?.changes.map((c) => [c.field, c.newValue])).toEqual([
        ['status', 'atgardsplan_inkommen'],
        ['follow_up_date', '2027-01-15'],
      ]);
      expect(history[1]?.changes).toMatchObject([{ field: 'responsible', newValue: 'Verksamhetschef Eva Holm' }]);

      value(await api.dispatch('actions.addFollowUp', { actionId: id, notedOn: '2027-01-15', note: 'Planen är rimlig; verifieras i mars.' }));
      value(await api.dispatch('actions.update', { id, patch: { status: 'atgardad' } }));
      const longer = value<AuditEntry[]>(await api.dispatch('audit.history', { tableName: 'actions', rowId: id }));
      expect(longer.map((e) => `${e.tableName} ${e.action}`)).toEqual([
        'actions update',
        'required_actions update',
        'required_actions update',
        'required_actions insert',
      ]);
      // The Spårbarhet log filtered on the register includes the entries from before the move.
      const log = value<{ total: number }>(await api.dispatch('audit.log', { tableName: 'actions', limit: 1 }));
      expect(log.total).toBe(75 + 1);
      const old = value<{ total: number }>(await api.dispatch('audit.log', { tableName: 'required_actions', limit: 1 }));
      expect(old.total).toBe(75);
    } finally {
      api.session.close();
    }
  });

  it('lists the same actions in the inspection record and the tillsynsberättelse as before the move', async () => {
    const file = fixtureCopy();
    const before = snapshot(file);
    const api = testApi({ file });
    try {
      const byInspection = new Map<string, Row[]>();
      for (const r of before.requiredActions) byInspection.set(String(r.inspection_id), [...(byInspection.get(String(r.inspection_id)) ?? []), r]);
      for (const [inspectionId, rows] of byInspection) {
        const detail = value<InspectionDetail>(await api.dispatch('inspections.get', { id: inspectionId }));
        expect(detail.actions.map((a) => [a.id, a.source, a.description, a.deadline, a.status]).sort()).toEqual(
          rows.map((r) => [r.id, 'tillsyn', r.description, r.deadline, r.status]).sort(),
        );
      }
      const register = value<ActionRow[]>(await api.dispatch('actions.list', { filter: 'all', source: 'tillsyn' }));
      expect(register).toHaveLength(73);
      const year2026 = before.requiredActions.filter((r) => yearOf(file, String(r.inspection_id)) === '2026');
      const annual = value<{ actions: { total: number } }>(await api.dispatch('reports.annual', { year: 2026 }));
      expect(annual.actions.total).toBe(year2026.length);
    } finally {
      api.session.close();
    }
  });

  it('keeps names that now fold alike, lists them, and refuses a new one', async () => {
    const file = fixtureCopy();
    const api = testApi({ file });
    try {
      const duplicates = value<NameDuplicate[]>(await api.dispatch('names.duplicates', {}));
      expect(duplicates.map((d) => [d.scope, d.name, d.sameAs, d.operatingAreaName])).toEqual([
        ['unit', 'älvgården', 'Älvgården', 'Hemtjänst'],
        ['inspector', 'åsa öberg', 'Åsa Öberg', null],
      ]);
      const units = value<{ name: string }[]>(await api.dispatch('units.list', {}));
      expect(units.filter((u) => u.name.toLowerCase().includes('lvgården')).map((u) => u.name).sort()).toEqual(['Älvgården', 'älvgården']);
      const hemtjanst = value<{ id: string; name: string }[]>(await api.dispatch('operatingAreas.list', {})).find((a) => a.name === 'Hemtjänst');
      const third = await api.dispatch('units.create', {
        operatingAreaId: hemtjanst?.id,
        name: 'ÄLVGÅRDEN',
        unitType: 'hemtjanst',
        regi: 'egen_regi',
        provider: 'Exempelby kommun',
      });
      expect(third).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ field: 'name' }] } });
      // Renaming the kept duplicate gives it a folded name; it leaves the list.
      const kept = value<{ id: string; name: string }[]>(await api.dispatch('units.list', {})).find((u) => u.name === 'älvgården');
      value(await api.dispatch('units.update', { id: kept?.id, patch: { name: 'Älvgården Norra' } }));
      expect(value<NameDuplicate[]>(await api.dispatch('names.duplicates', {})).map((d) => d.name)).toEqual(['åsa öberg']);
    } finally {
      api.session.close();
    }
  });

  it('refuses the whole migration, and leaves the file at 0000, when a required action cannot be moved', () => {
    const file = fixtureCopy();
    const raw = new Database(file);
    // Written by another program with foreign keys off: an action whose inspection is gone.
    raw.pragma('foreign_keys = OFF');
    raw.prepare("UPDATE required_actions SET inspection_id = '00000000-0000-7000-8000-000000000000' WHERE id = (SELECT min(id) FROM required_actions)").run();
    raw.close();
    const before = snapshot(file);
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(DatabaseOpenError);
    const after = snapshot(file);
    expect(after.tables).toEqual(before.tables);
    expect(after.requiredActions).toEqual(before.requiredActions);
    expect(after.counts.get('__drizzle_migrations')).toBe(1);
  });
});

function yearOf(file: string, inspectionId: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.prepare('SELECT substr(start_date, 1, 4) FROM inspections WHERE id = ?').pluck().get(inspectionId));
  } finally {
    db.close();
  }
}

describe("a drizzle-kit table rebuild after the move (drizzle-orm #5782)", () => {
  // The probe is drizzle-kit's own output for a CHECK added to plan_entries and to actions: create
  // __new_, copy, DROP the old table, rename. plan_entry_inspectors cascades from plan_entries,
  // action_follow_ups restricts on actions.
  function withProbe(): string {
    return migrationsWithAppended('0004_rebuild_children_probe', fs.readFileSync(PROBE, 'utf8'));
  }

  async function migratedWithFollowUps(): Promise<string> {
    const file = fixtureCopy();
    const api = testApi({ file });
    try {
      const [first, second] = value<ActionRow[]>(await api.dispatch('actions.list', { filter: 'open' }));
      value(await api.dispatch('actions.addFollowUp', { actionId: first?.id, notedOn: '2026-12-01', note: 'Åtgärdsplan inkommen.' }));
      value(await api.dispatch('actions.addFollowUp', { actionId: second?.id, notedOn: '2026-12-02', note: 'Påminnelse skickad.' }));
    } finally {
      api.session.close();
    }
    return file;
  }

  it('keeps every child row when the app runs it (foreign keys off before BEGIN)', async () => {
    const file = await migratedWithFollowUps();
    const before = snapshot(file);
    expect(before.counts.get('action_follow_ups')).toBe(2);
    expect(before.counts.get('plan_entry_inspectors')).toBe(60);
    const db = openDatabase(file, { migrationsFolder: withProbe() });
    db.sqlite.close();
    const after = snapshot(file);
    for (const [table, count] of before.counts) {
      if (table === '__drizzle_migrations') continue;
      expect([table, after.counts.get(table)]).toEqual([table, count]);
    }
    expect(after.audit).toEqual(before.audit);
  });

  it('would have failed or deleted the cascading children with foreign keys on (the guard is needed)', async () => {
    const file = await migratedWithFollowUps();
    const raw = new Database(file);
    raw.pragma('foreign_keys = ON');
    const statements = fs.readFileSync(PROBE, 'utf8').split('--> statement-breakpoint');
    const planPart = statements.slice(0, statements.findIndex((s) => s.includes('CREATE TABLE `__new_actions`')));
    const actionsPart = statements.slice(planPart.length);
    const run = (part: string[]) => raw.transaction(() => {
      for (const statement of part) if (!statement.includes('PRAGMA')) raw.exec(statement);
    })();
    // DROP TABLE deletes every row first: inspections and follow-up notes refuse it …
    expect(() => run(planPart)).toThrow('FOREIGN KEY constraint failed');
    expect(() => run(actionsPart)).toThrow('FOREIGN KEY constraint failed');
    // … and where nothing refuses, the cascade empties plan_entry_inspectors.
    raw.exec('UPDATE inspections SET plan_entry_id = NULL');
    run(planPart);
    expect(raw.prepare('SELECT count(*) FROM plan_entry_inspectors').pluck().get()).toBe(0);
    raw.close();
  });
});

describe('migration 0008 (självskattning) on the same populated database', () => {
  it('adds the empty självskattning tables and the action link, and the migrated file takes a template, answers and an action', async () => {
    const file = fixtureCopy();
    const api = testApi({ file });
    try {
      const sqlite = api.session.db.sqlite;
      for (const table of ['self_assessment_statements', 'self_assessment_templates', 'self_assessment_template_statements', 'self_assessment_answers']) {
        expect([table, sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()]).toEqual([table, 0]);
      }
      expect(sqlite.prepare('SELECT count(*) FROM actions WHERE statement_id IS NOT NULL OR self_assessment_year IS NOT NULL').pluck().get()).toBe(0);
      const unitId = String(sqlite.prepare("SELECT id FROM units WHERE name = 'Hemtjänst Norr'").pluck().get());
      value(await api.dispatch('selfAssessment.createTemplate', { year: 2026 }));
      const statement = value<{ id: string; statementId: string }>(
        await api.dispatch('selfAssessment.addStatement', { year: 2026, area: 'helhetssyn_samordning', text: 'Enheten deltar i SIP.' }),
      );
      value(await api.dispatch('selfAssessment.saveAnswers', { unitId, year: 2026, cells: [{ templateStatementId: statement.id, score: 3 }] }));
      const action = value<ActionRow>(
        await api.dispatch('actions.create', {
          source: 'sjalvskattning', description: 'Rutin för SIP.', deadline: '2027-03-31', unitId, statementId: statement.statementId, selfAssessmentYear: 2026,
        }),
      );
      expect(action).toMatchObject({ statementText: 'Enheten deltar i SIP.', unitName: 'Hemtjänst Norr' });
      expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    } finally {
      api.session.close();
    }
  });
});
