// Writing självskattning: a year's template (copied from an earlier year), its statements
// (add, polish the wording, move, archive, delete while unanswered) and the units' answers (all
// or nothing). Shared by the handlers, the demo, the import and the benchmark; runs inside the
// caller's write transaction, never opening its own.
import { AppError, type FieldIssue } from '../errors.ts';
import { newId } from '../schema/common.ts';
import { prepareBulkInsert, type BulkValue } from './bulkInsert.ts';
import type { AppDatabase } from '../open.ts';
import type { SelfAssessmentAnswerSource, SelfAssessmentArea } from '../domain/codes.ts';
import { compareTemplateOrder, findTemplate, requireTemplate } from '../queries/selfAssessment.ts';
import { foldName } from '../shared/names.ts';
import type { AnswerImportPlan } from '../io/selfAssessmentImport.ts';

type Stamp = { updatedAt: string; updatedBy: string };

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

interface StatementRecord {
  id: string;
  templateId: string;
  statementId: string;
  year: number;
  area: SelfAssessmentArea;
  position: number;
  text: string;
  archived: number;
  answerCount: number;
}

function loadStatement(db: AppDatabase, id: string): StatementRecord {
  const row = db.sqlite
    .prepare<[string], StatementRecord>(
      `SELECT s.id, s.template_id AS templateId, s.statement_id AS statementId, t.year, s.area, s.position, s.text,
              s.archived_at IS NOT NULL AS archived,
              (SELECT count(*) FROM self_assessment_answers x WHERE x.template_statement_id = s.id) AS answerCount
       FROM self_assessment_template_statements s JOIN self_assessment_templates t ON t.id = s.template_id WHERE s.id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('not_found', 'Påståendet finns inte längre (det kan ha tagits bort).');
  return row;
}

/**
 * Starts a year's template. It copies every statement not archived in `fromYear` (or, when left
 * out, the nearest earlier year with a template): same identity, area, order and wording, "ny"
 * cleared. Without an earlier year it starts empty. Returns the template id.
 */
export function createTemplate(db: AppDatabase, year: number, fromYear: number | null | undefined, stamp: Stamp): string {
  if (findTemplate(db, year)) throw new AppError('conflict', `Det finns redan en mall för självskattningen ${year}.`);
  let source: { id: string; year: number } | undefined;
  if (fromYear !== undefined && fromYear !== null) {
    if (fromYear === year) throw invalid('fromYear', 'Välj ett annat år att kopiera från.');
    source = requireTemplate(db, fromYear);
  } else {
    source = db.sqlite
      .prepare<[number], { id: string; year: number }>('SELECT id, year FROM self_assessment_templates WHERE year < ? ORDER BY year DESC LIMIT 1')
      .get(year);
  }
  const templateId = newId();
  db.sqlite
    .prepare('INSERT INTO self_assessment_templates (id, year, copied_from_year, updated_by) VALUES (?, ?, ?, ?)')
    .run(templateId, year, source?.year ?? null, stamp.updatedBy);
  if (source) {
    // Positions are renumbered 0… per area, in the source's order, so the copy has no gaps.
    const rows = db.sqlite
      .prepare<[string], { statementId: string; area: SelfAssessmentArea; position: number; text: string }>(
        `SELECT statement_id AS statementId, area, position, text FROM self_assessment_template_statements
         WHERE template_id = ? AND archived_at IS NULL`,
      )
      .all(source.id)
      .sort(compareTemplateOrder);
    const insert = db.sqlite.prepare(
      `INSERT INTO self_assessment_template_statements (id, template_id, statement_id, area, position, text, is_new, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
    );
    const next = new Map<SelfAssessmentArea, number>();
    for (const row of rows) {
      const position = next.get(row.area) ?? 0;
      next.set(row.area, position + 1);
      insert.run(newId(), templateId, row.statementId, row.area, position, row.text, stamp.updatedBy);
    }
  }
  return templateId;
}

