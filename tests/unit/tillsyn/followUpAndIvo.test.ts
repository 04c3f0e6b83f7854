// Follow-up with the utförare's side (their åtgärdsplan, the beställare kept informed), overdue
// actions per source for Översikt, and an IVO case: its decision, diarienummer and answer, with
// IVO's requirements as actions in the one register. Real database file, fixed day 2026-11-23.
import { beforeEach, describe, expect, it } from 'vitest';
import { listIvoCases } from '../../../db/queries/inspections.ts';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;

beforeEach(() => {
  w = world();
});

/** An inspection of Solgården on 2026-06-01 with K01 ej uppfyllt: one tillsyn action, deadline 2026-09-01 (overdue). */
async function tillsynAction() {
  const inspection = await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-06-01', requirementIds: [w.requirement('K01').id] });
  const { createdAction } = await w.call('assessments.update', { id: inspection.assessments[0]!.id, patch: { result: 'ej_uppfyllt' } });
  return { inspection, action: createdAction! };
}

/** An inspection initiated by IVO at Lindgården on 2026-05-12. */
function ivoInspection() {
  return w.call('inspections.create', { unitId: w.lindgarden.id, startDate: '2026-05-12', origin: 'ivo' });
}

const issueOf = async (result: Promise<{ issues?: { field: string; message: string }[] | undefined }>) => (await result).issues?.[0];

describe("the utförare's åtgärdsplan and the beställare kept informed", () => {
  it('round-trips the plan and the informed date, moves an open action on to Åtgärdsplan inkommen, and audits each field', async () => {
    const { action } = await tillsynAction();
    const withPlan = await w.call('actions.update', {
      id: action.id,
      patch: { providerPlanReceivedOn: '2026-10-15', providerPlanSummary: 'Genomförandeplaner ses över för alla boende före 1 december.' },
    });
    expect(withPlan).toMatchObject({
      providerPlanReceivedOn: '2026-10-15',
      providerPlanSummary: 'Genomförandeplaner ses över för alla boende före 1 december.',
      status: 'atgardsplan_inkommen',
      commissionerInformedOn: null,
    });
    await w.call('actions.update', { id: action.id, patch: { commissionerInformedOn: '2026-11-20' } });
    expect(await w.call('actions.get', { id: action.id })).toMatchObject({ providerPlanReceivedOn: '2026-10-15', commissionerInformedOn: '2026-11-20' });

    const history = await w.call('audit.history', { tableName: 'actions', rowId: action.id });
    expect(history.map((e) => e.action)).toEqual(['update', 'update', 'insert']);
    expect(history[1]?.changes.find((c) => c.field === 'provider_plan_received_on')).toMatchObject({ oldValue: null, newValue: '2026-10-15' });
    expect(history[1]?.changes.find((c) => c.field === 'status')).toMatchObject({ oldValue: 'oppen', newValue: 'atgardsplan_inkommen' });
    expect(history[0]?.changes.find((c) => c.field === 'commissioner_informed_on')).toMatchObject({ oldValue: null, newValue: '2026-11-20' });
  });

  it('refuses dates after today, before the inspection, and a summary without the day the plan came in', async () => {
    const { action } = await tillsynAction();
    expect(await issueOf(w.fail('actions.update', { id: action.id, patch: { commissionerInformedOn: '2026-11-24' } }))).toEqual({
      field: 'commissionerInformedOn',
      message: 'Datum då beställaren informerades kan inte vara senare än i dag (2026-11-23).',
    });
    expect(await issueOf(w.fail('actions.update', { id: action.id, patch: { providerPlanReceivedOn: '2026-05-30' } }))).toEqual({
      field: 'providerPlanReceivedOn',
      message: 'Datum då åtgärdsplanen kom in kan inte vara före tillsynen (2026-06-01).',
    });
    expect(await issueOf(w.fail('actions.update', { id: action.id, patch: { providerPlanSummary: 'En plan.' } }))).toEqual({
      field: 'providerPlanReceivedOn',
      message: 'Ange datum då åtgärdsplanen kom in innan du sammanfattar den.',
    });
    expect(await issueOf(w.fail('actions.update', { id: action.id, patch: { providerPlanReceivedOn: '2026-13-01' } }))).toMatchObject({
      message: 'Åtgärdsplan inkom är inget giltigt datum.',
    });
    // Nothing was written.
    expect(await w.call('actions.get', { id: action.id })).toMatchObject({ providerPlanReceivedOn: null, providerPlanSummary: '', commissionerInformedOn: null, status: 'oppen' });
  });

  it('keeps a status set in the same edit as the plan', async () => {
    const { action } = await tillsynAction();
    const saved = await w.call('actions.update', { id: action.id, patch: { providerPlanReceivedOn: '2026-10-15', status: 'atgardad' } });
    expect(saved.status).toBe('atgardad');
  });
});

