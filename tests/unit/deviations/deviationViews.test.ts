// The avvikelser ready views on a real database file: rows summed for a scope, and captions
// computed from them (hand-counted below), including the change since the previous rows.
import { beforeEach, describe, expect, it } from 'vitest';
import { deviationsByTypeView, deviationsByUnitView } from '../../../db/views/deviations.ts';
import { useInspectionWorld, type InspectionWorld } from '../tillsyn/inspectionFixture.ts';

const world = useInspectionWorld();
let w: InspectionWorld;
const SOL = 'Solgårdens vård- och omsorgsboende';
const LIND = 'Lindgårdens vård- och omsorgsboende';

const csv = (lines: string[]) => ({ file: { fileName: 'avvikelser.csv', contentBase64: Buffer.from(lines.join('\n'), 'utf8').toString('base64') } });

beforeEach(async () => {
  w = world();
  await w.call(
    'deviations.importCommit',
    csv([
      'Period;Enhet;Avvikelsetyp;Antal',
      `2025-02;${SOL};Fall;5`,
      `2025-06;${LIND};Läkemedel;3`,
      `2026-01;${SOL};Fall;4`,
      `2026-02;${SOL};Läkemedel;2`,
      `2026-05;${LIND};Fall;1`,
      `2026-05;${SOL};Fall;2`,
    ]),
  );
});

describe('avvikelser views', () => {
  it('by type over time: sums per month and type, caption with the last tertial against the one before', () => {
    const params = deviationsByTypeView.params.parse({ fromYear: 2025, toYear: 2026 });
    const rows = deviationsByTypeView.run(w.session.db, params, { kind: 'area', areaId: w.area.id }, '2026-11-23');
    expect(rows).toHaveLength(5);
    const shown = deviationsByTypeView.present(rows, { params, asOf: '2026-11-23', scopeLabel: 'Särskilt boende', scope: { kind: 'area', areaId: w.area.id } });
    expect(shown.title).toBe('Avvikelser per typ 2025–2026, Särskilt boende');
    // 17 in all; Fall 12 of 17 = 71 %; 2026 T2 holds 3 (May), 2026 T1 6 (Jan + Feb).
    expect(shown.caption).toBe('17 avvikelser 2025–2026; vanligast Fall (71 %). 2026 T2: 3 (-3 mot 2026 T1).');
    expect(shown.table?.rows).toEqual([
      ['Fall', '12', '71 %'],
      ['Läkemedel', '5', '29 %'],
    ]);
    const withPrevious = deviationsByTypeView.present(rows, {
      params,
      asOf: '2026-11-23',
      scopeLabel: 'Särskilt boende',
      scope: { kind: 'forvaltning' },
      previous: { asOf: '2025-12-01', rows: rows.filter((r) => r.year === 2025) },
    });
    expect(withPrevious.caption).toContain('. Vid förra tillfället (2025-12-01) 2025 T2: 3');
  });

  it('by unit: one year beside the year before, for one unit', () => {
    const params = deviationsByUnitView.params.parse({ year: 2026 });
    const rows = deviationsByUnitView.run(w.session.db, params, { kind: 'unit', unitId: w.solgarden.id }, '2026-11-23');
    expect(rows).toEqual([
      { unitName: SOL, operatingAreaName: 'Särskilt boende', deviationType: 'Fall', count: 6, previousYearCount: 5 },
      { unitName: SOL, operatingAreaName: 'Särskilt boende', deviationType: 'Läkemedel', count: 2, previousYearCount: 0 },
    ]);
    const shown = deviationsByUnitView.present(rows, { params, asOf: '2026-11-23', scopeLabel: SOL, scope: { kind: 'unit', unitId: w.solgarden.id } });
    expect(shown.caption).toBe(`8 avvikelser 2026 (+3 mot 2025); flest: ${SOL} (8).`);
    expect(shown.table?.rows).toEqual([[SOL, '8', '5', '+3']]);
    const all = deviationsByUnitView.run(w.session.db, params, { kind: 'forvaltning' }, '2026-11-23');
    expect(new Set(all.map((r) => r.unitName))).toEqual(new Set([SOL, LIND]));
    // Per unit over the whole förvaltning: each unit's own rows summed (grouped once, not filtered per unit).
    const shownAll = deviationsByUnitView.present(all, { params, asOf: '2026-11-23', scopeLabel: 'Hela förvaltningen', scope: { kind: 'forvaltning' } });
    expect(shownAll.table?.rows).toEqual([
      [LIND, '1', '3', '-2'],
      [SOL, '8', '5', '+3'],
    ]);
    expect(shownAll.caption).toBe(`9 avvikelser 2026 (+1 mot 2025); flest: ${SOL} (8).`);
  });
});
