// Handlers for analysverkstad sessions; rules in db/writes/analysis.ts (sessions, participants,
// agenda) and db/writes/actions.ts (decided actions), reads in db/queries/analysis.ts. Every
// write answers with the whole session, so the page shows what was stored.
import { todayIso } from '../../shared/period.ts';
import { stamp } from '../../writes/stamp.ts';
import {
  addAgendaItem,
  addAnalysis,
  addSessionRisk,
  linkRisk,
  unlinkRisk,
  addParticipant,
  createAnalysisSession,
  deleteAnalysisSession,
  moveAgendaItem,
  removeAgendaItem,
  removeParticipant,
  updateAgendaItem,
  updateAnalysisSession,
  updateParticipant,
} from '../../writes/analysis.ts';
import { getAnalysisSession, listAnalysisSessions, sessionIdOf } from '../../queries/analysis.ts';
import { analysisProtocol } from '../../reports/analysisProtocol.ts';
import { docxDownload, pdfDownload } from '../../io/renderers.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';

type AnalysisHandlers = Pick<
  Handlers,
  | 'analysis.list'
  | 'analysis.get'
  | 'analysis.create'
  | 'analysis.update'
  | 'analysis.delete'
  | 'analysis.addParticipant'
  | 'analysis.updateParticipant'
  | 'analysis.removeParticipant'
  | 'analysis.addAgendaItem'
  | 'analysis.updateAgendaItem'
  | 'analysis.moveAgendaItem'
  | 'analysis.removeAgendaItem'
  | 'analysis.addAnalysis'
  | 'analysis.addRisk'
  | 'analysis.linkRisk'
  | 'analysis.unlinkRisk'
  | 'analysis.protocolPdf'
  | 'analysis.protocolDocx'
>;

const session = (db: AppDatabase, id: string) => getAnalysisSession(db, id, todayIso());
const participantSession = (db: AppDatabase, id: string) => sessionIdOf(db, 'analysis_session_participants', id);
const itemSession = (db: AppDatabase, id: string) => sessionIdOf(db, 'analysis_agenda_items', id);

export const analysisHandlers: AnalysisHandlers = {
  'analysis.list': (ctx, input) => listAnalysisSessions(ctx.session.db, input),
  'analysis.get': (ctx, { id }) => session(ctx.session.db, id),
  'analysis.create': (ctx, input) => session(ctx.session.db, createAnalysisSession(ctx.session.db, input, stamp(ctx).updatedBy)),
  'analysis.update': (ctx, { id, patch }) => {
    updateAnalysisSession(ctx.session.db, id, patch, stamp(ctx));
    return session(ctx.session.db, id);
  },
  'analysis.delete': (ctx, { id }) => {
    deleteAnalysisSession(ctx.session.db, id);
    return { deleted: true as const };
  },
  'analysis.addParticipant': (ctx, { sessionId, ...values }) => {
    addParticipant(ctx.session.db, sessionId, values, stamp(ctx).updatedBy);
    return session(ctx.session.db, sessionId);
  },
  'analysis.updateParticipant': (ctx, { id, patch }) => {
    const sessionId = participantSession(ctx.session.db, id);
    updateParticipant(ctx.session.db, id, patch, stamp(ctx));
    return session(ctx.session.db, sessionId);
  },
  'analysis.removeParticipant': (ctx, { id }) => {
    const sessionId = participantSession(ctx.session.db, id);
    removeParticipant(ctx.session.db, id);
    return session(ctx.session.db, sessionId);
  },
  'analysis.addAgendaItem': (ctx, { sessionId, ...values }) => {
    addAgendaItem(ctx.session.db, sessionId, values, stamp(ctx).updatedBy);
    return session(ctx.session.db, sessionId);
  },
  'analysis.updateAgendaItem': (ctx, { id, patch }) => {
    const sessionId = itemSession(ctx.session.db, id);
    updateAgendaItem(ctx.session.db, id, patch, stamp(ctx));
    return session(ctx.session.db, sessionId);
  },
  'analysis.moveAgendaItem': (ctx, { id, direction }) => {
    const sessionId = itemSession(ctx.session.db, id);
    moveAgendaItem(ctx.session.db, id, direction, stamp(ctx));
    return session(ctx.session.db, sessionId);
  },
  'analysis.removeAgendaItem': (ctx, { id }) => {
    const sessionId = itemSession(ctx.session.db, id);
    removeAgendaItem(ctx.session.db, id);
    return session(ctx.session.db, sessionId);
  },
  'analysis.addAnalysis': (ctx, { sessionId, name, params }) => {
    addAnalysis(ctx.session.db, sessionId, { name, params }, todayIso(), stamp(ctx).updatedBy);
    return session(ctx.session.db, sessionId);
  },
  'analysis.addRisk': (ctx, { sessionId, ...risk }) => {
    addSessionRisk(ctx.session.db, sessionId, risk, todayIso(), stamp(ctx).updatedBy);
    return session(ctx.session.db, sessionId);
  },
  'analysis.linkRisk': (ctx, { sessionId, riskId }) => {
    linkRisk(ctx.session.db, sessionId, riskId, stamp(ctx).updatedBy);
    return session(ctx.session.db, sessionId);
  },
  'analysis.unlinkRisk': (ctx, { sessionId, riskId }) => {
    unlinkRisk(ctx.session.db, sessionId, riskId);
    return session(ctx.session.db, sessionId);
  },
  'analysis.protocolPdf': (ctx, { id }) => pdfDownload(analysisProtocol(ctx.session.db, id, todayIso())),
  'analysis.protocolDocx': (ctx, { id }) => docxDownload(analysisProtocol(ctx.session.db, id, todayIso())),
};
