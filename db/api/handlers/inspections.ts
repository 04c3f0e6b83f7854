// Handlers for the inspection record: create it with its assessments pinned to the requirement
// versions in force, autosave each field, judge each requirement, close and reopen.
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  assessments,
  inspectionInspectors,
  inspections,
  inspectionThemes,
  inspectors,
  qualityRequirementVersions,
} from '../../schema/inspections.ts';
import { actionFollowUps, actions } from '../../schema/actions.ts';
import { units } from '../../schema/organisation.ts';
import { addMonths, todayIso } from '../../shared/period.ts';
import { canCloseInspection } from '../../domain/overdue.ts';
import { AppError } from '../../errors.ts';
import { stamp } from '../../writes/stamp.ts';
import { getAssessment, getInspection, inspectionProgressOf, listInspections } from '../../queries/inspections.ts';
import { getAction } from '../../queries/actions.ts';
import { createAction } from '../../writes/actions.ts';
import { assertInspectionOpen } from '../../writes/closedInspection.ts';
import { openPlanEntryId, planEntryLinkState, type PlanLinkQuery } from '../../queries/planLink.ts';
import { getPlanEntry } from '../../queries/plan.ts';
import type { AppDatabase } from '../../open.ts';
import type { ApiContext, Handlers } from '../handle.ts';
import type { AssessmentResult } from '../../domain/codes.ts';
import type { AssessmentRow, inspectionPatch } from '../tillsynInspection.contract.ts';
import type { z } from 'zod';
import type { ActionRow } from '../actions.contract.ts';

type InspectionHandlers = Pick<
  Handlers,
  | 'inspections.list'
  | 'inspections.get'
  | 'inspections.create'
  | 'inspections.update'
  | 'inspections.close'
  | 'inspections.reopen'
  | 'inspections.planLink'
  | 'inspections.delete'
  | 'assessments.update'
>;

/** Months the provider gets to remedy a shortfall unless the inspector sets another deadline. */
export const DEFAULT_ACTION_MONTHS = 3;

const SHORTFALL: readonly AssessmentResult[] = ['delvis_uppfyllt', 'ej_uppfyllt'];

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

function assertUnit(db: AppDatabase, unitId: string): { manager: string } {
  const unit = db.orm.select({ manager: units.manager }).from(units).where(eq(units.id, unitId)).get();
  if (!unit) throw invalid('unitId', 'Enheten finns inte. Välj en enhet ur listan.');
  return unit;
}

function assertInspectors(db: AppDatabase, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = db.orm.select({ id: inspectors.id }).from(inspectors).where(inArray(inspectors.id, unique)).all();
  if (found.length !== unique.length) throw invalid('inspectorIds', 'En av tillsynshandläggarna finns inte längre. Välj bland dem som finns.');
  return unique;
}

function assertTheme(db: AppDatabase, themeId: string | null): void {
  if (themeId && !db.orm.select({ id: inspectionThemes.id }).from(inspectionThemes).where(eq(inspectionThemes.id, themeId)).get()) {
    throw invalid('themeId', 'Temat för tematisk tillsyn finns inte.');
  }
}

/**
 * The plan entry a new inspection is linked to: the one named (checked), else the unit's open
 * entry of the same kind in the cycle of its start date (db/queries/planLink.ts).
 */
function planEntryFor(db: AppDatabase, input: PlanLinkQuery & { planEntryId: string | null }): string | null {
  if (!input.planEntryId) return openPlanEntryId(db, input);
  const entry = planEntryLinkState(db, input.planEntryId);
  if (!entry) throw invalid('planEntryId', 'Planeringen som tillsynen hör till finns inte.');
  if (entry.unitId !== input.unitId) throw invalid('planEntryId', 'Planeringen gäller en annan enhet.');
  if (entry.inspectionId) throw new AppError('conflict', 'Den planerade tillsynen är redan påbörjad. Öppna den från planen i stället.');
  if (input.origin === 'ivo') throw invalid('origin', 'En IVO-tillsyn kan inte kopplas till tillsynsenhetens plan.');
  if (entry.inspectionType !== input.inspectionType) throw invalid('inspectionType', 'Typen av tillsyn ska vara den planerade.');
  return input.planEntryId;
}

