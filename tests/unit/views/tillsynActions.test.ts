// The tillsyn and action-register views: `present` on hand-computed rows (captions with and
// without a previous snapshot), and `run` on the demo municipality's real SQLite file, each scope
// checked against the area's own API lists (the views must agree with the pages).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRow, CoverageView, CycleRow, LiveView, UnitRow } from '../../../db/api/contract.ts';
import { actionsBySourceView } from '../../../db/views/actions.ts';
import { tillsynCoverageView, tillsynFindingsByRequirementView } from '../../../db/views/tillsyn.ts';
import { todayIso } from '../../../db/shared/period.ts';
import { testApi, value } from '../../helpers/db.ts';

const forvaltning = { kind: 'forvaltning' } as const;
type CoverageRow = Parameters<typeof tillsynCoverageView.present>[0][number];
type FindingsRow = Parameters<typeof tillsynFindingsByRequirementView.present>[0][number];
type SourceRow = Parameters<typeof actionsBySourceView.present>[0][number];

const unit = (n: number, operatingAreaName: string, status: CoverageRow['status'], cycleStartYear = 2025): CoverageRow => ({
  cycleStartYear,
  unitId: `u${n}`,
  unitName: `Enhet ${n}`,
  operatingAreaName,
  status,
});

describe('tillsyn.coverage: present', () => {
  // Hemtjänst: 2 genomförda, 1 planerad, 1 försenad; SÄBO: 1 genomförd, 1 ej planerad, 1 stängd (not due).
  // Due 6 (the closed one left out), done 3 → 50 %; planned 1; not covered 1 + 1 = 2.
  const rows = [
    unit(1, 'Hemtjänst', 'genomford'),
    unit(2, 'Hemtjänst', 'genomford'),
    unit(3, 'Hemtjänst', 'planerad'),
    unit(4, 'Hemtjänst', 'forsenad'),
    unit(5, 'Särskilt boende', 'genomford'),
    unit(6, 'Särskilt boende', 'ej_planerad'),
    unit(7, 'Särskilt boende', 'stangd'),
  ];
  const context = { params: {}, asOf: '2026-11-02', scopeLabel: 'Hela förvaltningen', scope: forvaltning };

  it('counts done of due units, planned and not covered, and the change in done since the previous snapshot', () => {
    const shown = tillsynCoverageView.present(rows, context);
    expect(shown.caption).toBe('Hela förvaltningen: 3 av 6 enheter har haft tillsyn i cykeln 2025–2027 (50 %), 1 planerad, 2 försenade eller ej planerade.');
    expect(shown.title).toBe('Tillsynscykeln 2025–2027 – täckning, Hela förvaltningen');
    // ej_aktuell is not in any row, so it has no column.
    expect(shown.table?.columns.map((c) => c.header)).toEqual(['Verksamhetsområde', 'Genomförd', 'Planerad', 'Försenad', 'Ej planerad', 'Stängd utan tillsyn', 'Andel med tillsyn']);
    // Hemtjänst 2 of 4 = 50 %; SÄBO 1 of 2 = 50 %.
    expect(shown.table?.rows).toEqual([
      ['Hemtjänst', '2', '1', '1', '0', '0', '50 %'],
      ['Särskilt boende', '1', '0', '0', '1', '1', '50 %'],
    ]);
    // Previous: 1 done in the same cycle → +2.
    const previous = { asOf: '2026-03-10', rows: [unit(1, 'Hemtjänst', 'genomford'), unit(2, 'Hemtjänst', 'planerad')] };
    expect(tillsynCoverageView.present(rows, { ...context, previous }).caption).toBe(
      'Hela förvaltningen: 3 av 6 enheter har haft tillsyn i cykeln 2025–2027 (50 %), 1 planerad, 2 försenade eller ej planerade, +2 sedan 2026-03-10.',
    );
    // A previous snapshot of another cycle is not compared.
    const otherCycle = { asOf: '2024-10-01', rows: [unit(1, 'Hemtjänst', 'genomford', 2022)] };
    expect(tillsynCoverageView.present(rows, { ...context, previous: otherCycle }).caption).not.toContain('sedan');
    expect(tillsynCoverageView.present([], { ...context, params: { cycleStartYear: 2025 } }).caption).toBe('Inga enheter i tillsynscykeln 2025–2027 för Hela förvaltningen.');
  });
});

