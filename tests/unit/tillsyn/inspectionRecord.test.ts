import { beforeEach, describe, expect, it } from 'vitest';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

async function recordInspection(codes = ['K01', 'K02', 'K03'], startDate = '2026-10-06') {
  return w.call('inspections.create', {
    unitId: w.solgarden.id,
    inspectionType: 'ordinarie',
    origin: 'egen',
    announced: false,
    startDate,
    endDate: null,
    inspectorIds: [w.anna.id, w.omar.id],
    requirementIds: codes.map((c) => w.requirement(c).id),
  });
}

describe('recording an inspection', () => {
  it('creates one unassessed assessment per requirement, pinned to the current version', async () => {
    const inspection = await recordInspection();
    expect(inspection).toMatchObject({
      unitName: 'Solgårdens vård- och omsorgsboende',
      provider: 'Vardaga Omsorg AB',
      announced: false,
      status: 'pagaende',
      requirementCount: 3,
      assessedCount: 0,
    });
    expect(inspection.inspectors.map((i) => i.name)).toEqual(['Anna Tillsyn', 'Omar Granskare']);
    expect(inspection.assessments.map((a) => [a.code, a.result, a.requirementVersionId])).toEqual([
      ['K01', 'ej_bedomt', w.requirement('K01').versionId],
      ['K02', 'ej_bedomt', w.requirement('K02').versionId],
      ['K03', 'ej_bedomt', w.requirement('K03').versionId],
    ]);
  });

  it('is planned when it starts after today', async () => {
    expect((await recordInspection(['K01'], '2026-12-01')).status).toBe('planerad');
  });

  it('refuses an end date before the start, an unknown unit or inspector, and dates that do not exist', async () => {
    const base = { unitId: w.solgarden.id, startDate: '2026-10-06', inspectorIds: [w.anna.id] };
    expect(await w.fail('inspections.create', { ...base, endDate: '2026-10-05' })).toMatchObject({
      code: 'invalid_input',
      issues: [{ field: 'endDate', message: 'Slutdatum kan inte vara före startdatum.' }],
    });
    expect(await w.fail('inspections.create', { ...base, unitId: w.anna.id })).toMatchObject({ issues: [{ field: 'unitId' }] });
    expect(await w.fail('inspections.create', { ...base, inspectorIds: [w.solgarden.id] })).toMatchObject({ issues: [{ field: 'inspectorIds' }] });
    const badDate = await w.fail('inspections.create', { ...base, startDate: '2026-02-30' });
    expect(badDate.issues).toEqual([{ field: 'startDate', message: 'Startdatum är inget giltigt datum.' }]);
    expect(await w.call('inspections.list', {})).toEqual([]);
  });

  it('saves each field on its own and replaces the inspectors', async () => {
    const { id } = await recordInspection();
    await w.call('inspections.update', { id, patch: { participants: 'Enhetschef Karin Lundgren, två undersköterskor' } });
    await w.call('inspections.update', { id, patch: { methodInterview: true } });
    await w.call('inspections.update', { id, patch: { endDate: '2026-10-07' } });
    const saved = await w.call('inspections.update', { id, patch: { inspectorIds: [w.omar.id] } });
    expect(saved).toMatchObject({
      participants: 'Enhetschef Karin Lundgren, två undersköterskor',
      methodInterview: true,
      methodObservation: false,
      endDate: '2026-10-07',
      announced: false,
    });
    expect(saved.inspectors.map((i) => i.name)).toEqual(['Omar Granskare']);
    expect(await w.fail('inspections.update', { id, patch: { startDate: '2026-10-08' } })).toMatchObject({
      issues: [{ field: 'startDate', message: 'Startdatum kan inte vara efter slutdatum.' }],
    });
  });
});

