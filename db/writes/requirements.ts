// Writing kvalitetskrav: a new requirement with its first version, and the seed catalogue.
// Shared by the requirement handlers and the demo seeding; the caller owns the transaction.
import { eq } from 'drizzle-orm';
import {
  qualityRequirementLegalBases,
  qualityRequirements,
  qualityRequirementUnitTypes,
  qualityRequirementVersions,
} from '../schema/inspections.ts';
import { QUALITY_REQUIREMENT_SEED } from '../seed/qualityRequirements.ts';
import { foldName } from '../shared/names.ts';
import type { AppDatabase } from '../open.ts';
import type { LegalBasis, UnitType } from '../domain/codes.ts';

/** What one version of a requirement says and whom it concerns; a change to any of it, once assessed, makes a new version. */
export interface RequirementContent {
  title: string;
  description: string;
  deadlineDays: number | null;
  legalBases: readonly LegalBasis[];
  unitTypes: readonly UnitType[];
  judgedAtCommissioner: boolean;
}

export interface NewRequirement extends RequirementContent {
  code: string;
  theme: string;
  sortOrder: number;
}

/** Writes the version's legal bases and unit types (one row each). */
function insertScope(db: AppDatabase, versionId: string, content: RequirementContent, updatedBy: string): void {
  const legalBases = [...new Set(content.legalBases)].map((legalBasis) => ({ versionId, legalBasis, updatedBy }));
  const unitTypes = [...new Set(content.unitTypes)].map((unitType) => ({ versionId, unitType, updatedBy }));
  if (legalBases.length) db.orm.insert(qualityRequirementLegalBases).values(legalBases).run();
  if (unitTypes.length) db.orm.insert(qualityRequirementUnitTypes).values(unitTypes).run();
}

/** A new version of a requirement with its content. */
export function insertRequirementVersion(
  db: AppDatabase,
  requirementId: string,
  version: number,
  content: RequirementContent,
  updatedBy: string,
  validFrom: string,
): string {
  const { title, description, deadlineDays, judgedAtCommissioner } = content;
  const { id } = db.orm
    .insert(qualityRequirementVersions)
    .values({ requirementId, version, title, description, deadlineDays, judgedAtCommissioner, validFrom, updatedBy })
    .returning({ id: qualityRequirementVersions.id })
    .get();
  insertScope(db, id, content, updatedBy);
  return id;
}

/** Rewrites a version nobody has assessed against yet, scope rows included. */
export function rewriteRequirementVersion(db: AppDatabase, versionId: string, content: RequirementContent, stamp: { updatedAt: string; updatedBy: string }): void {
  const { title, description, deadlineDays, judgedAtCommissioner } = content;
  db.orm
    .update(qualityRequirementVersions)
    .set({ title, description, deadlineDays, judgedAtCommissioner, ...stamp })
    .where(eq(qualityRequirementVersions.id, versionId))
    .run();
  db.orm.delete(qualityRequirementLegalBases).where(eq(qualityRequirementLegalBases.versionId, versionId)).run();
  db.orm.delete(qualityRequirementUnitTypes).where(eq(qualityRequirementUnitTypes.versionId, versionId)).run();
  insertScope(db, versionId, content, stamp.updatedBy);
}

/** A new requirement with its first version. */
export function insertRequirement(db: AppDatabase, r: NewRequirement, updatedBy: string, validFrom: string): string {
  const { id } = db.orm
    .insert(qualityRequirements)
    .values({ code: r.code, codeFolded: foldName(r.code), theme: r.theme, sortOrder: r.sortOrder, updatedBy })
    .returning({ id: qualityRequirements.id })
    .get();
  insertRequirementVersion(db, id, 1, r, updatedBy, validFrom);
  return id;
}

/** Inserts the seed catalogue (version 1 of each requirement). */
export function insertDefaultCatalogue(db: AppDatabase, updatedBy: string, validFrom: string): number {
  QUALITY_REQUIREMENT_SEED.forEach((seed, i) => insertRequirement(db, { ...seed, sortOrder: (i + 1) * 10 }, updatedBy, validFrom));
  return QUALITY_REQUIREMENT_SEED.length;
}
