// Writing the action register: creating an action with its source's link, editing it, follow-up
// notes, closing (a closing note is required) and reopening. Shared by the action handlers, the
// inspection handlers (a shortfall's action) and the demo seeding; runs inside the caller's
// write transaction, never opening its own.
import { eq, sql } from 'drizzle-orm';
import { actionFollowUps, actions } from '../schema/actions.ts';
import { assessments, inspections } from '../schema/inspections.ts';
import { units } from '../schema/organisation.ts';
import { lexCases } from '../schema/lexCases.ts';
import { risks } from '../schema/risks.ts';
import { riskLatestAssessedOn } from './risks.ts';
import { looksLikePersonnummer, PERSONNUMMER_MESSAGE } from '../shared/personalData.ts';
import { AppError } from '../errors.ts';
import { assertActionWritable } from './closedInspection.ts';
import { todayIso } from '../shared/period.ts';
import type { AppDatabase } from '../open.ts';
import type { ActionSource, ActionStatus } from '../domain/codes.ts';

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

export const CLOSING_NOTE_REQUIRED =
  'Skriv en avslutningsnotering för att stänga åtgärden: vad som har gjorts och hur det har följts upp.';

export interface NewAction {
  source: ActionSource;
  description: string;
  reason: string;
  deadline: string;
  responsible: string;
  followUpDate: string | null;
  unitId?: string | null | undefined;
  inspectionId: string | null;
  assessmentId: string | null;
  lexCaseId?: string | null | undefined;
  /** The link for source 'sjalvskattning'. */
  statementId?: string | null | undefined;
  selfAssessmentYear?: number | null | undefined;
  /** The link for source 'analysverkstad'. */
  analysisSessionId?: string | null | undefined;
  /** The link for source 'analysverkstad' when the action answers a risk. */
  riskId?: string | null | undefined;
  /** The link for source 'kvalitetsrad': the agenda item whose decision the action is. */
  councilItemId?: string | null | undefined;
  status?: ActionStatus;
  closingNote?: string;
  closedAt?: string | null;
}

type ActionRecord = typeof actions.$inferSelect;

function loadAction(db: AppDatabase, id: string): ActionRecord {
  const row = db.orm.select().from(actions).where(eq(actions.id, id)).get();
  if (!row) throw new AppError('not_found', 'Åtgärden finns inte längre (den kan ha tagits bort).');
  return row;
}

function inspectionOf(db: AppDatabase, inspectionId: string): { unitId: string; startDate: string; status: string; origin: string } {
  const row = db.orm
    .select({ unitId: inspections.unitId, startDate: inspections.startDate, status: inspections.status, origin: inspections.origin })
    .from(inspections)
    .where(eq(inspections.id, inspectionId))
    .get();
  if (!row) throw invalid('inspectionId', 'Tillsynen finns inte.');
  return row;
}

type ActionDates = Partial<Record<'deadline' | 'followUpDate' | 'providerPlanReceivedOn' | 'commissionerInformedOn', string | null | undefined>>;

const DATE_LABELS: Record<keyof ActionDates, string> = {
  deadline: 'Sista dag',
  followUpDate: 'Uppföljningsdatum',
  providerPlanReceivedOn: 'Datum då åtgärdsplanen kom in',
  commissionerInformedOn: 'Datum då beställaren informerades',
};

/** An inspection's action has no date before the inspection started. */
function assertDatesAfterInspection(startDate: string, dates: ActionDates): void {
  for (const field of Object.keys(DATE_LABELS) as (keyof ActionDates)[]) {
    const date = dates[field];
    if (date && date < startDate) throw invalid(field, `${DATE_LABELS[field]} kan inte vara före tillsynen (${startDate}).`);
  }
}

/** What has happened (a plan came in, the beställare was told) cannot have happened after today. */
function assertNotInFuture(dates: ActionDates, today: string): void {
  for (const field of ['providerPlanReceivedOn', 'commissionerInformedOn'] as const) {
    const date = dates[field];
    if (date && date > today) throw invalid(field, `${DATE_LABELS[field]} kan inte vara senare än i dag (${today}).`);
  }
}

