// Självskattning through the real dispatch on a real SQLite file: templates copied across years
// with the statement's identity kept, statements edited within the rules, answers saved all or
// nothing, and results that count neither unanswered nor "ej tillämplig" as 0 (expected values
// worked out by hand in the comments).
import { describe, expect, it } from 'vitest';
import type {
  ActionRow,
  ProgressView,
  RadarView,
  ResultsView,
  SaveAnswersResult,
  StatementRanking,
  StatementResult,
  TemplateStatementRow,
  TemplateView,
  TemplateYearRow,
  TrendsView,
  UnitAnswers,
} from '../../../db/api/contract.ts';
import type { ApiResult } from '../../../db/errors.ts';
import { value } from '../../helpers/db.ts';
import { twoUnitsAndTemplate } from '../../helpers/selfAssessment.ts';
import { deleteUnitAnswersForYear } from '../../../db/writes/selfAssessment.ts';

type Setup = Awaited<ReturnType<typeof twoUnitsAndTemplate>>;

/**
 * Hemtjänst Norr: a1 4, a2 8, a3 ej tillämplig; b1 3, b2 unanswered.
 * Solgården:      a1 10, a2 and a3 unanswered; b1 and b2 ej tillämplig.
 */
async function answerBoth(t: Setup) {
  const save = async (unitId: string, cells: object[]) =>
    value<SaveAnswersResult>(await t.dispatch('selfAssessment.saveAnswers', { unitId, year: 2025, cells }));
  await save(t.unit.id, [
    { templateStatementId: t.a1.id, score: 4 },
    { templateStatementId: t.a2.id, score: 8, comment: 'Bra arbete.' },
    { templateStatementId: t.a3.id, score: null, notApplicable: true },
    { templateStatementId: t.b1.id, score: 3 },
  ]);
  await save(t.other.id, [
    { templateStatementId: t.a1.id, score: 10 },
    { templateStatementId: t.b1.id, score: null, notApplicable: true },
    { templateStatementId: t.b2.id, score: null, notApplicable: true },
  ]);
}

