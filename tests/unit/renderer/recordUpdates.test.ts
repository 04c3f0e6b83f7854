// The inspection record updated from a write's own result shows what reading the whole inspection
// again would show: results, counts in the header, created and removed required actions.
import { describe, expect, it } from 'vitest';
import type { InspectionDetail } from '../../../db/api/contract.ts';
import { withAction, withAssessmentUpdate, withoutAction } from '../../../renderer/pages/tillsyn/inspections/recordUpdates.ts';
import { useInspectionWorld } from '../tillsyn/inspectionFixture.ts';

const world = useInspectionWorld();

/**
 * What the page shows of a record: the record's own updatedAt is not shown, and the actions are
 * compared as a set, since rows keep their place while the user works (the server sorts by deadline).
 */
function shown(detail: InspectionDetail) {
  const { updatedAt: _updatedAt, actions, ...rest } = detail;
  return { ...rest, actions: [...actions].sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('the inspection record after a write', () => {
  it('adds the required action of a shortfall and counts it, as a fresh read would', async () => {
    const w = world();
    const created = await w.call('inspections.create', {
      unitId: w.solgarden.id,
      startDate: '2026-10-06',
      requirementIds: [w.requirement('K01').id, w.requirement('K07').id],
    });
    const k01 = created.assessments.find((a) => a.code === 'K01');
    if (!k01) throw new Error('K01 is not assessed');

    const result = await w.call('assessments.update', { id: k01.id, patch: { result: 'ej_uppfyllt' } });
    const local = withAssessmentUpdate(created, result);
    const fresh = await w.call('inspections.get', { id: created.id });
    expect(shown(local)).toEqual(shown(fresh));
    expect(local).toMatchObject({ assessedCount: 1, shortfallCount: 1, openActionCount: 1 });
    expect(local.actions.map((a) => a.requirementCode)).toEqual(['K01']);
  });

  it('removes the untouched action when the shortfall is undone', async () => {
    const w = world();
    const created = await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-10-06', requirementIds: [w.requirement('K07').id] });
    const k07 = created.assessments[0];
    if (!k07) throw new Error('K07 is not assessed');
    const shortfall = withAssessmentUpdate(created, await w.call('assessments.update', { id: k07.id, patch: { result: 'delvis_uppfyllt' } }));
    expect(shortfall.actions).toHaveLength(1);

    const undone = withAssessmentUpdate(shortfall, await w.call('assessments.update', { id: k07.id, patch: { result: 'uppfyllt' } }));
    expect(undone.actions).toEqual([]);
    expect(undone).toMatchObject({ shortfallCount: 0, openActionCount: 0, assessedCount: 1 });
    expect(shown(undone)).toEqual(shown(await w.call('inspections.get', { id: created.id })));
  });

  it('follows a closed, a created and a deleted action from their own results', async () => {
    const w = world();
    const created = await w.call('inspections.create', { unitId: w.solgarden.id, startDate: '2026-10-06', requirementIds: [w.requirement('K01').id] });
    const k01 = created.assessments[0];
    if (!k01) throw new Error('K01 is not assessed');
    let record = withAssessmentUpdate(created, await w.call('assessments.update', { id: k01.id, patch: { result: 'ej_uppfyllt' } }));
    const auto = record.actions[0];
    if (!auto) throw new Error('no action was created');

    record = withAction(record, await w.call('actions.close', { id: auto.id, closingNote: 'Rutinen är införd.' }));
    expect(record.openActionCount).toBe(0);
    const extra = await w.call('actions.create', { source: 'tillsyn', inspectionId: created.id, description: 'Rutin för nattfasta', deadline: '2026-12-01' });
    record = withAction(record, extra);
    expect(record.actions.map((a) => a.description)).toEqual([auto.description, 'Rutin för nattfasta']);
    expect(record.openActionCount).toBe(1);
    expect(shown(record)).toEqual(shown(await w.call('inspections.get', { id: created.id })));

    await w.call('actions.delete', { id: extra.id });
    record = withoutAction(record, extra.id);
    expect(shown(record)).toEqual(shown(await w.call('inspections.get', { id: created.id })));
  });
});
