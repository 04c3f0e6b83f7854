// Självskattning through the real dispatch on a real SQLite file: templates copied across years
// with the statement's identity kept, statements edited within the rules, answers saved all or
// nothing, and the results counting neither unanswered nor "ej tillämplig" as 0.
import { describe, expect, it } from 'vitest';
import type { ResultsView, TemplateStatementRow, TemplateView, SaveAnswersResult, UnitAnswers, ProgressView } from '../../../db/api/contract.ts';
import { apiWithOneUnit, value } from '../../helpers/db.ts';

async function withTemplate() {
  const api = await apiWithOneUnit();
  value<TemplateView>(await api.dispatch('selfAssessment.createTemplate', { year: 2025 }));
  const add = async (area: string, text: string) =>
    value<TemplateStatementRow>(await api.dispatch('selfAssessment.addStatement', { year: 2025, area, text }));
  const s1 = await add('sjalvbestammande_integritet', 'Den enskilde är delaktig i sin genomförandeplan.');
  const s2 = await add('sjalvbestammande_integritet', 'Den enskilde ges möjlighet till egna val.');
  const s3 = await add('helhetssyn_samordning', 'Enheten deltar i SIP när det behövs.');
  return { ...api, s1, s2, s3 };
}

describe('självskattning through the dispatch', () => {
  it('saves a unit’s answers and summarises them per area without counting unanswered or ej tillämplig', async () => {
    const { dispatch, unit, s1, s2, s3 } = await withTemplate();
    const saved = value<SaveAnswersResult>(
      await dispatch('selfAssessment.saveAnswers', {
        unitId: unit.id,
        year: 2025,
        cells: [
          { templateStatementId: s1.id, score: 4 },
          { templateStatementId: s2.id, score: null, notApplicable: true, comment: 'Gäller inte oss.' },
        ],
      }),
    );
    expect(saved).toMatchObject({ saved: 2, cleared: 0, answers: { answered: 2, total: 3 } });
    const results = value<ResultsView>(await dispatch('selfAssessment.results', { year: 2025 }));
    const cell = (area: string) => results.cells.find((c) => c.unitId === unit.id && c.area === area);
    expect(cell('sjalvbestammande_integritet')).toMatchObject({ mean: 4, median: 4, count: 1, notApplicable: 1, unanswered: 0 });
    expect(cell('helhetssyn_samordning')).toMatchObject({ mean: null, count: 0, notApplicable: 0, unanswered: 1 });
    expect(cell('tillganglighet')).toMatchObject({ mean: null, count: 0, unanswered: 0 });
    const progress = value<ProgressView>(await dispatch('selfAssessment.progress', { year: 2025 }));
    expect(progress.units).toHaveLength(1);
    expect(progress.units[0]).toMatchObject({ answered: 2, total: 3 });
    void s3;
  });

  it('refuses a batch with one bad cell and writes nothing', async () => {
    const { dispatch, unit, s1, s2 } = await withTemplate();
    const bad = await dispatch('selfAssessment.saveAnswers', {
      unitId: unit.id,
      year: 2025,
      cells: [
        { templateStatementId: s1.id, score: 7 },
        { templateStatementId: s2.id, score: 11 },
      ],
    });
    expect(bad.ok).toBe(false);
    const answers = value<UnitAnswers>(await dispatch('selfAssessment.answersForUnit', { unitId: unit.id, year: 2025 }));
    expect(answers.answered).toBe(0);
  });

  it('copies a template to the next year keeping each statement’s identity', async () => {
    const { dispatch, s1 } = await withTemplate();
    const next = value<TemplateView>(await dispatch('selfAssessment.createTemplate', { year: 2026 }));
    expect(next.copiedFromYear).toBe(2025);
    expect(next.statementCount).toBe(3);
    const copied = next.areas[0]?.statements[0];
    expect(copied?.statementId).toBe(s1.statementId);
    expect(copied?.isNew).toBe(false);
    const polished = value<TemplateStatementRow>(
      await dispatch('selfAssessment.updateStatement', { id: copied?.id, patch: { text: 'Den enskilde är delaktig i att ta fram sin genomförandeplan.' } }),
    );
    expect(polished.previousText).toBe(s1.text);
  });
});
