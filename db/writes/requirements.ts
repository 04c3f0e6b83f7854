// Writing kvalitetskrav: a new requirement with its first version, and the seed catalogue.
// Shared by the requirement handlers and the demo seeding; the caller owns the transaction.
import { qualityRequirements, qualityRequirementVersions } from '../schema/inspections.ts';
import { QUALITY_REQUIREMENT_SEED } from '../seed/qualityRequirements.ts';
import { foldName } from '../shared/names.ts';
import type { AppDatabase } from '../open.ts';

export interface NewRequirement {
  code: string;
  theme: string;
  sortOrder: number;
  title: string;
  description: string;
  deadlineDays: number | null;
}

/** A new requirement with its first version. */
export function insertRequirement(db: AppDatabase, r: NewRequirement, updatedBy: string, validFrom: string): string {
  const { id } = db.orm
    .insert(qualityRequirements)
    .values({ code: r.code, codeFolded: foldName(r.code), theme: r.theme, sortOrder: r.sortOrder, updatedBy })
    .returning({ id: qualityRequirements.id })
    .get();
  db.orm
    .insert(qualityRequirementVersions)
    .values({ requirementId: id, version: 1, title: r.title, description: r.description, deadlineDays: r.deadlineDays, validFrom, updatedBy })
    .run();
  return id;
}

/** Inserts the seed catalogue (version 1 of each requirement). */
export function insertDefaultCatalogue(db: AppDatabase, updatedBy: string, validFrom: string): number {
  QUALITY_REQUIREMENT_SEED.forEach((seed, i) => insertRequirement(db, { ...seed, sortOrder: (i + 1) * 10 }, updatedBy, validFrom));
  return QUALITY_REQUIREMENT_SEED.length;
}
