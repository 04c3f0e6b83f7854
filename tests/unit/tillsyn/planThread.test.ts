// Plan and inspection as one thread: an inspection is linked to its unit's open plan entry, the
// plan row shows the inspection's progress by the rule Täckning uses, and a closed inspection and
// its actions are read-only until it is reopened with a reason kept in the audit trail.
import { beforeEach, describe, expect, it } from 'vitest';
import { useInspectionWorld, type InspectionWorld } from './inspectionFixture.ts';

const world = useInspectionWorld(); // today is 2026-11-23
let w: InspectionWorld;
let cycleId: string;

beforeEach(async () => {
  w = world();
  cycleId = (await w.call('cycles.create', { startYear: 2025 })).id;
});

const plan = (unitId: string, extra: Partial<{ year: number; tertial: number; inspectionType: 'ordinarie' | 'tematisk' }> = {}) =>
  w.call('plan.create', { cycleId, unitId, year: 2026, tertial: 3, ...extra });

const record = (unitId: string, extra: Record<string, unknown> = {}) =>
  w.call('inspections.create', { unitId, startDate: '2026-11-10', requirementIds: [w.requirement('K01').id, w.requirement('K02').id], ...extra });

const planRow = async (entryId: string) => (await w.call('plan.list', { cycleId })).find((e) => e.id === entryId)!;
const coverageOf = async (unitId: string) => (await w.call('coverage.get', { cycleId })).units.find((u) => u.unitId === unitId)!;

describe('linking an inspection to the plan', () => {
  it('links Ny tillsyn for a planned unit to its open entry, and says so beforehand', async () => {
    const entry = await plan(w.solgarden.id);
    const link = await w.call('inspections.planLink', { unitId: w.solgarden.id, inspectionType: 'ordinarie', origin: 'egen', startDate: '2026-11-10' });
    expect(link.entry?.id).toBe(entry.id);
    expect(link.ordinaryEntry).toBeNull();
    const inspection = await record(w.solgarden.id);
    expect(inspection).toMatchObject({ planEntryId: entry.id, planEntry: { year: 2026, tertial: 3 } });
    // The entry is no longer open: a second inspection is not linked to it.
    expect((await record(w.solgarden.id)).planEntryId).toBeNull();
  });

  it('does not link a thematic or an IVO inspection to the ordinary entry, and tells the dialog why', async () => {
    const entry = await plan(w.solgarden.id);
    const thematic = await w.call('inspections.planLink', { unitId: w.solgarden.id, inspectionType: 'tematisk', origin: 'egen', startDate: '2026-11-10' });
    expect(thematic).toMatchObject({ entry: null, ordinaryEntry: { id: entry.id } });
    expect((await record(w.solgarden.id, { inspectionType: 'tematisk' })).planEntryId).toBeNull();
    expect((await record(w.solgarden.id, { origin: 'ivo' })).planEntryId).toBeNull();
    expect((await planRow(entry.id)).inspectionId).toBeNull();
  });

  it('links only within the cycle of the start date', async () => {
    await plan(w.solgarden.id);
    expect((await record(w.solgarden.id, { startDate: '2024-11-10' })).planEntryId).toBeNull();
  });

  it('starts the inspection of a named entry, refusing one already started or of another unit or kind', async () => {
    const entry = await plan(w.solgarden.id);
    expect(await w.fail('inspections.create', { unitId: w.lindgarden.id, planEntryId: entry.id, startDate: '2026-11-10' })).toMatchObject({
      issues: [{ field: 'planEntryId', message: 'Planeringen gäller en annan enhet.' }],
    });
    expect(await w.fail('inspections.create', { unitId: w.solgarden.id, planEntryId: entry.id, inspectionType: 'tematisk', startDate: '2026-11-10' })).toMatchObject({
      issues: [{ field: 'inspectionType' }],
    });
    const started = await record(w.solgarden.id, { planEntryId: entry.id });
    expect(started.planEntryId).toBe(entry.id);
    expect(await w.fail('inspections.create', { unitId: w.solgarden.id, planEntryId: entry.id, startDate: '2026-11-10' })).toMatchObject({
      code: 'conflict',
      message: 'Den planerade tillsynen är redan påbörjad. Öppna den från planen i stället.',
    });
  });
});

