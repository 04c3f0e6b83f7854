// Reading the kvalitetskrav catalogue: each requirement with its current version and how often
// it has been used in assessments, and the versions of one requirement.
import { swedishCompare } from '../shared/collation.ts';
import { inCodeOrder } from '../shared/requirementScope.ts';
import { LEGAL_BASES, UNIT_TYPES } from '../domain/codes.ts';
import { AppError } from '../errors.ts';
import { findSameName } from './names.ts';
import type { AppDatabase } from '../open.ts';
import type { RequirementRow, RequirementVersionRow } from '../api/tillsynPlanning.contract.ts';

/** A version's scope as SQL returns it: the codes joined by commas, the flag as 0/1. */
interface RawScope {
  legalBases: string | null;
  unitTypes: string | null;
  judgedAtCommissioner: number;
}

interface RawRequirement extends Omit<RequirementRow, 'currentVersionInUse' | 'legalBases' | 'unitTypes' | 'judgedAtCommissioner'>, RawScope {
  currentVersionUses: number;
}

/** A version's legal bases, unit types and flag, in one statement with its row (no query per row). */
const scopeColumns = (versionId: string) => `
  (SELECT group_concat(legal_basis) FROM quality_requirement_legal_bases WHERE version_id = ${versionId}) AS legalBases,
  (SELECT group_concat(unit_type) FROM quality_requirement_unit_types WHERE version_id = ${versionId}) AS unitTypes`;

function parseScope<R extends RawScope>(raw: R): Omit<R, keyof RawScope> & Pick<RequirementRow, 'legalBases' | 'unitTypes' | 'judgedAtCommissioner'> {
  const { legalBases, unitTypes, judgedAtCommissioner, ...rest } = raw;
  return {
    ...rest,
    legalBases: inCodeOrder((legalBases ?? '').split(','), LEGAL_BASES),
    unitTypes: inCodeOrder((unitTypes ?? '').split(','), UNIT_TYPES),
    judgedAtCommissioner: judgedAtCommissioner === 1,
  };
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
         c.valid_from AS validFrom, c.judged_at_commissioner AS judgedAtCommissioner, ${scopeColumns('c.id')},
         coalesce((SELECT sum(n) FROM uses WHERE uses.requirement_id = r.id), 0) AS assessmentCount,
         coalesce((SELECT n FROM uses WHERE uses.version_id = c.id), 0) AS currentVersionUses
  FROM quality_requirements r JOIN current c ON c.requirement_id = r.id`;

function toRow({ currentVersionUses, ...raw }: RawRequirement): RequirementRow {
  return { ...parseScope(raw), currentVersionInUse: currentVersionUses > 0 };
}

function compareRequirements(a: RequirementRow, b: RequirementRow): number {
  return a.sortOrder - b.sortOrder || swedishCompare(a.code, b.code);
}

export function listRequirements(db: AppDatabase, includeArchived: boolean): RequirementRow[] {
  const where = includeArchived ? '' : ' WHERE r.archived_at IS NULL';
  const rows = db.sqlite.prepare<[], RawRequirement>(LIST_SQL + where).all();
  return rows.map(toRow).sort(compareRequirements);
}

export function getRequirement(db: AppDatabase, id: string): RequirementRow {
  const raw = db.sqlite.prepare<[string], RawRequirement>(`${LIST_SQL} WHERE r.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Kvalitetskravet finns inte längre (det kan ha tagits bort).');
  return toRow(raw);
}

export function listRequirementVersions(db: AppDatabase, requirementId: string): RequirementVersionRow[] {
  return db.sqlite
    .prepare<[string], Omit<RequirementVersionRow, 'legalBases' | 'unitTypes' | 'judgedAtCommissioner'> & RawScope>(
      `SELECT v.id, v.requirement_id AS requirementId, v.version, v.title, v.description,
              v.deadline_days AS deadlineDays, v.valid_from AS validFrom,
              v.judged_at_commissioner AS judgedAtCommissioner, ${scopeColumns('v.id')},
              (SELECT count(*) FROM assessments a WHERE a.requirement_version_id = v.id) AS assessmentCount
       FROM quality_requirement_versions v WHERE v.requirement_id = ? ORDER BY v.version DESC`,
    )
    .all(requirementId)
    .map(parseScope);
}

/** Whether another requirement already has this code, compared by the one name folding. */
export function requirementCodeTaken(db: AppDatabase, code: string, exceptId?: string): boolean {
  return findSameName(db, 'requirement', code, exceptId ? { exceptId } : {}) !== undefined;
}

export function nextRequirementSortOrder(db: AppDatabase): number {
  const max = db.sqlite.prepare<[], { m: number | null }>('SELECT max(sort_order) AS m FROM quality_requirements').get()?.m;
  return (max ?? 0) + 10;
}

export function countRequirements(db: AppDatabase): number {
  return db.sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM quality_requirements').get()?.n ?? 0;
}

/** Thematic inspections that examine this requirement. */
export function countThemesOfRequirement(db: AppDatabase, requirementId: string): number {
  return db.sqlite.prepare<[string], { n: number }>('SELECT count(*) AS n FROM inspection_themes WHERE requirement_id = ?').get(requirementId)?.n ?? 0;
}