describe('overdue follow-ups per source (Översikt)', () => {
  it('groups today’s overdue actions by source in the register’s source order, leaving the rest out', async () => {
    const { action } = await tillsynAction();
    const ivo = await ivoInspection();
    const ivoRequirement = await w.call('actions.create', { source: 'ivo', inspectionId: ivo.id, description: 'Redovisa rutin för nattfasta.', deadline: '2026-11-01' });
    await w.call('actions.create', { source: 'annat', description: 'Ny rutin för synpunkter.', deadline: '2026-11-22', unitId: null });
    await w.call('actions.create', { source: 'annat', description: 'Inte försenad ännu.', deadline: '2026-12-01', unitId: null });
    await w.call('actions.create', { source: 'annat', description: 'Försenad sedan länge.', deadline: '2026-10-01', unitId: null });
    const groups = await w.call('actions.overdueBySource', {});
    expect(groups.map((g) => [g.source, g.count, g.actions.map((a) => a.description)])).toEqual([
      ['tillsyn', 1, [action.description]],
      ['ivo', 1, ['Redovisa rutin för nattfasta.']],
      ['annat', 2, ['Försenad sedan länge.', 'Ny rutin för synpunkter.']],
    ]);
    // Only the first of each source by deadline travel; the count says how many there are.
    expect((await w.call('actions.overdueBySource', { first: 1 })).map((g) => [g.source, g.count, g.actions.map((a) => a.description)])).toEqual([
      ['tillsyn', 1, [action.description]],
      ['ivo', 1, ['Redovisa rutin för nattfasta.']],
      ['annat', 2, ['Försenad sedan länge.']],
    ]);
    expect(groups[1]?.actions[0]).toMatchObject({ id: ivoRequirement.id, overdue: 'deadline', unitName: 'Lindgårdens vård- och omsorgsboende' });
  });
});

