// Writing analysverkstad sessions: the session (date, title, verksamhetsområde and units, status,
// notes), its participants and its agenda items. The rules hold whatever the caller (handlers,
// demo): the area exists, the units belong to it, a session whose decided actions are in the
// register keeps its area and units and a date on or before their deadlines, and is never
// deleted. Runs inside the caller's write transaction.
import { and, asc, count, eq, lt, max } from 'drizzle-orm';
import { analysisAgendaItems, analysisSessionParticipants, analysisSessionRisks, analysisSessionUnits, analysisSessions } from '../schema/analysis.ts';
import { actions } from '../schema/actions.ts';
import { operatingAreas } from '../schema/organisation.ts';
import { AppError } from '../errors.ts';
import { takeSnapshot } from './snapshots.ts';
import { createRisk } from './risks.ts';
import { risks } from '../schema/risks.ts';
import type { RiskCause } from '../domain/codes.ts';
import { requireView } from '../views/registry.ts';
import type { ViewScope } from '../views/types.ts';
import type { AnalysisSessionValues } from '../api/analysis.contract.ts';
import type { AppDatabase } from '../open.ts';

type Stamp = { updatedAt: string; updatedBy: string };

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

function load(db: AppDatabase, id: string): typeof analysisSessions.$inferSelect {
  const row = db.orm.select().from(analysisSessions).where(eq(analysisSessions.id, id)).get();
  if (!row) throw new AppError('not_found', 'Analysverkstaden finns inte längre (den kan ha tagits bort).');
  return row;
}

function actionCount(db: AppDatabase, sessionId: string): number {
  return db.orm.select({ n: count() }).from(actions).where(eq(actions.analysisSessionId, sessionId)).get()?.n ?? 0;
}

function assertScope(db: AppDatabase, operatingAreaId: string, unitIds: readonly string[]): void {
  if (!db.orm.select({ id: operatingAreas.id }).from(operatingAreas).where(eq(operatingAreas.id, operatingAreaId)).get()) {
    throw invalid('operatingAreaId', 'Verksamhetsområdet finns inte. Välj ett ur listan.');
  }
  if (new Set(unitIds).size !== unitIds.length) throw invalid('unitIds', 'En enhet är vald två gånger.');
  if (unitIds.length === 0) return;
  const found =
    db.sqlite
      .prepare<string[], { n: number }>(
        `SELECT count(*) AS n FROM units WHERE operating_area_id = ? AND id IN (${unitIds.map(() => '?').join(', ')})`,
      )
      .get(operatingAreaId, ...unitIds)?.n ?? 0;
  if (found !== unitIds.length) throw invalid('unitIds', 'Välj bara enheter inom analysverkstadens verksamhetsområde.');
}

function replaceUnits(db: AppDatabase, sessionId: string, unitIds: readonly string[], updatedBy: string): void {
  db.orm.delete(analysisSessionUnits).where(eq(analysisSessionUnits.sessionId, sessionId)).run();
  if (unitIds.length) db.orm.insert(analysisSessionUnits).values(unitIds.map((unitId) => ({ sessionId, unitId, updatedBy }))).run();
}

export function createAnalysisSession(db: AppDatabase, values: AnalysisSessionValues, updatedBy: string): string {
  assertScope(db, values.operatingAreaId, values.unitIds);
  const { unitIds, ...fields } = values;
  const id = db.orm.insert(analysisSessions).values({ ...fields, updatedBy }).returning({ id: analysisSessions.id }).get().id;
  replaceUnits(db, id, unitIds, updatedBy);
  return id;
}

/**
 * Edits a session. Once it has decided actions, its verksamhetsområde and units stay (the
 * actions' units were checked against them) and its date cannot move past their earliest deadline.
 */
