// Writing the risk register: a risk with its first assessment ("before"), edits, re-assessments
// ("after actions") and removing a risk registered by mistake. The rules hold whatever the caller
// (handlers, demo): the unit is in the risk's verksamhetsområde, levels are 1–4 (also a CHECK),
// an assessment is not before the risk was identified, a re-assessment comes after the first, one
// per day. Runs inside the caller's write transaction.
import { and, count, eq, max, min } from 'drizzle-orm';
import { riskAssessments, risks } from '../schema/risks.ts';
import { actions } from '../schema/actions.ts';
import { operatingAreas, units } from '../schema/organisation.ts';
import { isRiskLevel } from '../domain/riskMatrix.ts';
import { AppError } from '../errors.ts';
import type { RiskCause, RiskStatus } from '../domain/codes.ts';
import type { AppDatabase } from '../open.ts';

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

export interface NewRiskAssessment {
  assessedOn: string;
  probability: number;
  severity: number;
  note: string;
}

export interface NewRisk {
  operatingAreaId: string;
  unitId: string | null;
  description: string;
  cause: RiskCause;
  identifiedOn: string;
  status?: RiskStatus;
}

export interface RiskPatch {
  description?: string | undefined;
  cause?: RiskCause | undefined;
  identifiedOn?: string | undefined;
  status?: RiskStatus | undefined;
}

/** Levels are checked here too (not only by the contract), so the demo and later callers keep the rule. */
function assertLevels(assessment: Pick<NewRiskAssessment, 'probability' | 'severity'>): void {
  if (!isRiskLevel(assessment.probability)) throw invalid('probability', 'Sannolikhet ska vara en hel siffra från 1 till 4.');
  if (!isRiskLevel(assessment.severity)) throw invalid('severity', 'Allvarlighetsgrad ska vara en hel siffra från 1 till 4.');
}

function loadRisk(db: AppDatabase, id: string): typeof risks.$inferSelect {
  const row = db.orm.select().from(risks).where(eq(risks.id, id)).get();
  if (!row) throw new AppError('not_found', 'Risken finns inte längre (den kan ha tagits bort).');
  return row;
}

/** Adds a risk and its first assessment; returns the risk's id. */
export function createRisk(db: AppDatabase, risk: NewRisk, first: NewRiskAssessment, updatedBy: string): string {
  if (!risk.description.trim()) throw invalid('description', 'Beskriv risken.');
  if (!db.orm.select({ id: operatingAreas.id }).from(operatingAreas).where(eq(operatingAreas.id, risk.operatingAreaId)).get()) {
    throw invalid('operatingAreaId', 'Verksamhetsområdet finns inte. Välj ett ur listan.');
  }
  if (risk.unitId) {
    const unit = db.orm.select({ areaId: units.operatingAreaId }).from(units).where(eq(units.id, risk.unitId)).get();
    if (!unit) throw invalid('unitId', 'Enheten finns inte. Välj en enhet ur listan.');
    if (unit.areaId !== risk.operatingAreaId) throw invalid('unitId', 'Enheten hör inte till det valda verksamhetsområdet.');
  }
  assertLevels(first);
  if (first.assessedOn < risk.identifiedOn) throw invalid('assessedOn', `Bedömningen kan inte vara före dagen risken identifierades (${risk.identifiedOn}).`);
  const id = db.orm
    .insert(risks)
    .values({ ...risk, description: risk.description.trim(), status: risk.status ?? 'aktiv', updatedBy })
    .returning({ id: risks.id })
    .get().id;
  db.orm.insert(riskAssessments).values({ riskId: id, ...first, assessedBy: updatedBy, updatedBy }).run();
  return id;
}

function firstAssessedOn(db: AppDatabase, riskId: string): string | null {
  return db.orm.select({ first: min(riskAssessments.assessedOn) }).from(riskAssessments).where(eq(riskAssessments.riskId, riskId)).get()?.first ?? null;
}

export function updateRisk(db: AppDatabase, id: string, patch: RiskPatch, stamp: { updatedAt: string; updatedBy: string }): void {
  const current = loadRisk(db, id);
  if (patch.description !== undefined && !patch.description.trim()) throw invalid('description', 'Beskriv risken.');
  if (patch.identifiedOn !== undefined && patch.identifiedOn !== current.identifiedOn) {
    const first = firstAssessedOn(db, id);
    if (first && patch.identifiedOn > first) throw invalid('identifiedOn', `Risken bedömdes redan ${first}; den kan inte ha identifierats senare.`);
  }
  db.orm.update(risks).set({ ...patch, ...stamp }).where(eq(risks.id, id)).run();
}

/** A re-assessment after actions: after the first assessment, one per day. */
export function assessRisk(db: AppDatabase, riskId: string, assessment: NewRiskAssessment, updatedBy: string): void {
  loadRisk(db, riskId);
  assertLevels(assessment);
  const first = firstAssessedOn(db, riskId);
  if (first && assessment.assessedOn <= first) {
    throw invalid('assessedOn', `En omvärdering ska göras efter den första bedömningen (${first}).`);
  }
  const sameDay = db.orm
    .select({ id: riskAssessments.id })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.riskId, riskId), eq(riskAssessments.assessedOn, assessment.assessedOn)))
    .get();
  if (sameDay) throw invalid('assessedOn', `Risken är redan bedömd ${assessment.assessedOn}. Välj en annan dag.`);
  db.orm.insert(riskAssessments).values({ riskId, ...assessment, assessedBy: updatedBy, updatedBy }).run();
}

/**
 * The day of a risk's latest assessment, when the actions answering it are decided: an action
 * cannot be due before it. Null when the risk does not exist.
 */
export function riskLatestAssessedOn(db: AppDatabase, riskId: string): string | null {
  return db.orm.select({ latest: max(riskAssessments.assessedOn) }).from(riskAssessments).where(eq(riskAssessments.riskId, riskId)).get()?.latest ?? null;
}

/** Removes a risk registered by mistake, with its assessments; one with actions stays (mark it hanterad instead). */
export function deleteRisk(db: AppDatabase, id: string): void {
  loadRisk(db, id);
  const linked = db.orm.select({ n: count() }).from(actions).where(eq(actions.riskId, id)).get()?.n ?? 0;
  if (linked > 0) throw new AppError('referenced', 'Risken har åtgärder i åtgärdsregistret och kan inte tas bort. Sätt status Hanterad i stället.');
  db.orm.delete(riskAssessments).where(eq(riskAssessments.riskId, id)).run();
  db.orm.delete(risks).where(eq(risks.id, id)).run();
}
