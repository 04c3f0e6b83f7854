// Ready views and their frozen snapshots through the real dispatch on a real SQLite file: a
// snapshot keeps showing what it saw after the live data changes, the stored triggers refuse any
// change to it, and captions are computed (expected values worked out by hand in the comments).
import { describe, expect, it } from 'vitest';
import type { LiveView, SaveAnswersResult, SnapshotTaken, SnapshotView, ViewListItem } from '../../../db/api/contract.ts';
import { apiWithOneUnit, value } from '../../helpers/db.ts';
import { twoUnitsAndTemplate } from '../../helpers/selfAssessment.ts';
import { todayIso } from '../../../db/shared/period.ts';

/**
 * The självskattning fixture (a1–a3 in Självbestämmande, b1, b2 in Helhetssyn), answered:
 * Norr a1 4, a2 8, b1 3 → SB 6, HS 3. Solgården a1 10 → SB 10, HS none.
 */
async function answeredYear() {
  const t = await twoUnitsAndTemplate();
  const save = async (unitId: string, cells: object[]) => value<SaveAnswersResult>(await t.dispatch('selfAssessment.saveAnswers', { unitId, year: 2025, cells }));
  await save(t.unit.id, [
    { templateStatementId: t.a1.id, score: 4 },
    { templateStatementId: t.a2.id, score: 8 },
    { templateStatementId: t.b1.id, score: 3 },
  ]);
  await save(t.other.id, [{ templateStatementId: t.a1.id, score: 10 }]);
  return { ...t, save };
}

const heatmap = { name: 'selfAssessment.heatmap', params: { year: 2025 } };

