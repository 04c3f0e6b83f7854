// The action register through the API on a real database file, on a fixed day (2026-11-23):
// actions from tillsyn and from other sources, filters, follow-up notes, closing with a closing
// note, reopening, and an action's history.
import { beforeEach, describe, expect, it } from 'vitest';
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

describe('the action register', () => {
  it('holds a shortfall as a tillsyn action linked to its inspection, requirement and unit', async () => {
    const { inspection, action } = await tillsynAction();
    expect(action).toMatchObject({
      source: 'tillsyn',
      inspectionId: inspection.id,
      inspectionDate: '2026-06-01',
      requirementCode: 'K01',
      unitId: w.solgarden.id,
      unitName: 'Solgårdens vård- och omsorgsboende',
      operatingAreaName: 'Särskilt boende',
      responsible: 'Karin Lundgren',
      deadline: '2026-09-01',
      status: 'oppen',
      overdue: 'deadline',
      followUps: [],
      closingNote: '',
    });
  });

  it('takes actions from other sources, with a unit or area-wide, and refuses a tillsyn link on them', async () => {
    const council = await w.call('actions.create', {
      source: 'kvalitetsrad',
      description: 'Ta fram en gemensam rutin för nattfasta.',
      reason: 'Beslut i kvalitetsrådet 2026-11-10.',
      deadline: '2027-03-31',
      responsible: 'Verksamhetschef',
      unitId: null,
    });
    expect(council).toMatchObject({ source: 'kvalitetsrad', unitId: null, unitName: null, inspectionId: null, requirementCode: null, overdue: null });
    const workshop = await w.call('actions.create', {
      source: 'analysverkstad',
      description: 'Utbilda i Senior alert.',
      deadline: '2027-02-01',
      responsible: 'Enhetschef Lindgården',
      unitId: w.lindgarden.id,
    });
    expect(workshop).toMatchObject({ unitName: 'Lindgårdens vård- och omsorgsboende', operatingAreaName: 'Särskilt boende' });
    const { inspection } = await tillsynAction();
    expect(await w.fail('actions.create', { source: 'annat', description: 'X', deadline: '2027-01-01', inspectionId: inspection.id })).toMatchObject({
      code: 'invalid_input',
      issues: [{ field: 'inspectionId', message: 'Bara en åtgärd med källan tillsyn eller IVO kan kopplas till en tillsyn.' }],
    });
    expect(await w.fail('actions.create', { source: 'tillsyn', description: 'X', deadline: '2027-01-01' })).toMatchObject({
      issues: [{ field: 'inspectionId' }],
    });
    expect(await w.fail('actions.create', { source: 'tillsyn', description: 'X', deadline: '2027-01-01', inspectionId: inspection.id, unitId: w.lindgarden.id })).toMatchObject({
      issues: [{ field: 'unitId', message: 'Enheten ska vara den enhet tillsynen gällde.' }],
    });
  });

  it('filters by source, status, unit and overdue', async () => {
    const { action } = await tillsynAction();
    const council = await w.call('actions.create', { source: 'kvalitetsrad', description: 'Rutin för nattfasta.', deadline: '2026-10-31', unitId: null });
    const other = await w.call('actions.create', { source: 'annat', description: 'Ny blankett.', deadline: '2027-01-15', unitId: w.lindgarden.id });
    await w.call('actions.update', { id: other.id, patch: { status: 'atgardsplan_inkommen' } });
    const ids = async (input: Parameters<InspectionWorld['call']>[1]) => (await w.call('actions.list', input as never)).map((a) => a.id);
    // By deadline: the tillsyn action 2026-09-01, the council's 2026-10-31, the other 2027-01-15.
    expect(await ids({ filter: 'all' })).toEqual([action.id, council.id, other.id]);
    expect(await ids({ filter: 'all', source: 'kvalitetsrad' })).toEqual([council.id]);
    expect(await ids({ filter: 'all', status: 'atgardsplan_inkommen' })).toEqual([other.id]);
    expect(await ids({ filter: 'all', unitId: w.solgarden.id })).toEqual([action.id]);
    expect(await ids({ filter: 'overdue' })).toEqual([action.id, council.id]);
    expect(await ids({ filter: 'overdue', source: 'tillsyn' })).toEqual([action.id]);
  });

  it('lists the first rows in the whole list’s order (a tie on the last day decided by unit, Swedish) and counts the whole list', async () => {
    const unit = (name: string) => w.call('units.create', { operatingAreaId: w.area.id, name, unitType: 'sarskilt_boende', regi: 'egen_regi', provider: 'Exempelby kommun' });
    const [angen, zeta] = [await unit('Ängens boende'), await unit('Zetas boende')];
    const add = (description: string, deadline: string, unitId: string | null) => w.call('actions.create', { source: 'annat', description, deadline, unitId });
    // Created in an order the list does not keep: by deadline, then unit (å ä ö after z, no unit first).
    await add('Ängen 2027-02-01', '2027-02-01', angen.id);
    await add('Zeta 2027-02-01', '2027-02-01', zeta.id);
    await add('Zeta 2027-03-01', '2027-03-01', zeta.id);
    await add('Ingen enhet 2027-02-01', '2027-02-01', null);
    const early = await add('Lindgården 2027-01-10', '2027-01-10', w.lindgarden.id);
    await w.call('actions.close', { id: early.id, closingNote: 'Klart.' });
    const descriptions = async (input: Parameters<InspectionWorld['call']>[1]) => (await w.call('actions.list', input as never)).map((a) => a.description);
    const whole = ['Lindgården 2027-01-10', 'Ingen enhet 2027-02-01', 'Zeta 2027-02-01', 'Ängen 2027-02-01', 'Zeta 2027-03-01'];
    expect(await descriptions({ filter: 'all' })).toEqual(whole);
    expect(await descriptions({ filter: 'all', first: 3 })).toEqual(whole.slice(0, 3));
    expect(await descriptions({ filter: 'all', first: 4 })).toEqual(whole.slice(0, 4));
    expect(await descriptions({ filter: 'all', first: 50 })).toEqual(whole);
    expect(await descriptions({ filter: 'open', first: 2 })).toEqual(['Ingen enhet 2027-02-01', 'Zeta 2027-02-01']);
    expect(await descriptions({ filter: 'all', source: 'tillsyn', first: 2 })).toEqual([]);
    expect(await w.call('actions.count', { filter: 'all' })).toBe(5);
    expect(await w.call('actions.count', { filter: 'open' })).toBe(4);
    expect(await w.call('actions.count', { filter: 'all', status: 'stangd' })).toBe(1);
    expect(await w.call('actions.count', { filter: 'overdue' })).toBe(0);
  });

  it('keeps follow-up notes as rows, oldest first, with who noted them', async () => {
    const { action } = await tillsynAction();
    await w.call('actions.addFollowUp', { actionId: action.id, notedOn: '2026-10-02', note: 'Påminnelse skickad till enhetschefen.', notedBy: 'Agnes Tillström' });
    const after = await w.call('actions.addFollowUp', { actionId: action.id, notedOn: '2026-09-15', note: 'Åtgärdsplan inkommen.' });
    expect(after.followUps.map((f) => [f.notedOn, f.note, f.notedBy])).toEqual([
      ['2026-09-15', 'Åtgärdsplan inkommen.', 'Test Testsson'],
      ['2026-10-02', 'Påminnelse skickad till enhetschefen.', 'Agnes Tillström'],
    ]);
    expect(await w.fail('actions.addFollowUp', { actionId: action.id, notedOn: '2026-10-02', note: '  ' })).toMatchObject({
      code: 'invalid_input',
      issues: [{ field: 'note', message: 'Anteckning måste fyllas i.' }],
    });
    // An action with notes has a history: it is closed, not deleted.
    expect(await w.fail('actions.delete', { id: action.id })).toMatchObject({ code: 'referenced' });
  });

  it('closes only with a closing note, stamps when, and reopens to a chosen status', async () => {
    const { action } = await tillsynAction();
    const refused = await w.fail('actions.close', { id: action.id, closingNote: '   ' });
    expect(refused).toEqual({
      code: 'invalid_input',
      message: 'Skriv en avslutningsnotering för att stänga åtgärden: vad som har gjorts och hur det har följts upp.',
      issues: [{ field: 'closingNote', message: 'Skriv en avslutningsnotering för att stänga åtgärden: vad som har gjorts och hur det har följts upp.' }],
    });
    expect(await w.fail('actions.update', { id: action.id, patch: { status: 'stangd' } })).toMatchObject({ issues: [{ field: 'closingNote' }] });
    const closed = await w.call('actions.close', { id: action.id, closingNote: 'Genomförandeplanerna är uppdaterade; stickprov visar delaktighet.' });
    expect(closed).toMatchObject({ status: 'stangd', closingNote: 'Genomförandeplanerna är uppdaterade; stickprov visar delaktighet.', overdue: null });
    expect(closed.closedAt?.slice(0, 10)).toBe('2026-11-23');
    expect(await w.fail('actions.close', { id: action.id, closingNote: 'Igen' })).toMatchObject({ code: 'conflict' });
    const reopened = await w.call('actions.reopen', { id: action.id, status: 'atgardad' });
    expect(reopened).toMatchObject({ status: 'atgardad', closedAt: null, closingNote: '' });
    expect(await w.fail('actions.reopen', { id: action.id })).toMatchObject({ code: 'conflict', message: 'Åtgärden är inte stängd.' });
  });

  it("shows the closing and reopening in the action's history", async () => {
    const { action } = await tillsynAction();
    await w.call('actions.close', { id: action.id, closingNote: 'Klart.' });
    await w.call('actions.reopen', { id: action.id });
    const history = await w.call('audit.history', { tableName: 'actions', rowId: action.id });
    expect(history.map((e) => e.action)).toEqual(['update', 'update', 'insert']);
    expect(history[1]?.changes.find((c) => c.field === 'closing_note')).toMatchObject({ oldValue: '', newValue: 'Klart.' });
    expect(history[0]?.changes.find((c) => c.field === 'status')).toMatchObject({ oldValue: 'stangd', newValue: 'oppen' });
  });
});
