// The självskattning tallies (migration 0017, issue 19): score histograms kept by triggers on the
// answers and the statements. Checked three ways on a real SQLite file: hand-computed tallies for a
// few answers through the dispatch (save, archive, restore, clear); hundreds of random edits straight
// in SQL (insert, upsert, update of score / unit / statement, delete, archive, area and template moves),
// after each of which the tallies equal a recount from the answers done here in JS; and the heatmap's
// and the trends' numbers equal the same numbers computed here from the answers themselves. Plus an
// import (long format), which writes through the same triggers, and the migration's fill of a file
// that had answers before it.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type {
  AnswerImportResult,
  OperatingAreaRow,
  ResultsView,
  SaveAnswersResult,
  SelfAssessmentFilters,
  TemplateStatementRow,
  TemplateView,
  TrendsView,
  UnitRow,
} from '../../../db/api/contract.ts';
import { SELF_ASSESSMENT_AREAS, type SelfAssessmentArea } from '../../../db/domain/codes.ts';
import { emptyHistogram, mergeHistograms, summarize } from '../../../db/domain/selfAssessmentStats.ts';
import { getResults, getStatementResults, getTrends } from '../../../db/queries/selfAssessment.ts';
import { openDatabase } from '../../../db/open.ts';
import { newId } from '../../../db/schema/common.ts';
import { prepareAnswerUpsert } from '../../../db/writes/selfAssessment.ts';
import { apiWithOneUnit, migrationsBefore, migrationsFolder, tempDbFile, value } from '../../helpers/db.ts';
import { twoUnitsAndTemplate } from '../../helpers/selfAssessment.ts';

const SCORES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A tally as the tests write it: the scores given (score → count, none with 0) and "ej tillämplig". */
interface Counts {
  scores: Record<number, number>;
  notApplicable: number;
}

function countsOf(row: Record<string, number>): Counts {
  const scores: Record<number, number> = {};
  for (const s of SCORES) if (row[`score_${s}`]) scores[s] = row[`score_${s}`] as number;
  return { scores, notApplicable: row.not_applicable ?? 0 };
}

/** The stored tallies, keyed `templateStatementId` and `templateId|unitId|area`. */
function storedTallies(sqlite: Database.Database) {
  const statements = new Map(
    (sqlite.prepare('SELECT * FROM self_assessment_statement_tallies').all() as Record<string, number>[]).map((r) => [
      String(r.template_statement_id),
      countsOf(r),
    ]),
  );
  const units = new Map(
    (sqlite.prepare('SELECT * FROM self_assessment_unit_tallies').all() as Record<string, number>[]).map((r) => [
      `${r.template_id}|${r.unit_id}|${r.area}`,
      { answerCount: r.answer_count, ...countsOf(r) },
    ]),
  );
  return { statements, units };
}

interface AnswerRow {
  unitId: string;
  templateStatementId: string;
  score: number | null;
  notApplicable: number;
  templateId: string;
  area: SelfAssessmentArea;
  asked: number;
  year: number;
}

function answerRows(sqlite: Database.Database): AnswerRow[] {
  return sqlite
    .prepare(
      `SELECT x.unit_id AS unitId, x.template_statement_id AS templateStatementId, x.score, x.not_applicable AS notApplicable,
              s.template_id AS templateId, s.area, s.archived_at IS NULL AS asked, t.year
       FROM self_assessment_answers x JOIN self_assessment_template_statements s ON s.id = x.template_statement_id
       JOIN self_assessment_templates t ON t.id = s.template_id`,
    )
    .all() as AnswerRow[];
}

function addTo(counts: Counts, answer: { score: number | null; notApplicable: number }): void {
  if (answer.score !== null) counts.scores[answer.score] = (counts.scores[answer.score] ?? 0) + 1;
  else if (answer.notApplicable === 1) counts.notApplicable++;
}

const counted = (a: { score: number | null; notApplicable: number }) => a.score !== null || a.notApplicable === 1;