/**
 * The link and unit of a new action, checked against its source. Source 'tillsyn': an
 * inspection (and optionally one of its assessments); the unit is the inspection's. Source 'ivo':
 * one of IVO's requirements in an IVO case (an inspection with origin 'ivo'). The other
 * sources get their own link columns with their capabilities; until then they link to nothing.
 */
type ActionLink = {
  inspectionId: string | null;
  assessmentId: string | null;
  lexCaseId: string | null;
  statementId: string | null;
  selfAssessmentYear: number | null;
  riskId: string | null;
  analysisSessionId: string | null;
  councilItemId: string | null;
  unitId: string | null;
};

/** The självskattning, analysverkstad and kvalitetsråd links, for an action of another source. */
const NO_STATEMENT = { statementId: null, selfAssessmentYear: null, riskId: null, analysisSessionId: null, councilItemId: null };

/**
 * Sources 'lex_sarah' and 'lex_maria': a case of the same law; the unit is the case's. The
 * register holds no person data, so the action's text is held to that too.
 */
function resolveLexLink(db: AppDatabase, input: NewAction & { source: 'lex_sarah' | 'lex_maria' }): ActionLink {
  if (!input.lexCaseId) throw invalid('lexCaseId', 'En åtgärd från lex Sarah eller lex Maria ska höra till ett ärende. Välj ärendet.');
  if (input.inspectionId || input.assessmentId) throw invalid('inspectionId', 'Bara en åtgärd med källan tillsyn eller IVO kan kopplas till en tillsyn.');
  const lexCase = db.orm.select({ lexType: lexCases.lexType, unitId: lexCases.unitId }).from(lexCases).where(eq(lexCases.id, input.lexCaseId)).get();
  if (!lexCase) throw invalid('lexCaseId', 'Ärendet finns inte.');
  if (lexCase.lexType !== input.source) throw invalid('source', 'Källan ska vara samma lag som ärendet (lex Sarah eller lex Maria).');
  if (input.unitId && input.unitId !== lexCase.unitId) throw invalid('unitId', 'Enheten ska vara den enhet ärendet gäller.');
  for (const field of ['description', 'reason'] as const) {
    if (looksLikePersonnummer(input[field])) throw invalid(field, PERSONNUMMER_MESSAGE);
  }
  return { inspectionId: null, assessmentId: null, lexCaseId: input.lexCaseId, unitId: lexCase.unitId, ...NO_STATEMENT };
}