function refused(result: ApiResult<unknown>) {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('självskattning results through the dispatch', () => {
  it('per unit and area: mean, median, counts and spread without counting unanswered or ej tillämplig', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const results = value<ResultsView>(await t.dispatch('selfAssessment.results', { year: 2025 }));
    expect(results.units.map((u) => u.unitName)).toEqual(['Hemtjänst Norr', 'Solgården']);
    expect(results.areas.map((a) => a.name)).toEqual([
      'Självbestämmande och integritet',
      'Helhetssyn och samordning',
      'Trygghet och säkerhet',
      'Kunskapsbaserad verksamhet',
      'Tillgänglighet',
    ]);
    const cell = (unitId: string, area: string) => results.cells.find((c) => c.unitId === unitId && c.area === area);
    // Norr, Självbestämmande: 4 and 8 → mean 6, median 6, σ 2; one ej tillämplig.
    expect(cell(t.unit.id, 'sjalvbestammande_integritet')).toEqual({
      unitId: t.unit.id, area: 'sjalvbestammande_integritet',
      mean: 6, median: 6, count: 2, notApplicable: 1, unanswered: 0, min: 4, max: 8, standardDeviation: 2,
    });
    expect(cell(t.unit.id, 'helhetssyn_samordning')).toMatchObject({ mean: 3, median: 3, count: 1, notApplicable: 0, unanswered: 1 });
    expect(cell(t.other.id, 'sjalvbestammande_integritet')).toMatchObject({ mean: 10, count: 1, notApplicable: 0, unanswered: 2 });
    expect(cell(t.other.id, 'helhetssyn_samordning')).toMatchObject({ mean: null, median: null, count: 0, notApplicable: 2, unanswered: 0 });
    expect(cell(t.other.id, 'tillganglighet')).toMatchObject({ mean: null, count: 0, notApplicable: 0, unanswered: 0 });
    // Självbestämmande over both units: 4, 8, 10 → mean 22/3, median 8; σ² = (100/9 + 4/9 + 64/9) / 3 = 56/9.
    const total = results.areaTotals.find((a) => a.area === 'sjalvbestammande_integritet');
    expect(total).toMatchObject({ count: 3, median: 8, notApplicable: 1, unanswered: 2, min: 4, max: 10 });
    expect(total?.mean).toBeCloseTo(22 / 3, 12);
    expect(total?.standardDeviation).toBeCloseTo(Math.sqrt(56 / 9), 12);
    expect(results.areaTotals.find((a) => a.area === 'helhetssyn_samordning')).toMatchObject({ mean: 3, count: 1, notApplicable: 2, unanswered: 1 });
  });

  it('filters by verksamhetstyp and regi', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const boende = value<ResultsView>(await t.dispatch('selfAssessment.results', { year: 2025, filters: { unitType: 'sarskilt_boende' } }));
    expect(boende.units.map((u) => u.unitName)).toEqual(['Solgården']);
    expect(boende.areaTotals[0]).toMatchObject({ mean: 10, count: 1 });
    const egen = value<ResultsView>(await t.dispatch('selfAssessment.results', { year: 2025, filters: { regi: 'egen_regi', operatingAreaId: t.area.id } }));
    expect(egen.units.map((u) => u.unitName)).toEqual(['Hemtjänst Norr']);
  });

  it('radar: the unit against its verksamhetstyp and all units, a unit with no score left out, never 0', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const radar = value<RadarView>(await t.dispatch('selfAssessment.radar', { year: 2025, unitId: t.unit.id }));
    expect(radar.unitTypeUnitCount).toBe(1);
    expect(radar.allUnitCount).toBe(2);
    // Självbestämmande: Norr 6, hemtjänst 6, all units (6 + 10) / 2 = 8.
    expect(radar.areas[0]).toMatchObject({ unit: 6, unitTypeAverage: 6, allUnitsAverage: 8 });
    // Helhetssyn: Solgården scored nothing, so all units is Norr's 3 alone.
    expect(radar.areas[1]).toMatchObject({ unit: 3, unitTypeAverage: 3, allUnitsAverage: 3 });
    expect(radar.areas[4]).toMatchObject({ unit: null, unitTypeAverage: null, allUnitsAverage: null });
  });

  it('per statement: distribution and spread; ranking lowest and highest, unscored statements left out', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const statements = value<StatementResult[]>(await t.dispatch('selfAssessment.statementResults', { year: 2025 }));
    const byId = new Map(statements.map((s) => [s.templateStatementId, s]));
    expect(byId.get(t.a1.id)).toMatchObject({ mean: 7, median: 7, count: 2, unanswered: 0, distribution: [0, 0, 0, 1, 0, 0, 0, 0, 0, 1] });
    expect(byId.get(t.a2.id)).toMatchObject({ mean: 8, count: 1, unanswered: 1 });
    expect(byId.get(t.a3.id)).toMatchObject({ mean: null, count: 0, notApplicable: 1, unanswered: 1 });
    expect(byId.get(t.b2.id)).toMatchObject({ mean: null, count: 0, notApplicable: 1, unanswered: 1 });
    const ranking = value<StatementRanking>(await t.dispatch('selfAssessment.statementRanking', { year: 2025, limit: 3 }));
    expect(ranking.lowest.map((s) => s.templateStatementId)).toEqual([t.b1.id, t.a1.id, t.a2.id]);
    expect(ranking.highest.map((s) => s.templateStatementId)).toEqual([t.a2.id, t.a1.id, t.b1.id]);
  });

  it('progress: answered of total per unit, and who has not answered', async () => {
    const t = await twoUnitsAndTemplate();
    value<SaveAnswersResult>(
      await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2025, cells: [{ templateStatementId: t.a1.id, score: 5 }] }),
    );
    const progress = value<ProgressView>(await t.dispatch('selfAssessment.progress', { year: 2025 }));
    expect(progress.statementCount).toBe(5);
    expect(progress.units.map((u) => [u.unitName, u.answered, u.total])).toEqual([
      ['Hemtjänst Norr', 1, 5],
      ['Solgården', 0, 5],
    ]);
    expect(progress.notAnswered.map((u) => u.unitName)).toEqual(['Solgården']);
    expect(progress.completeCount).toBe(0);
  });

  it('trends per area across years follow the statement, not the wording', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const next = value<TemplateView>(await t.dispatch('selfAssessment.createTemplate', { year: 2026 }));
    const a1Next = next.areas[0]?.statements.find((s) => s.statementId === t.a1.statementId);
    value<TemplateStatementRow>(await t.dispatch('selfAssessment.updateStatement', { id: a1Next?.id, patch: { text: 'Den enskilde är delaktig när planen tas fram.' } }));
    value<SaveAnswersResult>(
      await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2026, cells: [{ templateStatementId: a1Next?.id, score: 6 }] }),
    );
    const trends = value<TrendsView>(await t.dispatch('selfAssessment.trends', {}));
    expect(trends.years).toEqual([2025, 2026]);
    const sb = trends.areas[0]?.points ?? [];
    expect(sb[0]?.mean).toBeCloseTo(22 / 3, 12);
    // 2026: one score (6) of 2 units × 3 statements: 5 unanswered.
    expect(sb[1]).toMatchObject({ year: 2026, mean: 6, count: 1, unanswered: 5 });
    const norr = value<TrendsView>(await t.dispatch('selfAssessment.trends', { unitId: t.unit.id }));
    expect(norr.areas[0]?.points.map((p) => p.mean)).toEqual([6, 6]);
    const years = value<TemplateYearRow[]>(await t.dispatch('selfAssessment.years', {}));
    expect(years.map((y) => [y.year, y.copiedFromYear, y.statementCount, y.respondingUnitCount, y.answerCount])).toEqual([
      [2026, 2025, 5, 1, 1],
      [2025, null, 5, 2, 7],
    ]);
  });
});

