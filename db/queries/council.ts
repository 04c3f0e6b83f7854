// Reading kvalitetsråd meetings: the list, the next meeting (Översikt) and one meeting with its
// participants and agenda, each view presented live or frozen with the previous meeting of the
// same scope as the base of its "sedan …". Shared by the handlers, the meeting pack and the demo.
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { CouncilItemKind } from '../domain/codes.ts';
import type { ViewScope } from '../views/types.ts';
import type { CouncilItemRow, CouncilMeetingRow, CouncilMeetingView, CouncilParticipantRow } from '../api/council.contract.ts';
import { listActions } from './actions.ts';
import { presentItem } from './councilViews.ts';

export const WHOLE_ADMINISTRATION = 'Hela förvaltningen';

export function meetingScope(operatingAreaId: string | null): ViewScope {
  return operatingAreaId ? { kind: 'area', areaId: operatingAreaId } : { kind: 'forvaltning' };
}

const MEETING_SQL = `
  SELECT m.id, m.meeting_date AS meetingDate, m.title, m.operating_area_id AS operatingAreaId,
         coalesce(a.name, '${WHOLE_ADMINISTRATION}') AS scopeLabel, m.status, m.location,
         (SELECT count(*) FROM council_agenda_items i WHERE i.meeting_id = m.id) AS itemCount,
         (SELECT count(*) FROM council_agenda_items i WHERE i.meeting_id = m.id AND i.kind = 'view') AS viewCount,
         (SELECT count(*) FROM council_agenda_items i WHERE i.meeting_id = m.id AND i.snapshot_id IS NOT NULL) AS frozenCount,
         (SELECT count(*) FROM actions r JOIN council_agenda_items i ON i.id = r.council_item_id WHERE i.meeting_id = m.id) AS decisionCount
  FROM council_meetings m LEFT JOIN operating_areas a ON a.id = m.operating_area_id`;

/** Every meeting, the latest first. */
export function listMeetings(db: AppDatabase): CouncilMeetingRow[] {
  return db.sqlite.prepare<[], CouncilMeetingRow>(`${MEETING_SQL} ORDER BY m.meeting_date DESC, m.created_at DESC`).all();
}

/** The next planned meeting on or after `today`, or null. */
export function nextMeeting(db: AppDatabase, today: string): CouncilMeetingRow | null {
  return (
    db.sqlite
      .prepare<[string], CouncilMeetingRow>(`${MEETING_SQL} WHERE m.status = 'planerad' AND m.meeting_date >= ? ORDER BY m.meeting_date, m.created_at LIMIT 1`)
      .get(today) ?? null
  );
}

export function getMeeting(db: AppDatabase, id: string): CouncilMeetingRow {
  const row = db.sqlite.prepare<[string], CouncilMeetingRow>(`${MEETING_SQL} WHERE m.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Mötet finns inte längre (det kan ha tagits bort).');
  return row;
}

interface ItemRecord {
  id: string;
  position: number;
  kind: CouncilItemKind;
  viewName: string | null;
  viewParams: string | null;
  heading: string;
  body: string;
  notes: string;
  snapshotId: string | null;
}

const ITEM_SQL = `
  SELECT id, position, kind, view_name AS viewName, view_params AS viewParams, heading, body, notes, snapshot_id AS snapshotId
  FROM council_agenda_items WHERE meeting_id = ? ORDER BY position`;

/** The previous meeting of the same scope (förvaltning or the same verksamhetsområde), before this one's date. */
function previousMeeting(db: AppDatabase, meeting: CouncilMeetingRow): CouncilMeetingView['previousMeeting'] {
  return (
    db.sqlite
      .prepare<[string, string | null, string], { id: string; meetingDate: string; title: string }>(
        `SELECT id, meeting_date AS meetingDate, title FROM council_meetings
         WHERE meeting_date < ? AND operating_area_id IS ? AND id <> ?
         ORDER BY meeting_date DESC, created_at DESC LIMIT 1`,
      )
      .get(meeting.meetingDate, meeting.operatingAreaId, meeting.id) ?? null
  );
}

/**
 * The snapshot each view had at the previous meeting: per view name, the item with the same
 * parameters if there is one, else the first frozen item of that view.
 */
function previousSnapshots(db: AppDatabase, previousId: string | null): Map<string, { params: string; snapshotId: string }[]> {
  const map = new Map<string, { params: string; snapshotId: string }[]>();
  if (!previousId) return map;
  for (const row of db.sqlite.prepare<[string], ItemRecord>(ITEM_SQL).all(previousId)) {
    if (row.kind !== 'view' || !row.viewName || !row.snapshotId) continue;
    const list = map.get(row.viewName) ?? [];
    list.push({ params: row.viewParams ?? '{}', snapshotId: row.snapshotId });
    map.set(row.viewName, list);
  }
  return map;
}

export function getMeetingView(db: AppDatabase, id: string, today: string): CouncilMeetingView {
  const meeting = getMeeting(db, id);
  const participants = db.sqlite
    .prepare<[string], CouncilParticipantRow>('SELECT id, name, role FROM council_participants WHERE meeting_id = ? ORDER BY position')
    .all(id);
  const previous = previousMeeting(db, meeting);
  const before = previousSnapshots(db, previous?.id ?? null);
  const decisions = listActions(db, { filter: 'all', councilMeetingId: id }, today);
  const scope = meetingScope(meeting.operatingAreaId);
  const items: CouncilItemRow[] = db.sqlite
    .prepare<[string], ItemRecord>(ITEM_SQL)
    .all(id)
    .map((row) => {
      const base = {
        id: row.id,
        position: row.position,
        kind: row.kind,
        viewName: row.viewName,
        viewParams: row.viewParams ? (JSON.parse(row.viewParams) as Record<string, unknown>) : null,
        heading: row.heading,
        body: row.body,
        notes: row.notes,
        decisions: decisions.filter((d) => d.councilItemId === row.id),
      };
      if (row.kind !== 'view' || !row.viewName) return { ...base, presentation: null, frozenAsOf: null, presentationError: null };
      const candidates = before.get(row.viewName) ?? [];
      const previousSnapshot = candidates.find((c) => c.params === row.viewParams) ?? candidates[0];
      const shown = presentItem(db, {
        viewName: row.viewName,
        params: base.viewParams ?? {},
        snapshotId: row.snapshotId,
        scope,
        today,
        previousSnapshotId: previousSnapshot?.snapshotId ?? null,
      });
      return { ...base, presentation: shown.presentation, frozenAsOf: shown.frozenAsOf, presentationError: shown.error };
    });
  return { ...meeting, participants, items, previousMeeting: previous };
}