/** The tallies recounted from the answers, one by one, by the rules the triggers keep. */
function recountedTallies(sqlite: Database.Database) {
  const statements = new Map<string, Counts>();
  const units = new Map<string, Counts & { answerCount: number }>();
  for (const a of answerRows(sqlite)) {
    if (counted(a)) {
      const tally = statements.get(a.templateStatementId) ?? { scores: {}, notApplicable: 0 };
      addTo(tally, a);
      statements.set(a.templateStatementId, tally);
    }
    const key = `${a.templateId}|${a.unitId}|${a.area}`;
    const tally = units.get(key) ?? { answerCount: 0, scores: {}, notApplicable: 0 };
    tally.answerCount++;
    if (a.asked) addTo(tally, a);
    units.set(key, tally);
  }
  return { statements, units };
}

const sorted = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function expectTalliesExact(sqlite: Database.Database, step = ''): void {
  const stored = storedTallies(sqlite);
  const recounted = recountedTallies(sqlite);
  expect(sorted(stored.statements), `statement tallies ${step}`).toEqual(sorted(recounted.statements));
  expect(sorted(stored.units), `unit tallies ${step}`).toEqual(sorted(recounted.units));
}

describe('självskattning tallies, by hand', () => {
  it('count scores and "ej tillämplig" per statement and per unit × area; archiving moves a statement’s scores out and back', async () => {
    const t = await twoUnitsAndTemplate();
    const sqlite = t.session.db.sqlite;
    const save = async (unitId: string, cells: object[]) =>
      value<SaveAnswersResult>(await t.dispatch('selfAssessment.saveAnswers', { unitId, year: 2025, cells }));
    // Hemtjänst Norr: a1 4, a2 8, a3 ej tillämplig; b1 3. Solgården: a1 10, a2 a comment only; b1 and b2 ej tillämplig.
    await save(t.unit.id, [
      { templateStatementId: t.a1.id, score: 4 },
      { templateStatementId: t.a2.id, score: 8 },
      { templateStatementId: t.a3.id, score: null, notApplicable: true },
      { templateStatementId: t.b1.id, score: 3 },
    ]);
    await save(t.other.id, [
      { templateStatementId: t.a1.id, score: 10 },
      { templateStatementId: t.a2.id, score: null, comment: 'Ses över i vår.' },
      { templateStatementId: t.b1.id, score: null, notApplicable: true },
      { templateStatementId: t.b2.id, score: null, notApplicable: true },
    ]);
    const templateId = sqlite.prepare('SELECT template_id FROM self_assessment_template_statements WHERE id = ?').pluck().get(t.a1.id) as string;
    const unitKey = (unitId: string, area: string) => `${templateId}|${unitId}|${area}`;
    const self = 'sjalvbestammande_integritet';
    const whole = 'helhetssyn_samordning';
    const tallies = () => storedTallies(sqlite);

    expect(Object.fromEntries(tallies().statements)).toEqual({
      [t.a1.id]: { scores: { 4: 1, 10: 1 }, notApplicable: 0 },
      [t.a2.id]: { scores: { 8: 1 }, notApplicable: 0 },
      [t.a3.id]: { scores: {}, notApplicable: 1 },
      [t.b1.id]: { scores: { 3: 1 }, notApplicable: 1 },
      [t.b2.id]: { scores: {}, notApplicable: 1 },
    });
    expect(Object.fromEntries(tallies().units)).toEqual({
      [unitKey(t.unit.id, self)]: { answerCount: 3, scores: { 4: 1, 8: 1 }, notApplicable: 1 },
      [unitKey(t.unit.id, whole)]: { answerCount: 1, scores: { 3: 1 }, notApplicable: 0 },
      // The comment-only answer is an answer row (the unit answered that year) but no score.
      [unitKey(t.other.id, self)]: { answerCount: 2, scores: { 10: 1 }, notApplicable: 0 },
      [unitKey(t.other.id, whole)]: { answerCount: 2, scores: {}, notApplicable: 2 },
    });

    // Archived: a2's 8 leaves Hemtjänst Norr's area (mean 4 instead of 6); the statement's own tally stays.
    value<TemplateStatementRow>(await t.dispatch('selfAssessment.setStatementArchived', { id: t.a2.id, archived: true }));
    expect(tallies().units.get(unitKey(t.unit.id, self))).toEqual({ answerCount: 3, scores: { 4: 1 }, notApplicable: 1 });
    expect(tallies().statements.get(t.a2.id)).toEqual({ scores: { 8: 1 }, notApplicable: 0 });
    const cell = (r: ResultsView) => r.cells.find((c) => c.unitId === t.unit.id && c.area === self);
    expect(cell(value<ResultsView>(await t.dispatch('selfAssessment.results', { year: 2025 })))).toMatchObject({ mean: 4, count: 1, notApplicable: 1, unanswered: 0 });
    value<TemplateStatementRow>(await t.dispatch('selfAssessment.setStatementArchived', { id: t.a2.id, archived: false }));
    expect(tallies().units.get(unitKey(t.unit.id, self))).toEqual({ answerCount: 3, scores: { 4: 1, 8: 1 }, notApplicable: 1 });
    expect(cell(value<ResultsView>(await t.dispatch('selfAssessment.results', { year: 2025 })))).toMatchObject({ mean: 6, count: 2 });

    // A changed score moves one count; a cleared answer takes its count away, and the emptied row goes.
    await save(t.unit.id, [
      { templateStatementId: t.a1.id, score: 6 },
      { templateStatementId: t.b1.id, score: null, comment: '' },
    ]);
    expect(tallies().statements.get(t.a1.id)).toEqual({ scores: { 6: 1, 10: 1 }, notApplicable: 0 });
    expect(tallies().statements.get(t.b1.id)).toEqual({ scores: {}, notApplicable: 1 });
    expect(tallies().units.get(unitKey(t.unit.id, self))).toEqual({ answerCount: 3, scores: { 6: 1, 8: 1 }, notApplicable: 1 });
    expect(tallies().units.has(unitKey(t.unit.id, whole))).toBe(false);
    expectTalliesExact(sqlite);
    t.session.close();
  });
});

