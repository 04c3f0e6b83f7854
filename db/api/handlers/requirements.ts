// Handlers for the kvalitetskrav catalogue. Wording lives in versions: a version that an
// assessment refers to is never rewritten, so past inspections keep the text they were judged by.
import { eq, sql } from 'drizzle-orm';
import { qualityRequirements, qualityRequirementVersions } from '../../schema/inspections.ts';
import { QUALITY_REQUIREMENT_SEED } from '../../seed/qualityRequirements.ts';
import { swedishCompare } from '../../shared/collation.ts';
import { AppError } from '../../errors.ts';
import { stamp, todayIso } from './stamp.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';
import type { RequirementRow, RequirementVersionRow } from '../tillsynPlanning.contract.ts';

type RequirementHandlers = Pick<
  Handlers,
  | 'requirements.list'
  | 'requirements.versions'
  | 'requirements.create'
  | 'requirements.update'
  | 'requirements.delete'
  | 'requirements.setArchived'
  | 'requirements.loadDefaultCatalogue'
>;

interface RawRequirement extends Omit<RequirementRow, 'currentVersionInUse'> {
  currentVersionUses: number;
}

// One pass: each requirement joined to its highest version, with assessment counts per requirement
// and for the current version.
const LIST_SQL = `
  WITH current AS (
    SELECT v.* FROM quality_requirement_versions v
    WHERE v.version = (SELECT max(version) FROM quality_requirement_versions w WHERE w.requirement_id = v.requirement_id)
  ),
  uses AS (
    SELECT v.requirement_id, v.id AS version_id, count(a.id) AS n
    FROM quality_requirement_versions v JOIN assessments a ON a.requirement_version_id = v.id
    GROUP BY v.id
  )
  SELECT r.id, r.code, r.theme, r.sort_order AS sortOrder, r.archived_at AS archivedAt,
         c.id AS versionId, c.version, c.title, c.description, c.deadline_days AS deadlineDays,
         c.valid_from AS validFrom,
         coalesce((SELECT sum(n) FROM uses WHERE uses.requirement_id = r.id), 0) AS assessmentCount,
         coalesce((SELECT n FROM uses WHERE uses.version_id = c.id), 0) AS currentVersionUses
  FROM quality_requirements r JOIN current c ON c.requirement_id = r.id`;

function toRow({ currentVersionUses, ...raw }: RawRequirement): RequirementRow {
  return { ...raw, currentVersionInUse: currentVersionUses > 0 };
}

function compareRequirements(a: RequirementRow, b: RequirementRow): number {
  return a.sortOrder - b.sortOrder || swedishCompare(a.code, b.code);
}

export function listRequirements(db: AppDatabase, includeArchived: boolean): RequirementRow[] {
  const where = includeArchived ? '' : ' WHERE r.archived_at IS NULL';
  const rows = db.sqlite.prepare<[], RawRequirement>(LIST_SQL + where).all();
  return rows.map(toRow).sort(compareRequirements);
}