describe('assessing requirements', () => {
  it('creates a required action when a requirement is not fulfilled: three months, the enhetschef responsible', async () => {
    const inspection = await recordInspection();
    const k01 = inspection.assessments[0]!;
    const { assessment, createdAction } = await w.call('assessments.update', {
      id: k01.id,
      patch: { result: 'ej_uppfyllt', observation: 'Tre av fem granskade genomförandeplaner saknade kundens delaktighet.' },
    });
    expect(assessment.result).toBe('ej_uppfyllt');
    expect(createdAction).toMatchObject({
      assessmentId: k01.id,
      requirementCode: 'K01',
      deadline: '2027-01-06',
      responsible: 'Karin Lundgren',
      status: 'oppen',
      description: 'K01 Genomförandeplan med delaktighet: Tre av fem granskade genomförandeplaner saknade kundens delaktighet.',
    });
  });

  it('creates one action per assessment, also for delvis uppfyllt, and not again when the result changes', async () => {
    const inspection = await recordInspection();
    const [k01, k02] = inspection.assessments;
    expect((await w.call('assessments.update', { id: k02!.id, patch: { result: 'delvis_uppfyllt' } })).createdAction).not.toBeNull();
    expect((await w.call('assessments.update', { id: k02!.id, patch: { result: 'ej_uppfyllt' } })).createdAction).toBeNull();
    expect((await w.call('assessments.update', { id: k01!.id, patch: { result: 'uppfyllt' } })).createdAction).toBeNull();
    const detail = await w.call('inspections.get', { id: inspection.id });
    expect(detail.actions.map((a) => a.requirementCode)).toEqual(['K02']);
    expect(detail).toMatchObject({ assessedCount: 2, shortfallCount: 1, openActionCount: 1 });
  });

  it('follows the observation written after the result, and removes the untouched action when the result is corrected', async () => {
    const inspection = await recordInspection();
    const k03 = inspection.assessments[2]!;
    const { createdAction } = await w.call('assessments.update', { id: k03.id, patch: { result: 'ej_uppfyllt' } });
    await w.call('assessments.update', { id: k03.id, patch: { observation: 'Många olika vikarier.' } });
    expect((await w.call('actions.list', { filter: 'all' }))[0]?.description).toBe('K03 Omsorgskontinuitet: Många olika vikarier.');
    const corrected = await w.call('assessments.update', { id: k03.id, patch: { result: 'uppfyllt' } });
    expect(corrected.removedActionIds).toEqual([createdAction!.id]);
    expect(await w.call('actions.list', { filter: 'all' })).toEqual([]);
  });

  it('keeps an action the user has edited when the result is corrected', async () => {
    const inspection = await recordInspection();
    const k03 = inspection.assessments[2]!;
    const { createdAction } = await w.call('assessments.update', { id: k03.id, patch: { result: 'ej_uppfyllt' } });
    await w.call('actions.update', { id: createdAction!.id, patch: { responsible: 'Verksamhetschef' } });
    expect((await w.call('assessments.update', { id: k03.id, patch: { result: 'uppfyllt' } })).removedActionIds).toEqual([]);
    expect(await w.call('actions.list', { filter: 'all' })).toHaveLength(1);
  });

  it('keeps a past assessment on the version it was judged by when the requirement is reworded', async () => {
    const inspection = await recordInspection(['K01']);
    const k01 = w.requirement('K01');
    await w.call('assessments.update', { id: inspection.assessments[0]!.id, patch: { result: 'uppfyllt' } });
    const reworded = await w.call('requirements.update', { id: k01.id, patch: { title: 'Aktuell genomförandeplan inom 14 dagar' } });
    expect(reworded.version).toBe(2);
    const past = await w.call('inspections.get', { id: inspection.id });
    expect(past.assessments[0]).toMatchObject({ version: 1, title: 'Genomförandeplan med delaktighet', result: 'uppfyllt' });
    const next = await w.call('inspections.create', { unitId: w.lindgarden.id, startDate: '2026-11-20', requirementIds: [k01.id] });
    expect(next.assessments[0]).toMatchObject({ version: 2, title: 'Aktuell genomförandeplan inom 14 dagar' });
  });
});