/** A small PRNG with a seed, so a failure is repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface UnitDates {
  id: string;
  operatingAreaId: string;
  unitType: string;
  regi: string;
  archivedAt: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

/** Whether a unit is in a year's scope: active some day of it and not archived before it, or any answer that year. */
function inScope(unit: UnitDates, year: number, answers: readonly AnswerRow[]): boolean {
  const active =
    (unit.archivedAt === null || unit.archivedAt >= `${year}-01-01`) &&
    (unit.activeFrom === null || unit.activeFrom <= `${year}-12-31`) &&
    (unit.activeTo === null || unit.activeTo >= `${year}-01-01`);
  return active || answers.some((a) => a.unitId === unit.id && a.year === year);
}

const passes = (unit: UnitDates, f: SelfAssessmentFilters) =>
  (!f.operatingAreaId || unit.operatingAreaId === f.operatingAreaId) && (!f.unitType || unit.unitType === f.unitType) && (!f.regi || unit.regi === f.regi);

function histogramOf(answers: readonly AnswerRow[]): { histogram: number[]; notApplicable: number } {
  const histogram = emptyHistogram();
  let notApplicable = 0;
  for (const a of answers) {
    if (!a.asked) continue;
    if (a.score !== null) histogram[a.score - 1]! += 1;
    else if (a.notApplicable === 1) notApplicable++;
  }
  return { histogram, notApplicable };
}