/** The ids of an area's statements in display order (asked first, then archived). */
function areaOrder(db: AppDatabase, templateId: string, area: SelfAssessmentArea): string[] {
  return db.sqlite
    .prepare<[string, string], { id: string; area: SelfAssessmentArea; position: number; archived: number }>(
      `SELECT id, area, position, archived_at IS NOT NULL AS archived FROM self_assessment_template_statements
       WHERE template_id = ? AND area = ?`,
    )
    .all(templateId, area)
    .map((r) => ({ ...r, archived: r.archived === 1 }))
    .sort(compareTemplateOrder)
    .map((r) => r.id);
}

/** Writes positions 0… in the given order (only rows whose position changes are touched). */
function renumber(db: AppDatabase, ids: readonly string[], area: SelfAssessmentArea, stamp: Stamp): void {
  const update = db.sqlite.prepare(
    `UPDATE self_assessment_template_statements SET position = ?, area = ?, updated_at = ?, updated_by = ?
     WHERE id = ? AND (position <> ? OR area <> ?)`,
  );
  ids.forEach((id, position) => update.run(position, area, stamp.updatedAt, stamp.updatedBy, id, position, area));
}

export interface NewStatement {
  year: number;
  area: SelfAssessmentArea;
  text: string;
  position?: number | undefined;
  isNew: boolean;
}