describe('closing, reopening and deleting', () => {
  it('refuses to close while an action is open, unless a reason is given', async () => {
    const inspection = await recordInspection();
    const { createdAction } = await w.call('assessments.update', { id: inspection.assessments[0]!.id, patch: { result: 'ej_uppfyllt' } });
    const refused = await w.fail('inspections.close', { id: inspection.id });
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'Ett åtgärdskrav är inte stängt. Ange ett skäl för att avsluta tillsynen ändå.',
      issues: [{ field: 'closeNote' }],
    });
    const closed = await w.call('inspections.close', { id: inspection.id, closeNote: 'Följs upp i nästa ordinarie tillsyn.' });
    expect(closed).toMatchObject({ status: 'avslutad', closeNote: 'Följs upp i nästa ordinarie tillsyn.' });
    expect(closed.closedAt).not.toBeNull();
    expect(await w.fail('assessments.update', { id: inspection.assessments[1]!.id, patch: { result: 'uppfyllt' } })).toMatchObject({ code: 'read_only' });

    const reopened = await w.call('inspections.reopen', { id: inspection.id, reason: 'Utföraren skickade en ny åtgärdsplan.' });
    expect(reopened).toMatchObject({ status: 'pagaende', closedAt: null, closeNote: '', reopenReason: 'Utföraren skickade en ny åtgärdsplan.' });
    await w.call('actions.close', { id: createdAction!.id, closingNote: 'Ny rutin införd och verifierad.' });
    expect((await w.call('inspections.close', { id: inspection.id })).status).toBe('avslutad');
  });

  it('deletes an inspection recorded by mistake, but not one with results or actions', async () => {
    const mistake = await recordInspection();
    await w.call('inspections.delete', { id: mistake.id });
    const kept = await recordInspection();
    await w.call('assessments.update', { id: kept.assessments[0]!.id, patch: { result: 'ej_uppfyllt' } });
    expect(await w.fail('inspections.delete', { id: kept.id })).toMatchObject({
      code: 'referenced',
      message: 'Tillsynen har 1 bedömt kvalitetskrav och 1 åtgärdskrav och kan inte tas bort – de hör till tillsynshistoriken. Avsluta tillsynen i stället.',
    });
    expect((await w.call('inspections.list', {})).map((i) => i.id)).toEqual([kept.id]);
  });

  it('lists inspections filtered by unit, year, status and origin', async () => {
    const own = await recordInspection(['K01'], '2026-03-10');
    const ivo = await w.call('inspections.create', { unitId: w.lindgarden.id, origin: 'ivo', startDate: '2025-05-02' });
    expect((await w.call('inspections.list', { year: 2026 })).map((i) => i.id)).toEqual([own.id]);
    expect((await w.call('inspections.list', { origin: 'ivo' })).map((i) => i.id)).toEqual([ivo.id]);
    expect((await w.call('inspections.list', { unitId: w.lindgarden.id })).map((i) => i.id)).toEqual([ivo.id]);
    expect((await w.call('inspections.list', {})).map((i) => i.id)).toEqual([own.id, ivo.id]);
    expect(await w.call('inspections.list', { status: 'avslutad' })).toEqual([]);
  });
});

describe('following up required actions', () => {
  it('refuses a deadline before the inspection date', async () => {
    const inspection = await recordInspection();
    const { createdAction } = await w.call('assessments.update', { id: inspection.assessments[0]!.id, patch: { result: 'ej_uppfyllt' } });
    expect(await w.fail('actions.update', { id: createdAction!.id, patch: { deadline: '2026-10-05' } })).toMatchObject({
      code: 'invalid_input',
      issues: [{ field: 'deadline', message: 'Sista dag kan inte vara före tillsynen (2026-10-06).' }],
    });
    expect(await w.fail('actions.create', { source: 'tillsyn', inspectionId: inspection.id, description: 'Ny rutin', deadline: '2026-09-30' })).toMatchObject({
      issues: [{ field: 'deadline' }],
    });
    expect((await w.call('actions.update', { id: createdAction!.id, patch: { deadline: '2026-10-06' } })).deadline).toBe('2026-10-06');
  });

  it('flags overdue actions, lists them by deadline and stamps closing', async () => {
    const inspection = await recordInspection(['K01', 'K02', 'K03'], '2026-06-01');
    const [k01, k02, k03] = inspection.assessments;
    const a1 = (await w.call('assessments.update', { id: k01!.id, patch: { result: 'ej_uppfyllt' } })).createdAction!;
    const a2 = (await w.call('assessments.update', { id: k02!.id, patch: { result: 'delvis_uppfyllt' } })).createdAction!;
    const a3 = (await w.call('assessments.update', { id: k03!.id, patch: { result: 'ej_uppfyllt' } })).createdAction!;
    // Default deadline 2026-09-01 has passed on 2026-11-23.
    await w.call('actions.update', { id: a2.id, patch: { deadline: '2026-12-15' } });
    await w.call('actions.update', { id: a3.id, patch: { deadline: '2026-08-01', status: 'atgardad', followUpDate: '2026-12-01' } });
    const all = await w.call('actions.list', { filter: 'all' });
    expect(all.map((a) => [a.id, a.deadline, a.overdue])).toEqual([
      [a3.id, '2026-08-01', null],
      [a1.id, '2026-09-01', 'deadline'],
      [a2.id, '2026-12-15', null],
    ]);
    expect((await w.call('actions.list', { filter: 'overdue' })).map((a) => a.id)).toEqual([a1.id]);
    expect((await w.call('inspections.get', { id: inspection.id })).overdueActionCount).toBe(1);

    const closed = await w.call('actions.update', { id: a1.id, patch: { status: 'stangd', closingNote: 'Rutinen är införd.' } });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.closingNote).toBe('Rutinen är införd.');
    expect(closed.overdue).toBeNull();
    expect((await w.call('actions.list', { filter: 'open' })).map((a) => a.id)).toEqual([a3.id, a2.id]);
    const reopened = await w.call('actions.update', { id: a1.id, patch: { status: 'verifierad' } });
    expect(reopened).toMatchObject({ status: 'verifierad', closedAt: null, closingNote: '' });
  });
});
