// Handlers for kvalitetsråd meetings; rules in db/writes/council.ts, reads in db/queries/council.ts,
// the meeting pack in db/reports/councilPack.ts.
import { stamp } from '../../writes/stamp.ts';
import {
  addAgendaItem,
  createMeeting,
  deleteAgendaItem,
  deleteMeeting,
  freezeMeeting,
  reorderAgenda,
  setParticipants,
  updateAgendaItem,
  updateMeeting,
} from '../../writes/council.ts';
import { getMeeting, getMeetingView, listMeetings, nextMeeting } from '../../queries/council.ts';
import { councilAgendaDocument, councilMinutesDocument } from '../../reports/councilPack.ts';
import { todayIso } from '../../shared/period.ts';
import { AppError } from '../../errors.ts';
import type { ApiContext, Handlers } from '../handle.ts';
import { docxDownload, pdfDownload } from '../../io/renderers.ts';

type CouncilHandlers = Pick<Handlers, Extract<keyof Handlers, `council.${string}`>>;

function view(ctx: ApiContext, id: string) {
  return getMeetingView(ctx.session.db, id, todayIso());
}

function meetingOfItem(ctx: ApiContext, itemId: string): string {
  const row = ctx.session.db.sqlite.prepare<[string], { meetingId: string }>('SELECT meeting_id AS meetingId FROM council_agenda_items WHERE id = ?').get(itemId);
  if (!row) throw new AppError('not_found', 'Punkten på dagordningen finns inte längre.');
  return row.meetingId;
}

export const councilHandlers: CouncilHandlers = {
  'council.list': (ctx) => listMeetings(ctx.session.db),
  'council.next': (ctx) => ({ meeting: nextMeeting(ctx.session.db, todayIso()) }),
  'council.get': (ctx, { id }) => view(ctx, id),
  'council.create': (ctx, input) => getMeeting(ctx.session.db, createMeeting(ctx.session.db, input, stamp(ctx).updatedBy)),
  'council.update': (ctx, { id, patch }) => {
    updateMeeting(ctx.session.db, id, patch, stamp(ctx));
    return view(ctx, id);
  },
  'council.delete': (ctx, { id }) => {
    deleteMeeting(ctx.session.db, id);
    return { deleted: true as const };
  },
  'council.setParticipants': (ctx, { meetingId, participants }) => {
    setParticipants(ctx.session.db, meetingId, participants, stamp(ctx).updatedBy);
    return view(ctx, meetingId);
  },
  'council.addItem': (ctx, { meetingId, item }) => {
    addAgendaItem(ctx.session.db, meetingId, item, stamp(ctx).updatedBy);
    return view(ctx, meetingId);
  },
  'council.updateItem': (ctx, { id, patch }) => {
    updateAgendaItem(ctx.session.db, id, patch, stamp(ctx));
    const row = ctx.session.db.sqlite
      .prepare<[string], { id: string; heading: string; body: string; notes: string }>('SELECT id, heading, body, notes FROM council_agenda_items WHERE id = ?')
      .get(id);
    if (!row) throw new AppError('not_found', 'Punkten på dagordningen finns inte längre.');
    return row;
  },
  'council.reorderItems': (ctx, { meetingId, itemIds }) => {
    reorderAgenda(ctx.session.db, meetingId, itemIds, stamp(ctx));
    return view(ctx, meetingId);
  },
  'council.deleteItem': (ctx, { id }) => {
    const meetingId = meetingOfItem(ctx, id);
    deleteAgendaItem(ctx.session.db, id, stamp(ctx));
    return view(ctx, meetingId);
  },
  'council.freeze': (ctx, { meetingId }) => {
    freezeMeeting(ctx.session.db, meetingId, stamp(ctx));
    return view(ctx, meetingId);
  },
  'council.agendaPdf': (ctx, { id }) => pdfDownload(councilAgendaDocument(view(ctx, id))),
  'council.minutesPdf': (ctx, { id }) => pdfDownload(councilMinutesDocument(view(ctx, id))),
  'council.minutesDocx': (ctx, { id }) => docxDownload(councilMinutesDocument(view(ctx, id))),
};