function resolveLink(db: AppDatabase, input: NewAction): ActionLink {
  const statementLink = input.statementId ?? input.selfAssessmentYear ?? null;
  if (input.source !== 'sjalvskattning' && statementLink !== null) {
    throw invalid('statementId', 'Bara en åtgärd med källan självskattning kan kopplas till ett påstående.');
  }
  if (input.source !== 'analysverkstad' && input.analysisSessionId) {
    throw invalid('analysisSessionId', 'Bara en åtgärd med källan analysverkstad kan kopplas till en analysverkstad.');
  }
  if (input.source !== 'analysverkstad' && input.riskId) {
    throw invalid('riskId', 'Bara en åtgärd med källan analysverkstad kan kopplas till en risk.');
  }
  if (input.source !== 'kvalitetsrad' && input.councilItemId) {
    throw invalid('councilItemId', 'Bara en åtgärd med källan kvalitetsråd kan kopplas till en punkt på ett kvalitetsråds dagordning.');
  }
  if (input.source === 'lex_sarah' || input.source === 'lex_maria') return resolveLexLink(db, { ...input, source: input.source });
  if (input.lexCaseId) throw invalid('lexCaseId', 'Bara en åtgärd med källan lex Sarah eller lex Maria kan kopplas till ett sådant ärende.');
  if (input.source === 'ivo') {
    if (!input.inspectionId) throw invalid('inspectionId', 'Ett krav från IVO ska höra till ett IVO-ärende. Välj tillsynen som IVO tog initiativ till.');
    if (input.assessmentId) throw invalid('assessmentId', 'Ett krav från IVO kopplas till IVO-ärendet, inte till en bedömning.');
    const inspection = inspectionOf(db, input.inspectionId);
    if (inspection.origin !== 'ivo') throw invalid('inspectionId', 'Tillsynen är inte initierad av IVO. Ange IVO som initiativ först.');
    if (input.unitId && input.unitId !== inspection.unitId) throw invalid('unitId', 'Enheten ska vara den enhet IVO-ärendet gäller.');
    assertDatesAfterInspection(inspection.startDate, input);
    return { inspectionId: input.inspectionId, assessmentId: null, lexCaseId: null, unitId: inspection.unitId, ...NO_STATEMENT };
  }
  if (input.source === 'tillsyn') {
    if (!input.inspectionId) throw invalid('inspectionId', 'En åtgärd från tillsyn ska höra till en tillsyn. Välj tillsynen.');
    const inspection = inspectionOf(db, input.inspectionId);
    if (input.unitId && input.unitId !== inspection.unitId) throw invalid('unitId', 'Enheten ska vara den enhet tillsynen gällde.');
    assertDatesAfterInspection(inspection.startDate, input);
    if (input.assessmentId) {
      const assessment = db.orm
        .select({ inspectionId: assessments.inspectionId })
        .from(assessments)
        .where(eq(assessments.id, input.assessmentId))
        .get();
      if (assessment?.inspectionId !== input.inspectionId) throw invalid('assessmentId', 'Bedömningen hör inte till tillsynen.');
    }
    return { inspectionId: input.inspectionId, assessmentId: input.assessmentId, lexCaseId: null, unitId: inspection.unitId, ...NO_STATEMENT };
  }
  if (input.inspectionId || input.assessmentId) {
    throw invalid('inspectionId', 'Bara en åtgärd med källan tillsyn eller IVO kan kopplas till en tillsyn.');
  }
  const unitId = input.unitId ?? null;
  if (unitId && !db.orm.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get()) {
    throw invalid('unitId', 'Enheten finns inte. Välj en enhet ur listan.');
  }
  if (input.source === 'sjalvskattning') {
    return { inspectionId: null, assessmentId: null, lexCaseId: null, unitId, riskId: null, analysisSessionId: null, councilItemId: null, ...resolveStatementLink(db, input) };
  }
  if (input.source === 'analysverkstad') {
    // A decided action may answer a risk (its unit then follows the risk) and record the session that decided it.
    const risk = input.riskId ? resolveRiskLink(db, { ...input, riskId: input.riskId }) : { riskId: null, unitId };
    return {
      inspectionId: null,
      assessmentId: null,
      lexCaseId: null,
      statementId: null,
      selfAssessmentYear: null,
      councilItemId: null,
      ...risk,
      analysisSessionId: resolveSessionLink(db, input, risk.unitId),
    };
  }
  if (input.source === 'kvalitetsrad') {
    return { inspectionId: null, assessmentId: null, lexCaseId: null, unitId, ...NO_STATEMENT, councilItemId: resolveCouncilLink(db, input, unitId) };
  }
  return { inspectionId: null, assessmentId: null, lexCaseId: null, unitId, ...NO_STATEMENT };
}

/**
 * A självskattning action answers one statement in one year's results (for one unit, or for all
 * units as a common development area when the unit is left out): the statement must be asked in
 * that year's template.
 */
function resolveStatementLink(db: AppDatabase, input: NewAction): { statementId: string; selfAssessmentYear: number } {
  if (!input.statementId || !input.selfAssessmentYear) {
    throw invalid('statementId', 'En åtgärd från självskattning ska höra till ett påstående och ett år. Välj påståendet.');
  }
  const asked = db.sqlite
    .prepare<[string, number], { id: string }>(
      `SELECT s.id FROM self_assessment_template_statements s JOIN self_assessment_templates t ON t.id = s.template_id
       WHERE s.statement_id = ? AND t.year = ?`,
    )
    .get(input.statementId, input.selfAssessmentYear);
  if (!asked) throw invalid('statementId', `Påståendet finns inte i självskattningen ${input.selfAssessmentYear}.`);
  return { statementId: input.statementId, selfAssessmentYear: input.selfAssessmentYear };
}