function getRequirement(db: AppDatabase, id: string): RequirementRow {
  const raw = db.sqlite.prepare<[string], RawRequirement>(`${LIST_SQL} WHERE r.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Kvalitetskravet finns inte längre (det kan ha tagits bort).');
  return toRow(raw);
}

function assertUniqueCode(db: AppDatabase, code: string, exceptId?: string): void {
  const clash = db.orm
    .select({ id: qualityRequirements.id })
    .from(qualityRequirements)
    .where(sql`lower(${qualityRequirements.code}) = lower(${code})`)
    .all()
    .some((r) => r.id !== exceptId);
  if (clash) {
    throw new AppError('conflict', `Det finns redan ett kvalitetskrav med koden ”${code}”.`, '', [
      { field: 'code', message: 'Koden används redan.' },
    ]);
  }
}

function nextSortOrder(db: AppDatabase): number {
  const max = db.sqlite.prepare<[], { m: number | null }>('SELECT max(sort_order) AS m FROM quality_requirements').get()?.m;
  return (max ?? 0) + 10;
}

export const requirementHandlers: RequirementHandlers = {
  'requirements.list': (ctx, { includeArchived }) => listRequirements(ctx.session.db, includeArchived),

  'requirements.versions': (ctx, { id }) => {
    const db = ctx.session.db;
    getRequirement(db, id);
    return db.sqlite
      .prepare<[string], RequirementVersionRow>(
        `SELECT v.id, v.requirement_id AS requirementId, v.version, v.title, v.description,
                v.deadline_days AS deadlineDays, v.valid_from AS validFrom,
                (SELECT count(*) FROM assessments a WHERE a.requirement_version_id = v.id) AS assessmentCount
         FROM quality_requirement_versions v WHERE v.requirement_id = ? ORDER BY v.version DESC`,
      )
      .all(id);
  },

  'requirements.create': (ctx, input) => {
    const db = ctx.session.db;
    const by = stamp(ctx).updatedBy;
    return db.sqlite.transaction(() => {
      assertUniqueCode(db, input.code);
      const requirement = { ...input, sortOrder: input.sortOrder ?? nextSortOrder(db) };
      const id = insertRequirement(db, requirement, by, todayIso());
      return getRequirement(db, id);
    })();
  },

  'requirements.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const current = getRequirement(db, id);
      const { title, description, deadlineDays, code, theme, sortOrder } = patch;
      if (code !== undefined && code !== current.code) assertUniqueCode(db, code, id);
      if (code !== undefined || theme !== undefined || sortOrder !== undefined) {
        db.orm
          .update(qualityRequirements)
          .set({ code, theme, sortOrder, ...stamp(ctx) })
          .where(eq(qualityRequirements.id, id))
          .run();
      }
      const wording = {
        title: title ?? current.title,
        description: description ?? current.description,
        deadlineDays: deadlineDays === undefined ? current.deadlineDays : deadlineDays,
      };
      const changed =
        wording.title !== current.title ||
        wording.description !== current.description ||
        wording.deadlineDays !== current.deadlineDays;
      if (changed && current.currentVersionInUse) {
        db.orm
          .insert(qualityRequirementVersions)
          .values({ requirementId: id, version: current.version + 1, ...wording, validFrom: todayIso(), updatedBy: stamp(ctx).updatedBy })
          .run();
      } else if (changed) {
        db.orm
          .update(qualityRequirementVersions)
          .set({ ...wording, ...stamp(ctx) })
          .where(eq(qualityRequirementVersions.id, current.versionId))
          .run();
      }
      return getRequirement(db, id);
    })();
  },

  'requirements.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const current = getRequirement(db, id);
      const themes =
        db.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM inspection_themes WHERE requirement_id = ?').get(id)?.n ?? 0;
      if (current.assessmentCount > 0 || themes > 0) {
        const what = [
          current.assessmentCount > 0 ? `${current.assessmentCount} bedömningar i tillsyner` : '',
          themes > 0 ? `${themes} tematiska tillsyner` : '',
        ]
          .filter(Boolean)
          .join(' och ');
        throw new AppError(
          'referenced',
          `Kvalitetskravet ${current.code} används i ${what} och kan inte tas bort. Arkivera det i stället – historiken finns då kvar.`,
        );
      }
      db.orm.delete(qualityRequirementVersions).where(eq(qualityRequirementVersions.requirementId, id)).run();
      db.orm.delete(qualityRequirements).where(eq(qualityRequirements.id, id)).run();
      return { deleted: true as const };
    })();
  },

  'requirements.setArchived': (ctx, { id, archived }) => {
    const db = ctx.session.db;
    getRequirement(db, id);
    db.orm
      .update(qualityRequirements)
      .set({ archivedAt: archived ? new Date().toISOString() : null, ...stamp(ctx) })
      .where(eq(qualityRequirements.id, id))
      .run();
    return getRequirement(db, id);
  },

  'requirements.loadDefaultCatalogue': (ctx) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const existing = db.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM quality_requirements').get()?.n ?? 0;
      if (existing > 0) {
        throw new AppError(
          'conflict',
          `Katalogen innehåller redan ${existing} kvalitetskrav. Standardkatalogen kan bara läsas in när katalogen är tom.`,
        );
      }
      return { inserted: insertDefaultCatalogue(db, stamp(ctx).updatedBy, todayIso()) };
    })();
  },
};

/** Inserts the seed catalogue (version 1 of each requirement); the caller owns the transaction. */
export function insertDefaultCatalogue(db: AppDatabase, updatedBy: string, validFrom: string): number {
  QUALITY_REQUIREMENT_SEED.forEach((seed, i) => insertRequirement(db, { ...seed, sortOrder: (i + 1) * 10 }, updatedBy, validFrom));
  return QUALITY_REQUIREMENT_SEED.length;
}

/** A new requirement with its first version. */
function insertRequirement(
  db: AppDatabase,
  r: { code: string; theme: string; sortOrder: number; title: string; description: string; deadlineDays: number | null },
  updatedBy: string,
  validFrom: string,
): string {
  const { id } = db.orm
    .insert(qualityRequirements)
    .values({ code: r.code, theme: r.theme, sortOrder: r.sortOrder, updatedBy })
    .returning({ id: qualityRequirements.id })
    .get();
  db.orm
    .insert(qualityRequirementVersions)
    .values({ requirementId: id, version: 1, title: r.title, description: r.description, deadlineDays: r.deadlineDays, validFrom, updatedBy })
    .run();
  return id;
}
