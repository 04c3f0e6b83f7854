// The demo municipality's självskattning: three years of answers in which Helhetssyn och
// samordning is the weakest area every year, Hemtjänst Söder improves year by year, and 2026 is
// still being answered.
import { describe, expect, it } from 'vitest';
import type { ActionRow, ProgressView, ResultsView, TemplateView, TemplateYearRow, TrendsView } from '../../../db/api/contract.ts';
import { DEMO_IMPROVING_UNIT, DEMO_WEAK_AREA } from '../../../db/demo/seedSelfAssessment.ts';
import { testApi, value } from '../../helpers/db.ts';

describe('självskattning in the demo municipality', () => {
  it('holds 2024–2026 with a weak area, an improving unit and units still to answer', { timeout: 120_000 }, async () => {
    const { dispatch, session } = testApi({ demo: true });
    try {
      const years = value<TemplateYearRow[]>(await dispatch('selfAssessment.years', {}));
      expect(years.map((y) => [y.year, y.copiedFromYear])).toEqual([[2026, 2025], [2025, 2024], [2024, null]]);
      for (const { year } of years) {
        const results = value<ResultsView>(await dispatch('selfAssessment.results', { year }));
        const byMean = [...results.areaTotals].sort((a, b) => (a.mean ?? 0) - (b.mean ?? 0));
        expect(byMean[0]?.area, String(year)).toBe(DEMO_WEAK_AREA);
        // Clearly weaker: at least 1.5 below the next area.
        expect((byMean[1]?.mean ?? 0) - (byMean[0]?.mean ?? 0)).toBeGreaterThan(1.5);
        // Home care and home nursing have no premises: "ej tillämplig", not a 0.
        expect(results.areaTotals.find((a) => a.area === 'tillganglighet')?.notApplicable).toBeGreaterThan(0);
      }
      const results = value<ResultsView>(await dispatch('selfAssessment.results', { year: 2024 }));
      const soder = results.units.find((u) => u.unitName === DEMO_IMPROVING_UNIT);
      const trends = value<TrendsView>(await dispatch('selfAssessment.trends', { unitId: soder?.unitId }));
      for (const area of trends.areas) {
        const means = area.points.map((p) => p.mean ?? 0);
        expect(means[1], area.name).toBeGreaterThan(means[0] ?? 0);
        expect(means[2], area.name).toBeGreaterThan(means[1] ?? 0);
      }
      const progress = value<ProgressView>(await dispatch('selfAssessment.progress', { year: 2026 }));
      expect(progress.notAnswered.length).toBeGreaterThan(0);
      expect(progress.notAnswered.length).toBeLessThan(progress.units.length / 5);
      const t2025 = value<TemplateView>(await dispatch('selfAssessment.template', { year: 2025 }));
      expect(t2025.areas.flatMap((a) => a.statements).filter((s) => s.previousText !== null)).toHaveLength(1);
      const t2026 = value<TemplateView>(await dispatch('selfAssessment.template', { year: 2026 }));
      expect(t2026.areas.flatMap((a) => a.statements).filter((s) => s.isNew).map((s) => s.area)).toEqual(['tillganglighet']);
      const actions = value<ActionRow[]>(await dispatch('actions.list', { filter: 'all', source: 'sjalvskattning' }));
      expect(actions.map((a) => [a.selfAssessmentYear, a.unitId])).toEqual([[2025, null]]);
      expect(actions[0]?.statementText).toContain('(SIP)');
    } finally {
      session.close();
    }
  });
});