interface SessionScope {
  heldOn: string;
  operatingAreaId: string;
}

function sessionOf(db: AppDatabase, sessionId: string): SessionScope {
  const session = db.sqlite
    .prepare<[string], SessionScope>('SELECT held_on AS heldOn, operating_area_id AS operatingAreaId FROM analysis_sessions WHERE id = ?')
    .get(sessionId);
  if (!session) throw invalid('analysisSessionId', 'Analysverkstaden finns inte.');
  return session;
}

/** Every analysverkstad action has an owner, whether it answers a risk, a session or both. */
export const OWNER_REQUIRED = 'Ange vem som är ansvarig för åtgärden.';

/** A session's decided action is due on or after the session (it cannot be due before it was decided). */
function assertDeadlineFromSession(session: SessionScope, deadline: string | undefined): void {
  if (deadline && deadline < session.heldOn) {
    throw invalid('deadline', `Sista dag kan inte vara före analysverkstaden (${session.heldOn}).`);
  }
}

/**
 * An analysverkstad action has an owner (ansvarig). Decided at a session, its deadline is on or
 * after the session day and its unit (when it has one) belongs to the session's
 * verksamhetsområde and, for a session narrowed to some units, is one of them. (An action may
 * answer a risk instead of a session; actions made before sessions existed link to neither.)
 */
function resolveSessionLink(db: AppDatabase, input: NewAction, unitId: string | null): string | null {
  if (!input.responsible.trim()) throw invalid('responsible', OWNER_REQUIRED);
  if (!input.analysisSessionId) return null;
  const session = sessionOf(db, input.analysisSessionId);
  assertDeadlineFromSession(session, input.deadline);
  if (unitId) {
    const inScope = db.sqlite
      .prepare<[string, string, string, string], { ok: number }>(
        `SELECT 1 AS ok FROM units u WHERE u.id = ? AND u.operating_area_id = ?
           AND (NOT EXISTS (SELECT 1 FROM analysis_session_units WHERE session_id = ?)
                OR EXISTS (SELECT 1 FROM analysis_session_units WHERE session_id = ? AND unit_id = u.id))`,
      )
      .get(unitId, session.operatingAreaId, input.analysisSessionId, input.analysisSessionId);
    if (!inScope) throw invalid('unitId', 'Enheten hör inte till analysverkstadens verksamhetsområde eller enheter.');
  }
  return input.analysisSessionId;
}

/**
 * An analysverkstad action answering a risk: the risk exists, someone owns the action, and it is
 * not due before the risk's latest assessment (when it was decided). The unit is the risk's when
 * the risk concerns one unit; otherwise a unit of the risk's verksamhetsområde, or none.
 */
function resolveRiskLink(db: AppDatabase, input: NewAction & { riskId: string }): { riskId: string; unitId: string | null } {
  const risk = db.orm.select({ unitId: risks.unitId, operatingAreaId: risks.operatingAreaId }).from(risks).where(eq(risks.id, input.riskId)).get();
  if (!risk) throw invalid('riskId', 'Risken finns inte.');
  if (!input.responsible.trim()) throw invalid('responsible', OWNER_REQUIRED);
  const assessedOn = riskLatestAssessedOn(db, input.riskId);
  if (assessedOn && input.deadline < assessedOn) throw invalid('deadline', `Sista dag kan inte vara före riskens bedömning (${assessedOn}).`);
  if (risk.unitId) {
    if (input.unitId && input.unitId !== risk.unitId) throw invalid('unitId', 'Enheten ska vara den enhet risken gäller.');
    return { riskId: input.riskId, unitId: risk.unitId };
  }
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = db.orm.select({ areaId: units.operatingAreaId }).from(units).where(eq(units.id, unitId)).get();
    if (unit?.areaId !== risk.operatingAreaId) throw invalid('unitId', 'Enheten hör inte till riskens verksamhetsområde.');
  }
  return { riskId: input.riskId, unitId };
}

