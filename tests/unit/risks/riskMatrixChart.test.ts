// The risk matrix chart: seed 003 §6's layout (severity Katastrofal → Mindre across, probability
// Mycket stor → Mycket liten down), the value in all 16 cells, risks as numbered markers with a
// before → after arrow, drawn by the reports' SVG renderer (db/io/chartImage.ts) as on screen.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { riskMatrixCells } from '../../../db/domain/riskMatrix.ts';
import { riskMatrixChart } from '../../../db/shared/riskMatrixChart.ts';
import { chartSvg, svgToPng } from '../../../db/io/chartImage.ts';
import { RISK_MATRIX_LABELS, riskMatrixCaption, riskMatrixView, type RiskMatrixRow } from '../../../db/views/risks.ts';

const risks = [
  { number: 1, description: 'Fall nattetid', before: { probability: 3, severity: 3 }, after: { probability: 1, severity: 3 } },
  { number: 2, description: 'Läkemedel vid fel tid', before: { probability: 4, severity: 2 }, after: null },
  { number: 3, description: 'Larm når inte fram', before: { probability: 2, severity: 4 }, after: { probability: 2, severity: 4 } },
];

describe('riskMatrixChart', () => {
  const spec = riskMatrixChart({ cells: riskMatrixCells(), risks }, RISK_MATRIX_LABELS);
  const series = spec.option.series as { type: string; data: { value: number[]; label: { formatter: string } }[]; markLine?: { data: unknown[] } }[];

  it('lays the axes out as the seed prints them', () => {
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['Katastrofal (4)', 'Betydande (3)', 'Måttlig (2)', 'Mindre (1)']);
    expect((spec.option.yAxis as { data: string[]; inverse: boolean }).data).toEqual(['Mycket stor (4)', 'Stor (3)', 'Liten (2)', 'Mycket liten (1)']);
  });

  it('prints the value in every cell, in the seed\'s places', () => {
    const grid = [0, 1, 2, 3].map((y) => [0, 1, 2, 3].map((x) => series[0]?.data.find((d) => d.value[0] === x && d.value[1] === y)?.label.formatter));
    expect(grid).toEqual([
      ['16', '12', '8', '4'],
      ['12', '9', '6', '3'],
      ['8', '6', '4', '2'],
      ['4', '3', '2', '1'],
    ]);
  });

  it('places each risk where it is now, its earlier place only when it moved, with an arrow', () => {
    expect(series[1]?.data.map((d) => [d.value, d.label.formatter])).toEqual([
      [[1, 3], '1'], // Betydande, Mycket liten
      [[2, 0], '2'], // Måttlig, Mycket stor
      [[0, 2], '3'], // Katastrofal, Liten: re-assessed in the same cell, so no move
    ]);
    expect(series[2]?.data.map((d) => [d.value, d.label.formatter])).toEqual([[[1, 1], '(1)']]);
    expect(series[2]?.markLine?.data).toEqual([[{ coord: [1, 1] }, { coord: [1, 3] }]]);
  });

  it('counts the risks of a crowded cell instead of listing them, and draws one arrow per move', () => {
    const at = (probability: number, severity: number) => ({ probability, severity });
    const crowd = Array.from({ length: 14 }, (_, i) => ({ number: i + 1, description: `Risk ${i + 1}`, before: at(4, 4), after: at(2, 2) }));
    const few = Array.from({ length: 4 }, (_, i) => ({ number: 21 + i, description: `Risk ${21 + i}`, before: at(1, 1), after: null }));
    const crowded = riskMatrixChart({ cells: riskMatrixCells(), risks: [...crowd, ...few] }, RISK_MATRIX_LABELS);
    const [, now, before] = crowded.option.series as { data: { value: number[]; name: string; label: { formatter: string } }[]; markLine?: { data: unknown[] } }[];
    expect(now?.data.map((d) => d.label.formatter)).toEqual(['14 risker', '21 22 23 24']);
    expect(before?.data.map((d) => d.label.formatter)).toEqual(['(14 risker)']);
    const tooltip = now?.data[0]?.name.split('\n') ?? [];
    expect(tooltip).toHaveLength(11);
    expect(tooltip.slice(0, 2)).toEqual(['1. Risk 1', '2. Risk 2']);
    expect(tooltip.at(-1)).toBe('… och 4 till');
    expect(before?.markLine?.data).toEqual([[{ coord: [0, 0] }, { coord: [2, 2] }]]);
  });

  it('draws eight distinct moves as arrows, and no arrow at all for nine', () => {
    const cells = [1, 2, 3, 4].flatMap((probability) => [1, 2, 3, 4].map((severity) => ({ probability, severity })));
    const moving = (count: number) => cells.slice(1, count + 1).map((before, i) => ({ number: i + 1, description: `Risk ${i + 1}`, before, after: cells[0] ?? null }));
    const arrows = (count: number) => {
      const [, , before] = riskMatrixChart({ cells: riskMatrixCells(), risks: moving(count) }, RISK_MATRIX_LABELS).option.series as { markLine?: { data: unknown[] } }[];
      return before?.markLine?.data.length ?? 0;
    };
    expect([arrows(8), arrows(9)]).toEqual([8, 0]);
  });

  it('draws through the reports\' SVG renderer with values, axis names and markers', async () => {
    const svg = chartSvg(spec);
    for (const text of ['Allvarlighetsgrad', 'Sannolikhet för upprepning', 'Katastrofal (4)', 'Mycket liten (1)', '16', '(1)', 'Rött 8–16', 'Grönt 1–3', 'Gult 4–6']) {
      expect(svg).toContain(text);
    }
    const png = await svgToPng(svg, 1.5);
    expect(png.length).toBeGreaterThan(1000);
    if (process.env.RISK_CHART_PNG) fs.writeFileSync(process.env.RISK_CHART_PNG, png);
  });
});

