// Analysverkstad (seed 003 §14): a session where the verksamhetschef and the unit managers meet the
// developers to analyse results, review risks and decide actions. A session is held for one
// verksamhetsområde, optionally narrowed to some of its units; it has participants with roles,
// agenda items with notes (an item may show a frozen analysis, a snapshot), and the actions it
// decided live in the one action register (actions.analysis_session_id).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { operatingAreas, units } from './organisation.ts';
import { snapshots } from './snapshots.ts';
import { risks } from './risks.ts';
import { ANALYSIS_SESSION_STATUSES } from '../domain/codes.ts';

export const analysisSessions = sqliteTable(
  'analysis_sessions',
  {
    id: idColumn(),
    /** The day the session is (or was) held; frozen analyses are taken as of this day. */
    heldOn: text('held_on').notNull(),
    title: text('title').notNull(),
    operatingAreaId: text('operating_area_id')
      .notNull()
      .references(() => operatingAreas.id, { onDelete: 'restrict' }),
    status: text('status', { enum: ANALYSIS_SESSION_STATUSES }).notNull().default('planerad'),
    notes: text('notes').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [index('analysis_sessions_area_idx').on(t.operatingAreaId, t.heldOn)],
);

/** The units a session is narrowed to; none means the whole verksamhetsområde. */
export const analysisSessionUnits = sqliteTable(
  'analysis_session_units',
  {
    id: idColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => analysisSessions.id, { onDelete: 'cascade' }),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('analysis_session_units_unique').on(t.sessionId, t.unitId), index('analysis_session_units_unit_idx').on(t.unitId)],
);

export const analysisSessionParticipants = sqliteTable(
  'analysis_session_participants',
  {
    id: idColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => analysisSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** Free text; ANALYSIS_PARTICIPANT_ROLES are the suggestions. */
    role: text('role').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [index('analysis_session_participants_session_idx').on(t.sessionId, t.position)],
);

export const analysisAgendaItems = sqliteTable(
  'analysis_agenda_items',
  {
    id: idColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => analysisSessions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    heading: text('heading').notNull(),
    notes: text('notes').notNull().default(''),
    /** A frozen analysis ("Lägg till analys"): the view's rows as of the session date. Snapshots never change or go. */
    snapshotId: text('snapshot_id').references(() => snapshots.id, { onDelete: 'restrict' }),
    ...stampColumns(),
  },
  (t) => [index('analysis_agenda_items_session_idx').on(t.sessionId, t.position), index('analysis_agenda_items_snapshot_idx').on(t.snapshotId)],
);

/** A risk reviewed at a session (seed 003 §14: "gå igenom riskanalyser"); the risk lives on in the register. */
export const analysisSessionRisks = sqliteTable(
  'analysis_session_risks',
  {
    id: idColumn(),
    sessionId: text('session_id')
      .notNull()
      .references(() => analysisSessions.id, { onDelete: 'cascade' }),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'restrict' }),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('analysis_session_risks_unique').on(t.sessionId, t.riskId), index('analysis_session_risks_risk_idx').on(t.riskId)],
);