/** The heatmap's cells, the per-statement results and the trends' points worked out from the answers one by one. */
function expectReadsMatchAnswers(sqlite: Database.Database, years: readonly number[], filters: SelfAssessmentFilters, step: string): void {
  const answers = answerRows(sqlite);
  const units = sqlite
    .prepare('SELECT id, operating_area_id AS operatingAreaId, unit_type AS unitType, regi, archived_at AS archivedAt, active_from AS activeFrom, active_to AS activeTo FROM units')
    .all() as UnitDates[];
  const asked = (year: number, area: string) =>
    sqlite
      .prepare(
        `SELECT count(*) FROM self_assessment_template_statements s JOIN self_assessment_templates t ON t.id = s.template_id
         WHERE t.year = ? AND s.area = ? AND s.archived_at IS NULL`,
      )
      .pluck()
      .get(year, area) as number;
  for (const year of years) {
    const scoped = units.filter((u) => passes(u, filters) && inScope(u, year, answers));
    const results = getResults({ sqlite }, year, filters);
    expect(results.units.map((u) => u.unitId).sort(), `units in scope ${year} ${step}`).toEqual(scoped.map((u) => u.id).sort());
    for (const area of SELF_ASSESSMENT_AREAS) {
      for (const unit of scoped) {
        const own = histogramOf(answers.filter((a) => a.unitId === unit.id && a.year === year && a.area === area));
        const count = own.histogram.reduce((x, y) => x + y, 0);
        const expected = { unitId: unit.id, area, ...summarize(own.histogram, { notApplicable: own.notApplicable, unanswered: asked(year, area) - count - own.notApplicable }) };
        expect(results.cells.find((c) => c.unitId === unit.id && c.area === area), `cell ${year} ${area} ${step}`).toEqual(expected);
      }
    }
  }
  for (const year of years) {
    const scoped = new Set(units.filter((u) => passes(u, filters) && inScope(u, year, answers)).map((u) => u.id));
    const asked = sqlite
      .prepare(
        `SELECT s.id FROM self_assessment_template_statements s JOIN self_assessment_templates t ON t.id = s.template_id
         WHERE t.year = ? AND s.archived_at IS NULL`,
      )
      .pluck()
      .all(year) as string[];
    const results = getStatementResults({ sqlite }, year, filters);
    expect(results.map((r) => r.templateStatementId).sort(), `statements ${year} ${step}`).toEqual([...asked].sort());
    for (const result of results) {
      const own = histogramOf(answers.filter((a) => a.templateStatementId === result.templateStatementId && scoped.has(a.unitId)));
      const count = own.histogram.reduce((x, y) => x + y, 0);
      expect(result, `statement ${result.templateStatementId} ${year} ${step}`).toMatchObject({
        distribution: own.histogram,
        ...summarize(own.histogram, { notApplicable: own.notApplicable, unanswered: scoped.size - count - own.notApplicable }),
      });
    }
  }
  const trends = getTrends({ sqlite }, { filters });
  for (const area of SELF_ASSESSMENT_AREAS) {
    for (const year of years) {
      const scoped = units.filter((u) => passes(u, filters) && inScope(u, year, answers));
      const pooled = emptyHistogram();
      let notApplicable = 0;
      for (const unit of scoped) {
        const own = histogramOf(answers.filter((a) => a.unitId === unit.id && a.year === year && a.area === area));
        mergeHistograms(pooled, own.histogram);
        notApplicable += own.notApplicable;
      }
      const count = pooled.reduce((x, y) => x + y, 0);
      const point = trends.areas.find((a) => a.area === area)?.points.find((p) => p.year === year);
      expect(point, `trend ${year} ${area} ${step}`).toEqual({
        year,
        ...summarize(pooled, { notApplicable, unanswered: scoped.length * asked(year, area) - count - notApplicable }),
      });
    }
  }
}

