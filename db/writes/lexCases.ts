// Writing the lex Sarah and lex Maria register: the rules a case must keep whatever the caller
// (handlers, demo): the unit exists, the severity belongs to the law, an IVO-anmälan has a date
// (and only then), and no date before the report. Runs inside the caller's write transaction.
import { count, eq } from 'drizzle-orm';
import { lexCases } from '../schema/lexCases.ts';
import { actions } from '../schema/actions.ts';
import { units } from '../schema/organisation.ts';
import { AppError } from '../errors.ts';
import { LEX_SEVERITIES_BY_TYPE, type LexType } from '../domain/codes.ts';
import type { LexCaseValues } from '../api/lexCases.contract.ts';
import type { AppDatabase } from '../open.ts';

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

const LAW_NAME: Record<LexType, string> = { lex_sarah: 'lex Sarah', lex_maria: 'lex Maria' };
const SEVERITY_TEXT: Record<LexType, string> = {
  lex_sarah: 'missförhållande eller påtaglig risk för missförhållande',
  lex_maria: 'vårdskada eller risk för vårdskada',
};

function assertValid(db: AppDatabase, values: LexCaseValues): void {
  if (!db.orm.select({ id: units.id }).from(units).where(eq(units.id, values.unitId)).get()) {
    throw invalid('unitId', 'Enheten finns inte. Välj en enhet ur listan.');
  }
  if (!LEX_SEVERITIES_BY_TYPE[values.lexType].includes(values.severity)) {
    throw invalid('severity', `Ett ärende enligt ${LAW_NAME[values.lexType]} gäller ${SEVERITY_TEXT[values.lexType]}.`);
  }
  if (values.ivoReported && !values.ivoReportedOn) throw invalid('ivoReportedOn', 'Ange vilket datum ärendet anmäldes till IVO.');
  if (!values.ivoReported && values.ivoReportedOn) throw invalid('ivoReportedOn', 'Ett datum för IVO-anmälan anges bara när ärendet är anmält till IVO.');
  if (values.ivoReportedOn && values.ivoReportedOn < values.reportedOn) {
    throw invalid('ivoReportedOn', `Anmälan till IVO kan inte vara före ärendets datum (${values.reportedOn}).`);
  }
}

function load(db: AppDatabase, id: string): typeof lexCases.$inferSelect {
  const row = db.orm.select().from(lexCases).where(eq(lexCases.id, id)).get();
  if (!row) throw new AppError('not_found', 'Ärendet finns inte längre (det kan ha tagits bort).');
  return row;
}

export function createLexCase(db: AppDatabase, values: LexCaseValues, updatedBy: string): string {
  assertValid(db, values);
  return db.orm.insert(lexCases).values({ ...values, updatedBy }).returning({ id: lexCases.id }).get().id;
}

/**
 * Edits a case. Answering "nej" to IVO-anmälan clears its date; the unit cannot change once an
 * action answers the case (the action's unit is the case's).
 */
export function updateLexCase(db: AppDatabase, id: string, patch: Partial<LexCaseValues>, stamp: { updatedAt: string; updatedBy: string }): void {
  const current = load(db, id);
  const next: LexCaseValues = { ...current, ...patch };
  if (patch.ivoReported === false && patch.ivoReportedOn === undefined) next.ivoReportedOn = null;
  if (patch.unitId !== undefined && patch.unitId !== current.unitId && actionCount(db, id) > 0) {
    throw invalid('unitId', 'Ärendet har åtgärder för sin enhet; enheten kan inte bytas.');
  }
  assertValid(db, next);
  db.orm.update(lexCases).set({ ...next, ...stamp }).where(eq(lexCases.id, id)).run();
}

function actionCount(db: AppDatabase, id: string): number {
  return db.orm.select({ n: count() }).from(actions).where(eq(actions.lexCaseId, id)).get()?.n ?? 0;
}

/** Removes a case registered by mistake; one with actions in the register stays (close it instead). */
export function deleteLexCase(db: AppDatabase, id: string): void {
  load(db, id);
  if (actionCount(db, id) > 0) {
    throw new AppError('referenced', 'Ärendet har åtgärder i åtgärdsregistret och kan inte tas bort. Sätt status Avslutad i stället.');
  }
  db.orm.delete(lexCases).where(eq(lexCases.id, id)).run();
}
