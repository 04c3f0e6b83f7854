// Lex Sarah and lex Maria cases (seed 004: the tillsynsenhet does "utredningar enligt Lex Sarah
// och Lex Maria") and synpunkter counted per unit and tertial. Neither holds data about persons:
// a case is a unit, a date, a category and a summary written without names or personnummer
// (checked in the contract, db/shared/personalData.ts); synpunkter are counts only.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { units } from './organisation.ts';
import { FEEDBACK_TYPES, LEX_CATEGORIES, LEX_SEVERITIES, LEX_STATUSES, LEX_TYPES } from '../domain/codes.ts';

export const lexCases = sqliteTable(
  'lex_cases',
  {
    id: idColumn(),
    lexType: text('lex_type', { enum: LEX_TYPES }).notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** The day the rapport (lex Sarah) or händelse (lex Maria) reached the nämnd. */
    reportedOn: text('reported_on').notNull(),
    /** The nämnd's own case number; never a personnummer. */
    caseNumber: text('case_number').notNull().default(''),
    category: text('category', { enum: LEX_CATEGORIES }).notNull(),
    /** Missförhållande / påtaglig risk (lex Sarah) or vårdskada / risk (lex Maria); the pair is checked in db/writes/lexCases.ts. */
    severity: text('severity', { enum: LEX_SEVERITIES }).notNull(),
    status: text('status', { enum: LEX_STATUSES }).notNull().default('anmald'),
    ivoReported: integer('ivo_reported', { mode: 'boolean' }).notNull().default(false),
    ivoReportedOn: text('ivo_reported_on'),
    summary: text('summary').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [
    index('lex_cases_unit_idx').on(t.unitId),
    index('lex_cases_reported_idx').on(t.reportedOn),
    check('lex_cases_ivo_date', sql`(ivo_reported = 1) = (ivo_reported_on IS NOT NULL)`),
  ],
);

/** Synpunkter of one type received by one unit in one tertial: a count, imported from a summary file. */
export const feedbackCounts = sqliteTable(
  'feedback_counts',
  {
    id: idColumn(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    tertial: integer('tertial').notNull(),
    feedbackType: text('feedback_type', { enum: FEEDBACK_TYPES }).notNull(),
    count: integer('count').notNull(),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('feedback_counts_unit_period_type_unique').on(t.unitId, t.year, t.tertial, t.feedbackType),
    index('feedback_counts_period_idx').on(t.year, t.tertial),
    check('feedback_counts_tertial', sql`tertial BETWEEN 1 AND 3`),
    check('feedback_counts_count', sql`count >= 0`),
  ],
);