describe('tillsyn.findingsByRequirement: present', () => {
  const req = (code: string, title: string, u: number, d: number, e: number, b = 0): FindingsRow => ({
    requirementId: code,
    code,
    title,
    uppfyllt: u,
    delvis_uppfyllt: d,
    ej_uppfyllt: e,
    ej_bedomt: b,
  });
  // K1 5+1+2, K2 3+0+4, K3 only ej bedömt (not assessed): 15 assessments of 2 requirements, 6 ej uppfyllt, most in K2 (4).
  const rows = [req('K1', 'Dokumentation', 5, 1, 2), req('K2', 'Delaktighet', 3, 0, 4), req('K3', 'Kontinuitet', 0, 0, 0, 2)];
  const context = { params: { year: 2026 }, asOf: '2026-11-02', scopeLabel: 'Hemtjänst', scope: forvaltning };

  it('names the requirement with most "ej uppfyllt" and the change since the previous snapshot', () => {
    const shown = tillsynFindingsByRequirementView.present(rows, context);
    expect(shown.caption).toBe('Hemtjänst 2026: 15 bedömningar av 2 kvalitetskrav, 6 ej uppfyllt, flest i K2 Delaktighet (4).');
    expect(shown.table?.rows[2]).toEqual(['K3 Kontinuitet', '0', '0', '0', '2']);
    // The chart shows only the assessed requirements.
    expect(JSON.stringify(shown.chart?.option)).not.toContain('Kontinuitet');
    // Previous: 2 + 7 = 9 ej uppfyllt → 6 - 9 = -3.
    const previous = { asOf: '2026-06-01', rows: [req('K1', 'Dokumentation', 1, 0, 2), req('K2', 'Delaktighet', 0, 0, 7)] };
    expect(tillsynFindingsByRequirementView.present(rows, { ...context, previous }).caption).toBe(
      'Hemtjänst 2026: 15 bedömningar av 2 kvalitetskrav, 6 ej uppfyllt, flest i K2 Delaktighet (4), -3 ej uppfyllt sedan 2026-06-01.',
    );
    // Without a year the view's date decides it.
    expect(tillsynFindingsByRequirementView.present([req('K1', 'Dokumentation', 1, 0, 0)], { ...context, params: {} }).caption).toBe(
      'Hemtjänst 2026: 1 bedömning av 1 kvalitetskrav, 0 ej uppfyllt.',
    );
    expect(tillsynFindingsByRequirementView.present([], context).caption).toBe('Inga bedömda kvalitetskrav i tillsyn 2026 för Hemtjänst.');
  });
});

describe('actions.bySource: present', () => {
  // Tillsyn 30 open, 7 overdue; IVO 8 open, 2 overdue → 38 open, 9 overdue.
  const rows: SourceRow[] = [
    { source: 'tillsyn', open: 30, overdue: 7 },
    { source: 'ivo', open: 8, overdue: 2 },
  ];
  const context = { params: {}, asOf: '2026-11-02', scopeLabel: 'Hela förvaltningen', scope: forvaltning };

  it('totals open and overdue, and the change in both since the previous snapshot', () => {
    const shown = actionsBySourceView.present(rows, context);
    expect(shown.caption).toBe('Hela förvaltningen: 38 öppna åtgärder, varav 9 försenade.');
    expect(shown.table?.rows).toEqual([
      ['Tillsyn', '30', '7'],
      ['IVO', '8', '2'],
      ['Totalt', '38', '9'],
    ]);
    // Previous: 36 open, 12 overdue → +2 and -3.
    const previous = { asOf: '2026-03-10', rows: [{ source: 'tillsyn' as const, open: 36, overdue: 12 }] };
    expect(actionsBySourceView.present(rows, { ...context, previous }).caption).toBe(
      'Hela förvaltningen: 38 öppna åtgärder, varav 9 försenade, +2 öppna och -3 försenade sedan 2026-03-10.',
    );
    expect(actionsBySourceView.present([{ source: 'annat', open: 1, overdue: 0 }], context).caption).toBe('Hela förvaltningen: 1 öppen åtgärd, varav 0 försenade.');
    expect(actionsBySourceView.present([], { ...context, previous }).caption).toBe('Inga öppna åtgärder för Hela förvaltningen, -36 öppna och -12 försenade sedan 2026-03-10.');
  });

  it('groups thousands in the caption and the table, as the slide of a large register showed "6311 öppna"', () => {
    const large: SourceRow[] = [
      { source: 'tillsyn', open: 5197, overdue: 2241 },
      { source: 'annat', open: 1114, overdue: 624 },
    ];
    const shown = actionsBySourceView.present(large, context);
    expect(shown.caption).toBe('Hela förvaltningen: 6\u00a0311 öppna åtgärder, varav 2\u00a0865 försenade.');
    expect(shown.table?.rows.at(-1)).toEqual(['Totalt', '6\u00a0311', '2\u00a0865']);
  });
});

