// Reading analysverkstad sessions as the contract's rows: the list with each session's decided
// actions counted, and one session with its participants, agenda, actions and the previous
// session of the same verksamhetsområde (its actions as they stand today, and its frozen analyses
// to compare this session's with). Shared by the handlers, the protocol and the demo.
import { swedishCompare } from '../shared/collation.ts';
import { AppError } from '../errors.ts';
import { listActions } from './actions.ts';
import { listRisks } from './risks.ts';
import type { AppDatabase } from '../open.ts';
import type {
  AnalysisAgendaItemRow,
  AnalysisParticipantRow,
  AnalysisSessionDetail,
  AnalysisSessionListRow,
  PreviousAnalysisSession,
} from '../api/analysis.contract.ts';

type RawSession = Omit<AnalysisSessionListRow, 'units'> & { notes: string };

const SESSION_SQL = `
  SELECT s.id, s.held_on AS heldOn, s.title, s.status, s.operating_area_id AS operatingAreaId, a.name AS operatingAreaName,
         s.notes, s.updated_at AS updatedAt,
         count(CASE WHEN r.status <> 'stangd' THEN 1 END) AS openActionCount,
         count(CASE WHEN r.status = 'stangd' THEN 1 END) AS closedActionCount
  FROM analysis_sessions s
  JOIN operating_areas a ON a.id = s.operating_area_id
  LEFT JOIN actions r ON r.analysis_session_id = s.id`;

/** The units each session is narrowed to, for every session at once (one query). */
function unitsBySession(db: AppDatabase, sessionId?: string): Map<string, { id: string; name: string }[]> {
  const rows = db.sqlite
    .prepare<string[], { sessionId: string; id: string; name: string }>(
      `SELECT su.session_id AS sessionId, u.id, u.name FROM analysis_session_units su JOIN units u ON u.id = su.unit_id
       ${sessionId ? 'WHERE su.session_id = ?' : ''}`,
    )
    .all(...(sessionId ? [sessionId] : []));
  const map = new Map<string, { id: string; name: string }[]>();
  for (const { sessionId: key, id, name } of rows) {
    const list = map.get(key);
    if (list) list.push({ id, name });
    else map.set(key, [{ id, name }]);
  }
  for (const list of map.values()) list.sort((a, b) => swedishCompare(a.name, b.name));
  return map;
}

/** Sessions, newest first; optionally of one verksamhetsområde. */
export function listAnalysisSessions(db: AppDatabase, query: { operatingAreaId?: string | undefined } = {}): AnalysisSessionListRow[] {
  const where = query.operatingAreaId ? 'WHERE s.operating_area_id = ?' : '';
  const raws = db.sqlite
    .prepare<string[], RawSession>(`${SESSION_SQL} ${where} GROUP BY s.id ORDER BY s.held_on DESC, s.id DESC`)
    .all(...(query.operatingAreaId ? [query.operatingAreaId] : []));
  const units = unitsBySession(db);
  return raws.map(({ notes: _notes, ...raw }) => ({ ...raw, units: units.get(raw.id) ?? [] }));
}

function sessionRow(db: AppDatabase, id: string): AnalysisSessionListRow & { notes: string } {
  const raw = db.sqlite
    .prepare<[string], RawSession>(`${SESSION_SQL} WHERE s.id = ? GROUP BY s.id`)
    .get(id);
  if (!raw) throw new AppError('not_found', 'Analysverkstaden finns inte längre (den kan ha tagits bort).');
  return { ...raw, units: unitsBySession(db, id).get(id) ?? [] };
}

/** The latest session of the same verksamhetsområde held before this one (by date, then id). */
function previousSession(db: AppDatabase, session: { id: string; heldOn: string; operatingAreaId: string }, today: string): PreviousAnalysisSession | null {
  const row = db.sqlite
    .prepare<[string, string, string, string], { id: string; heldOn: string; title: string }>(
      `SELECT id, held_on AS heldOn, title FROM analysis_sessions
       WHERE operating_area_id = ? AND (held_on < ? OR (held_on = ? AND id < ?))
       ORDER BY held_on DESC, id DESC LIMIT 1`,
    )
    .get(session.operatingAreaId, session.heldOn, session.heldOn, session.id);
  if (!row) return null;
  return { ...row, actions: listActions(db, { filter: 'all', analysisSessionId: row.id }, today) };
}

/** A session's agenda items with the view and parameters of each frozen analysis. */
const AGENDA_SQL = `
  SELECT i.id, i.position, i.heading, i.notes, i.snapshot_id AS snapshotId, s.query AS viewName, s.params
  FROM analysis_agenda_items i LEFT JOIN snapshots s ON s.id = i.snapshot_id
  WHERE i.session_id = ? ORDER BY i.position, i.id`;

type AgendaRecord = Omit<AnalysisAgendaItemRow, 'previousSnapshotId'> & { viewName: string | null; params: string | null };

/**
 * The agenda, each frozen analysis paired with the previous session's of the same view: the one
 * with the same parameters if there is one, else that view's first (as kvalitetsråd pairs its views).
 */
function agendaWithPrevious(db: AppDatabase, id: string, previousId: string | null): AnalysisAgendaItemRow[] {
  const agenda = db.sqlite.prepare<[string], AgendaRecord>(AGENDA_SQL);
  const earlier = previousId ? agenda.all(previousId).filter((r) => r.snapshotId !== null) : [];
  return agenda.all(id).map(({ viewName, params, ...item }) => {
    const sameView = viewName === null ? [] : earlier.filter((r) => r.viewName === viewName);
    const match = sameView.find((r) => r.params === params) ?? sameView[0];
    return { ...item, previousSnapshotId: match?.snapshotId ?? null };
  });
}

export function getAnalysisSession(db: AppDatabase, id: string, today: string): AnalysisSessionDetail {
  const session = sessionRow(db, id);
  const participants = db.sqlite
    .prepare<[string], AnalysisParticipantRow>(
      'SELECT id, position, name, role FROM analysis_session_participants WHERE session_id = ? ORDER BY position, id',
    )
    .all(id);
  const linked = new Set(
    db.sqlite.prepare<[string], { riskId: string }>('SELECT risk_id AS riskId FROM analysis_session_risks WHERE session_id = ?').all(id).map((r) => r.riskId),
  );
  const previous = previousSession(db, session, today);
  return {
    ...session,
    participants,
    risks: linked.size ? listRisks(db, { operatingAreaId: session.operatingAreaId, asOf: today }).filter((r) => linked.has(r.id)) : [],
    agendaItems: agendaWithPrevious(db, id, previous?.id ?? null),
    actions: listActions(db, { filter: 'all', analysisSessionId: id }, today),
    previous,
  };
}

/** The session an agenda item or participant belongs to, or not_found. */
export function sessionIdOf(db: AppDatabase, table: 'analysis_session_participants' | 'analysis_agenda_items', rowId: string): string {
  const row = db.sqlite.prepare<[string], { sessionId: string }>(`SELECT session_id AS sessionId FROM ${table} WHERE id = ?`).get(rowId);
  if (!row) {
    throw new AppError(
      'not_found',
      table === 'analysis_agenda_items' ? 'Dagordningspunkten finns inte längre.' : 'Deltagaren finns inte längre.',
    );
  }
  return row.sessionId;
}