export function updateAnalysisSession(db: AppDatabase, id: string, patch: Partial<AnalysisSessionValues>, stamp: Stamp): void {
  const current = load(db, id);
  const { unitIds, ...fields } = patch;
  const scopeChanges = (fields.operatingAreaId !== undefined && fields.operatingAreaId !== current.operatingAreaId) || unitIds !== undefined;
  if (scopeChanges) {
    if (actionCount(db, id) > 0) {
      throw invalid(unitIds === undefined ? 'operatingAreaId' : 'unitIds', 'Analysverkstaden har beslutade åtgärder; verksamhetsområde och enheter kan inte ändras.');
    }
    assertScope(db, fields.operatingAreaId ?? current.operatingAreaId, unitIds ?? []);
  }
  if (fields.heldOn !== undefined && fields.heldOn > current.heldOn) {
    const earliest = db.orm.select({ deadline: actions.deadline }).from(actions).where(and(eq(actions.analysisSessionId, id), lt(actions.deadline, fields.heldOn)))
      .orderBy(asc(actions.deadline))
      .get();
    if (earliest) throw invalid('heldOn', `Datumet kan inte vara efter en beslutad åtgärds sista dag (${earliest.deadline}).`);
  }
  db.orm.update(analysisSessions).set({ ...fields, ...stamp }).where(eq(analysisSessions.id, id)).run();
  if (unitIds !== undefined) replaceUnits(db, id, unitIds, stamp.updatedBy);
}

/** Removes a session made by mistake; one whose decided actions are in the register stays. */
export function deleteAnalysisSession(db: AppDatabase, id: string): void {
  load(db, id);
  if (actionCount(db, id) > 0) {
    throw new AppError('referenced', 'Analysverkstaden har beslutade åtgärder i åtgärdsregistret och kan inte tas bort.');
  }
  db.orm.delete(analysisSessions).where(eq(analysisSessions.id, id)).run();
}

export function addParticipant(db: AppDatabase, sessionId: string, values: { name: string; role: string }, updatedBy: string): string {
  load(db, sessionId);
  const last = db.orm.select({ p: max(analysisSessionParticipants.position) }).from(analysisSessionParticipants).where(eq(analysisSessionParticipants.sessionId, sessionId)).get()?.p;
  return db.orm
    .insert(analysisSessionParticipants)
    .values({ sessionId, position: (last ?? -1) + 1, name: values.name, role: values.role, updatedBy })
    .returning({ id: analysisSessionParticipants.id })
    .get().id;
}

export function updateParticipant(db: AppDatabase, id: string, patch: { name?: string | undefined; role?: string | undefined }, stamp: Stamp): void {
  db.orm.update(analysisSessionParticipants).set({ ...patch, ...stamp }).where(eq(analysisSessionParticipants.id, id)).run();
}

export function removeParticipant(db: AppDatabase, id: string): void {
  db.orm.delete(analysisSessionParticipants).where(eq(analysisSessionParticipants.id, id)).run();
}

export function addAgendaItem(
  db: AppDatabase,
  sessionId: string,
  values: { heading: string; notes: string; snapshotId?: string | null },
  updatedBy: string,
): string {
  load(db, sessionId);
  const last = db.orm.select({ p: max(analysisAgendaItems.position) }).from(analysisAgendaItems).where(eq(analysisAgendaItems.sessionId, sessionId)).get()?.p;
  return db.orm
    .insert(analysisAgendaItems)
    .values({ sessionId, position: (last ?? -1) + 1, heading: values.heading, notes: values.notes, snapshotId: values.snapshotId ?? null, updatedBy })
    .returning({ id: analysisAgendaItems.id })
    .get().id;
}

export function updateAgendaItem(db: AppDatabase, id: string, patch: { heading?: string | undefined; notes?: string | undefined }, stamp: Stamp): void {
  db.orm.update(analysisAgendaItems).set({ ...patch, ...stamp }).where(eq(analysisAgendaItems.id, id)).run();
}

