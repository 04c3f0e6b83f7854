// Handlers for verksamhetsområden and enheter: list, edit, delete-or-refuse, import and export.
import { and, count, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { inspections, planEntries } from '../../schema/inspections.ts';
import { operatingAreas, units } from '../../schema/organisation.ts';
import { feedbackCounts, lexCases } from '../../schema/lexCases.ts';
import { AppError } from '../../errors.ts';
import { assertCommittable, checkedPreview, type ImportPreview, type ImportSpec } from '../../io/importPipeline.ts';
import { codeFromLabel, REGI_LABELS, UNIT_TYPE_LABELS } from '../labels.ts';
import { preparedWrite, type ApiContext, type Handlers } from '../handle.ts';
import type { OperatingAreaRow, UnitImportRow, UnitRow } from '../units.contract.ts';
import { PROVIDER_REQUIRED_MESSAGE, providerSatisfied } from '../../domain/codes.ts';
import type { AppDatabase, Orm } from '../../open.ts';
import { requiredText, optionalText, type UploadedFile } from '../fields.ts';
import { swedishCompare } from '../../shared/collation.ts';
import { exportXlsx } from '../../io/renderers.ts';
import { stamp } from '../../writes/stamp.ts';
import { prepareBulkInsert, type BulkValue } from '../../writes/bulkInsert.ts';
import { newId } from '../../schema/common.ts';
import { foldName } from '../../shared/names.ts';
import { findSameName, listNameDuplicates } from '../../queries/names.ts';

type UnitHandlers = Pick<
  Handlers,
  | 'operatingAreas.list'
  | 'operatingAreas.create'
  | 'operatingAreas.rename'
  | 'operatingAreas.delete'
  | 'units.summary'
  | 'units.list'
  | 'units.create'
  | 'units.update'
  | 'units.delete'
  | 'units.restore'
  | 'units.setArchived'
  | 'units.importPreview'
  | 'units.importCommit'
  | 'units.exportXlsx'
  | 'names.duplicates'
>;

const unitSelection = {
  id: units.id,
  operatingAreaId: units.operatingAreaId,
  operatingAreaName: operatingAreas.name,
  name: units.name,
  unitType: units.unitType,
  regi: units.regi,
  provider: units.provider,
  manager: units.manager,
  activeFrom: units.activeFrom,
  activeTo: units.activeTo,
  archivedAt: units.archivedAt,
  updatedAt: units.updatedAt,
};

function listUnits(orm: Orm, includeArchived: boolean): UnitRow[] {
  const rows = orm
    .select(unitSelection)
    .from(units)
    .innerJoin(operatingAreas, eq(units.operatingAreaId, operatingAreas.id))
    .where(includeArchived ? undefined : isNull(units.archivedAt))
    .all();
  return rows.sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName) || swedishCompare(a.name, b.name));
}

function getUnit(orm: Orm, id: string): UnitRow {
  const row = orm
    .select(unitSelection)
    .from(units)
    .innerJoin(operatingAreas, eq(units.operatingAreaId, operatingAreas.id))
    .where(eq(units.id, id))
    .get();
  if (!row) throw new AppError('not_found', 'Enheten finns inte längre (den kan ha tagits bort).');
  return row;
}

function listAreas(orm: Orm): OperatingAreaRow[] {
  const rows = orm
    .select({
      id: operatingAreas.id,
      name: operatingAreas.name,
      archivedAt: operatingAreas.archivedAt,
      unitCount: count(units.id),
    })
    .from(operatingAreas)
    .leftJoin(units, and(eq(units.operatingAreaId, operatingAreas.id), isNull(units.archivedAt)))
    .groupBy(operatingAreas.id)
    .all();
  return rows.sort((a, b) => swedishCompare(a.name, b.name));
}

function assertAreaExists(orm: Orm, id: string): void {
  if (!orm.select({ id: operatingAreas.id }).from(operatingAreas).where(eq(operatingAreas.id, id)).get()) {
    throw new AppError('invalid_input', 'Verksamhetsområdet finns inte.', '', [
      { field: 'operatingAreaId', message: 'Välj ett verksamhetsområde som finns.' },
    ]);
  }
}

function assertUniqueUnitName(db: AppDatabase, areaId: string, name: string, exceptId?: string): void {
  if (findSameName(db, 'unit', name, { operatingAreaId: areaId, ...(exceptId ? { exceptId } : {}) })) {
    throw new AppError('conflict', `Det finns redan en enhet som heter ”${name}” i verksamhetsområdet.`, '', [
      { field: 'name', message: 'Namnet används redan i verksamhetsområdet.' },
    ]);
  }
}

