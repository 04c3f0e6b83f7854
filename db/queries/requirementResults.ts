// Assessments per kvalitetskrav counted by result, for the inspections of one year: the
// tillsynsberättelse's "resultat per kvalitetskrav" and the ready view tillsyn.findingsByRequirement.
import { swedishCompare } from '../shared/collation.ts';
import type { AssessmentResult } from '../domain/codes.ts';
import type { AppDatabase } from '../open.ts';
import type { ResultCounts } from '../api/tillsynInspection.contract.ts';

export type RequirementResultRow = { requirementId: string; code: string; title: string } & ResultCounts;

const emptyCounts = (): ResultCounts => ({ uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedomt: 0 });

/**
 * Results per requirement (in the requirements' order, under their current titles) of the given
 * inspections started in `year`; the caller chooses which inspections count (carried out, in scope).
 */
export function resultsByRequirement(
  db: AppDatabase,
  year: number,
  inspectionIds: ReadonlySet<string>,
): { byRequirement: RequirementResultRow[]; resultTotals: ResultCounts } {
  const assessmentRows = db.sqlite
    .prepare<[string], { inspectionId: string; requirementId: string; code: string; title: string | null; sortOrder: number; result: AssessmentResult }>(
      `SELECT s.inspection_id AS inspectionId, q.id AS requirementId, q.code, q.sort_order AS sortOrder, s.result,
              (SELECT cv.title FROM quality_requirement_versions cv WHERE cv.requirement_id = q.id ORDER BY cv.version DESC LIMIT 1) AS title
       FROM assessments s
       JOIN inspections i ON i.id = s.inspection_id
       JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
       JOIN quality_requirements q ON q.id = v.requirement_id
       WHERE substr(i.start_date, 1, 4) = ?`,
    )
    .all(String(year))
    .filter((r) => inspectionIds.has(r.inspectionId));
  const byRequirement = new Map<string, RequirementResultRow & { sortOrder: number }>();
  const resultTotals = emptyCounts();
  for (const r of assessmentRows) {
    const row = byRequirement.get(r.requirementId) ?? { requirementId: r.requirementId, code: r.code, title: r.title ?? '', sortOrder: r.sortOrder, ...emptyCounts() };
    row[r.result]++;
    resultTotals[r.result]++;
    byRequirement.set(r.requirementId, row);
  }
  return {
    byRequirement: [...byRequirement.values()]
      .sort((a, b) => a.sortOrder - b.sortOrder || swedishCompare(a.code, b.code))
      .map(({ sortOrder: _sortOrder, ...row }) => row),
    resultTotals,
  };
}