/**
 * A kvalitetsråd action is a decision at one point of a meeting's agenda: it has an owner and a
 * deadline not before the meeting, and a unit (when given) within the meeting's verksamhetsområde.
 */
function resolveCouncilLink(db: AppDatabase, input: NewAction, unitId: string | null): string | null {
  // Optional, as the session link is: a kvalitetsråd action written in Uppföljning, or from before
  // the meetings were kept here, stands on its written reason; a decision made in a meeting links its item.
  if (!input.councilItemId) return null;
  const item = db.sqlite
    .prepare<[string], { meetingDate: string; operatingAreaId: string | null }>(
      `SELECT m.meeting_date AS meetingDate, m.operating_area_id AS operatingAreaId
       FROM council_agenda_items i JOIN council_meetings m ON m.id = i.meeting_id WHERE i.id = ?`,
    )
    .get(input.councilItemId);
  if (!item) throw invalid('councilItemId', 'Punkten på dagordningen finns inte längre.');
  if (!input.responsible.trim()) throw invalid('responsible', 'Ange vem som är ansvarig för beslutet.');
  if (input.deadline < item.meetingDate) throw invalid('deadline', `Sista dag kan inte vara före mötet (${item.meetingDate}).`);
  if (unitId && item.operatingAreaId) {
    const unit = db.orm.select({ operatingAreaId: units.operatingAreaId }).from(units).where(eq(units.id, unitId)).get();
    if (unit?.operatingAreaId !== item.operatingAreaId) throw invalid('unitId', 'Enheten hör inte till mötets verksamhetsområde.');
  }
  return input.councilItemId;
}

/** Adds an action to the register; returns its id. */
export function createAction(db: AppDatabase, input: NewAction, updatedBy: string): string {
  const link = resolveLink(db, input);
  assertActionWritable(db, link.inspectionId);
  const status = input.status ?? 'oppen';
  const closingNote = (input.closingNote ?? '').trim();
  if (status === 'stangd' && !closingNote) throw invalid('closingNote', CLOSING_NOTE_REQUIRED);
  return db.orm
    .insert(actions)
    .values({
      source: input.source,
      description: input.description,
      reason: input.reason,
      ...link,
      responsible: input.responsible,
      deadline: input.deadline,
      status,
      followUpDate: input.followUpDate,
      closingNote,
      closedAt: status === 'stangd' ? (input.closedAt ?? new Date().toISOString()) : null,
      updatedBy,
    })
    .returning({ id: actions.id })
    .get().id;
}

export interface ActionPatch {
  description?: string | undefined;
  reason?: string | undefined;
  deadline?: string | undefined;
  responsible?: string | undefined;
  status?: ActionStatus | undefined;
  followUpDate?: string | null | undefined;
  closingNote?: string | undefined;
  providerPlanReceivedOn?: string | null | undefined;
  providerPlanSummary?: string | undefined;
  commissionerInformedOn?: string | null | undefined;
}

/**
 * The utförare's åtgärdsplan: a summary needs the day the plan came in. A plan coming in moves
 * an open action on to 'atgardsplan_inkommen' unless the same edit sets another status.
 */
function providerPlanStatus(current: ActionRecord, patch: ActionPatch): ActionStatus | undefined {
  const receivedOn = patch.providerPlanReceivedOn === undefined ? current.providerPlanReceivedOn : patch.providerPlanReceivedOn;
  const summary = (patch.providerPlanSummary ?? current.providerPlanSummary).trim();
  if (summary && !receivedOn) throw invalid('providerPlanReceivedOn', 'Ange datum då åtgärdsplanen kom in innan du sammanfattar den.');
  const planArrives = Boolean(patch.providerPlanReceivedOn) && !current.providerPlanReceivedOn;
  if (patch.status === undefined && planArrives && current.status === 'oppen') return 'atgardsplan_inkommen';
  return patch.status;
}

/**
 * Edits an action. Reaching 'stangd' needs a closing note (given now or kept) and stamps when;
 * leaving 'stangd' forgets when and the note (both stay in the audit trail).
 */