function assertUniqueAreaName(db: AppDatabase, name: string, exceptId?: string): void {
  if (findSameName(db, 'operatingArea', name, exceptId ? { exceptId } : {})) {
    throw new AppError('conflict', `Verksamhetsområdet ”${name}” finns redan.`, '', [
      { field: 'name', message: 'Namnet används redan av ett annat verksamhetsområde.' },
    ]);
  }
}

/** What refers to a unit; a unit with history is archived, never deleted. */
function unitReferences(orm: Orm, id: string): number {
  const planned = orm.select({ n: count() }).from(planEntries).where(eq(planEntries.unitId, id)).get()?.n ?? 0;
  const inspected = orm.select({ n: count() }).from(inspections).where(eq(inspections.unitId, id)).get()?.n ?? 0;
  const lex = orm.select({ n: count() }).from(lexCases).where(eq(lexCases.unitId, id)).get()?.n ?? 0;
  const feedback = orm.select({ n: count() }).from(feedbackCounts).where(eq(feedbackCounts.unitId, id)).get()?.n ?? 0;
  return planned + inspected + lex + feedback;
}

const importColumns = [
  { key: 'operatingAreaName', header: 'Verksamhetsområde' },
  { key: 'name', header: 'Enhet', aliases: ['Enhetsnamn', 'Namn'] },
  { key: 'unitType', header: 'Verksamhetstyp', aliases: ['Typ'] },
  { key: 'regi', header: 'Regi' },
  { key: 'provider', header: 'Utförare' },
  { key: 'manager', header: 'Enhetschef', aliases: ['Chef'] },
] as const;
type ImportKey = (typeof importColumns)[number]['key'];

const importRowSchema = z.object({
  operatingAreaName: requiredText('Verksamhetsområde', 120),
  name: requiredText('Enhet', 120),
  unitType: z.string().transform((text, ctx) => {
    const code = codeFromLabel(UNIT_TYPE_LABELS, text);
    if (!code) {
      ctx.addIssue({
        code: 'custom',
        message: text
          ? `Okänd verksamhetstyp ”${text}”. Tillåtna: ${Object.values(UNIT_TYPE_LABELS).join(', ')}.`
          : 'Verksamhetstyp måste fyllas i.',
      });
      return z.NEVER;
    }
    return code;
  }),
  regi: z.string().transform((text, ctx) => {
    const code = codeFromLabel(REGI_LABELS, text);
    if (!code) {
      ctx.addIssue({
        code: 'custom',
        message: text
          ? `Okänd regi ”${text}”. Tillåtna: ${Object.values(REGI_LABELS).join(', ')}.`
          : 'Regi måste fyllas i.',
      });
      return z.NEVER;
    }
    return code;
  }),
  provider: optionalText('Utförare', 160),
  manager: optionalText('Enhetschef', 120),
}).refine((row) => providerSatisfied(row.regi, row.provider), { error: PROVIDER_REQUIRED_MESSAGE, path: ['provider'] });

/**
 * The checked file: the commit of a file the user has just previewed reuses that preview while the
 * database is unchanged (checkedWhileUnchanged), so the file is read and validated once.
 */
function previewUnitImport(ctx: ApiContext, file: UploadedFile): Promise<ImportPreview<UnitImportRow>> {
  const { orm, sqlite } = ctx.session.db;
  return checkedPreview(sqlite, 'units.import', file, () => unitImportSpec(orm));
}

function unitImportSpec(orm: Orm): ImportSpec<ImportKey, UnitImportRow> {
  return {
    columns: [...importColumns],
    rowSchema: importRowSchema,
    checkRows: (rows) => {
      const existing = new Set(
        orm
          .select({ area: operatingAreas.name, name: units.name })
          .from(units)
          .innerJoin(operatingAreas, eq(units.operatingAreaId, operatingAreas.id))
          .all()
          .map((r) => `${foldName(r.area)}\u0000${foldName(r.name)}`),
      );
      const seen = new Map<string, number>();
      const issues = [];
      for (const { rowNumber, values } of rows) {
        const key = `${foldName(values.operatingAreaName)}\u0000${foldName(values.name)}`;
        if (existing.has(key)) {
          issues.push({ rowNumber, column: 'Enhet', message: `Enheten ”${values.name}” finns redan i ${values.operatingAreaName}.` });
        } else if (seen.has(key)) {
          issues.push({ rowNumber, column: 'Enhet', message: `Enheten ”${values.name}” finns redan på rad ${seen.get(key)}.` });
        } else {
          seen.set(key, rowNumber);
        }
      }
      return issues;
    },
  };
}

