// Handlers for the action register (åtgärdsregister): the list behind Uppföljning and the
// inspection record, and edits along öppen → åtgärdsplan inkommen → åtgärdad → verifierad →
// stängd (with a closing note), follow-up notes and reopening. Rules live in db/writes/actions.ts.
import { todayIso } from '../../shared/period.ts';
import { stamp } from '../../writes/stamp.ts';
import { addFollowUp, closeAction, createAction, deleteAction, reopenAction, updateAction } from '../../writes/actions.ts';
import { countActions, getAction, listActions, overdueActionsBySource } from '../../queries/actions.ts';
import type { Handlers } from '../handle.ts';

type ActionHandlers = Pick<
  Handlers,
  | 'actions.list'
  | 'actions.count'
  | 'actions.overdueBySource'
  | 'actions.get'
  | 'actions.create'
  | 'actions.update'
  | 'actions.addFollowUp'
  | 'actions.close'
  | 'actions.reopen'
  | 'actions.delete'
>;

export const actionHandlers: ActionHandlers = {
  'actions.list': (ctx, { first, ...query }) => listActions(ctx.session.db, query, todayIso(), first),

  'actions.count': (ctx, input) => countActions(ctx.session.db, input, todayIso()),

  'actions.overdueBySource': (ctx, { first }) => overdueActionsBySource(ctx.session.db, todayIso(), first),

  'actions.get': (ctx, { id }) => getAction(ctx.session.db, id, todayIso()),

  'actions.create': (ctx, input) => {
    const db = ctx.session.db;
    const id = createAction(db, input, stamp(ctx).updatedBy);
    return getAction(db, id, todayIso());
  },

  'actions.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    updateAction(db, id, patch, stamp(ctx));
    return getAction(db, id, todayIso());
  },

  'actions.addFollowUp': (ctx, { actionId, notedOn, note, notedBy }) => {
    const db = ctx.session.db;
    const { updatedBy } = stamp(ctx);
    addFollowUp(db, actionId, { notedOn, note, notedBy: notedBy?.trim() || updatedBy }, updatedBy);
    return getAction(db, actionId, todayIso());
  },

  'actions.close': (ctx, { id, closingNote }) => {
    const db = ctx.session.db;
    closeAction(db, id, closingNote, stamp(ctx));
    return getAction(db, id, todayIso());
  },

  'actions.reopen': (ctx, { id, status }) => {
    const db = ctx.session.db;
    reopenAction(db, id, status, stamp(ctx));
    return getAction(db, id, todayIso());
  },

  'actions.delete': (ctx, { id }) => {
    deleteAction(ctx.session.db, id);
    return { deleted: true as const };
  },
};