/** Swaps the item with its neighbour above or below; at the top or bottom it stays. */
export function moveAgendaItem(db: AppDatabase, id: string, direction: 'up' | 'down', stamp: Stamp): void {
  const item = db.orm.select().from(analysisAgendaItems).where(eq(analysisAgendaItems.id, id)).get();
  if (!item) throw new AppError('not_found', 'Dagordningspunkten finns inte längre.');
  const neighbour = db.sqlite
    .prepare<[string, number], { id: string; position: number }>(
      `SELECT id, position FROM analysis_agenda_items WHERE session_id = ? AND position ${direction === 'up' ? '<' : '>'} ?
       ORDER BY position ${direction === 'up' ? 'DESC' : 'ASC'} LIMIT 1`,
    )
    .get(item.sessionId, item.position);
  if (!neighbour) return;
  db.orm.update(analysisAgendaItems).set({ position: neighbour.position, ...stamp }).where(eq(analysisAgendaItems.id, item.id)).run();
  db.orm.update(analysisAgendaItems).set({ position: item.position, ...stamp }).where(eq(analysisAgendaItems.id, neighbour.id)).run();
}

export function removeAgendaItem(db: AppDatabase, id: string): void {
  db.orm.delete(analysisAgendaItems).where(eq(analysisAgendaItems.id, id)).run();
}

/** What a session's analyses are about: its one unit when narrowed to one, else its verksamhetsområde. */
export function sessionViewScope(db: AppDatabase, sessionId: string): ViewScope {
  const session = load(db, sessionId);
  const narrowed = db.orm.select({ unitId: analysisSessionUnits.unitId }).from(analysisSessionUnits).where(eq(analysisSessionUnits.sessionId, sessionId)).all();
  const only = narrowed.length === 1 ? narrowed[0] : undefined;
  return only ? { kind: 'unit', unitId: only.unitId } : { kind: 'area', areaId: session.operatingAreaId };
}

/**
 * "Lägg till analys": freezes a ready view for the session's scope as of the session date (or
 * today, while the session lies ahead: a snapshot cannot reflect a day that has not come) and
 * adds it to the agenda as an item headed by the view's name; returns the item's id.
 */
export function addAnalysis(db: AppDatabase, sessionId: string, view: { name: string; params: unknown }, today: string, updatedBy: string): string {
  const session = load(db, sessionId);
  const definition = requireView(view.name);
  const asOf = session.heldOn < today ? session.heldOn : today;
  const snapshot = takeSnapshot(db, { name: view.name, params: view.params, scope: sessionViewScope(db, sessionId), asOf }, updatedBy);
  return addAgendaItem(db, sessionId, { heading: definition.label, notes: '', snapshotId: snapshot.id }, updatedBy);
}

/** A session reviews a risk of its own verksamhetsområde; linking it twice changes nothing. */
export function linkRisk(db: AppDatabase, sessionId: string, riskId: string, updatedBy: string): void {
  const session = load(db, sessionId);
  const risk = db.orm.select({ areaId: risks.operatingAreaId }).from(risks).where(eq(risks.id, riskId)).get();
  if (!risk) throw invalid('riskId', 'Risken finns inte.');
  if (risk.areaId !== session.operatingAreaId) throw invalid('riskId', 'Risken hör till ett annat verksamhetsområde än analysverkstaden.');
  db.orm.insert(analysisSessionRisks).values({ sessionId, riskId, updatedBy }).onConflictDoNothing().run();
}

export function unlinkRisk(db: AppDatabase, sessionId: string, riskId: string): void {
  db.orm.delete(analysisSessionRisks).where(and(eq(analysisSessionRisks.sessionId, sessionId), eq(analysisSessionRisks.riskId, riskId))).run();
}

/**
 * A risk identified at the session: in its verksamhetsområde, identified and first assessed on
 * the session day (today while the session lies ahead), and reviewed by the session.
 */
export function addSessionRisk(
  db: AppDatabase,
  sessionId: string,
  risk: { description: string; cause: RiskCause; probability: number; severity: number; unitId: string | null },
  today: string,
  updatedBy: string,
): string {
  const session = load(db, sessionId);
  const day = session.heldOn < today ? session.heldOn : today;
  const riskId = createRisk(
    db,
    { operatingAreaId: session.operatingAreaId, unitId: risk.unitId, description: risk.description, cause: risk.cause, identifiedOn: day },
    { assessedOn: day, probability: risk.probability, severity: risk.severity, note: '' },
    updatedBy,
  );
  linkRisk(db, sessionId, riskId, updatedBy);
  return riskId;
}