describe('självskattning tallies under random edits', () => {
  it('equal a recount from the answers after every one of 600 edits; heatmap, per-statement results and trends equal the answers’ numbers', { timeout: 120_000 }, async () => {
    const api = await apiWithOneUnit();
    const sqlite = api.session.db.sqlite;
    const random = mulberry32(20261202);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const other = value<OperatingAreaRow>(await api.dispatch('operatingAreas.create', { name: 'Särskilt boende' }));
    const unitIds = [api.unit.id];
    for (const [name, area, unitType, regi] of [
      ['Solgården', other.id, 'sarskilt_boende', 'extern_utforare'],
      ['Björkbacken', other.id, 'sarskilt_boende', 'egen_regi'],
      ['Hemtjänst Syd', api.area.id, 'hemtjanst', 'egen_regi'],
    ] as const) {
      const unit = value<UnitRow>(
        await api.dispatch('units.create', { operatingAreaId: area, name, unitType, regi, provider: 'Exempelby kommun', manager: 'Eva Berg' }),
      );
      unitIds.push(unit.id);
    }
    // Closed in 2024 and opened in 2025: in scope of the other year only through an answer.
    sqlite.prepare("UPDATE units SET active_to = '2024-06-30' WHERE id = ?").run(unitIds[1]);
    sqlite.prepare("UPDATE units SET active_from = '2025-03-01' WHERE id = ?").run(unitIds[2]);
    const years = [2024, 2025];
    for (const year of years) {
      value<TemplateView>(await api.dispatch('selfAssessment.createTemplate', { year }));
      for (let k = 0; k < 6; k++) {
        await api.dispatch('selfAssessment.addStatement', { year, area: SELF_ASSESSMENT_AREAS[k % 3], text: `Påstående ${year}–${k}.` });
      }
    }
    const statementIds = () => sqlite.prepare('SELECT id FROM self_assessment_template_statements').pluck().all() as string[];
    const templateIds = sqlite.prepare('SELECT id FROM self_assessment_templates').pluck().all() as string[];
    const answerIds = () => sqlite.prepare('SELECT id FROM self_assessment_answers').pluck().all() as string[];
    const upsert = prepareAnswerUpsert(api.session.db);
    const stamp = { updatedAt: '2026-12-02T12:00:00.000Z', updatedBy: 'Test' };
    const content = () => {
      const r = random();
      if (r < 0.75) return { score: 1 + Math.floor(random() * 10), notApplicable: 0 };
      if (r < 0.9) return { score: null, notApplicable: 1 };
      return { score: null, notApplicable: 0 }; // a comment only
    };
    const edits: (() => void)[] = [
      // The app's upsert: a new answer, or a changed one (ON CONFLICT … DO UPDATE).
      () => {
        const c = content();
        upsert({ unitId: pick(unitIds), templateStatementId: pick(statementIds()), score: c.score, notApplicable: c.notApplicable === 1, comment: 'k', source: 'direkt' }, stamp);
      },
      () => {
        const c = content();
        sqlite.prepare('UPDATE self_assessment_answers SET score = ?, not_applicable = ? WHERE id = ?').run(c.score, c.notApplicable, pick(answerIds()));
      },
      () => sqlite.prepare('UPDATE OR IGNORE self_assessment_answers SET template_statement_id = ? WHERE id = ?').run(pick(statementIds()), pick(answerIds())),
      () => sqlite.prepare('UPDATE OR IGNORE self_assessment_answers SET unit_id = ? WHERE id = ?').run(pick(unitIds), pick(answerIds())),
      () => sqlite.prepare("UPDATE self_assessment_answers SET comment = comment || '.' WHERE id = ?").run(pick(answerIds())),
      () => sqlite.prepare('DELETE FROM self_assessment_answers WHERE id = ?').run(pick(answerIds())),
      () =>
        sqlite
          .prepare('DELETE FROM self_assessment_answers WHERE unit_id = ? AND template_statement_id IN (SELECT id FROM self_assessment_template_statements WHERE template_id = ?)')
          .run(pick(unitIds), pick(templateIds)),
      () =>
        sqlite
          .prepare("UPDATE self_assessment_template_statements SET archived_at = CASE WHEN archived_at IS NULL THEN '2026-12-02' END WHERE id = ?")
          .run(pick(statementIds())),
      () => sqlite.prepare('UPDATE self_assessment_template_statements SET area = ? WHERE id = ?').run(pick(SELF_ASSESSMENT_AREAS), pick(statementIds())),
      () => sqlite.prepare('UPDATE OR IGNORE self_assessment_template_statements SET template_id = ? WHERE id = ?').run(pick(templateIds), pick(statementIds())),
    ];
    // Mostly answers written, some taken away or moved, now and then a statement archived or moved.
    const weights = [10, 3, 1, 1, 1, 2, 0.3, 1, 0.5, 0.3];
    const total = weights.reduce((a, b) => a + b, 0);
    const used = new Set<number>();
    for (let step = 0; step < 600; step++) {
      let r = random() * total;
      let i = 0;
      while (r >= (weights[i] ?? 0)) r -= weights[i++] ?? 0;
      used.add(i);
      edits[i]?.();
      expectTalliesExact(sqlite, `after edit ${step} (kind ${i})`);
      if (step % 100 === 99) {
        expectReadsMatchAnswers(sqlite, years, {}, `after edit ${step}`);
        expectReadsMatchAnswers(sqlite, years, { operatingAreaId: other.id }, `after edit ${step}`);
        expectReadsMatchAnswers(sqlite, years, { unitType: 'hemtjanst', regi: 'egen_regi' }, `after edit ${step}`);
      }
    }
    expect(used.size).toBe(edits.length);
    expect(answerIds().length).toBeGreaterThan(20);
    expect(sqlite.prepare('SELECT count(*) FROM self_assessment_unit_tallies').pluck().get()).toBeGreaterThan(10);
    const oneUnit = getTrends({ sqlite }, { unitId: unitIds[1] });
    expect(oneUnit.years).toEqual(years);
    api.session.close();
  });
});