function assertDateOrder(startDate: string, endDate: string | null, field: 'startDate' | 'endDate'): void {
  if (endDate && endDate < startDate) {
    throw invalid(field, field === 'endDate' ? 'Slutdatum kan inte vara före startdatum.' : 'Startdatum kan inte vara efter slutdatum.');
  }
}

/** The versions to assess: the given versions, plus the current (highest) version of each given requirement. */
function resolveVersions(db: AppDatabase, versionIds: readonly string[], requirementIds: readonly string[]): string[] {
  const result = new Set<string>();
  if (versionIds.length) {
    const found = db.orm
      .select({ id: qualityRequirementVersions.id })
      .from(qualityRequirementVersions)
      .where(inArray(qualityRequirementVersions.id, [...new Set(versionIds)]))
      .all();
    if (found.length !== new Set(versionIds).size) throw invalid('requirementVersionIds', 'Ett av kvalitetskraven finns inte längre.');
    for (const { id } of found) result.add(id);
  }
  for (const requirementId of new Set(requirementIds)) {
    const current = db.orm
      .select({ id: qualityRequirementVersions.id })
      .from(qualityRequirementVersions)
      .where(eq(qualityRequirementVersions.requirementId, requirementId))
      .orderBy(sql`${qualityRequirementVersions.version} DESC`)
      .get();
    if (!current) throw invalid('requirementIds', 'Ett av kvalitetskraven finns inte längre.');
    result.add(current.id);
  }
  // One assessment per requirement, even if two versions of it were named.
  const byRequirement = new Map<string, string>();
  for (const versionId of result) {
    const v = db.orm
      .select({ requirementId: qualityRequirementVersions.requirementId })
      .from(qualityRequirementVersions)
      .where(eq(qualityRequirementVersions.id, versionId))
      .get();
    if (v && byRequirement.has(v.requirementId)) throw invalid('requirementVersionIds', 'Samma kvalitetskrav kan bara bedömas en gång per tillsyn.');
    if (v) byRequirement.set(v.requirementId, versionId);
  }
  return [...result];
}

/** Before the start date the inspection is planned; from then on it is in progress until closed. */
function openStatus(startDate: string, today: string): 'planerad' | 'pagaende' {
  return startDate > today ? 'planerad' : 'pagaende';
}

function loadInspection(db: AppDatabase, id: string) {
  const row = db.orm.select().from(inspections).where(eq(inspections.id, id)).get();
  if (!row) throw new AppError('not_found', 'Tillsynen finns inte längre (den kan ha tagits bort).');
  return row;
}

function setInspectors(db: AppDatabase, ctx: ApiContext, inspectionId: string, ids: readonly string[]): void {
  const wanted = new Set(assertInspectors(db, ids));
  const existing = db.orm
    .select({ id: inspectionInspectors.id, inspectorId: inspectionInspectors.inspectorId })
    .from(inspectionInspectors)
    .where(eq(inspectionInspectors.inspectionId, inspectionId))
    .all();
  for (const row of existing) {
    if (!wanted.has(row.inspectorId)) db.orm.delete(inspectionInspectors).where(eq(inspectionInspectors.id, row.id)).run();
    wanted.delete(row.inspectorId);
  }
  for (const inspectorId of wanted) {
    db.orm.insert(inspectionInspectors).values({ inspectionId, inspectorId, updatedBy: stamp(ctx).updatedBy }).run();
  }
}

function actionDescription(code: string, title: string, observation: string): string {
  const text = observation.trim() ? `${code} ${title}: ${observation.trim()}` : `${code} ${title}`;
  return text.slice(0, 4000);
}

interface AutoAction {
  description: string;
  deadline: string;
  responsible: string;
}