describe('the plan and Täckning agree', () => {
  it('shows Pågående until every assessment is recorded, then Genomförd, then Avslutad; coverage follows step by step', async () => {
    const entry = await plan(w.solgarden.id, { tertial: 2 }); // T2 has ended: overdue until done
    const inspection = await record(w.solgarden.id);
    expect(await planRow(entry.id)).toMatchObject({ inspectionProgress: 'pagaende', coveredOn: null, overdue: true });
    expect((await coverageOf(w.solgarden.id)).status).toBe('forsenad');

    await w.call('assessments.update', { id: inspection.assessments[0]!.id, patch: { result: 'uppfyllt' } });
    expect(await planRow(entry.id)).toMatchObject({ inspectionProgress: 'pagaende', coveredOn: null, overdue: true });
    expect((await coverageOf(w.solgarden.id)).status).toBe('forsenad');

    await w.call('assessments.update', { id: inspection.assessments[1]!.id, patch: { result: 'uppfyllt' } });
    expect(await planRow(entry.id)).toMatchObject({ inspectionProgress: 'genomford', coveredOn: '2026-11-10', overdue: false });
    expect(await coverageOf(w.solgarden.id)).toMatchObject({ status: 'genomford', coveredBy: '2026-11-10' });
    expect((await w.call('inspections.get', { id: inspection.id })).progress).toBe('genomford');

    await w.call('inspections.close', { id: inspection.id });
    expect(await planRow(entry.id)).toMatchObject({ inspectionProgress: 'avslutad', coveredOn: '2026-11-10', overdue: false });
    expect((await coverageOf(w.solgarden.id)).status).toBe('genomford');
  });

  it('counts a closed inspection as done even with requirements left unassessed', async () => {
    const entry = await plan(w.lindgarden.id);
    const inspection = await record(w.lindgarden.id);
    await w.call('inspections.close', { id: inspection.id });
    expect(await planRow(entry.id)).toMatchObject({ inspectionProgress: 'avslutad', coveredOn: '2026-11-10' });
    expect((await coverageOf(w.lindgarden.id)).status).toBe('genomford');
  });
});

describe('closed means closed', () => {
  it('refuses every write to a closed inspection, its assessments and its actions until reopened with a reason', async () => {
    const inspection = await record(w.solgarden.id);
    const { createdAction } = await w.call('assessments.update', { id: inspection.assessments[0]!.id, patch: { result: 'ej_uppfyllt' } });
    const actionId = createdAction!.id;
    await w.call('inspections.close', { id: inspection.id, closeNote: 'Åtgärden följs upp i Uppföljning.' });

    const inspectionMessage = 'Tillsynen är avslutad och kan inte ändras. Öppna den igen (med ett skäl) för att ändra den.';
    const actionMessage = 'Åtgärdskravet hör till en avslutad tillsyn och kan inte ändras. Öppna tillsynen igen (med ett skäl) för att ändra det.';
    const refusals = [
      await w.fail('inspections.update', { id: inspection.id, patch: { summary: 'Ändrad i efterhand' } }),
      await w.fail('assessments.update', { id: inspection.assessments[1]!.id, patch: { result: 'uppfyllt' } }),
      await w.fail('inspections.delete', { id: inspection.id }),
    ];
    for (const refused of refusals) expect(refused).toMatchObject({ code: 'read_only', message: inspectionMessage });
    const actionRefusals = [
      await w.fail('actions.update', { id: actionId, patch: { responsible: 'Någon annan' } }),
      await w.fail('actions.update', { id: actionId, patch: { status: 'atgardad' } }),
      await w.fail('actions.close', { id: actionId, closingNote: 'Klart.' }),
      await w.fail('actions.addFollowUp', { actionId, notedOn: '2026-11-20', note: 'Ringt utföraren.' }),
      await w.fail('actions.delete', { id: actionId }),
      await w.fail('actions.create', { source: 'tillsyn', inspectionId: inspection.id, description: 'Nytt krav', deadline: '2027-01-31' }),
    ];
    for (const refused of actionRefusals) expect(refused).toMatchObject({ code: 'read_only', message: actionMessage });
    const unchanged = await w.call('actions.get', { id: actionId });
    expect(unchanged).toMatchObject({ status: 'oppen', followUps: [], inspectionStatus: 'avslutad' });

    expect(await w.fail('inspections.reopen', { id: inspection.id, reason: '  ' })).toMatchObject({
      code: 'invalid_input',
      issues: [{ field: 'reason', message: 'Skälet till att tillsynen öppnas igen måste fyllas i.' }],
    });
    await w.call('inspections.reopen', { id: inspection.id, reason: 'Utföraren har begärt rättelse av iakttagelsen.' });
    const history = await w.call('audit.history', { tableName: 'inspections', rowId: inspection.id });
    expect(JSON.stringify(history)).toContain('Utföraren har begärt rättelse av iakttagelsen.');
    expect((await w.call('actions.update', { id: actionId, patch: { responsible: 'Någon annan' } })).responsible).toBe('Någon annan');
  });

  it('leaves actions of other sources and of open inspections alone', async () => {
    const other = await w.call('actions.create', { source: 'kvalitetsrad', unitId: w.solgarden.id, description: 'Ny rutin', deadline: '2027-01-31' });
    expect((await w.call('actions.addFollowUp', { actionId: other.id, notedOn: '2026-11-20', note: 'Påbörjad.' })).followUps).toHaveLength(1);
  });
});
