// The action register (åtgärdsregister): one list of actions from every source – tillsyn,
// analysverkstad, kvalitetsråd, självskattning, annat – each followed up until closed.
//
// Why an action exists is a link to what it answers, as one typed, nullable foreign key per kind
// of subject (today inspection_id + assessment_id for a tillsyn finding). A later capability adds
// its own link column (risk_id, statement_id, council_item_id …) with ALTER TABLE ADD COLUMN
// … REFERENCES, which SQLite does without rebuilding the table, and checks its source's link in
// db/writes/actions.ts. Rejected: a polymorphic (subject_type, subject_id) pair, which no
// database can hold to referential integrity. See docs/architecture.md, "One action register".
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { units } from './organisation.ts';
import { assessments, inspections } from './inspections.ts';
import { lexCases } from './lexCases.ts';
import { selfAssessmentStatements } from './selfAssessment.ts';
import { analysisSessions } from './analysis.ts';
import { risks } from './risks.ts';
import { councilAgendaItems } from './council.ts';
import { ACTION_SOURCES, ACTION_STATUSES } from '../domain/codes.ts';

export { ACTION_SOURCES, type ActionSource } from '../domain/codes.ts';

export const actions = sqliteTable(
  'actions',
  {
    id: idColumn(),
    source: text('source', { enum: ACTION_SOURCES }).notNull(),
    /** What is to be done. */
    description: text('description').notNull(),
    /** Why, in words, beside (or, for source 'annat', instead of) a link. */
    reason: text('reason').notNull().default(''),
    /** Link for source 'tillsyn': the inspection, and the assessment (kvalitetskrav) when there is one. */
    inspectionId: text('inspection_id').references(() => inspections.id, { onDelete: 'restrict' }),
    assessmentId: text('assessment_id').references(() => assessments.id, { onDelete: 'restrict' }),
    /** Link for sources 'lex_sarah' and 'lex_maria': the case the action answers. */
    lexCaseId: text('lex_case_id').references(() => lexCases.id, { onDelete: 'restrict' }),
    /** Link for source 'sjalvskattning': the statement (its identity across years) and the year whose results raised it. */
    statementId: text('statement_id').references(() => selfAssessmentStatements.id, { onDelete: 'restrict' }),
    selfAssessmentYear: integer('self_assessment_year'),
    /** Link for source 'analysverkstad': the session that decided the action. */
    analysisSessionId: text('analysis_session_id').references(() => analysisSessions.id, { onDelete: 'restrict' }),
    /** Link for source 'analysverkstad': the risk the action is to bring down (checked in db/writes/actions.ts). */
    riskId: text('risk_id').references(() => risks.id, { onDelete: 'restrict' }),
    /** Link for source 'kvalitetsrad': the agenda item of the meeting that decided the action. */
    councilItemId: text('council_item_id').references(() => councilAgendaItems.id, { onDelete: 'restrict' }),
    /** The unit the action concerns; none for an action across a verksamhetsområde or the förvaltning. */
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** Ansvarig (owner). */
    responsible: text('responsible').notNull().default(''),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('oppen'),
    /** When the action is to be followed up (verified). */
    followUpDate: text('follow_up_date'),
    /** Required to close (db/writes/actions.ts); empty on actions closed before the register existed. */
    closingNote: text('closing_note').notNull().default(''),
    closedAt: text('closed_at'),
    /** The utförare's åtgärdsplan: the day it came in and what it says, in short. */
    providerPlanReceivedOn: text('provider_plan_received_on'),
    providerPlanSummary: text('provider_plan_summary').notNull().default(''),
    /** The last day the beställare was told how the work goes (seed 004: kept informed until done). */
    commissionerInformedOn: text('commissioner_informed_on'),
    ...stampColumns(),
  },
  (t) => [
    index('actions_source_status_idx').on(t.source, t.status, t.deadline),
    index('actions_inspection_idx').on(t.inspectionId),
    index('actions_assessment_idx').on(t.assessmentId),
    index('actions_unit_idx').on(t.unitId),
    index('actions_lex_case_idx').on(t.lexCaseId),
    index('actions_statement_idx').on(t.statementId, t.selfAssessmentYear),
    index('actions_analysis_session_idx').on(t.analysisSessionId),
    index('actions_risk_idx').on(t.riskId),
    // The overdue rule (db/domain/overdue.ts) and the open filter read these, not the whole register (issue 19).
    index('actions_status_deadline_idx').on(t.status, t.deadline),
    index('actions_status_follow_up_idx').on(t.status, t.followUpDate),
    // The register's order: Uppföljning's first rows read the earliest deadlines from here, with the
    // status and source filters answered in the index (issue 19).
    index('actions_deadline_idx').on(t.deadline, t.status, t.source),
    index('actions_council_item_idx').on(t.councilItemId),
    check('actions_tillsyn_link', sql`source <> 'tillsyn' OR inspection_id IS NOT NULL`),
    check('actions_assessment_in_inspection', sql`assessment_id IS NULL OR inspection_id IS NOT NULL`),
  ],
);

/** One follow-up note on an action: on which day, what was found or agreed, and by whom. */
export const actionFollowUps = sqliteTable(
  'action_follow_ups',
  {
    id: idColumn(),
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'restrict' }),
    notedOn: text('noted_on').notNull(),
    note: text('note').notNull(),
    notedBy: text('noted_by').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [index('action_follow_ups_action_idx').on(t.actionId, t.notedOn)],
);