describe('an IVO case', () => {
  it('records the decision date, diarienummer and the answer sent on the inspection', async () => {
    const ivo = await ivoInspection();
    await w.call('inspections.update', { id: ivo.id, patch: { ivoDecisionDate: '2026-06-20', ivoCaseNumber: '3.5.1-12345/2026' } });
    const saved = await w.call('inspections.update', { id: ivo.id, patch: { ivoAnswerSentAt: '2026-08-30' } });
    expect(saved).toMatchObject({ origin: 'ivo', ivoDecisionDate: '2026-06-20', ivoCaseNumber: '3.5.1-12345/2026', ivoAnswerSentAt: '2026-08-30' });
    const history = await w.call('audit.history', { tableName: 'inspections', rowId: ivo.id });
    expect(history[0]?.changes.find((c) => c.field === 'ivo_answer_sent_at')).toMatchObject({ oldValue: null, newValue: '2026-08-30' });
  });

  it('refuses IVO fields on the unit’s own inspection, dates after today and an answer before the decision', async () => {
    const ivo = await ivoInspection();
    const own = await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-05-12' });
    expect((await issueOf(w.fail('inspections.update', { id: own.id, patch: { ivoCaseNumber: '3.5.1-1/2026' } })))?.field).toBe('ivoCaseNumber');
    expect(await issueOf(w.fail('inspections.update', { id: ivo.id, patch: { ivoDecisionDate: '2026-12-01' } }))).toEqual({
      field: 'ivoDecisionDate',
      message: 'IVO:s beslutsdatum kan inte vara senare än i dag (2026-11-23).',
    });
    await w.call('inspections.update', { id: ivo.id, patch: { ivoDecisionDate: '2026-06-20' } });
    expect(await issueOf(w.fail('inspections.update', { id: ivo.id, patch: { ivoAnswerSentAt: '2026-06-01' } }))).toEqual({
      field: 'ivoAnswerSentAt',
      message: 'Svaret till IVO kan inte ha skickats före IVO:s beslut (2026-06-20).',
    });
  });

  it("holds IVO's requirements as actions with source IVO, the answer-due date as deadline, listed with the case", async () => {
    const ivo = await ivoInspection();
    await w.call('inspections.update', { id: ivo.id, patch: { ivoDecisionDate: '2026-06-20', ivoCaseNumber: 'IVO 3.5.1-12345/2026' } });
    const first = await w.call('actions.create', { source: 'ivo', inspectionId: ivo.id, description: 'Redovisa bemanning nattetid.', deadline: '2026-12-15' });
    const second = await w.call('actions.create', { source: 'ivo', inspectionId: ivo.id, description: 'Redovisa rutin för nattfasta.', deadline: '2026-12-01' });
    expect(first).toMatchObject({ source: 'ivo', inspectionId: ivo.id, unitId: w.lindgarden.id, deadline: '2026-12-15', status: 'oppen' });

    expect((await w.call('actions.list', { filter: 'all', source: 'ivo' })).map((a) => a.id)).toEqual([second.id, first.id]);
    const record = await w.call('inspections.get', { id: ivo.id });
    expect(record.actions.map((a) => a.source)).toEqual(['ivo', 'ivo']);

    await w.call('actions.close', { id: second.id, closingNote: 'Rutinen skickades till IVO.' });
    expect(listIvoCases(w.session.db, 2026)).toEqual([
      {
        inspectionId: ivo.id,
        unitId: w.lindgarden.id,
        unitName: 'Lindgårdens vård- och omsorgsboende',
        operatingAreaName: 'Särskilt boende',
        startDate: '2026-05-12',
        status: 'pagaende',
        decisionDate: '2026-06-20',
        caseNumber: 'IVO 3.5.1-12345/2026',
        answerSentAt: null,
        summary: '',
        requirementCount: 2,
        openRequirementCount: 1,
        nextAnswerDue: '2026-12-15',
      },
    ]);
    expect(listIvoCases(w.session.db, 2025)).toEqual([]);
  });

  it('refuses an IVO requirement outside an IVO case, and keeps a case with requirements an IVO case', async () => {
    const own = await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-05-12' });
    expect(await issueOf(w.fail('actions.create', { source: 'ivo', inspectionId: own.id, description: 'X', deadline: '2026-12-01' }))).toEqual({
      field: 'inspectionId',
      message: 'Tillsynen är inte initierad av IVO. Ange IVO som initiativ först.',
    });
    expect((await issueOf(w.fail('actions.create', { source: 'ivo', description: 'X', deadline: '2026-12-01' })))?.field).toBe('inspectionId');
    const ivo = await ivoInspection();
    await w.call('actions.create', { source: 'ivo', inspectionId: ivo.id, description: 'Redovisa.', deadline: '2026-12-01' });
    expect(await issueOf(w.fail('inspections.update', { id: ivo.id, patch: { origin: 'egen' } }))).toEqual({
      field: 'origin',
      message: 'Tillsynen har 1 krav från IVO i åtgärdsregistret och måste förbli ett IVO-ärende.',
    });
  });
});