describe('självskattning tallies after an import', () => {
  it('a long-format import, and the one that replaces it, leave the tallies equal to a recount', async () => {
    const api = await apiWithOneUnit();
    const sqlite = api.session.db.sqlite;
    value<UnitRow>(
      await api.dispatch('units.create', { operatingAreaId: api.area.id, name: 'Älvgården', unitType: 'sarskilt_boende', regi: 'egen_regi', provider: 'Exempelby kommun', manager: 'Bo Ek' }),
    );
    value<TemplateView>(await api.dispatch('selfAssessment.createTemplate', { year: 2026 }));
    const a1 = 'Den enskilde är delaktig i sin genomförandeplan.';
    const b1 = 'Enheten deltar i SIP när det behövs.';
    await api.dispatch('selfAssessment.addStatement', { year: 2026, area: 'sjalvbestammande_integritet', text: a1 });
    await api.dispatch('selfAssessment.addStatement', { year: 2026, area: 'helhetssyn_samordning', text: b1 });
    const file = (rows: string[]) => ({
      files: [{ fileName: 'svar.csv', contentBase64: Buffer.from(['År;Enhet;Område;Påstående;Poäng;Kommentar', ...rows].join('\n')).toString('base64') }],
    });
    const first = value<AnswerImportResult>(
      await api.dispatch(
        'selfAssessment.importCommit',
        file([
          `2026;Hemtjänst Norr;Självbestämmande och integritet;${a1};7;`,
          `2026;Hemtjänst Norr;Helhetssyn och samordning;${b1};ej tillämplig;`,
          `2026;Älvgården;Självbestämmande och integritet;${a1};9;Bra`,
          `2026;Älvgården;Helhetssyn och samordning;${b1};;Bara en kommentar`,
        ]),
      ),
    );
    expect(first.answers).toBe(4);
    expectTalliesExact(sqlite, 'after the first import');
    const areaTotal = async (area: string) =>
      value<ResultsView>(await api.dispatch('selfAssessment.results', { year: 2026 })).areaTotals.find((a) => a.area === area);
    // 7 and 9: mean 8; Helhetssyn: one "ej tillämplig", Älvgården's comment leaves its statement unanswered.
    expect(await areaTotal('sjalvbestammande_integritet')).toMatchObject({ mean: 8, count: 2, notApplicable: 0, unanswered: 0 });
    expect(await areaTotal('helhetssyn_samordning')).toMatchObject({ mean: null, count: 0, notApplicable: 1, unanswered: 1 });

    // Hemtjänst Norr imported again: its answers are replaced (a1 now 3, b1 unanswered); Älvgården's stay.
    value<AnswerImportResult>(await api.dispatch('selfAssessment.importCommit', file([`2026;Hemtjänst Norr;Självbestämmande och integritet;${a1};3;`])));
    expectTalliesExact(sqlite, 'after the second import');
    expect(await areaTotal('sjalvbestammande_integritet')).toMatchObject({ mean: 6, count: 2 });
    expect(await areaTotal('helhetssyn_samordning')).toMatchObject({ count: 0, notApplicable: 0, unanswered: 2 });
    const trends = value<TrendsView>(await api.dispatch('selfAssessment.trends', {}));
    expect(trends.areas.find((a) => a.area === 'sjalvbestammande_integritet')?.points).toMatchObject([{ year: 2026, mean: 6, count: 2 }]);
    api.session.close();
  });
});

