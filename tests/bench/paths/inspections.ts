// One inspection written through the API the way the inspection page saves it (each field on its
// own, ≈ 34 calls, each its own transaction), against the same rows in one hand-written transaction.
import type Database from 'better-sqlite3';
import { newId } from '../../../db/schema/common.ts';
import { listRequirements } from '../../../db/queries/requirements.ts';
import { BENCH_AS_OF } from '../generate.ts';
import type { BenchApi, BenchArea } from '../context.ts';
import type { InspectionDetail } from '../../../db/api/contract.ts';

const RESULTS = ['uppfyllt', 'uppfyllt', 'uppfyllt', 'delvis_uppfyllt'] as const;

async function writeInspection(api: BenchApi, unitId: string, versionIds: string[]): Promise<number> {
  let calls = 0;
  const call = <T>(method: string, input: unknown) => {
    calls++;
    return api.call<T>(method, input);
  };
  const created = await call<InspectionDetail>('inspections.create', {
    unitId,
    inspectionType: 'uppfoljande',
    startDate: BENCH_AS_OF,
    requirementVersionIds: versionIds,
  });
  const patch = (p: Record<string, unknown>) => call('inspections.update', { id: created.id, patch: p });
  await patch({ participants: 'Enhetschef och två undersköterskor' });
  await patch({ methodInterview: true });
  await patch({ methodObservation: true });
  await patch({ methodDocumentReview: true });
  await patch({ methodRecordReview: true });
  for (const [i, assessment] of created.assessments.entries()) {
    await call('assessments.update', { id: assessment.id, patch: { result: RESULTS[i % RESULTS.length] } });
  }
  await patch({ summary: 'Verksamheten håller god kvalitet.' });
  return calls;
}

function rawInspection(sqlite: Database.Database, unitId: string, versionIds: string[]): void {
  const insertInspection = sqlite.prepare(
    "INSERT INTO inspections (id, unit_id, inspection_type, start_date, participants, method_interview, method_observation, method_document_review, method_record_review, summary, updated_by) VALUES (?, ?, 'uppfoljande', ?, ?, 1, 1, 1, 1, ?, 'bench')",
  );
  const insertAssessment = sqlite.prepare("INSERT INTO assessments (id, inspection_id, requirement_version_id, result, updated_by) VALUES (?, ?, ?, ?, 'bench')");
  sqlite.transaction(() => {
    const id = newId();
    insertInspection.run(id, unitId, BENCH_AS_OF, 'Enhetschef och två undersköterskor', 'Verksamheten håller god kvalitet.');
    versionIds.forEach((v, i) => insertAssessment.run(newId(), id, v, RESULTS[i % RESULTS.length]));
  })();
}

export const inspectionsArea: BenchArea = {
  name: 'inspections',
  needs: 'session',
  async run({ api, recorder }) {
    if (!api) throw new Error('needs the API');
    const db = api.session.db;
    const versionIds = listRequirements(db, false).map((r) => r.versionId);
    const unitIds = db.sqlite.prepare('SELECT id FROM units WHERE archived_at IS NULL AND active_to IS NULL ORDER BY id LIMIT 20').pluck().all() as string[];
    let next = 0;
    const unit = () => unitIds[next++ % unitIds.length] ?? '';
    await recorder.time({
      name: `one inspection written through the API (${versionIds.length} assessments)`,
      reps: 5,
      app: () => writeInspection(api, unit(), versionIds),
      raw: () => rawInspection(db.sqlite, unit(), versionIds),
      check: (calls) => (calls >= versionIds.length + 6 ? null : `only ${calls} calls`),
      note: 'no budget in the issue: the UI saves each field at once (right); the ratio shows what bulk paths must not do',
    });
  },
};