/** Adds a new statement (a new identity) to a year's template; returns the year's version id. */
export function addStatement(db: AppDatabase, input: NewStatement, stamp: Stamp): string {
  const template = requireTemplate(db, input.year);
  const statementId = newId();
  db.sqlite.prepare('INSERT INTO self_assessment_statements (id, updated_by) VALUES (?, ?)').run(statementId, stamp.updatedBy);
  const order = areaOrder(db, template.id, input.area);
  const id = newId();
  db.sqlite
    .prepare(
      `INSERT INTO self_assessment_template_statements (id, template_id, statement_id, area, position, text, is_new, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, template.id, statementId, input.area, order.length, input.text, input.isNew ? 1 : 0, stamp.updatedBy);
  if (input.position !== undefined && input.position < order.length) {
    order.splice(input.position, 0, id);
    renumber(db, order, input.area, stamp);
  }
  return id;
}

/** Polishes a statement's wording (identity kept) and/or its "ny" mark. */
export function updateStatement(db: AppDatabase, id: string, patch: { text?: string | undefined; isNew?: boolean | undefined }, stamp: Stamp): void {
  const current = loadStatement(db, id);
  if (patch.text !== undefined && patch.text !== current.text && current.answerCount > 0) {
    throw invalid(
      'text',
      `Påståendet har redan ${current.answerCount} svar för ${current.year} och svaren gavs till den här formuleringen. Ändra formuleringen i nästa års mall, eller arkivera påståendet och lägg till ett nytt.`,
    );
  }
  db.sqlite
    .prepare(
      `UPDATE self_assessment_template_statements SET text = coalesce(?, text), is_new = coalesce(?, is_new), updated_at = ?, updated_by = ? WHERE id = ?`,
    )
    .run(patch.text ?? null, patch.isNew === undefined ? null : patch.isNew ? 1 : 0, stamp.updatedAt, stamp.updatedBy, id);
}

/** Moves a statement to `position` in `area` (its own when left out); both areas are renumbered. */
export function moveStatement(db: AppDatabase, id: string, target: { area?: SelfAssessmentArea | undefined; position: number }, stamp: Stamp): void {
  const current = loadStatement(db, id);
  const area = target.area ?? current.area;
  if (area !== current.area && current.answerCount > 0) {
    throw invalid('area', `Påståendet har redan svar för ${current.year} och kan inte flyttas till ett annat område det året. Flytta det i nästa års mall.`);
  }
  const from = areaOrder(db, current.templateId, current.area).filter((x) => x !== id);
  if (area !== current.area) renumber(db, from, current.area, stamp);
  const to = area === current.area ? from : areaOrder(db, current.templateId, area);
  to.splice(Math.min(target.position, to.length), 0, id);
  renumber(db, to, area, stamp);
}

export function setStatementArchived(db: AppDatabase, id: string, archived: boolean, stamp: Stamp): void {
  const current = loadStatement(db, id);
  if ((current.archived === 1) === archived) return;
  db.sqlite
    .prepare('UPDATE self_assessment_template_statements SET archived_at = ?, updated_at = ?, updated_by = ? WHERE id = ?')
    .run(archived ? stamp.updatedAt : null, stamp.updatedAt, stamp.updatedBy, id);
  renumber(db, areaOrder(db, current.templateId, current.area), current.area, stamp);
}

/**
 * Deletes a statement from a year's template while nothing refers to it. Its identity goes too
 * when no other year asks it and no action refers to it.
 */
export function deleteStatement(db: AppDatabase, id: string, stamp: Stamp): void {
  const current = loadStatement(db, id);
  if (current.answerCount > 0) {
    throw new AppError('referenced', `Påståendet har ${current.answerCount} svar för ${current.year} och kan inte tas bort. Arkivera det i stället.`);
  }
  const count = (sql: string, ...params: (string | number)[]) => db.sqlite.prepare<(string | number)[], { n: number }>(sql).get(...params)?.n ?? 0;
  if (count('SELECT count(*) AS n FROM actions WHERE statement_id = ? AND self_assessment_year = ?', current.statementId, current.year) > 0) {
    throw new AppError('referenced', 'Det finns åtgärder som gäller påståendet det här året. Arkivera det i stället.');
  }
  db.sqlite.prepare('DELETE FROM self_assessment_template_statements WHERE id = ?').run(id);
  const otherYears = count('SELECT count(*) AS n FROM self_assessment_template_statements WHERE statement_id = ?', current.statementId);
  const actionsOnIdentity = count('SELECT count(*) AS n FROM actions WHERE statement_id = ?', current.statementId);
  if (otherYears === 0 && actionsOnIdentity === 0) {
    db.sqlite.prepare('DELETE FROM self_assessment_statements WHERE id = ?').run(current.statementId);
  }
  renumber(db, areaOrder(db, current.templateId, current.area), current.area, stamp);
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

export interface AnswerCell {
  templateStatementId: string;
  score: number | null;
  notApplicable: boolean;
  /** Left out: keep the stored comment. */
  comment?: string | undefined;
}

export interface AnswerBatch {
  unitId: string;
  year: number;
  source: SelfAssessmentAnswerSource;
  cells: readonly AnswerCell[];
}

const SCORE_MESSAGE = 'Poäng måste vara ett heltal 1–10 eller ej tillämplig.';

/**
 * Saves one unit's answers for a year, all or nothing: every cell is checked first (a statement
 * asked that year, not given twice, a whole score 1–10 or "ej tillämplig", not both) and the
 * problems are reported per cell; then each cell is written. A cell with no score, no "ej
 * tillämplig" and no comment removes the answer.
 */
export function saveAnswers(db: AppDatabase, batch: AnswerBatch, stamp: Stamp): { saved: number; cleared: number } {
  const template = requireTemplate(db, batch.year);
  const unit = db.sqlite.prepare<[string], { id: string }>('SELECT id FROM units WHERE id = ?').get(batch.unitId);
  if (!unit) throw invalid('unitId', 'Enheten finns inte. Välj en enhet ur listan.');
  const asked = new Map(
    db.sqlite
      .prepare<[string], { id: string; archived: number }>(
        'SELECT id, archived_at IS NOT NULL AS archived FROM self_assessment_template_statements WHERE template_id = ?',
      )
      .all(template.id)
      .map((s) => [s.id, s.archived === 1]),
  );
  const existing = new Map(
    db.sqlite
      .prepare<[string, string], { templateStatementId: string; comment: string }>(
        `SELECT x.template_statement_id AS templateStatementId, x.comment FROM self_assessment_answers x
         JOIN self_assessment_template_statements s ON s.id = x.template_statement_id WHERE x.unit_id = ? AND s.template_id = ?`,
      )
      .all(batch.unitId, template.id)
      .map((a) => [a.templateStatementId, a.comment]),
  );
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  batch.cells.forEach((cell, i) => {
    const field = `cells.${i}`;
    const archived = asked.get(cell.templateStatementId);
    if (archived === undefined) issues.push({ field: `${field}.templateStatementId`, message: `Påståendet hör inte till mallen för ${batch.year}.` });
    else if (archived) issues.push({ field: `${field}.templateStatementId`, message: 'Påståendet är arkiverat och besvaras inte längre.' });
    if (seen.has(cell.templateStatementId)) issues.push({ field: `${field}.templateStatementId`, message: 'Samma påstående finns två gånger.' });
    seen.add(cell.templateStatementId);
    if (cell.score !== null && !(Number.isInteger(cell.score) && cell.score >= 1 && cell.score <= 10)) {
      issues.push({ field: `${field}.score`, message: SCORE_MESSAGE });
    }
    if (cell.score !== null && cell.notApplicable) issues.push({ field: `${field}.score`, message: 'Ange antingen poäng eller ej tillämplig, inte båda.' });
  });
  if (issues.length > 0) {
    throw new AppError('invalid_input', `${issues.length === 1 ? 'Ett svar' : `${issues.length} svar`} kunde inte sparas. Inget sparades.`, '', issues);
  }
  const upsert = prepareAnswerUpsert(db);
  const remove = db.sqlite.prepare('DELETE FROM self_assessment_answers WHERE unit_id = ? AND template_statement_id = ?');
  let saved = 0;
  let cleared = 0;
  for (const cell of batch.cells) {
    const comment = (cell.comment ?? existing.get(cell.templateStatementId) ?? '').trim();
    if (cell.score === null && !cell.notApplicable && comment === '') {
      remove.run(batch.unitId, cell.templateStatementId);
      cleared++;
    } else {
      upsert({ unitId: batch.unitId, templateStatementId: cell.templateStatementId, score: cell.score, notApplicable: cell.notApplicable, comment, source: batch.source }, stamp);
      saved++;
    }
  }
  return { saved, cleared };
}

/**
 * Removes every answer one unit gave in one year (a re-imported form replaces the unit's answers
 * for the year: remove, then write the form's). Returns how many were removed.
 */
export function deleteUnitAnswersForYear(db: AppDatabase, unitId: string, year: number): number {
  const template = requireTemplate(db, year);
  return db.sqlite
    .prepare(
      `DELETE FROM self_assessment_answers WHERE unit_id = ?
         AND template_statement_id IN (SELECT id FROM self_assessment_template_statements WHERE template_id = ?)`,
    )
    .run(unitId, template.id).changes;
}

export interface AnswerRecord {
  unitId: string;
  templateStatementId: string;
  score: number | null;
  notApplicable: boolean;
  comment: string;
  source: SelfAssessmentAnswerSource;
}

// An answer written again replaces the stored one, and is only touched (stamp, audit entry, tally
// triggers) when something in it changed.
const ANSWER_UPSERT_CONFLICT = `ON CONFLICT (unit_id, template_statement_id) DO UPDATE SET
       score = excluded.score, not_applicable = excluded.not_applicable, comment = excluded.comment, source = excluded.source,
       updated_at = @updatedAt, updated_by = excluded.updated_by
     WHERE score IS NOT excluded.score OR not_applicable <> excluded.not_applicable OR comment <> excluded.comment OR source <> excluded.source`;

/**
 * One prepared insert-or-replace of an answer (unit × template statement), for the saving above
 * (many answers: insertAnswersBulk). It checks nothing the database does not (the CHECKs refuse a
 * bad score): validate first.
 */
export function prepareAnswerUpsert(db: AppDatabase): (answer: AnswerRecord, stamp: Stamp) => void {
  const statement = db.sqlite.prepare(
    `INSERT INTO self_assessment_answers (id, unit_id, template_statement_id, score, not_applicable, comment, source, updated_by)
     VALUES (@id, @unitId, @templateStatementId, @score, @notApplicable, @comment, @source, @updatedBy)
     ${ANSWER_UPSERT_CONFLICT}`,
  );
  return (answer, stamp) => {
    statement.run({ ...answer, id: newId(), notApplicable: answer.notApplicable ? 1 : 0, updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt });
  };
}

/**
 * Writes many answers, for the import, the demo and the benchmark: the same upsert as a single
 * answer, in batches (prepareBulkInsert). The caller owns the transaction (one for the whole
 * batch) and has validated every row.
 */
export function insertAnswersBulk(db: AppDatabase, answers: Iterable<AnswerRecord>, stamp: Stamp): number {
  const insert = prepareBulkInsert(db.sqlite, {
    table: 'self_assessment_answers',
    columns: ['id', 'unit_id', 'template_statement_id', 'score', 'not_applicable', 'comment', 'source'],
    shared: { updated_by: 'updatedBy' },
    onConflict: ANSWER_UPSERT_CONFLICT,
  });
  return insert(answerRows(answers), { updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt });
}

function* answerRows(answers: Iterable<AnswerRecord>): Generator<BulkValue[]> {
  for (const a of answers) yield [newId(), a.unitId, a.templateStatementId, a.score, a.notApplicable ? 1 : 0, a.comment, a.source];
}

// ---------------------------------------------------------------------------------------------
// Import (db/io/selfAssessmentImport.ts plans it; this writes a plan without problems)
// ---------------------------------------------------------------------------------------------

/**
 * Writes an answer import in the caller's one transaction: the year's template first when the
 * user confirmed creating it from the files (a statement worded as in an earlier year keeps that
 * identity, so trends follow it; others are new and marked "ny"), then for every unit in the
 * files its answers to the year's statements are replaced by the files' answers.
 */
export function writeAnswerImport(db: AppDatabase, plan: AnswerImportPlan, stamp: Stamp): { units: number; answers: number; createdStatements: number } {
  const year = plan.preview.year;
  if (year === null || !plan.preview.canCommit) throw new AppError('invalid_input', 'Importen innehåller fel. Ingenting har importerats.');
  let templateId = plan.templateId;
  const newIds: string[] = [];
  if (templateId === null) {
    templateId = newId();
    db.sqlite
      .prepare('INSERT INTO self_assessment_templates (id, year, copied_from_year, updated_by) VALUES (?, ?, NULL, ?)')
      .run(templateId, year, stamp.updatedBy);
    const earlier = new Map<string, string>();
    const earlierRows = db.sqlite
      .prepare<[number], { statementId: string; area: string; text: string }>(
        `SELECT s.statement_id AS statementId, s.area, s.text FROM self_assessment_template_statements s
         JOIN self_assessment_templates t ON t.id = s.template_id WHERE t.year < ? ORDER BY t.year DESC`,
      )
      .all(year);
    for (const row of earlierRows) {
      const key = `${row.area}|${foldName(row.text)}`;
      if (!earlier.has(key)) earlier.set(key, row.statementId);
    }
    const insertIdentity = db.sqlite.prepare('INSERT INTO self_assessment_statements (id, updated_by) VALUES (?, ?)');
    const insertVersion = db.sqlite.prepare(
      `INSERT INTO self_assessment_template_statements (id, template_id, statement_id, area, position, text, is_new, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const positions = new Map<SelfAssessmentArea, number>();
    for (const statement of plan.preview.newTemplate?.statements ?? []) {
      let statementId = earlier.get(`${statement.area}|${foldName(statement.text)}`);
      const isNew = statementId === undefined;
      if (statementId === undefined) {
        statementId = newId();
        insertIdentity.run(statementId, stamp.updatedBy);
      }
      const position = positions.get(statement.area) ?? 0;
      positions.set(statement.area, position + 1);
      const id = newId();
      insertVersion.run(id, templateId, statementId, statement.area, position, statement.text, isNew ? 1 : 0, stamp.updatedBy);
      newIds.push(id);
    }
  }
  // Every unit of the files, in one statement (the preview's count of answers to replace is not
  // trusted here: answers may have been saved since it was read).
  db.sqlite
    .prepare(
      `DELETE FROM self_assessment_answers WHERE unit_id IN (SELECT value FROM json_each(?)) AND template_statement_id IN
         (SELECT id FROM self_assessment_template_statements WHERE template_id = ? AND archived_at IS NULL)`,
    )
    .run(JSON.stringify(plan.preview.units.map((u) => u.unitId)), templateId);
  const written = insertAnswersBulk(
    db,
    plan.answers.map((a) => ({
      unitId: a.unitId,
      templateStatementId: a.templateStatementId ?? newIds[a.newStatementIndex ?? -1]!,
      score: a.score,
      notApplicable: a.notApplicable,
      comment: a.comment,
      source: a.source,
    })),
    stamp,
  );
  return { units: plan.preview.units.length, answers: written, createdStatements: newIds.length };
}