export function updateAction(db: AppDatabase, id: string, patch: ActionPatch, stamp: { updatedAt: string; updatedBy: string }): void {
  const current = loadAction(db, id);
  assertActionWritable(db, current.inspectionId);
  if (current.inspectionId) assertDatesAfterInspection(inspectionOf(db, current.inspectionId).startDate, patch);
  if (current.source === 'analysverkstad' && patch.responsible !== undefined && !patch.responsible.trim()) throw invalid('responsible', OWNER_REQUIRED);
  if (current.analysisSessionId) assertDeadlineFromSession(sessionOf(db, current.analysisSessionId), patch.deadline);
  if (current.lexCaseId) {
    for (const field of ['description', 'reason', 'closingNote'] as const) {
      if (looksLikePersonnummer(patch[field] ?? '')) throw invalid(field, PERSONNUMMER_MESSAGE);
    }
  }
  assertNotInFuture(patch, todayIso());
  const status = providerPlanStatus(current, patch) ?? current.status;
  const closingNote = (patch.closingNote ?? current.closingNote).trim();
  let closing: { closedAt?: string | null; closingNote?: string } = {};
  if (status === 'stangd' && current.status !== 'stangd') {
    if (!closingNote) throw invalid('closingNote', CLOSING_NOTE_REQUIRED);
    closing = { closedAt: new Date().toISOString(), closingNote };
  } else if (status !== 'stangd' && current.status === 'stangd') {
    closing = { closedAt: null, closingNote: '' };
  } else if (patch.closingNote !== undefined) {
    if (status === 'stangd' && !closingNote) throw invalid('closingNote', CLOSING_NOTE_REQUIRED);
    closing = { closingNote };
  }
  const { closingNote: _note, ...fields } = patch;
  db.orm.update(actions).set({ ...fields, status, ...closing, ...stamp }).where(eq(actions.id, id)).run();
}

export function closeAction(db: AppDatabase, id: string, closingNote: string, stamp: { updatedAt: string; updatedBy: string }): void {
  const current = loadAction(db, id);
  assertActionWritable(db, current.inspectionId);
  if (current.status === 'stangd') throw new AppError('conflict', 'Åtgärden är redan stängd.');
  updateAction(db, id, { status: 'stangd', closingNote }, stamp);
}

export function reopenAction(db: AppDatabase, id: string, status: Exclude<ActionStatus, 'stangd'>, stamp: { updatedAt: string; updatedBy: string }): void {
  const current = loadAction(db, id);
  assertActionWritable(db, current.inspectionId);
  if (current.status !== 'stangd') throw new AppError('conflict', 'Åtgärden är inte stängd.');
  updateAction(db, id, { status }, stamp);
}

export function addFollowUp(
  db: AppDatabase,
  actionId: string,
  note: { notedOn: string; note: string; notedBy: string },
  updatedBy: string,
): string {
  // Strict: a closed inspection's actions take no follow-up notes either, until it is reopened.
  assertActionWritable(db, loadAction(db, actionId).inspectionId);
  return db.orm
    .insert(actionFollowUps)
    .values({ actionId, notedOn: note.notedOn, note: note.note, notedBy: note.notedBy, updatedBy })
    .returning({ id: actionFollowUps.id })
    .get().id;
}

export function followUpCount(db: AppDatabase, actionId: string): number {
  return db.orm.select({ n: sql<number>`count(*)` }).from(actionFollowUps).where(eq(actionFollowUps.actionId, actionId)).get()?.n ?? 0;
}

/**
 * Removes an action made by mistake. One with follow-up notes has a history and stays (close it
 * instead); one of a closed inspection belongs to that inspection's record.
 */
export function deleteAction(db: AppDatabase, id: string): void {
  const current = loadAction(db, id);
  assertActionWritable(db, current.inspectionId);
  if (followUpCount(db, id) > 0) {
    throw new AppError('referenced', 'Åtgärden har uppföljningsanteckningar och kan inte tas bort. Stäng den i stället.');
  }
  db.orm.delete(actions).where(eq(actions.id, id)).run();
}