describe('saving answers: all or nothing', () => {
  it('keeps a comment alone, clears a cell with nothing in it, and replaces a score', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const result = value<SaveAnswersResult>(
      await t.dispatch('selfAssessment.saveAnswers', {
        unitId: t.unit.id,
        year: 2025,
        cells: [
          { templateStatementId: t.a1.id, score: 9 },
          { templateStatementId: t.a2.id, score: null }, // comment kept: the row stays, unanswered
          { templateStatementId: t.b1.id, score: null, comment: '' }, // nothing left: removed
        ],
      }),
    );
    expect(result).toMatchObject({ saved: 2, cleared: 1 });
    const rows = new Map(result.answers.rows.map((r) => [r.templateStatementId, r]));
    expect(rows.get(t.a1.id)).toMatchObject({ score: 9, source: 'direkt', updatedBy: 'Test Testsson' });
    expect(rows.get(t.a2.id)).toMatchObject({ score: null, notApplicable: false, comment: 'Bra arbete.' });
    expect(rows.get(t.b1.id)).toMatchObject({ score: null, comment: '', source: null });
    expect(result.answers).toMatchObject({ answered: 2, total: 5 }); // a1 and a3 (ej tillämplig)
  });

  it('removes one unit’s answers for one year only (a re-imported form replaces them)', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    value<TemplateView>(await t.dispatch('selfAssessment.createTemplate', { year: 2026 }));
    const next = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2026 }));
    const a1Next = next.areas[0]?.statements[0]?.id;
    value<SaveAnswersResult>(await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2026, cells: [{ templateStatementId: a1Next, score: 6 }] }));
    expect(t.answerCount()).toBe(8);
    expect(deleteUnitAnswersForYear(t.session.db, t.unit.id, 2025)).toBe(4);
    expect(t.answerCount()).toBe(4); // Solgården's 3 for 2025 and Norr's 2026 answer stay
    expect(value<UnitAnswers>(await t.dispatch('selfAssessment.answersForUnit', { unitId: t.unit.id, year: 2026 })).answered).toBe(1);
  });

  it('refuses every kind of bad cell with a Swedish message and writes nothing', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const before = t.answerCount();
    const next = value<TemplateView>(await t.dispatch('selfAssessment.createTemplate', { year: 2026 }));
    const otherYear = next.areas[0]?.statements[0]?.id;
    const good = { templateStatementId: t.a2.id, score: 2 };
    const cases: [string, unknown[]][] = [
      ['Poäng måste vara ett heltal 1–10.', [good, { templateStatementId: t.a1.id, score: 11 }]],
      ['Poäng måste vara ett heltal 1–10.', [good, { templateStatementId: t.a1.id, score: 0 }]],
      ['Poäng måste vara ett heltal 1–10.', [good, { templateStatementId: t.a1.id, score: 7.5 }]],
      ['Poäng måste vara ett heltal 1–10.', [good, { templateStatementId: t.a1.id, score: '7' }]],
      ['Ange antingen poäng eller ej tillämplig, inte båda.', [good, { templateStatementId: t.a1.id, score: 5, notApplicable: true }]],
      ['Samma påstående finns två gånger.', [good, { templateStatementId: t.a2.id, score: 3 }]],
      ['Påståendet hör inte till mallen för 2025.', [good, { templateStatementId: otherYear, score: 3 }]],
    ];
    for (const [message, cells] of cases) {
      const error = refused(await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2025, cells }));
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.map((i) => i.message), JSON.stringify(cells)).toContain(message);
    }
    value<TemplateStatementRow>(await t.dispatch('selfAssessment.setStatementArchived', { id: t.b2.id, archived: true }));
    const archived = refused(await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2025, cells: [good, { templateStatementId: t.b2.id, score: 3 }] }));
    expect(archived.issues?.[0]?.message).toBe('Påståendet är arkiverat och besvaras inte längre.');
    const noTemplate = refused(await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2030, cells: [good] }));
    expect(noTemplate).toMatchObject({ code: 'not_found', message: 'Det finns ingen mall för självskattningen 2030. Skapa årets mall först.' });
    const noUnit = refused(
      await t.dispatch('selfAssessment.saveAnswers', { unitId: '01900000-0000-7000-8000-000000000000', year: 2025, cells: [good] }),
    );
    expect(noUnit.code).toBe('invalid_input');
    expect(refused(await t.dispatch('selfAssessment.saveAnswers', { unitId: t.unit.id, year: 2025, cells: [] })).code).toBe('invalid_input');
    expect(t.answerCount()).toBe(before);
    const norr = value<UnitAnswers>(await t.dispatch('selfAssessment.answersForUnit', { unitId: t.unit.id, year: 2025 }));
    expect(norr.rows.find((r) => r.templateStatementId === t.a2.id)?.score).toBe(8);
  });
});

