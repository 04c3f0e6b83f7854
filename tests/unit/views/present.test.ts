// The views' `present` on hand-computed rows (captions, with and without a previous snapshot),
// and a view in a PDF/Word pack through db/io/viewBlocks.ts: the same chart, its cell values as text.
import { describe, expect, it } from 'vitest';
import { selfAssessmentHeatmapView, selfAssessmentTrendsView } from '../../../db/views/selfAssessment.ts';
import { viewBlocks } from '../../../db/io/viewBlocks.ts';
import { chartSvg } from '../../../db/io/chartImage.ts';
import { docxDownload } from '../../../db/io/docx.ts';
import { pdfDownload } from '../../../db/io/pdf.ts';
import { docxText, pdfText } from '../../helpers/reportText.ts';

const forvaltning = { kind: 'forvaltning' } as const;

const cell = (unitId: string, unitName: string, area: string, mean: number | null) =>
  ({ unitId, unitName, operatingAreaName: 'Hemtjänst', area, mean, count: mean === null ? 0 : 3 }) as Parameters<typeof selfAssessmentHeatmapView.present>[0][number];

// Björkgården: SB 7,5, HS 5,0, TS 9,0; Ängen: SB 8,5, HS 4,0. Means of the cells: 34/5 = 6,8.
// Per area: SB 8,0, HS 4,5, TS 9,0 → lowest Helhetssyn (4,5).
const rows = [
  cell('u1', 'Björkgården', 'sjalvbestammande_integritet', 7.5),
  cell('u1', 'Björkgården', 'helhetssyn_samordning', 5),
  cell('u1', 'Björkgården', 'trygghet_sakerhet', 9),
  cell('u2', 'Ängen', 'sjalvbestammande_integritet', 8.5),
  cell('u2', 'Ängen', 'helhetssyn_samordning', 4),
];

describe('självskattning views: present', () => {
  it('heatmap caption: mean over the cells, the lowest area and the change since the previous snapshot', () => {
    const context = { params: { year: 2026 }, asOf: '2026-11-02', scopeLabel: 'Hemtjänst', scope: forvaltning };
    expect(selfAssessmentHeatmapView.present(rows, context).caption).toBe('Hemtjänst 2026: medelvärde 6,8 för 2 enheter, lägst i Helhetssyn och samordning (4,5).');
    // Previous: one cell 7,2 → 6,8 - 7,2 = -0,4.
    const previous = { asOf: '2025-11-04', rows: [cell('u1', 'Björkgården', 'sjalvbestammande_integritet', 7.2)] };
    expect(selfAssessmentHeatmapView.present(rows, { ...context, previous }).caption).toBe(
      'Hemtjänst 2026: medelvärde 6,8 för 2 enheter, lägst i Helhetssyn och samordning (4,5), -0,4 sedan 2025-11-04.',
    );
    expect(selfAssessmentHeatmapView.present([], context).caption).toBe('Inga svar på självskattningen 2026 för Hemtjänst.');
  });

  it('trends caption: the latest year against the year before and against the previous snapshot', () => {
    const point = (year: number, area: string, mean: number | null) => ({ year, area, mean, count: 1 }) as Parameters<typeof selfAssessmentTrendsView.present>[0][number];
    // 2024: SB 6, HS 8 → 7,0; 2025: SB 7, HS 9 → 8,0. Previous snapshot: 2024 SB 6, HS 7 → 6,5; 8,0 - 6,5 = +1,5.
    const trendRows = [point(2024, 'sjalvbestammande_integritet', 6), point(2024, 'helhetssyn_samordning', 8), point(2025, 'sjalvbestammande_integritet', 7), point(2025, 'helhetssyn_samordning', 9), point(2025, 'tillganglighet', null)];
    const previous = { asOf: '2025-03-01', rows: [point(2024, 'sjalvbestammande_integritet', 6), point(2024, 'helhetssyn_samordning', 7)] };
    const shown = selfAssessmentTrendsView.present(trendRows, { params: {}, asOf: '2026-01-10', scopeLabel: 'Hemtjänst', scope: forvaltning, previous });
    expect(shown.caption).toBe('Hemtjänst 2025: medelvärde 8,0 (2024: 7,0), +1,5 sedan 2025-03-01.');
    expect(shown.title).toBe('Självskattning 2024–2025 – medelvärde per område, Hemtjänst');
    expect(shown.table?.rows[0]).toEqual(['Självbestämmande och integritet', '6,0', '7,0']);
  });

  it('a view in a pack: heading, caption, frozen date, the chart with its values, and the table', async () => {
    const shown = selfAssessmentHeatmapView.present(rows, { params: { year: 2026 }, asOf: '2026-11-02', scopeLabel: 'Hemtjänst', scope: forvaltning });
    expect(chartSvg(shown.chart!)).toContain('7,5');
    const report = { title: 'Test', fileName: 'test', footer: 'Kvalitetsråd', blocks: viewBlocks(shown, { asOf: '2026-11-02' }) };
    for (const text of [pdfText(await pdfDownload(report)), docxText(await docxDownload(report))]) {
      expect(text).toContain('Ögonblicksbild från 2026-11-02');
      expect(text).toContain('Hemtjänst 2026: medelvärde 6,8 för 2 enheter');
      expect(text).toContain('Ängen');
    }
  });
});
