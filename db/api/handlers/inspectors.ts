// Handlers for tillsynshandläggare (inspectors). One who is named on a plan entry or an
// inspection is archived, never deleted, so the history keeps its names.
import { eq } from 'drizzle-orm';
import { inspectors } from '../../schema/inspections.ts';
import { swedishCompare } from '../../shared/collation.ts';
import { AppError } from '../../errors.ts';
import { stamp } from '../../writes/stamp.ts';
import { foldName } from '../../shared/names.ts';
import { findSameName } from '../../queries/names.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';
import type { InspectorRow } from '../tillsynPlanning.contract.ts';

type InspectorHandlers = Pick<
  Handlers,
  'inspectors.list' | 'inspectors.create' | 'inspectors.update' | 'inspectors.delete' | 'inspectors.setArchived'
>;

const LIST_SQL = `
  SELECT i.id, i.name, i.email, i.archived_at AS archivedAt,
         (SELECT count(*) FROM plan_entry_inspectors p WHERE p.inspector_id = i.id) AS planEntryCount,
         (SELECT count(*) FROM inspection_inspectors x WHERE x.inspector_id = i.id) AS inspectionCount
  FROM inspectors i`;

export function listInspectors(db: AppDatabase, includeArchived: boolean): InspectorRow[] {
  const where = includeArchived ? '' : ' WHERE i.archived_at IS NULL';
  return db.sqlite
    .prepare<[], InspectorRow>(LIST_SQL + where)
    .all()
    .sort((a, b) => swedishCompare(a.name, b.name));
}

function getInspector(db: AppDatabase, id: string): InspectorRow {
  const row = db.sqlite.prepare<[string], InspectorRow>(`${LIST_SQL} WHERE i.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Tillsynshandläggaren finns inte längre (kan ha tagits bort).');
  return row;
}

function assertUniqueName(db: AppDatabase, name: string, exceptId?: string): void {
  if (findSameName(db, 'inspector', name, exceptId ? { exceptId } : {})) {
    throw new AppError('conflict', `Det finns redan en tillsynshandläggare som heter ”${name}”.`, '', [
      { field: 'name', message: 'Namnet används redan.' },
    ]);
  }
}

export const inspectorHandlers: InspectorHandlers = {
  'inspectors.list': (ctx, { includeArchived }) => listInspectors(ctx.session.db, includeArchived),

  'inspectors.create': (ctx, input) => {
    const db = ctx.session.db;
    assertUniqueName(db, input.name);
    const row = db.orm.insert(inspectors).values({ ...input, nameFolded: foldName(input.name), updatedBy: stamp(ctx).updatedBy }).returning().get();
    return getInspector(db, row.id);
  },

  'inspectors.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    getInspector(db, id);
    if (patch.name !== undefined) assertUniqueName(db, patch.name, id);
    const folded = patch.name !== undefined ? { nameFolded: foldName(patch.name) } : {};
    db.orm.update(inspectors).set({ ...patch, ...folded, ...stamp(ctx) }).where(eq(inspectors.id, id)).run();
    return getInspector(db, id);
  },

  'inspectors.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const row = getInspector(db, id);
    if (row.planEntryCount + row.inspectionCount > 0) {
      throw new AppError(
        'referenced',
        `${row.name} finns i ${row.planEntryCount} planerade och ${row.inspectionCount} genomförda tillsyner och kan inte tas bort. Arkivera i stället – historiken finns då kvar.`,
      );
    }
    db.orm.delete(inspectors).where(eq(inspectors.id, id)).run();
    return { deleted: true as const };
  },

  'inspectors.setArchived': (ctx, { id, archived }) => {
    const db = ctx.session.db;
    getInspector(db, id);
    db.orm
      .update(inspectors)
      .set({ archivedAt: archived ? new Date().toISOString() : null, ...stamp(ctx) })
      .where(eq(inspectors.id, id))
      .run();
    return getInspector(db, id);
  },
};
