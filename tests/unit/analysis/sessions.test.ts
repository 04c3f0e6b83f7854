// Analysverkstad sessions through the real dispatch on a real SQLite file: participants and agenda
// saved and ordered, decided actions held to their rules (owner, deadline not before the session,
// unit within the session's scope), the list's action counts, the previous session's actions at
// the next session of the same area, and the protocol's text in PDF and Word.
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type ActionRow, type AnalysisSessionDetail, type AnalysisSessionListRow, type DownloadFile, type OperatingAreaRow, type SnapshotView, type UnitRow } from '../../../db/api/contract.ts';
import type { ApiResult } from '../../../db/errors.ts';
import { apiWithOneUnit, testApi, value } from '../../helpers/db.ts';
import { docxText, pdfText } from '../../helpers/reportText.ts';

function refused(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

async function sessionFixture() {
  const api = await apiWithOneUnit();
  const other = value<OperatingAreaRow>(await api.dispatch('operatingAreas.create', { name: 'Särskilt boende' }));
  const elsewhere = value<UnitRow>(
    await api.dispatch('units.create', { operatingAreaId: other.id, name: 'Solgården', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: 'Exempelby kommun', manager: '' }),
  );
  const first = value<AnalysisSessionDetail>(await api.dispatch('analysis.create', { heldOn: '2025-11-05', title: 'Analysverkstad hemtjänst 2025', operatingAreaId: api.area.id }));
  return { ...api, other, elsewhere, first };
}

describe('analysverkstad sessions', () => {
  it('keeps participants and agenda items in order, with notes saved as written', async () => {
    const t = await sessionFixture();
    value(await t.dispatch('analysis.addParticipant', { sessionId: t.first.id, name: 'Karin Lundgren', role: 'Verksamhetschef' }));
    let s = value<AnalysisSessionDetail>(await t.dispatch('analysis.addParticipant', { sessionId: t.first.id, name: 'Ali Svensson', role: 'Kvalitetssamordnare' }));
    expect(s.participants.map((p) => [p.name, p.role])).toEqual([
      ['Karin Lundgren', 'Verksamhetschef'],
      ['Ali Svensson', 'Kvalitetssamordnare'],
    ]);
    const ali = s.participants[1]!;
    s = value<AnalysisSessionDetail>(await t.dispatch('analysis.updateParticipant', { id: ali.id, patch: { role: 'Verksamhetsutvecklare IT' } }));
    expect(s.participants[1]?.role).toBe('Verksamhetsutvecklare IT');
    expect(refused(await t.dispatch('analysis.addParticipant', { sessionId: t.first.id, name: '  ', role: '' })).message).toBe('Namn måste fyllas i.');

    for (const heading of ['Självskattning', 'Avvikelser', 'Risker']) s = value(await t.dispatch('analysis.addAgendaItem', { sessionId: t.first.id, heading }));
    const risks = s.agendaItems[2]!;
    s = value(await t.dispatch('analysis.moveAgendaItem', { id: risks.id, direction: 'up' }));
    expect(s.agendaItems.map((i) => i.heading)).toEqual(['Självskattning', 'Risker', 'Avvikelser']);
    s = value(await t.dispatch('analysis.moveAgendaItem', { id: s.agendaItems[0]!.id, direction: 'up' }));
    expect(s.agendaItems.map((i) => i.heading)).toEqual(['Självskattning', 'Risker', 'Avvikelser']);
    s = value(await t.dispatch('analysis.updateAgendaItem', { id: risks.id, patch: { notes: 'Fall i hemmet återkommer.' } }));
    expect(s.agendaItems.find((i) => i.id === risks.id)?.notes).toBe('Fall i hemmet återkommer.');
  });

  it('refuses a decided action without owner, with a deadline before the session or a unit outside its area, and writes nothing', async () => {
    const t = await sessionFixture();
    const base = { source: 'analysverkstad' as const, analysisSessionId: t.first.id, description: 'Inför teamträffar om fall', responsible: 'Karin Lundgren', deadline: '2026-03-31' };
    const noOwner = refused(await t.dispatch('actions.create', { ...base, responsible: ' ' }));
    expect(noOwner.issues?.[0]).toMatchObject({ field: 'responsible' });
    const early = refused(await t.dispatch('actions.create', { ...base, deadline: '2025-11-04' }));
    expect(early.issues?.[0]).toMatchObject({ field: 'deadline', message: 'Sista dag kan inte vara före analysverkstaden (2025-11-05).' });
    expect(refused(await t.dispatch('actions.create', { ...base, unitId: t.elsewhere.id })).issues?.[0]).toMatchObject({ field: 'unitId' });
    expect(refused(await t.dispatch('actions.create', { ...base, source: 'annat' })).issues?.[0]).toMatchObject({ field: 'analysisSessionId' });
    expect(value<ActionRow[]>(await t.dispatch('actions.list', { filter: 'all' }))).toEqual([]);

    const action = value<ActionRow>(await t.dispatch('actions.create', { ...base, unitId: t.unit.id, deadline: '2025-11-05' }));
    expect(action).toMatchObject({ analysisSessionId: t.first.id, analysisSessionHeldOn: '2025-11-05', unitName: 'Hemtjänst Norr' });
    expect(refused(await t.dispatch('actions.update', { id: action.id, patch: { deadline: '2025-10-01' } })).issues?.[0]).toMatchObject({ field: 'deadline' });
    expect(refused(await t.dispatch('actions.update', { id: action.id, patch: { responsible: '' } })).issues?.[0]).toMatchObject({ field: 'responsible' });
    // The session keeps its scope and cannot move past the action's deadline, and is not deleted.
    expect(refused(await t.dispatch('analysis.update', { id: t.first.id, patch: { heldOn: '2025-11-06' } })).issues?.[0]).toMatchObject({ field: 'heldOn' });
    expect(refused(await t.dispatch('analysis.update', { id: t.first.id, patch: { unitIds: [t.unit.id] } })).issues?.[0]).toMatchObject({ field: 'unitIds' });
    expect(refused(await t.dispatch('analysis.delete', { id: t.first.id })).code).toBe('referenced');
  });

  it('counts open and closed actions in the list and shows the previous session of the area with its actions today', async () => {
    const t = await sessionFixture();
    const decide = (sessionId: string, description: string, deadline: string) =>
      t.dispatch('actions.create', { source: 'analysverkstad', analysisSessionId: sessionId, description, responsible: 'Karin Lundgren', deadline });
    const a1 = value<ActionRow>(await decide(t.first.id, 'Fallrutin ses över', '2026-02-28'));
    await decide(t.first.id, 'Läkemedelsgenomgång', '2026-05-31');
    value(await t.dispatch('actions.close', { id: a1.id, closingNote: 'Rutinen är reviderad och införd.' }));
    const second = value<AnalysisSessionDetail>(await t.dispatch('analysis.create', { heldOn: '2026-11-04', title: 'Analysverkstad hemtjänst 2026', operatingAreaId: t.area.id }));
    // Another area's session is never "previous" for hemtjänst.
    value(await t.dispatch('analysis.create', { heldOn: '2026-01-10', title: 'SÄBO', operatingAreaId: t.other.id }));

    expect(second.previous?.id).toBe(t.first.id);
    expect(second.previous?.actions.map((a) => [a.description, a.status])).toEqual([
      ['Fallrutin ses över', 'stangd'],
      ['Läkemedelsgenomgång', 'oppen'],
    ]);
    const list = value<AnalysisSessionListRow[]>(await t.dispatch('analysis.list', { operatingAreaId: t.area.id }));
    expect(list.map((s) => [s.heldOn, s.openActionCount, s.closedActionCount])).toEqual([
      ['2026-11-04', 0, 0],
      ['2025-11-05', 1, 1],
    ]);
    expect(value<AnalysisSessionDetail>(await t.dispatch('analysis.get', { id: t.first.id })).previous).toBeNull();
  });

  it('writes the protocol with participants, agenda notes and decided actions in PDF and Word', async () => {
    const t = await sessionFixture();
    await t.dispatch('analysis.addParticipant', { sessionId: t.first.id, name: 'Karin Lundgren', role: 'Verksamhetschef' });
    const s = value<AnalysisSessionDetail>(await t.dispatch('analysis.addAgendaItem', { sessionId: t.first.id, heading: 'Avvikelser' }));
    await t.dispatch('analysis.updateAgendaItem', { id: s.agendaItems[0]!.id, patch: { notes: 'Få avvikelser skrivs i hemtjänsten.' } });
    await t.dispatch('actions.create', { source: 'analysverkstad', analysisSessionId: t.first.id, description: 'Utbilda i avvikelserapportering', responsible: 'Karin Lundgren', deadline: '2026-03-31' });
    for (const [method, read] of [
      ['analysis.protocolPdf', pdfText],
      ['analysis.protocolDocx', docxText],
    ] as const) {
      const file = value<DownloadFile>(await t.dispatch(method, { id: t.first.id }));
      const text = read(file);
      for (const expected of ['Protokoll – Analysverkstad', 'Karin Lundgren', 'Verksamhetschef', '1. Avvikelser', 'Få avvikelser skrivs i hemtjänsten.', 'Utbilda i avvikelserapportering', '2026-03-31']) {
        expect(text, `${method}: ${expected}`).toContain(expected);
      }
    }
  });
});

describe('the demo municipality', () => {
  it('holds two hemtjänst sessions a year apart; the later one lists the earlier one’s actions in every status', async () => {
    const api = testApi({ demo: true });
    const sessions = value<AnalysisSessionListRow[]>(await api.dispatch('analysis.list', {}));
    expect(sessions.map((s) => [s.heldOn, s.operatingAreaName])).toEqual([
      ['2026-11-11', 'Hemtjänst'],
      ['2025-11-12', 'Hemtjänst'],
    ]);
    const later = value<AnalysisSessionDetail>(await api.dispatch('analysis.get', { id: sessions[0]!.id }));
    expect(later.previous?.id).toBe(sessions[1]!.id);
    expect(new Set(later.previous?.actions.map((a) => a.status))).toEqual(new Set(ACTION_STATUSES));
    expect(later.participants.map((p) => p.role)).toContain('Verksamhetsutvecklare IT');
    expect(later.actions.every((a) => a.deadline >= later.heldOn && a.responsible !== '')).toBe(true);
  });
});

describe('frozen analyses in a session', () => {
  it('freezes a ready view as of the session date as an agenda item, and the protocol draws it', async () => {
    const api = testApi({ demo: true });
    const [, earlier] = value<AnalysisSessionListRow[]>(await api.dispatch('analysis.list', {}));
    const before = value<AnalysisSessionDetail>(await api.dispatch('analysis.get', { id: earlier!.id }));
    const s = value<AnalysisSessionDetail>(await api.dispatch('analysis.addAnalysis', { sessionId: earlier!.id, name: 'selfAssessment.trends', params: {} }));
    const item = s.agendaItems.at(-1)!;
    expect(s.agendaItems).toHaveLength(before.agendaItems.length + 1);
    expect(item).toMatchObject({ heading: 'Självskattning – medelvärde per område över åren', notes: '' });
    const snapshot = value<SnapshotView>(await api.dispatch('views.snapshot', { id: item.snapshotId! }));
    expect(snapshot).toMatchObject({ asOf: '2025-11-12', scopeLabel: 'Hemtjänst', live: { name: 'selfAssessment.trends', scope: { kind: 'area', areaId: s.operatingAreaId } } });
    expect(refused(await api.dispatch('analysis.addAnalysis', { sessionId: earlier!.id, name: 'ingen.sådan', params: {} })).code).toBe('not_found');

    const text = pdfText(value<DownloadFile>(await api.dispatch('analysis.protocolPdf', { id: earlier!.id })));
    expect(text).toContain('Självskattning 2025 – medelvärde per enhet och område, Hemtjänst');
    expect(text).toContain('Ögonblicksbild från 2025-11-12');
  });
});

describe('a frozen analysis compared with the previous session’s', () => {
  it('pairs each frozen analysis with the same view frozen at the previous session of the area, and the caption says the change since then', async () => {
    const api = testApi({ demo: true });
    const [later, earlier] = value<AnalysisSessionListRow[]>(await api.dispatch('analysis.list', {}));
    const freeze = async (sessionId: string, name: string) =>
      value<AnalysisSessionDetail>(await api.dispatch('analysis.addAnalysis', { sessionId, name, params: {} })).agendaItems.at(-1)!;
    const then = await freeze(earlier!.id, 'selfAssessment.trends');
    expect(then.previousSnapshotId).toBeNull();
    const now = await freeze(later!.id, 'selfAssessment.trends');
    expect(now.previousSnapshotId).toBe(then.snapshotId);
    // A view the earlier session did not freeze has nothing to compare with.
    expect((await freeze(later!.id, 'actions.bySource')).previousSnapshotId).toBeNull();

    const shown = value<SnapshotView>(await api.dispatch('views.snapshot', { id: now.snapshotId!, previousSnapshotId: now.previousSnapshotId! }));
    expect(shown.presentation.caption).toMatch(/, [+-±]\d,\d sedan 2025-11-12\.$/);
    const text = pdfText(value<DownloadFile>(await api.dispatch('analysis.protocolPdf', { id: later!.id })));
    expect(text).toContain('sedan 2025-11-12');
  });
});

describe('risks reviewed at a session', () => {
  it('adds a risk identified at the session, refuses another area’s risk, links a decided action to it and draws it in the protocol', async () => {
    const t = await sessionFixture();
    let s = value<AnalysisSessionDetail>(
      await t.dispatch('analysis.addRisk', { sessionId: t.first.id, description: 'Missade läkemedelsdoser kvällstid', cause: 'processer_rutiner', probability: 4, severity: 3 }),
    );
    expect(s.risks.map((r) => [r.number, r.identifiedOn, r.assessments[0]?.value, r.assessments[0]?.band])).toEqual([[1, '2025-11-05', 12, 'rod']]);
    expect(refused(await t.dispatch('analysis.addRisk', { sessionId: t.first.id, description: 'X', cause: 'annat', probability: 5, severity: 1 })).message).toContain('1 till 4');
    const foreign = value<{ id: string }>(
      await t.dispatch('risks.create', { operatingAreaId: t.other.id, description: 'Fall', cause: 'annat', identifiedOn: '2025-10-01', probability: 2, severity: 2 }),
    );
    expect(refused(await t.dispatch('analysis.linkRisk', { sessionId: t.first.id, riskId: foreign.id })).issues?.[0]).toMatchObject({ field: 'riskId' });
    const risk = s.risks[0]!;
    const action = value<ActionRow>(
      await t.dispatch('actions.create', { source: 'analysverkstad', analysisSessionId: t.first.id, riskId: risk.id, description: 'Dubbelsignering', responsible: 'Karin Lundgren', deadline: '2026-01-31' }),
    );
    expect(action).toMatchObject({ analysisSessionId: t.first.id, riskId: risk.id });
    const text = docxText(value<DownloadFile>(await t.dispatch('analysis.protocolDocx', { id: t.first.id })));
    expect(text).toContain('Risker');
    expect(text).toContain('Missade läkemedelsdoser kvällstid');
    expect(text).toContain('12 (rött)');
    s = value(await t.dispatch('analysis.unlinkRisk', { sessionId: t.first.id, riskId: risk.id }));
    expect(s.risks).toEqual([]);
  });
});