describe('templates and statements', () => {
  it('a new year copies the nearest earlier one: identity, area, order and wording kept, "ny" cleared, archived left behind', async () => {
    const t = await twoUnitsAndTemplate();
    value<TemplateStatementRow>(await t.dispatch('selfAssessment.setStatementArchived', { id: t.a3.id, archived: true }));
    const next = value<TemplateView>(await t.dispatch('selfAssessment.createTemplate', { year: 2027 }));
    expect(next.copiedFromYear).toBe(2025);
    expect(next.statementCount).toBe(4);
    expect(next.areas[0]?.statements.map((s) => [s.statementId, s.position, s.text, s.isNew])).toEqual([
      [t.a1.statementId, 0, t.a1.text, false],
      [t.a2.statementId, 1, t.a2.text, false],
    ]);
    expect(refused(await t.dispatch('selfAssessment.createTemplate', { year: 2027 })).code).toBe('conflict');
    expect(refused(await t.dispatch('selfAssessment.createTemplate', { year: 2026, fromYear: 2024 })).code).toBe('not_found');
    expect(refused(await t.dispatch('selfAssessment.template', { year: 1999 })).code).toBe('invalid_input');
  });

  it('wording and area of an answered statement stay; order, "ny" and archiving may change', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const before = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2025 }));
    const wording = refused(await t.dispatch('selfAssessment.updateStatement', { id: t.a1.id, patch: { text: 'Ny lydelse.' } }));
    expect(wording.message).toContain('Påståendet har redan 2 svar för 2025');
    expect(refused(await t.dispatch('selfAssessment.moveStatement', { id: t.a1.id, area: 'tillganglighet', position: 0 })).code).toBe('invalid_input');
    expect(refused(await t.dispatch('selfAssessment.deleteStatement', { id: t.a1.id })).code).toBe('referenced');
    expect(value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2025 }))).toEqual(before);

    const moved = value<TemplateStatementRow>(await t.dispatch('selfAssessment.moveStatement', { id: t.a3.id, position: 0 }));
    expect(moved.position).toBe(0);
    const marked = value<TemplateStatementRow>(await t.dispatch('selfAssessment.updateStatement', { id: t.a1.id, patch: { isNew: false } }));
    expect(marked.isNew).toBe(false);
    const template = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2025 }));
    expect(template.areas[0]?.statements.map((s) => s.id)).toEqual([t.a3.id, t.a1.id, t.a2.id]);

    // Archived: kept, no longer asked or counted (Norr's ej tillämplig on a3 disappears from the results).
    value<TemplateStatementRow>(await t.dispatch('selfAssessment.setStatementArchived', { id: t.a3.id, archived: true }));
    const results = value<ResultsView>(await t.dispatch('selfAssessment.results', { year: 2025 }));
    expect(results.cells.find((c) => c.unitId === t.unit.id && c.area === 'sjalvbestammande_integritet')).toMatchObject({ notApplicable: 0, unanswered: 0 });
    expect(results.cells.find((c) => c.unitId === t.other.id && c.area === 'sjalvbestammande_integritet')).toMatchObject({ unanswered: 1 });
    const after = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2025 }));
    expect(after.areas[0]?.statements.map((s) => [s.id, s.archived])).toEqual([
      [t.a1.id, false],
      [t.a2.id, false],
      [t.a3.id, true],
    ]);
    expect(after.statementCount).toBe(4);
  });

  it('an unanswered statement moves between areas and can be deleted, with its identity when no other year asks it', async () => {
    const t = await twoUnitsAndTemplate();
    const moved = value<TemplateStatementRow>(await t.dispatch('selfAssessment.moveStatement', { id: t.b2.id, area: 'tillganglighet', position: 5 }));
    expect(moved).toMatchObject({ area: 'tillganglighet', position: 0 });
    const added = value<TemplateStatementRow>(
      await t.dispatch('selfAssessment.addStatement', { year: 2025, area: 'sjalvbestammande_integritet', text: 'Mitt emellan.', position: 1 }),
    );
    expect(added).toMatchObject({ position: 1, isNew: true, previousText: null, answerCount: 0 });
    const template = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2025 }));
    expect(template.areas[0]?.statements.map((s) => [s.text, s.position])).toEqual([
      [t.a1.text, 0],
      ['Mitt emellan.', 1],
      [t.a2.text, 2],
      [t.a3.text, 3],
    ]);
    value(await t.dispatch('selfAssessment.deleteStatement', { id: added.id }));
    const identities = t.session.db.sqlite.prepare('SELECT count(*) AS n FROM self_assessment_statements WHERE id = ?').get(added.statementId) as { n: number };
    expect(identities.n).toBe(0);
    const after = value<TemplateView>(await t.dispatch('selfAssessment.template', { year: 2025 }));
    expect(after.areas[0]?.statements.map((s) => s.position)).toEqual([0, 1, 2]);
  });
});

