// Risk analysis (issue 17, seed 003 §6): a risk in a verksamhetsområde (or one of its units) with
// its cause, and its assessments on the 4×4 matrix. The first assessment is the risk "before";
// each later one is a re-assessment "after actions", so the matrix can show the move. Actions
// answering a risk live in the one action register (actions.risk_id, source analysverkstad).
// Risks stand on their own: sessions link to them through their own table.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { operatingAreas, units } from './organisation.ts';
import { RISK_CAUSES, RISK_STATUSES } from '../domain/codes.ts';

export const risks = sqliteTable(
  'risks',
  {
    id: idColumn(),
    /** The verksamhetsområde the risk is in; always set, also for a unit's risk (the unit's own area, checked in db/writes/risks.ts). */
    operatingAreaId: text('operating_area_id')
      .notNull()
      .references(() => operatingAreas.id, { onDelete: 'restrict' }),
    /** The unit, when the risk concerns one unit rather than the whole area. */
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    description: text('description').notNull(),
    cause: text('cause', { enum: RISK_CAUSES }).notNull(),
    identifiedOn: text('identified_on').notNull(),
    status: text('status', { enum: RISK_STATUSES }).notNull().default('aktiv'),
    ...stampColumns(),
  },
  (t) => [
    index('risks_operating_area_idx').on(t.operatingAreaId, t.identifiedOn),
    index('risks_unit_idx').on(t.unitId),
    check('risks_description', sql`length(trim(description)) > 0`),
  ],
);

/** One assessment of a risk on the matrix; the earliest is "before", later ones "after actions". */
export const riskAssessments = sqliteTable(
  'risk_assessments',
  {
    id: idColumn(),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'restrict' }),
    assessedOn: text('assessed_on').notNull(),
    /** Sannolikhet för upprepning 1–4 (db/domain/riskMatrix.ts). */
    probability: integer('probability').notNull(),
    /** Allvarlighetsgrad 1–4. */
    severity: integer('severity').notNull(),
    note: text('note').notNull().default(''),
    assessedBy: text('assessed_by').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [
    // One assessment per risk and day, so "before" and "after" are never a tie.
    uniqueIndex('risk_assessments_risk_day_unique').on(t.riskId, t.assessedOn),
    check('risk_assessments_probability', sql`typeof(probability) = 'integer' AND probability BETWEEN 1 AND 4`),
    check('risk_assessments_severity', sql`typeof(severity) = 'integer' AND severity BETWEEN 1 AND 4`),
  ],
);