export const unitHandlers: UnitHandlers = {
  'operatingAreas.list': (ctx) => listAreas(ctx.session.db.orm),

  'operatingAreas.create': (ctx, { name }) => {
    const orm = ctx.session.db.orm;
    assertUniqueAreaName(ctx.session.db, name);
    const row = orm.insert(operatingAreas).values({ name, nameFolded: foldName(name), updatedBy: stamp(ctx).updatedBy }).returning().get();
    return { id: row.id, name: row.name, archivedAt: row.archivedAt, unitCount: 0 };
  },

  'operatingAreas.rename': (ctx, { id, name }) => {
    const orm = ctx.session.db.orm;
    assertUniqueAreaName(ctx.session.db, name, id);
    const updated = orm.update(operatingAreas).set({ name, nameFolded: foldName(name), ...stamp(ctx) }).where(eq(operatingAreas.id, id)).run();
    if (updated.changes === 0) throw new AppError('not_found', 'Verksamhetsområdet finns inte längre.');
    const row = listAreas(orm).find((a) => a.id === id);
    if (!row) throw new AppError('not_found', 'Verksamhetsområdet finns inte längre.');
    return row;
  },

  'operatingAreas.delete': (ctx, { id }) => {
    const orm = ctx.session.db.orm;
    const used = orm.select({ n: count() }).from(units).where(eq(units.operatingAreaId, id)).get()?.n ?? 0;
    if (used > 0) {
      throw new AppError('referenced', `Verksamhetsområdet har ${used} enheter och kan inte tas bort. Flytta eller arkivera enheterna först.`);
    }
    const deleted = orm.delete(operatingAreas).where(eq(operatingAreas.id, id)).run();
    if (deleted.changes === 0) throw new AppError('not_found', 'Verksamhetsområdet finns inte längre.');
    return { deleted: true };
  },

  'units.summary': (ctx) => {
    const orm = ctx.session.db.orm;
    const byAreaAndRegi = orm
      .select({ operatingAreaName: operatingAreas.name, regi: units.regi, count: count() })
      .from(units)
      .innerJoin(operatingAreas, eq(units.operatingAreaId, operatingAreas.id))
      .where(isNull(units.archivedAt))
      .groupBy(operatingAreas.name, units.regi)
      .all()
      .sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName));
    return {
      areaCount: orm.select({ n: count() }).from(operatingAreas).where(isNull(operatingAreas.archivedAt)).get()?.n ?? 0,
      unitCount: byAreaAndRegi.reduce((sum, r) => sum + r.count, 0),
      byAreaAndRegi,
    };
  },

  'units.list': (ctx, { includeArchived }) => listUnits(ctx.session.db.orm, includeArchived),

  'units.create': (ctx, input) => {
    const orm = ctx.session.db.orm;
    assertAreaExists(orm, input.operatingAreaId);
    assertUniqueUnitName(ctx.session.db, input.operatingAreaId, input.name);
    const row = orm.insert(units).values({ ...input, nameFolded: foldName(input.name), updatedBy: stamp(ctx).updatedBy }).returning().get();
    return getUnit(orm, row.id);
  },

  'units.update': (ctx, { id, patch }) => {
    const orm = ctx.session.db.orm;
    const current = getUnit(orm, id);
    const next = { ...current, ...patch };
    if (patch.operatingAreaId) assertAreaExists(orm, patch.operatingAreaId);
    if (patch.name !== undefined || patch.operatingAreaId !== undefined) {
      assertUniqueUnitName(ctx.session.db, next.operatingAreaId, next.name, id);
    }
    if (!providerSatisfied(next.regi, next.provider)) {
      throw new AppError('invalid_input', PROVIDER_REQUIRED_MESSAGE, '', [{ field: 'provider', message: PROVIDER_REQUIRED_MESSAGE }]);
    }
    if (next.activeFrom && next.activeTo && next.activeTo < next.activeFrom) {
      throw new AppError('invalid_input', 'Aktiv till kan inte vara före Aktiv från.', '', [
        { field: 'activeTo', message: 'Aktiv till kan inte vara före Aktiv från.' },
      ]);
    }
    const folded = patch.name !== undefined ? { nameFolded: foldName(patch.name) } : {};
    orm.update(units).set({ ...patch, ...folded, ...stamp(ctx) }).where(eq(units.id, id)).run();
    return getUnit(orm, id);
  },

  'units.delete': (ctx, { id }) => {
    const orm = ctx.session.db.orm;
    getUnit(orm, id);
    const references = unitReferences(orm, id);
    if (references > 0) {
      throw new AppError(
        'referenced',
        'Enheten har historik (planering, tillsyner, lex Sarah/lex Maria-ärenden eller synpunkter) och kan inte tas bort. Arkivera den i stället – historiken finns då kvar.',
      );
    }
    orm.delete(units).where(eq(units.id, id)).run();
    return { deleted: true as const };
  },

  'units.restore': (ctx, { id, values }) => {
    const orm = ctx.session.db.orm;
    if (orm.select({ id: units.id }).from(units).where(eq(units.id, id)).get()) {
      throw new AppError('conflict', 'Enheten finns redan.');
    }
    assertAreaExists(orm, values.operatingAreaId);
    assertUniqueUnitName(ctx.session.db, values.operatingAreaId, values.name);
    orm.insert(units).values({ id, ...values, nameFolded: foldName(values.name), updatedBy: stamp(ctx).updatedBy }).run();
    return getUnit(orm, id);
  },

  'units.setArchived': (ctx, { id, archived }) => {
    const orm = ctx.session.db.orm;
    getUnit(orm, id);
    orm
      .update(units)
      .set({ archivedAt: archived ? new Date().toISOString() : null, ...stamp(ctx) })
      .where(eq(units.id, id))
      .run();
    return getUnit(orm, id);
  },

  'units.importPreview': (ctx, { file }) => previewUnitImport(ctx, file),

  // Parsing the upload is async, so it happens in prepare, outside the transaction; the write step
  // is synchronous and writes the whole file in the dispatch's one transaction or not at all.
  'units.importCommit': preparedWrite({
    prepare: async (ctx, { file }) => {
      const preview = await previewUnitImport(ctx, file);
      assertCommittable(preview);
      return preview;
    },
    write: (ctx, _input, preview) => {
      const { orm, sqlite } = ctx.session.db;
      const by = stamp(ctx).updatedBy;
      const areaIds = new Map(listAreas(orm).map((a) => [foldName(a.name), a.id]));
      let createdAreas = 0;
      const rows = preview.rows.map(({ values }): BulkValue[] => {
        const key = foldName(values.operatingAreaName);
        let areaId = areaIds.get(key);
        if (!areaId) {
          areaId = orm.insert(operatingAreas).values({ name: values.operatingAreaName, nameFolded: key, updatedBy: by }).returning().get().id;
          areaIds.set(key, areaId);
          createdAreas++;
        }
        return [newId(), areaId, values.name, foldName(values.name), values.unitType, values.regi, values.provider, values.manager];
      });
      const inserted = prepareBulkInsert(sqlite, {
        table: 'units',
        columns: ['id', 'operating_area_id', 'name', 'name_folded', 'unit_type', 'regi', 'provider', 'manager'],
        shared: { updated_by: 'updatedBy' },
      })(rows, { updatedBy: by });
      return { inserted, createdAreas };
    },
  }),

  'units.exportXlsx': async (ctx, { includeArchived }) => {
    const rows = listUnits(ctx.session.db.orm, includeArchived);
    return exportXlsx({
      fileName: `enheter-${new Date().toISOString().slice(0, 10)}.xlsx`,
      sheetName: 'Enheter',
      rows,
      columns: [
        { header: 'Verksamhetsområde', width: 28, value: (u) => u.operatingAreaName },
        { header: 'Enhet', width: 32, value: (u) => u.name },
        { header: 'Verksamhetstyp', width: 22, value: (u) => UNIT_TYPE_LABELS[u.unitType] },
        { header: 'Regi', width: 18, value: (u) => REGI_LABELS[u.regi] },
        { header: 'Utförare', width: 30, value: (u) => u.provider },
        { header: 'Enhetschef', width: 24, value: (u) => u.manager },
        { header: 'Aktiv från', width: 12, value: (u) => u.activeFrom },
        { header: 'Aktiv till', width: 12, value: (u) => u.activeTo },
      ],
    });
  },

  'names.duplicates': (ctx) => listNameDuplicates(ctx.session.db),
};