describe('migration 0017 on a file with answers', () => {
  it('fills the tallies from the answers already there: archived statements, "ej tillämplig" and comments counted by the rules', () => {
    // The migrations up to the one before, in a folder of their own.
    const folder = migrationsBefore('_self_assessment_tallies');

    const file = tempDbFile();
    const before = openDatabase(file, { migrationsFolder: folder });
    const sqlite = before.sqlite;
    expect(sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'self_assessment_%tallies'").pluck().get()).toBe(0);
    const area = newId();
    sqlite.prepare("INSERT INTO operating_areas (id, name, name_folded) VALUES (?, 'Äldreomsorg', 'aldreomsorg')").run(area);
    const units = ['Ekbacken', 'Lärkan', 'Tallen'].map((name) => {
      const id = newId();
      sqlite
        .prepare("INSERT INTO units (id, operating_area_id, name, name_folded, unit_type, regi, provider) VALUES (?, ?, ?, ?, 'hemtjanst', 'egen_regi', 'Kommunen')")
        .run(id, area, name, name.toLowerCase());
      return id;
    });
    const template = newId();
    sqlite.prepare('INSERT INTO self_assessment_templates (id, year) VALUES (?, 2025)').run(template);
    const statements = [0, 1, 2, 3].map((k) => {
      const identity = newId();
      sqlite.prepare('INSERT INTO self_assessment_statements (id) VALUES (?)').run(identity);
      const id = newId();
      sqlite
        .prepare('INSERT INTO self_assessment_template_statements (id, template_id, statement_id, area, position, text, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, template, identity, k < 2 ? 'tillganglighet' : 'kunskapsbaserad_verksamhet', k, `Påstående ${k}.`, k === 3 ? '2025-06-01' : null);
      return id;
    });
    const answer = sqlite.prepare(
      "INSERT INTO self_assessment_answers (id, unit_id, template_statement_id, score, not_applicable, comment, source) VALUES (?, ?, ?, ?, ?, ?, 'direkt')",
    );
    // Ekbacken: 2, 9, ej tillämplig, and 5 on the archived statement. Lärkan: 7 and a comment only. Tallen: nothing.
    answer.run(newId(), units[0], statements[0], 2, 0, '');
    answer.run(newId(), units[0], statements[1], 9, 0, '');
    answer.run(newId(), units[0], statements[2], null, 1, '');
    answer.run(newId(), units[0], statements[3], 5, 0, '');
    answer.run(newId(), units[1], statements[0], 7, 0, '');
    answer.run(newId(), units[1], statements[2], null, 0, 'Kommer i höst.');
    sqlite.close();

    const after = openDatabase(file, { migrationsFolder });
    const key = (unit: number, area: string) => `${template}|${units[unit]}|${area}`;
    expect(Object.fromEntries(storedTallies(after.sqlite).units)).toEqual({
      [key(0, 'tillganglighet')]: { answerCount: 2, scores: { 2: 1, 9: 1 }, notApplicable: 0 },
      // The archived statement's 5 is an answer row, not a score.
      [key(0, 'kunskapsbaserad_verksamhet')]: { answerCount: 2, scores: {}, notApplicable: 1 },
      [key(1, 'tillganglighet')]: { answerCount: 1, scores: { 7: 1 }, notApplicable: 0 },
      [key(1, 'kunskapsbaserad_verksamhet')]: { answerCount: 1, scores: {}, notApplicable: 0 },
    });
    expect(Object.fromEntries(storedTallies(after.sqlite).statements)).toEqual({
      [statements[0] as string]: { scores: { 2: 1, 7: 1 }, notApplicable: 0 },
      [statements[1] as string]: { scores: { 9: 1 }, notApplicable: 0 },
      [statements[2] as string]: { scores: {}, notApplicable: 1 },
      [statements[3] as string]: { scores: { 5: 1 }, notApplicable: 0 },
    });
    expectTalliesExact(after.sqlite);
    after.sqlite.close();
  });
});
