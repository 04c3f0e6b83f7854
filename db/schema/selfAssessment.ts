// Självskattning: the yearly self-assessment. A statement (påstående) keeps one identity across
// years (self_assessment_statements, the lineage); each year's template holds its own version of
// every statement it asks (self_assessment_template_statements: wording, area, position, "ny"),
// the way kvalitetskrav keep their wording in versions, so polishing a wording next year never
// rewrites what was answered this year and trends follow the lineage. Answers are per unit and
// template statement (so per unit × year × statement): a score 1–10, or "ej tillämplig".
//
// The five areas are a closed set (SELF_ASSESSMENT_AREAS in db/domain/codes.ts, with the
// definitions quoted from seed 003 §17), held to it by a CHECK here.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { units } from './organisation.ts';
import { SELF_ASSESSMENT_ANSWER_SOURCES, SELF_ASSESSMENT_AREAS } from '../domain/codes.ts';

export { SELF_ASSESSMENT_AREAS, type SelfAssessmentArea } from '../domain/codes.ts';

const quotedList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A statement's identity across years; its wording, area and place live in each year's version. */
export const selfAssessmentStatements = sqliteTable('self_assessment_statements', {
  id: idColumn(),
  ...stampColumns(),
});

/** One year's template: the statements asked that year. */
export const selfAssessmentTemplates = sqliteTable(
  'self_assessment_templates',
  {
    id: idColumn(),
    year: integer('year').notNull(),
    /** The year it was copied from, or null when it was started empty. */
    copiedFromYear: integer('copied_from_year'),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('self_assessment_templates_year_unique').on(t.year),
    check('self_assessment_templates_year_range', sql`year BETWEEN 2000 AND 2100`),
  ],
);

/** A statement as asked in one year's template: its wording, area and position that year. */
export const selfAssessmentTemplateStatements = sqliteTable(
  'self_assessment_template_statements',
  {
    id: idColumn(),
    templateId: text('template_id')
      .notNull()
      .references(() => selfAssessmentTemplates.id, { onDelete: 'restrict' }),
    statementId: text('statement_id')
      .notNull()
      .references(() => selfAssessmentStatements.id, { onDelete: 'restrict' }),
    area: text('area', { enum: SELF_ASSESSMENT_AREAS }).notNull(),
    /** Order within the area, from 0. */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** Marked "ny" (asked for the first time, or changed in substance): not comparable with earlier years. */
    isNew: integer('is_new', { mode: 'boolean' }).notNull().default(false),
    /** Archived: no longer asked this year; its answers are kept but counted nowhere. */
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('self_assessment_template_statements_unique').on(t.templateId, t.statementId),
    index('self_assessment_template_statements_order_idx').on(t.templateId, t.area, t.position),
    index('self_assessment_template_statements_statement_idx').on(t.statementId),
    check('self_assessment_template_statements_area', sql`area IN (${quotedList(SELF_ASSESSMENT_AREAS)})`),
    check('self_assessment_template_statements_is_new', sql`is_new IN (0, 1)`),
    check('self_assessment_template_statements_position', sql`position >= 0`),
  ],
);

/**
 * One unit's answer to one statement of one year. Either a whole score 1–10, or "ej tillämplig"
 * (not_applicable = 1, no score); a row with neither only keeps a comment. Unanswered
 * statements have no row with a score: they are never counted as 0.
 */
export const selfAssessmentAnswers = sqliteTable(
  'self_assessment_answers',
  {
    id: idColumn(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    templateStatementId: text('template_statement_id')
      .notNull()
      .references(() => selfAssessmentTemplateStatements.id, { onDelete: 'restrict' }),
    score: integer('score'),
    notApplicable: integer('not_applicable', { mode: 'boolean' }).notNull().default(false),
    comment: text('comment').notNull().default(''),
    source: text('source', { enum: SELF_ASSESSMENT_ANSWER_SOURCES }).notNull(),
    ...stampColumns(),
  },
  (t) => [
    // A template statement belongs to one year, so this is unique per unit × year × statement.
    uniqueIndex('self_assessment_answers_unique').on(t.unitId, t.templateStatementId),
    // Covering for the heatmap and the trends: the tallies are read from the index alone (issue 19).
    index('self_assessment_answers_statement_idx').on(t.templateStatementId, t.unitId, t.score, t.notApplicable),
    check('self_assessment_answers_score', sql`score IS NULL OR (typeof(score) = 'integer' AND score BETWEEN 1 AND 10)`),
    check('self_assessment_answers_not_applicable', sql`not_applicable IN (0, 1)`),
    check('self_assessment_answers_one_value', sql`NOT (not_applicable = 1 AND score IS NOT NULL)`),
    check('self_assessment_answers_source', sql`source IN (${quotedList(SELF_ASSESSMENT_ANSWER_SOURCES)})`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Tallies: score histograms kept by triggers (issue 19)
// ---------------------------------------------------------------------------------------------

/**
 * The histogram columns of a tally: how many answers gave each score 1–10, and how many "ej
 * tillämplig". Answers with neither (a comment only) are not counted.
 */
const histogramColumns = () => ({
  score1: integer('score_1').notNull().default(0),
  score2: integer('score_2').notNull().default(0),
  score3: integer('score_3').notNull().default(0),
  score4: integer('score_4').notNull().default(0),
  score5: integer('score_5').notNull().default(0),
  score6: integer('score_6').notNull().default(0),
  score7: integer('score_7').notNull().default(0),
  score8: integer('score_8').notNull().default(0),
  score9: integer('score_9').notNull().default(0),
  score10: integer('score_10').notNull().default(0),
  notApplicable: integer('not_applicable').notNull().default(0),
});

/**
 * Derived data, never written by the app: the answers' histograms per template statement, every
 * answer counted (archived statements too: the reads filter on archived_at, so archiving needs no
 * recompute). Kept exact by the triggers of migration 0017 on self_assessment_answers; a row whose
 * counts all reach 0 is removed. The whole förvaltning's trends read these (≈ 40 rows a year)
 * instead of grouping a million answers. Not audited (db/audit/trail.ts): the answers are.
 * No foreign keys: the triggers are the only writers, and an answer's own keys hold the references.
 */
export const selfAssessmentStatementTallies = sqliteTable('self_assessment_statement_tallies', {
  templateStatementId: text('template_statement_id').primaryKey(),
  ...histogramColumns(),
});

/**
 * Derived data like the above: per unit, year's template and area, how many answer rows the unit
 * has (any content, archived statements too: a unit with an answer to a year is in that year's
 * scope), and the histogram of its answers to the statements still asked (archived ones left out,
 * so a statement archived, restored or moved to another area moves its answers: the statement
 * trigger). A row whose answer_count reaches 0 is removed. The heatmap reads one template's rows
 * (≈ units × 5), trends narrowed to some units read theirs.
 */
export const selfAssessmentUnitTallies = sqliteTable(
  'self_assessment_unit_tallies',
  {
    templateId: text('template_id').notNull(),
    unitId: text('unit_id').notNull(),
    area: text('area', { enum: SELF_ASSESSMENT_AREAS }).notNull(),
    answerCount: integer('answer_count').notNull().default(0),
    ...histogramColumns(),
  },
  (t) => [primaryKey({ columns: [t.templateId, t.unitId, t.area] })],
);
