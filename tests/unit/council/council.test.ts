// Kvalitetsråd meetings through the real dispatch on a real SQLite file: a meeting with
// participants and an agenda that can be reordered, decisions as actions in the one register
// (owner and deadline required, linked to the agenda item), the previous meeting of the same
// scope, and what a held meeting keeps.
import { describe, expect, it } from 'vitest';
import type { ActionRow, CouncilMeetingRow, CouncilMeetingView } from '../../../db/api/contract.ts';
import type { ApiResult } from '../../../db/errors.ts';
import { apiWithOneUnit, value } from '../../helpers/db.ts';

async function meetingWorld() {
  const api = await apiWithOneUnit();
  const call = async <T>(method: string, input: unknown) => value<T>(await api.dispatch(method, input));
  const refused = async (method: string, input: unknown) => {
    const result: ApiResult<unknown> = await api.dispatch(method, input);
    if (result.ok) throw new Error(`${method} was not refused`);
    return result.error;
  };
  const count = (table: string) => api.session.db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const meeting = await call<CouncilMeetingRow>('council.create', { meetingDate: '2026-05-12', title: 'Kvalitetsråd våren', location: 'Stora salen' });
  const addText = (meetingId: string, heading: string) => call<CouncilMeetingView>('council.addItem', { meetingId, item: { kind: 'text', heading, body: `Om ${heading}` } });
  return { ...api, call, refused, count, meeting, addText };
}