/** What the app writes into a required action for a shortfall, before anyone edits it. */
function autoAction(db: AppDatabase, assessment: AssessmentRow): AutoAction & { inspectionId: string } {
  const inspection = loadInspection(db, assessment.inspectionId);
  const { manager } = assertUnit(db, inspection.unitId);
  return {
    inspectionId: inspection.id,
    description: actionDescription(assessment.code, assessment.title, assessment.observation),
    deadline: addMonths(inspection.startDate, DEFAULT_ACTION_MONTHS),
    responsible: manager,
  };
}

/**
 * Actions of the assessment still exactly as the app wrote them (for its current observation):
 * nobody has edited them or noted a follow-up, so replacing or removing them loses nothing.
 */
function untouchedActionIds(db: AppDatabase, assessment: AssessmentRow): string[] {
  const auto = autoAction(db, assessment);
  return db.orm
    .select()
    .from(actions)
    .where(and(eq(actions.assessmentId, assessment.id), sql`NOT EXISTS (SELECT 1 FROM ${actionFollowUps} f WHERE f.action_id = ${actions.id})`))
    .all()
    .filter(
      (a) =>
        a.status === 'oppen' &&
        a.followUpDate === null &&
        a.description === auto.description &&
        a.deadline === auto.deadline &&
        a.responsible === auto.responsible &&
        a.reason === '',
    )
    .map((a) => a.id);
}

/**
 * A shortfall gets a tillsyn action in the register in the same transaction, unless the
 * assessment already has one: deadline three months after the inspection, the unit's
 * enhetschef responsible.
 */
function ensureActionForShortfall(db: AppDatabase, ctx: ApiContext, assessment: AssessmentRow): string | null {
  const existing = db.orm.select({ id: actions.id }).from(actions).where(eq(actions.assessmentId, assessment.id)).get();
  if (existing) return null;
  return createAction(
    db,
    { source: 'tillsyn', ...autoAction(db, assessment), reason: '', followUpDate: null, assessmentId: assessment.id },
    stamp(ctx).updatedBy,
  );
}

type InspectionRecord = ReturnType<typeof loadInspection>;
type InspectionFields = Omit<z.infer<typeof inspectionPatch>, 'inspectorIds'>;

const IVO_FIELDS = ['ivoDecisionDate', 'ivoCaseNumber', 'ivoAnswerSentAt'] as const;

/**
 * An IVO case's fields belong to an inspection IVO initiated; its dates have happened (not after
 * today) and the answer follows the decision. An inspection with IVO's requirements stays IVO's.
 */
function assertIvoCase(db: AppDatabase, current: InspectionRecord, fields: InspectionFields, today: string): void {
  const origin = fields.origin ?? current.origin;
  if (origin !== 'ivo') {
    const given = IVO_FIELDS.find((f) => fields[f] !== undefined && fields[f] !== null && fields[f] !== '');
    if (given) throw invalid(given, 'Uppgifter om IVO-ärendet kan bara anges för en tillsyn som IVO har tagit initiativ till (Initiativ: IVO).');
    if (current.origin === 'ivo') {
      const ivoActions = db.orm.select({ n: sql<number>`count(*)` }).from(actions).where(and(eq(actions.inspectionId, current.id), eq(actions.source, 'ivo'))).get()?.n ?? 0;
      if (ivoActions > 0) throw invalid('origin', `Tillsynen har ${ivoActions} krav från IVO i åtgärdsregistret och måste förbli ett IVO-ärende.`);
    }
    return;
  }
  const decision = fields.ivoDecisionDate === undefined ? current.ivoDecisionDate : fields.ivoDecisionDate;
  const answer = fields.ivoAnswerSentAt === undefined ? current.ivoAnswerSentAt : fields.ivoAnswerSentAt;
  if (fields.ivoDecisionDate && fields.ivoDecisionDate > today) throw invalid('ivoDecisionDate', `IVO:s beslutsdatum kan inte vara senare än i dag (${today}).`);
  if (fields.ivoAnswerSentAt && fields.ivoAnswerSentAt > today) throw invalid('ivoAnswerSentAt', `Svaret till IVO kan inte ha skickats senare än i dag (${today}).`);
  if (decision && answer && answer < decision) {
    const field = fields.ivoAnswerSentAt !== undefined ? 'ivoAnswerSentAt' : 'ivoDecisionDate';
    throw invalid(field, `Svaret till IVO kan inte ha skickats före IVO:s beslut (${decision}).`);
  }
}

