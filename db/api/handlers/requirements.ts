// Handlers for the kvalitetskrav catalogue. Wording lives in versions: a version that an
// assessment refers to is never rewritten, so past inspections keep the text they were judged by.
import { eq } from 'drizzle-orm';
import { qualityRequirements, qualityRequirementVersions } from '../../schema/inspections.ts';
import { todayIso } from '../../shared/period.ts';
import { AppError } from '../../errors.ts';
import {
  countRequirements,
  countThemesOfRequirement,
  getRequirement,
  listRequirements,
  listRequirementVersions,
  nextRequirementSortOrder,
  requirementCodeTaken,
} from '../../queries/requirements.ts';
import {
  insertDefaultCatalogue,
  insertRequirement,
  insertRequirementVersion,
  rewriteRequirementVersion,
  type RequirementContent,
} from '../../writes/requirements.ts';
import { foldName } from '../../shared/names.ts';
import { stamp } from '../../writes/stamp.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';

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

function assertUniqueCode(db: AppDatabase, code: string, exceptId?: string): void {
  if (requirementCodeTaken(db, code, exceptId)) {
    throw new AppError('conflict', `Det finns redan ett kvalitetskrav med koden ”${code}”.`, '', [
      { field: 'code', message: 'Koden används redan.' },
    ]);
  }
}

const sameCodes = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((c) => b.includes(c));

/** Whether the wording or scope differs from the current version (a new version is made only then). */
function contentChanged(current: RequirementContent, next: RequirementContent): boolean {
  return (
    next.title !== current.title ||
    next.description !== current.description ||
    next.deadlineDays !== current.deadlineDays ||
    next.judgedAtCommissioner !== current.judgedAtCommissioner ||
    !sameCodes(next.legalBases, current.legalBases) ||
    !sameCodes(next.unitTypes, current.unitTypes)
  );
}

export const requirementHandlers: RequirementHandlers = {
  'requirements.list': (ctx, { includeArchived }) => listRequirements(ctx.session.db, includeArchived),

  'requirements.versions': (ctx, { id }) => {
    const db = ctx.session.db;
    getRequirement(db, id);
    return listRequirementVersions(db, id);
  },

  'requirements.create': (ctx, input) => {
    const db = ctx.session.db;
    assertUniqueCode(db, input.code);
    const requirement = { ...input, sortOrder: input.sortOrder ?? nextRequirementSortOrder(db) };
    const id = insertRequirement(db, requirement, stamp(ctx).updatedBy, todayIso());
    return getRequirement(db, id);
  },

  'requirements.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    const current = getRequirement(db, id);
    const { code, theme, sortOrder } = patch;
    // Checked even when unchanged: a code kept as a duplicate by migration 0002 gets its folded form now.
    if (code !== undefined) assertUniqueCode(db, code, id);
    if (code !== undefined || theme !== undefined || sortOrder !== undefined) {
      db.orm
        .update(qualityRequirements)
        .set({ code, ...(code !== undefined ? { codeFolded: foldName(code) } : {}), theme, sortOrder, ...stamp(ctx) })
        .where(eq(qualityRequirements.id, id))
        .run();
    }
    const content: RequirementContent = {
      title: patch.title ?? current.title,
      description: patch.description ?? current.description,
      deadlineDays: patch.deadlineDays === undefined ? current.deadlineDays : patch.deadlineDays,
      legalBases: patch.legalBases ?? current.legalBases,
      unitTypes: patch.unitTypes ?? current.unitTypes,
      judgedAtCommissioner: patch.judgedAtCommissioner ?? current.judgedAtCommissioner,
    };
    if (!contentChanged(current, content)) return getRequirement(db, id);
    if (current.currentVersionInUse) {
      insertRequirementVersion(db, id, current.version + 1, content, stamp(ctx).updatedBy, todayIso());
    } else {
      rewriteRequirementVersion(db, current.versionId, content, stamp(ctx));
    }
    return getRequirement(db, id);
  },

  'requirements.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const current = getRequirement(db, id);
    const themes = countThemesOfRequirement(db, id);
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
    // The versions' legal bases and unit types go with them (ON DELETE CASCADE).
    db.orm.delete(qualityRequirementVersions).where(eq(qualityRequirementVersions.requirementId, id)).run();
    db.orm.delete(qualityRequirements).where(eq(qualityRequirements.id, id)).run();
    return { deleted: true as const };
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
    const existing = countRequirements(db);
    if (existing > 0) {
      throw new AppError(
        'conflict',
        `Katalogen innehåller redan ${existing} kvalitetskrav. Standardkatalogen kan bara läsas in när katalogen är tom.`,
      );
    }
    return { inserted: insertDefaultCatalogue(db, stamp(ctx).updatedBy, todayIso()) };
  },
};