describe('kvalitetsråd meetings', () => {
  it('holds participants and an agenda that keeps its order when reordered or an item is removed', async () => {
    const w = await meetingWorld();
    expect(w.meeting).toMatchObject({ scopeLabel: 'Hela förvaltningen', status: 'planerad', itemCount: 0, location: 'Stora salen' });
    await w.addText(w.meeting.id, 'Avvikelser');
    await w.addText(w.meeting.id, 'Rutiner');
    let view = await w.addText(w.meeting.id, 'Internkontroll');
    expect(view.items.map((i) => [i.position, i.heading])).toEqual([
      [0, 'Avvikelser'],
      [1, 'Rutiner'],
      [2, 'Internkontroll'],
    ]);
    const [a, b, c] = view.items.map((i) => i.id);
    view = await w.call<CouncilMeetingView>('council.reorderItems', { meetingId: w.meeting.id, itemIds: [c, a, b] });
    expect(view.items.map((i) => i.heading)).toEqual(['Internkontroll', 'Avvikelser', 'Rutiner']);
    // An order that leaves an item out is refused: nothing moves.
    expect((await w.refused('council.reorderItems', { meetingId: w.meeting.id, itemIds: [a, b] })).code).toBe('conflict');
    view = await w.call<CouncilMeetingView>('council.deleteItem', { id: a });
    expect(view.items.map((i) => [i.position, i.heading])).toEqual([
      [0, 'Internkontroll'],
      [1, 'Rutiner'],
    ]);
    view = await w.call<CouncilMeetingView>('council.setParticipants', {
      meetingId: w.meeting.id,
      participants: [
        { name: 'Eva Verksamhetschef', role: 'Verksamhetschef' },
        { name: 'Maja MAS', role: 'MAS' },
      ],
    });
    expect(view.participants.map((p) => p.name)).toEqual(['Eva Verksamhetschef', 'Maja MAS']);
    // A text item needs a heading.
    const error = await w.refused('council.addItem', { meetingId: w.meeting.id, item: { kind: 'text', heading: ' ' } });
    expect(error.code).toBe('invalid_input');
    expect(w.count('council_agenda_items')).toBe(2);
  });

  it('makes a decision an action in the one register, with owner and deadline, linked to the agenda item', async () => {
    const w = await meetingWorld();
    const item = (await w.addText(w.meeting.id, 'Nöjdhet hemtjänst')).items[0];
    if (!item) throw new Error('no item');
    const decision = { source: 'kvalitetsrad', councilItemId: item.id, description: 'Ta fram en plan för ökad kontinuitet', responsible: 'Eva', deadline: '2026-09-30' };
    const action = await w.call<ActionRow>('actions.create', decision);
    expect(action).toMatchObject({ source: 'kvalitetsrad', councilItemId: item.id, councilMeetingId: w.meeting.id, councilMeetingDate: '2026-05-12', councilItemHeading: 'Nöjdhet hemtjänst' });
    const register = await w.call<ActionRow[]>('actions.list', { filter: 'all', source: 'kvalitetsrad' });
    expect(register.map((r) => r.id)).toEqual([action.id]);
    const view = await w.call<CouncilMeetingView>('council.get', { id: w.meeting.id });
    expect(view.items[0]?.decisions.map((d) => d.description)).toEqual(['Ta fram en plan för ökad kontinuitet']);
    expect(view.decisionCount).toBe(1);

    // Refused, nothing written: no owner, a deadline before the meeting, the link on another source
    // (a kvalitetsråd action without an item is allowed, as in Uppföljning: tests/unit/tillsyn/actionRegister.test.ts).
    for (const [input, field] of [
      [{ ...decision, responsible: '' }, 'responsible'],
      [{ ...decision, deadline: '2026-05-11' }, 'deadline'],
      [{ ...decision, source: 'annat' }, 'councilItemId'],
    ] as const) {
      const error = await w.refused('actions.create', input);
      expect(error.issues?.[0]?.field).toBe(field);
    }
    expect(w.count('actions')).toBe(1);
    // An item or meeting with decisions stays.
    expect((await w.refused('council.deleteItem', { id: item.id })).code).toBe('referenced');
    expect((await w.refused('council.delete', { id: w.meeting.id })).code).toBe('referenced');
  });

  it('keeps a unit decision within the meeting’s verksamhetsområde', async () => {
    const w = await meetingWorld();
    const other = value<{ id: string }>(await w.dispatch('operatingAreas.create', { name: 'Särskilt boende' }));
    const meeting = await w.call<CouncilMeetingRow>('council.create', { meetingDate: '2026-05-12', title: 'SÄBO-rådet', operatingAreaId: other.id });
    expect(meeting.scopeLabel).toBe('Särskilt boende');
    const item = (await w.addText(meeting.id, 'Fall')).items[0];
    const error = await w.refused('actions.create', {
      source: 'kvalitetsrad',
      councilItemId: item?.id,
      unitId: w.unit.id,
      description: 'Fallprevention',
      responsible: 'Eva',
      deadline: '2026-09-30',
    });
    expect(error.issues?.[0]?.field).toBe('unitId');
  });

  it('finds the previous meeting of the same scope and the next planned one', async () => {
    const w = await meetingWorld();
    const earlier = await w.call<CouncilMeetingRow>('council.create', { meetingDate: '2025-11-18', title: 'Hösten' });
    await w.call<CouncilMeetingRow>('council.create', { meetingDate: '2025-12-01', title: 'Hemtjänst', operatingAreaId: w.area.id });
    const view = await w.call<CouncilMeetingView>('council.get', { id: w.meeting.id });
    expect(view.previousMeeting).toEqual({ id: earlier.id, meetingDate: '2025-11-18', title: 'Hösten' });
    const next = await w.call<{ meeting: CouncilMeetingRow | null }>('council.next', {});
    // The demo-free database's "today" is the real date; a meeting far ahead is the next one.
    const future = await w.call<CouncilMeetingRow>('council.create', { meetingDate: '2099-01-01', title: 'Framtiden' });
    expect((await w.call<{ meeting: CouncilMeetingRow | null }>('council.next', {})).meeting?.id).toBe(next.meeting?.id ?? future.id);
    expect((await w.call<CouncilMeetingRow[]>('council.list', {})).map((m) => m.title)).toEqual(['Framtiden', 'Kvalitetsråd våren', 'Hemtjänst', 'Hösten']);
  });

  it('keeps a held meeting’s agenda, date and scope, while notes can still be written', async () => {
    const w = await meetingWorld();
    const item = (await w.addText(w.meeting.id, 'Rutiner')).items[0];
    await w.call('council.update', { id: w.meeting.id, patch: { status: 'genomford' } });
    expect((await w.refused('council.addItem', { meetingId: w.meeting.id, item: { kind: 'text', heading: 'Sent' } })).code).toBe('conflict');
    expect((await w.refused('council.update', { id: w.meeting.id, patch: { meetingDate: '2026-05-13' } })).issues?.[0]?.field).toBe('meetingDate');
    expect((await w.refused('council.delete', { id: w.meeting.id })).code).toBe('referenced');
    const saved = await w.call<{ notes: string }>('council.updateItem', { id: item?.id, patch: { notes: 'Rutinen för delegering ses över.' } });
    expect(saved.notes).toBe('Rutinen för delegering ses över.');
  });

  it('freezes its views for the meeting, is held only when frozen, and then keeps its snapshots', async () => {
    const w = await meetingWorld();
    let view = await w.call<CouncilMeetingView>('council.addItem', { meetingId: w.meeting.id, item: { kind: 'view', viewName: 'selfAssessment.trends' } });
    const item = view.items[0];
    expect(item).toMatchObject({ kind: 'view', frozenAsOf: null, heading: 'Självskattning – medelvärde per område över åren' });
    expect(item?.presentation?.caption).toBeTruthy();
    // An unknown view and bad parameters are refused with the field named; nothing is added.
    expect((await w.refused('council.addItem', { meetingId: w.meeting.id, item: { kind: 'view', viewName: 'finns.inte' } })).issues?.[0]?.field).toBe('viewName');
    expect((await w.refused('council.addItem', { meetingId: w.meeting.id, item: { kind: 'view', viewName: 'selfAssessment.trends', viewParams: { fromYear: 2026, toYear: 2025 } } })).code).toBe('invalid_input');
    expect((await w.refused('council.update', { id: w.meeting.id, patch: { status: 'genomford' } })).issues?.[0]?.field).toBe('status');

    view = await w.call<CouncilMeetingView>('council.freeze', { meetingId: w.meeting.id });
    const today = new Date().toISOString().slice(0, 10);
    const asOf = w.meeting.meetingDate < today ? w.meeting.meetingDate : today;
    expect(view.items[0]?.frozenAsOf).toBe(asOf);
    expect(view).toMatchObject({ viewCount: 1, frozenCount: 1 });
    expect(w.count('snapshots')).toBe(1);
    await w.call('council.update', { id: w.meeting.id, patch: { status: 'genomford' } });
    expect((await w.refused('council.freeze', { meetingId: w.meeting.id })).code).toBe('conflict');
    expect(w.count('snapshots')).toBe(1);
  });
});