describe('tillsyn and action views: run on the demo municipality, by scope', () => {
  const api = testApi({ demo: true });
  let units: UnitRow[] = [];
  const today = todayIso();
  beforeAll(async () => {
    units = value<UnitRow[]>(await api.dispatch('units.list', { includeArchived: true }));
  });
  afterAll(() => api.session.close());
  const areaIds = () => [...new Set(units.map((u) => u.operatingAreaId))];
  const areaOf = (unitId: string | null) => units.find((u) => u.id === unitId)?.operatingAreaId;

  it('actions.bySource agrees with the register list for the förvaltning, each area and a unit', async () => {
    const open = value<ActionRow[]>(await api.dispatch('actions.list', { filter: 'open' }));
    const expected = (keep: (a: ActionRow) => boolean) => {
      const counts = new Map<string, { open: number; overdue: number }>();
      for (const a of open.filter(keep)) {
        const c = counts.get(a.source) ?? { open: 0, overdue: 0 };
        c.open++;
        if (a.overdue !== null) c.overdue++;
        counts.set(a.source, c);
      }
      return counts;
    };
    const asMap = (rows: SourceRow[]) => new Map(rows.map((r) => [r.source as string, { open: r.open, overdue: r.overdue }]));
    const all = actionsBySourceView.run(api.session.db, {}, forvaltning, today);
    expect(all.length).toBeGreaterThan(0);
    expect(asMap(all)).toEqual(expected(() => true));
    let areasWithActions = 0;
    for (const areaId of areaIds()) {
      const rows = actionsBySourceView.run(api.session.db, {}, { kind: 'area', areaId }, today);
      expect(asMap(rows)).toEqual(expected((a) => areaOf(a.unitId) === areaId));
      if (rows.length > 0) areasWithActions++;
    }
    // Otherwise the area filter would be untested.
    expect(areasWithActions).toBeGreaterThanOrEqual(2);
    const unitWithActions = open.find((a) => a.unitId !== null)?.unitId as string;
    const one = actionsBySourceView.run(api.session.db, {}, { kind: 'unit', unitId: unitWithActions }, today);
    expect(asMap(one)).toEqual(expected((a) => a.unitId === unitWithActions));
  });

  it('tillsyn.coverage gives each unit the status the planning page shows, within the scope', async () => {
    const cycles = value<CycleRow[]>(await api.dispatch('cycles.list', {}));
    const year = Number(today.slice(0, 4));
    const cycle = cycles.find((c) => year >= c.startYear && year <= c.startYear + 2) as CycleRow;
    const coverage = value<CoverageView>(await api.dispatch('coverage.get', { cycleId: cycle.id }));
    const statusOf = new Map(coverage.units.map((u) => [u.unitId, u.status]));
    const all = tillsynCoverageView.run(api.session.db, {}, forvaltning, today);
    expect(all.length).toBe(coverage.units.length);
    for (const r of all) expect([r.cycleStartYear, r.status]).toEqual([cycle.startYear, statusOf.get(r.unitId)]);
    let inAreas = 0;
    for (const areaId of areaIds()) {
      const rows = tillsynCoverageView.run(api.session.db, { cycleStartYear: cycle.startYear }, { kind: 'area', areaId }, today);
      expect(rows.every((r) => areaOf(r.unitId) === areaId)).toBe(true);
      inAreas += rows.length;
    }
    expect(inAreas).toBe(all.length);
    const first = all[0] as CoverageRow;
    expect(tillsynCoverageView.run(api.session.db, {}, { kind: 'unit', unitId: first.unitId }, today)).toEqual([first]);
    // Through the API: the caption is computed from the same rows.
    const live = value<LiveView>(await api.dispatch('views.run', { name: 'tillsyn.coverage', params: {}, scope: forvaltning }));
    const done = all.filter((r) => r.status === 'genomford').length;
    expect(live.presentation.caption).toContain(`Hela förvaltningen: ${done} av `);
  });

  it('tillsyn.findingsByRequirement: the areas add up to the förvaltning, a unit is within its area', () => {
    const year = Number(today.slice(0, 4)) - 1;
    const all = tillsynFindingsByRequirementView.run(api.session.db, { year }, forvaltning, today);
    const total = (rows: FindingsRow[]) => rows.reduce((s, r) => s + r.uppfyllt + r.delvis_uppfyllt + r.ej_uppfyllt + r.ej_bedomt, 0);
    expect(total(all)).toBeGreaterThan(0);
    const perArea = areaIds().map((areaId) => total(tillsynFindingsByRequirementView.run(api.session.db, { year }, { kind: 'area', areaId }, today)));
    expect(perArea.reduce((s, n) => s + n, 0)).toBe(total(all));
    expect(perArea.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    const perUnit = units.map((u) => total(tillsynFindingsByRequirementView.run(api.session.db, { year }, { kind: 'unit', unitId: u.id }, today)));
    expect(perUnit.reduce((s, n) => s + n, 0)).toBe(total(all));
    expect(Math.max(...perUnit)).toBeLessThan(total(all));
  });
});
