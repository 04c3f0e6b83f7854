// Handlers for required actions (åtgärdskrav): the follow-up list with overdue flags, and edits
// along the workflow öppen → åtgärdsplan inkommen → åtgärdad → verifierad → stängd.
import { eq } from 'drizzle-orm';
import { assessments, inspections, requiredActions } from '../../schema/inspections.ts';
import { AppError } from '../../errors.ts';
import { stamp } from '../../writes/stamp.ts';
import { todayIso } from '../../shared/period.ts';
import { getAction, listActions } from '../../queries/inspections.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';

type ActionHandlers = Pick<Handlers, 'actions.list' | 'actions.create' | 'actions.update' | 'actions.delete'>;

function inspectionStart(db: AppDatabase, inspectionId: string): string {
  const row = db.orm.select({ startDate: inspections.startDate }).from(inspections).where(eq(inspections.id, inspectionId)).get();
  if (!row) throw new AppError('invalid_input', 'Tillsynen finns inte.', '', [{ field: 'inspectionId', message: 'Tillsynen finns inte.' }]);
  return row.startDate;
}

function assertDeadline(deadline: string, startDate: string): void {
  if (deadline < startDate) {
    const message = `Sista dag kan inte vara före tillsynen (${startDate}).`;
    throw new AppError('invalid_input', message, '', [{ field: 'deadline', message }]);
  }
}

function assertFollowUp(followUpDate: string | null | undefined, startDate: string): void {
  if (followUpDate && followUpDate < startDate) {
    const message = `Uppföljningsdatum kan inte vara före tillsynen (${startDate}).`;
    throw new AppError('invalid_input', message, '', [{ field: 'followUpDate', message }]);
  }
}

export const actionHandlers: ActionHandlers = {
  'actions.list': (ctx, input) => listActions(ctx.session.db, input, todayIso()),

  'actions.create': (ctx, input) => {
    const db = ctx.session.db;
    const startDate = inspectionStart(db, input.inspectionId);
    assertDeadline(input.deadline, startDate);
    if (input.assessmentId) {
      const assessment = db.orm
        .select({ inspectionId: assessments.inspectionId })
        .from(assessments)
        .where(eq(assessments.id, input.assessmentId))
        .get();
      if (assessment?.inspectionId !== input.inspectionId) {
        throw new AppError('invalid_input', 'Bedömningen hör inte till tillsynen.', '', [
          { field: 'assessmentId', message: 'Bedömningen hör inte till tillsynen.' },
        ]);
      }
    }
    const row = db.orm
      .insert(requiredActions)
      .values({ ...input, updatedBy: stamp(ctx).updatedBy })
      .returning({ id: requiredActions.id })
      .get();
    return getAction(db, row.id, todayIso());
  },

  'actions.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    const today = todayIso();
    const current = getAction(db, id, today);
    if (patch.deadline !== undefined) assertDeadline(patch.deadline, current.inspectionDate);
    assertFollowUp(patch.followUpDate, current.inspectionDate);
    // Closing stamps when; reopening a closed action forgets it.
    const closedAt =
      patch.status === undefined || patch.status === current.status
        ? {}
        : { closedAt: patch.status === 'stangd' ? new Date().toISOString() : null };
    db.orm.update(requiredActions).set({ ...patch, ...closedAt, ...stamp(ctx) }).where(eq(requiredActions.id, id)).run();
    return getAction(db, id, today);
  },

  'actions.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    const current = getAction(db, id, todayIso());
    if (current.inspectionStatus === 'avslutad') {
      throw new AppError('read_only', 'Tillsynen är avslutad. Öppna den igen för att ta bort åtgärdskrav.');
    }
    db.orm.delete(requiredActions).where(eq(requiredActions.id, id)).run();
    return { deleted: true as const };
  },
};