describe('views and snapshots', () => {
  it('lists the registered views with their parameters', async () => {
    const api = await apiWithOneUnit();
    const list = value<ViewListItem[]>(await api.dispatch('views.list', {}));
    expect(list.find((v) => v.name === 'selfAssessment.heatmap')).toEqual({
      name: 'selfAssessment.heatmap',
      label: 'Självskattning – medelvärde per enhet och område',
      version: 1,
      params: [{ key: 'year', kind: 'integer', optional: false }],
    });
  });

  it('a snapshot is unchanged after the live data it was taken from is edited', async () => {
    const t = await answeredYear();
    const live = value<LiveView>(await t.dispatch('views.run', heatmap));
    // Cell means 6, 3 (Norr) and 10 (Solgården): 19/3 = 6,3; Helhetssyn has only 3,0; SB (6+10)/2 = 8.
    expect(live.presentation.caption).toBe('Hela förvaltningen 2025: medelvärde 6,3 för 2 enheter, lägst i Helhetssyn och samordning (3,0).');
    expect(live.presentation.table?.rows.map((r) => r.slice(0, 3))).toEqual([
      ['Hemtjänst Norr', '6,0', '3,0'],
      ['Solgården', '10,0', ''],
    ]);
    // The presentation travels as JSON: nothing in it (chart option included) may be lost on the way.
    expect(JSON.parse(JSON.stringify(live.presentation))).toEqual(live.presentation);

    const taken = value<SnapshotTaken>(await t.dispatch('views.takeSnapshot', heatmap));
    expect(taken).toMatchObject({ asOf: todayIso(), rowCount: 10 });
    const before = value<SnapshotView>(await t.dispatch('views.snapshot', { id: taken.id }));
    expect(before.presentation).toEqual(live.presentation);

    // Live data changes: a score, a unit's name, the area's name.
    await t.save(t.unit.id, [{ templateStatementId: t.a1.id, score: 10 }]);
    value(await t.dispatch('units.update', { id: t.unit.id, patch: { name: 'Hemtjänst Nord' } }));
    value(await t.dispatch('operatingAreas.rename', { id: t.area.id, name: 'Hemtjänsten' }));

    const after = value<SnapshotView>(await t.dispatch('views.snapshot', { id: taken.id }));
    expect(after).toEqual(before);
    expect(after.live).toEqual({ name: 'selfAssessment.heatmap', params: { year: 2025 }, scope: { kind: 'forvaltning' } });

    // Live now: Norr SB (10+8)/2 = 9, HS 3; Solgården 10 → 22/3 = 7,3, +1,0 since the snapshot.
    const now = value<LiveView>(await t.dispatch('views.run', { ...heatmap, previousSnapshotId: taken.id }));
    expect(now.presentation.caption).toBe(`Hela förvaltningen 2025: medelvärde 7,3 för 2 enheter, lägst i Helhetssyn och samordning (3,0), +1,0 sedan ${todayIso()}.`);
    expect(now.presentation.table?.rows[0]?.[0]).toBe('Hemtjänst Nord');
  });

  it('an area snapshot keeps the area name it was taken under', async () => {
    const t = await answeredYear();
    const scope = { kind: 'area', areaId: t.area.id };
    const taken = value<SnapshotTaken>(await t.dispatch('views.takeSnapshot', { ...heatmap, scope }));
    value(await t.dispatch('operatingAreas.rename', { id: t.area.id, name: 'Hemtjänsten' }));
    const frozen = value<SnapshotView>(await t.dispatch('views.snapshot', { id: taken.id }));
    expect(frozen.scopeLabel).toBe('Hemtjänst');
    expect(frozen.presentation.title).toBe('Självskattning 2025 – medelvärde per enhet och område, Hemtjänst');
    const unitOnly = value<LiveView>(await t.dispatch('views.run', { ...heatmap, scope: { kind: 'unit', unitId: t.other.id } }));
    expect(unitOnly.presentation.caption).toBe('Solgården 2025: medelvärde 10,0 för 1 enhet, lägst i Självbestämmande och integritet (10,0).');
  });

  it('the stored triggers refuse to change or delete a snapshot', async () => {
    const t = await answeredYear();
    const taken = value<SnapshotTaken>(await t.dispatch('views.takeSnapshot', heatmap));
    const sqlite = t.session.db.sqlite;
    const locked = /En ögonblicksbild kan inte ändras eller raderas/;
    expect(() => sqlite.prepare("UPDATE snapshots SET scope_label = 'x' WHERE id = ?").run(taken.id)).toThrow(locked);
    expect(() => sqlite.prepare('DELETE FROM snapshots WHERE id = ?').run(taken.id)).toThrow(locked);
    expect(() => sqlite.prepare("UPDATE snapshot_rows SET data = '{}' WHERE snapshot_id = ?").run(taken.id)).toThrow(locked);
    expect(() => sqlite.prepare('DELETE FROM snapshot_rows WHERE snapshot_id = ?').run(taken.id)).toThrow(locked);
    const firstRow = sqlite.prepare('SELECT id FROM snapshot_rows WHERE snapshot_id = ? AND position = 0').pluck().get(taken.id);
    expect(() => sqlite.prepare("INSERT OR REPLACE INTO snapshot_rows (id, snapshot_id, position, data) VALUES (?, ?, 0, '{}')").run(firstRow, taken.id)).toThrow(locked);
    expect(() => sqlite.prepare("INSERT INTO snapshot_rows (id, snapshot_id, position, data) VALUES ('x', ?, 10, '{}')").run(taken.id)).toThrow(locked);
    expect(() =>
      sqlite.prepare("INSERT OR REPLACE INTO snapshots (id, query, query_version, params, scope, scope_label, as_of, row_count) VALUES (?, 'q', 1, '{}', '{}', '', '2025-01-01', 0)").run(taken.id),
    ).toThrow(locked);
    expect(sqlite.prepare('SELECT count(*) FROM snapshot_rows WHERE snapshot_id = ?').pluck().get(taken.id)).toBe(10);
  });

  it('refuses an unknown view, bad parameters, a future date and a comparison with another view', async () => {
    const t = await answeredYear();
    const unknown = await t.dispatch('views.run', { name: 'nope', params: {} });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    const badYear = await t.dispatch('views.run', { name: 'selfAssessment.heatmap', params: { year: 'i år' } });
    expect(badYear.ok ? null : badYear.error).toMatchObject({ code: 'invalid_input', message: 'Året måste vara ett heltal.' });
    const future = await t.dispatch('views.takeSnapshot', { ...heatmap, asOf: '2999-01-01' });
    expect(future.ok ? null : future.error.message).toBe('En ögonblicksbild kan inte gälla ett datum efter i dag.');
    const trends = value<SnapshotTaken>(await t.dispatch('views.takeSnapshot', { name: 'selfAssessment.trends', params: {} }));
    const mixed = await t.dispatch('views.run', { ...heatmap, previousSnapshotId: trends.id });
    expect(mixed.ok ? null : mixed.error.code).toBe('invalid_input');
    expect(t.session.db.sqlite.prepare('SELECT count(*) FROM snapshots').pluck().get()).toBe(1);
  });
});