describe('actions from a low-scoring statement', () => {
  it('go into the one register with source självskattning, linked to the statement and year', async () => {
    const t = await twoUnitsAndTemplate();
    await answerBoth(t);
    const base = { source: 'sjalvskattning', description: 'Rutin för SIP.', deadline: '2026-06-30' };
    const action = value<ActionRow>(
      await t.dispatch('actions.create', { ...base, unitId: t.unit.id, statementId: t.b1.statementId, selfAssessmentYear: 2025 }),
    );
    expect(action).toMatchObject({ source: 'sjalvskattning', unitId: t.unit.id, statementId: t.b1.statementId, selfAssessmentYear: 2025, statementText: t.b1.text });
    const common = value<ActionRow>(await t.dispatch('actions.create', { ...base, statementId: t.b1.statementId, selfAssessmentYear: 2025 }));
    expect(common.unitId).toBeNull();

    const before = (t.session.db.sqlite.prepare('SELECT count(*) AS n FROM actions').get() as { n: number }).n;
    expect(refused(await t.dispatch('actions.create', base)).issues?.[0]?.field).toBe('statementId');
    expect(refused(await t.dispatch('actions.create', { ...base, statementId: t.b1.statementId, selfAssessmentYear: 2024 })).message).toBe(
      'Påståendet finns inte i självskattningen 2024.',
    );
    expect(
      refused(await t.dispatch('actions.create', { ...base, source: 'annat', statementId: t.b1.statementId, selfAssessmentYear: 2025 })).message,
    ).toBe('Bara en åtgärd med källan självskattning kan kopplas till ett påstående.');
    expect((t.session.db.sqlite.prepare('SELECT count(*) AS n FROM actions').get() as { n: number }).n).toBe(before);

    // The statement an action answers is no longer deletable that year (archive it instead).
    const fresh = value<TemplateStatementRow>(await t.dispatch('selfAssessment.addStatement', { year: 2025, area: 'tillganglighet', text: 'Lokalerna är tillgängliga.' }));
    value<ActionRow>(await t.dispatch('actions.create', { ...base, statementId: fresh.statementId, selfAssessmentYear: 2025 }));
    expect(refused(await t.dispatch('selfAssessment.deleteStatement', { id: fresh.id })).code).toBe('referenced');
    const listed = value<ActionRow[]>(await t.dispatch('actions.list', { filter: 'all', source: 'sjalvskattning' }));
    expect(listed).toHaveLength(3);
  });
});