export const inspectionHandlers: InspectionHandlers = {
  'inspections.list': (ctx, input) => listInspections(ctx.session.db, input, todayIso()),

  'inspections.get': (ctx, { id }) => getInspection(ctx.session.db, id, todayIso()),

  'inspections.create': (ctx, input) => {
    const db = ctx.session.db;
    const today = todayIso();
    assertUnit(db, input.unitId);
    assertTheme(db, input.themeId);
    assertDateOrder(input.startDate, input.endDate, 'endDate');
    const inspectionType = input.themeId && input.inspectionType === 'ordinarie' ? 'tematisk' : input.inspectionType;
    const planEntryId = planEntryFor(db, { ...input, inspectionType });
    const versionIds = resolveVersions(db, input.requirementVersionIds, input.requirementIds);
    const by = stamp(ctx).updatedBy;
    const row = db.orm
      .insert(inspections)
      .values({
        unitId: input.unitId,
        planEntryId,
        themeId: input.themeId,
        inspectionType,
        origin: input.origin,
        announced: input.announced,
        startDate: input.startDate,
        endDate: input.endDate,
        status: openStatus(input.startDate, today),
        updatedBy: by,
      })
      .returning({ id: inspections.id })
      .get();
    setInspectors(db, ctx, row.id, input.inspectorIds);
    for (const requirementVersionId of versionIds) {
      db.orm.insert(assessments).values({ inspectionId: row.id, requirementVersionId, updatedBy: by }).run();
    }
    return getInspection(db, row.id, today);
  },

  'inspections.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    const today = todayIso();
    const current = loadInspection(db, id);
    assertInspectionOpen(db, id);
    const { inspectorIds, ...fields } = patch;
    assertIvoCase(db, current, fields, today);
    const startDate = fields.startDate ?? current.startDate;
    const endDate = fields.endDate === undefined ? current.endDate : fields.endDate;
    assertDateOrder(startDate, endDate, fields.startDate !== undefined ? 'startDate' : 'endDate');
    if (fields.themeId !== undefined) assertTheme(db, fields.themeId);
    if (fields.startDate !== undefined) {
      const early = db.orm
        .select({ n: sql<number>`count(*)` })
        .from(actions)
        .where(and(eq(actions.inspectionId, id), sql`${actions.deadline} < ${startDate}`))
        .get();
      if ((early?.n ?? 0) > 0) {
        throw invalid('startDate', 'Ett åtgärdskrav har sista dag före det nya startdatumet. Ändra åtgärdskravets datum först.');
      }
    }
    if (inspectorIds !== undefined) setInspectors(db, ctx, id, inspectorIds);
    db.orm
      .update(inspections)
      .set({ ...fields, ...(fields.startDate !== undefined ? { status: openStatus(startDate, today) } : {}), ...stamp(ctx) })
      .where(eq(inspections.id, id))
      .run();
    return getInspection(db, id, today);
  },

  'inspections.close': (ctx, { id, closeNote }) => {
    const db = ctx.session.db;
    const today = todayIso();
    const current = loadInspection(db, id);
    if (current.status === 'avslutad') throw new AppError('conflict', 'Tillsynen är redan avslutad.');
    if (current.startDate > today) throw invalid('startDate', 'En tillsyn som inte har börjat kan inte avslutas.');
    const inspectionActions = db.orm.select({ status: actions.status }).from(actions).where(eq(actions.inspectionId, id)).all();
    const check = canCloseInspection(inspectionActions, closeNote);
    if (!check.ok) {
      const message =
        check.openCount === 1
          ? 'Ett åtgärdskrav är inte stängt. Ange ett skäl för att avsluta tillsynen ändå.'
          : `${check.openCount} åtgärdskrav är inte stängda. Ange ett skäl för att avsluta tillsynen ändå.`;
      throw new AppError('conflict', message, `${check.openCount} open actions`, [{ field: 'closeNote', message }]);
    }
    db.orm
      .update(inspections)
      .set({ status: 'avslutad', closedAt: new Date().toISOString(), closeNote: (closeNote ?? '').trim(), ...stamp(ctx) })
      .where(eq(inspections.id, id))
      .run();
    return getInspection(db, id, today);
  },

  'inspections.reopen': (ctx, { id, reason }) => {
    const db = ctx.session.db;
    const today = todayIso();
    const current = loadInspection(db, id);
    if (current.status !== 'avslutad') throw new AppError('conflict', 'Tillsynen är inte avslutad.');
    // The reason is a column, so the audit trail's entry for this update carries it with the status change.
    db.orm
      .update(inspections)
      .set({ status: openStatus(current.startDate, today), closedAt: null, closeNote: '', reopenReason: reason, ...stamp(ctx) })
      .where(eq(inspections.id, id))
      .run();
    return getInspection(db, id, today);
  },

  'inspections.planLink': (ctx, input) => {
    const db = ctx.session.db;
    const today = todayIso();
    const entryId = openPlanEntryId(db, input);
    const ordinaryId = input.inspectionType === 'ordinarie' && input.origin === 'egen' ? null : openPlanEntryId(db, { ...input, origin: 'egen', inspectionType: 'ordinarie' });
    return {
      entry: entryId ? getPlanEntry(db, entryId, today) : null,
      ordinaryEntry: ordinaryId ? getPlanEntry(db, ordinaryId, today) : null,
    };
  },

  'inspections.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    loadInspection(db, id);
    assertInspectionOpen(db, id);
    const actionCount = db.orm.select({ n: sql<number>`count(*)` }).from(actions).where(eq(actions.inspectionId, id)).get()?.n ?? 0;
    const assessed =
      db.orm
        .select({ n: sql<number>`count(*)` })
        .from(assessments)
        .where(and(eq(assessments.inspectionId, id), sql`(${assessments.result} <> 'ej_bedomt' OR ${assessments.observation} <> '')`))
        .get()?.n ?? 0;
    if (actionCount > 0 || assessed > 0) {
      const parts = [
        assessed > 0 ? `${assessed} ${assessed === 1 ? 'bedömt kvalitetskrav' : 'bedömda kvalitetskrav'}` : '',
        actionCount > 0 ? `${actionCount} åtgärdskrav` : '',
      ].filter(Boolean);
      throw new AppError(
        'referenced',
        `Tillsynen har ${parts.join(' och ')} och kan inte tas bort – de hör till tillsynshistoriken. Avsluta tillsynen i stället.`,
      );
    }
    db.orm.delete(assessments).where(eq(assessments.inspectionId, id)).run();
    db.orm.delete(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, id)).run();
    db.orm.delete(inspections).where(eq(inspections.id, id)).run();
    return { deleted: true as const };
  },

  'assessments.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    const today = todayIso();
    const before = getAssessment(db, id);
    assertInspectionOpen(db, before.inspectionId);
    const untouched = untouchedActionIds(db, before);
    db.orm.update(assessments).set({ ...patch, ...stamp(ctx) }).where(eq(assessments.id, id)).run();
    const after = getAssessment(db, id);
    let createdAction: ActionRow | null = null;
    let removedActionIds: string[] = [];
    if (SHORTFALL.includes(after.result)) {
      const actionId = ensureActionForShortfall(db, ctx, after);
      if (actionId) createdAction = getAction(db, actionId, today);
      // The observation is often written after the result: an untouched action follows it.
      else if (untouched.length && after.observation !== before.observation) {
        const { description } = autoAction(db, after);
        db.orm.update(actions).set({ description, ...stamp(ctx) }).where(inArray(actions.id, untouched)).run();
      }
    } else if (after.result !== before.result && untouched.length) {
      // Undoes a mis-click: an action nobody has touched goes when the shortfall goes.
      db.orm.delete(actions).where(inArray(actions.id, untouched)).run();
      removedActionIds = untouched;
    }
    return { assessment: after, createdAction, removedActionIds, inspectionProgress: inspectionProgressOf(db, after.inspectionId, today) };
  },
};