describe('the view risks.matrix', () => {
  const row = (number: number, before: [number, number], after: [number, number] | null): RiskMatrixRow => ({
    riskId: `r${number}`,
    number,
    description: `Risk ${number}`,
    operatingAreaName: 'Hemtjänst',
    unitName: null,
    cause: 'annat',
    status: 'aktiv',
    before: { assessedOn: '2025-10-01', probability: before[0], severity: before[1] },
    after: after && { assessedOn: '2026-10-01', probability: after[0], severity: after[1] },
    actionCount: 1,
    openActionCount: 0,
  });

  it('counts the risks in red by their latest assessment, with the previous count', () => {
    const now = [row(1, [4, 4], [2, 2]), row(2, [3, 3], null), row(3, [2, 4], [2, 4]), row(4, [1, 1], null)];
    const before = [row(1, [4, 4], null), row(2, [3, 3], null), row(3, [2, 4], null)];
    expect(riskMatrixCaption(now, before)).toBe('4 risker, 2 i rött område (var 3), 1 omvärderad efter åtgärder');
    expect(riskMatrixCaption([row(1, [1, 2], null)])).toBe('1 risk, 0 i rött område');
  });

  it('presents a title, the matrix and a table row per risk', () => {
    const rows = [row(1, [4, 4], [2, 2])];
    const p = riskMatrixView.present(rows, { params: {}, asOf: '2026-11-01', scopeLabel: 'Hemtjänst', scope: { kind: 'forvaltning' } });
    expect(p.title).toBe('Riskanalys Hemtjänst – riskmatris');
    expect(p.table?.rows).toEqual([['1', 'Risk 1', 'Hela Hemtjänst', 'Annat', '16 (rött) 2025-10-01', '4 (gult) 2026-10-01', '1 (0)']]);
    expect(p.description).toContain('risk 1 har värde 4, gult område (före åtgärder 16)');
  });
});
