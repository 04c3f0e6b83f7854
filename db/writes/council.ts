// Writing kvalitetsråd meetings: the meeting (date, title, scope, place, status), its
// participants, and its agenda of view and free-text items (add, edit, reorder, remove, freeze for
// the meeting date). Decisions are actions in the register (db/writes/actions.ts, source
// 'kvalitetsrad'). Shared by the handlers and the demo; runs inside the caller's write
// transaction, never opening its own.
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { CouncilMeetingStatus } from '../domain/codes.ts';
import { newId } from '../schema/common.ts';
import { todayIso } from '../shared/period.ts';
import { freezeView, parseViewParams, viewLabel } from '../queries/councilViews.ts';
import { meetingScope } from '../queries/council.ts';

type Stamp = { updatedAt: string; updatedBy: string };

function invalid(field: string, message: string): AppError {
  return new AppError('invalid_input', message, '', [{ field, message }]);
}

export interface MeetingValues {
  meetingDate: string;
  title: string;
  operatingAreaId: string | null;
  location: string;
}

interface MeetingRecord extends MeetingValues {
  id: string;
  status: CouncilMeetingStatus;
}

interface ItemRecord {
  id: string;
  meetingId: string;
  kind: 'view' | 'text';
  viewName: string | null;
  viewParams: string | null;
  snapshotId: string | null;
}

const HELD_MESSAGE = 'Mötet är genomfört; dagordningen och vyerna är protokollets underlag och ändras inte. Anteckningar och beslut kan fortfarande läggas till.';

function loadMeeting(db: AppDatabase, id: string): MeetingRecord {
  const row = db.sqlite
    .prepare<[string], MeetingRecord>(
      `SELECT id, meeting_date AS meetingDate, title, operating_area_id AS operatingAreaId, location, status FROM council_meetings WHERE id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('not_found', 'Mötet finns inte längre (det kan ha tagits bort).');
  return row;
}

function loadItem(db: AppDatabase, id: string): ItemRecord {
  const row = db.sqlite
    .prepare<[string], ItemRecord>(
      `SELECT id, meeting_id AS meetingId, kind, view_name AS viewName, view_params AS viewParams, snapshot_id AS snapshotId
       FROM council_agenda_items WHERE id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('not_found', 'Punkten på dagordningen finns inte längre.');
  return row;
}

function assertPlanned(meeting: MeetingRecord): void {
  if (meeting.status === 'genomford') throw new AppError('conflict', HELD_MESSAGE);
}

function assertArea(db: AppDatabase, operatingAreaId: string | null): void {
  if (operatingAreaId === null) return;
  if (!db.sqlite.prepare('SELECT 1 FROM operating_areas WHERE id = ?').get(operatingAreaId)) {
    throw invalid('operatingAreaId', 'Verksamhetsområdet finns inte. Välj ett ur listan.');
  }
}

function decisionCount(db: AppDatabase, where: string, id: string): number {
  return (
    db.sqlite
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM actions r JOIN council_agenda_items i ON i.id = r.council_item_id WHERE ${where} = ?`,
      )
      .get(id)?.n ?? 0
  );
}

export function createMeeting(db: AppDatabase, values: MeetingValues, updatedBy: string): string {
  assertArea(db, values.operatingAreaId);
  const id = newId();
  db.sqlite
    .prepare(
      `INSERT INTO council_meetings (id, meeting_date, title, operating_area_id, location, updated_by) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(id, values.meetingDate, values.title, values.operatingAreaId, values.location, updatedBy);
  return id;
}

export interface MeetingPatch {
  meetingDate?: string | undefined;
  title?: string | undefined;
  operatingAreaId?: string | null | undefined;
  location?: string | undefined;
  status?: CouncilMeetingStatus | undefined;
}

/**
 * Edits a meeting. A planned meeting whose date or scope changes has its frozen views let go
 * (they were taken for the old date or scope; the snapshots themselves stay). A held meeting keeps
 * its date, scope and frozen views; it is marked held only once every view is frozen.
 */
export function updateMeeting(db: AppDatabase, id: string, patch: MeetingPatch, stamp: Stamp): void {
  const current = loadMeeting(db, id);
  const next = { ...current, ...patch };
  const movesFrame = next.meetingDate !== current.meetingDate || next.operatingAreaId !== current.operatingAreaId;
  if (movesFrame && current.status === 'genomford') {
    throw invalid('meetingDate', 'Ett genomfört möte behåller sitt datum och sin omfattning. Ändra status till planerad först.');
  }
  if (movesFrame && next.status === 'genomford') {
    throw invalid('status', 'Ändra datum eller omfattning och markera mötet som genomfört i två steg: vyerna behöver frysas för det nya datumet först.');
  }
  assertArea(db, next.operatingAreaId);
  if (next.status === 'genomford' && current.status !== 'genomford') {
    const live = db.sqlite
      .prepare<[string], { n: number }>(`SELECT count(*) AS n FROM council_agenda_items WHERE meeting_id = ? AND kind = 'view' AND snapshot_id IS NULL`)
      .get(id)?.n;
    if (live) throw invalid('status', 'Frys vyerna inför mötet innan du markerar det som genomfört, så att protokollet visar det mötet såg.');
  }
  db.sqlite
    .prepare(
      `UPDATE council_meetings SET meeting_date = ?, title = ?, operating_area_id = ?, location = ?, status = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    )
    .run(next.meetingDate, next.title, next.operatingAreaId, next.location, next.status, stamp.updatedAt, stamp.updatedBy, id);
  if (movesFrame) {
    db.sqlite
      .prepare(`UPDATE council_agenda_items SET snapshot_id = NULL, updated_at = ?, updated_by = ? WHERE meeting_id = ? AND snapshot_id IS NOT NULL`)
      .run(stamp.updatedAt, stamp.updatedBy, id);
  }
}

/** Removes a meeting made by mistake; one that is held or has decisions in the register stays. */
export function deleteMeeting(db: AppDatabase, id: string): void {
  const meeting = loadMeeting(db, id);
  if (meeting.status === 'genomford') throw new AppError('referenced', 'Mötet är genomfört och dess protokoll sparas. Det kan inte tas bort.');
  if (decisionCount(db, 'i.meeting_id', id) > 0) {
    throw new AppError('referenced', 'Mötet har beslut i åtgärdsregistret och kan inte tas bort.');
  }
  db.sqlite.prepare('DELETE FROM council_agenda_items WHERE meeting_id = ?').run(id);
  db.sqlite.prepare('DELETE FROM council_participants WHERE meeting_id = ?').run(id);
  db.sqlite.prepare('DELETE FROM council_meetings WHERE id = ?').run(id);
}

/** Replaces the list of participants (names and roles, in the order given). */
export function setParticipants(db: AppDatabase, meetingId: string, participants: readonly { name: string; role: string }[], updatedBy: string): void {
  loadMeeting(db, meetingId);
  db.sqlite.prepare('DELETE FROM council_participants WHERE meeting_id = ?').run(meetingId);
  const insert = db.sqlite.prepare('INSERT INTO council_participants (id, meeting_id, position, name, role, updated_by) VALUES (?, ?, ?, ?, ?, ?)');
  participants.forEach((p, position) => insert.run(newId(), meetingId, position, p.name, p.role, updatedBy));
}

export type NewAgendaItem =
  | { kind: 'view'; viewName: string; viewParams: Record<string, unknown>; heading: string }
  | { kind: 'text'; heading: string; body: string };

/** Adds an item at the end of the agenda; a view's parameters are checked against the view. */
export function addAgendaItem(db: AppDatabase, meetingId: string, item: NewAgendaItem, updatedBy: string): string {
  const meeting = loadMeeting(db, meetingId);
  assertPlanned(meeting);
  const position =
    db.sqlite.prepare<[string], { n: number }>('SELECT coalesce(max(position) + 1, 0) AS n FROM council_agenda_items WHERE meeting_id = ?').get(meetingId)
      ?.n ?? 0;
  const id = newId();
  if (item.kind === 'view') {
    const params = parseViewParams(item.viewName, item.viewParams, { meetingDate: meeting.meetingDate, today: todayIso() });
    db.sqlite
      .prepare(
        `INSERT INTO council_agenda_items (id, meeting_id, position, kind, view_name, view_params, heading, updated_by) VALUES (?, ?, ?, 'view', ?, ?, ?, ?)`,
      )
      .run(id, meetingId, position, item.viewName, JSON.stringify(params), item.heading.trim() || viewLabel(item.viewName), updatedBy);
  } else {
    if (!item.heading.trim()) throw invalid('heading', 'Rubrik måste fyllas i.');
    db.sqlite
      .prepare(`INSERT INTO council_agenda_items (id, meeting_id, position, kind, heading, body, updated_by) VALUES (?, ?, ?, 'text', ?, ?, ?)`)
      .run(id, meetingId, position, item.heading, item.body, updatedBy);
  }
  return id;
}

export interface AgendaItemPatch {
  heading?: string | undefined;
  body?: string | undefined;
  notes?: string | undefined;
  viewParams?: Record<string, unknown> | undefined;
}

/**
 * Edits an item. Notes (what was said) can be written after the meeting too; the heading, text
 * and a view's parameters only while it is planned. New parameters let go of the frozen view.
 */
export function updateAgendaItem(db: AppDatabase, id: string, patch: AgendaItemPatch, stamp: Stamp): void {
  const item = loadItem(db, id);
  const meeting = loadMeeting(db, item.meetingId);
  if (patch.heading !== undefined || patch.body !== undefined || patch.viewParams !== undefined) assertPlanned(meeting);
  if (patch.heading !== undefined && !patch.heading.trim() && item.kind === 'text') throw invalid('heading', 'Rubrik måste fyllas i.');
  let viewParams = item.viewParams;
  let snapshotId = item.snapshotId;
  if (patch.viewParams !== undefined) {
    if (item.kind !== 'view' || !item.viewName) throw invalid('viewParams', 'Bara en punkt med en vy har parametrar.');
    const next = JSON.stringify(parseViewParams(item.viewName, patch.viewParams, { meetingDate: meeting.meetingDate, today: todayIso() }));
    if (next !== viewParams) snapshotId = null;
    viewParams = next;
  }
  db.sqlite
    .prepare(
      `UPDATE council_agenda_items SET heading = coalesce(?, heading), body = coalesce(?, body), notes = coalesce(?, notes),
         view_params = ?, snapshot_id = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    )
    .run(patch.heading ?? null, patch.body ?? null, patch.notes ?? null, viewParams, snapshotId, stamp.updatedAt, stamp.updatedBy, id);
}

/** Sets the agenda's order: `itemIds` must name every item of the meeting exactly once. */
export function reorderAgenda(db: AppDatabase, meetingId: string, itemIds: readonly string[], stamp: Stamp): void {
  assertPlanned(loadMeeting(db, meetingId));
  const current = db.sqlite
    .prepare<[string], { id: string }>('SELECT id FROM council_agenda_items WHERE meeting_id = ?')
    .all(meetingId)
    .map((r) => r.id);
  const same = current.length === itemIds.length && new Set(itemIds).size === itemIds.length && itemIds.every((id) => current.includes(id));
  if (!same) throw new AppError('conflict', 'Dagordningen har ändrats under tiden. Läs in sidan igen och flytta punkten på nytt.');
  const update = db.sqlite.prepare('UPDATE council_agenda_items SET position = ?, updated_at = ?, updated_by = ? WHERE id = ?');
  itemIds.forEach((id, position) => update.run(position, stamp.updatedAt, stamp.updatedBy, id));
}

/** Removes an item from a planned meeting's agenda; one with decisions in the register stays. */
export function deleteAgendaItem(db: AppDatabase, id: string, stamp: Stamp): void {
  const item = loadItem(db, id);
  assertPlanned(loadMeeting(db, item.meetingId));
  if (decisionCount(db, 'i.id', id) > 0) throw new AppError('referenced', 'Punkten har beslut i åtgärdsregistret och kan inte tas bort.');
  db.sqlite.prepare('DELETE FROM council_agenda_items WHERE id = ?').run(id);
  const rest = db.sqlite
    .prepare<[string], { id: string }>('SELECT id FROM council_agenda_items WHERE meeting_id = ? ORDER BY position')
    .all(item.meetingId)
    .map((r) => r.id);
  reorderAgenda(db, item.meetingId, rest, stamp);
}

/**
 * "Frys inför mötet": every view on the agenda is taken as a snapshot for the meeting date, so
 * the presentation, the pack and the minutes show what the meeting saw. Freezing again replaces
 * the item's snapshot (the earlier one stays, snapshots never change).
 */
export function freezeMeeting(db: AppDatabase, meetingId: string, stamp: Stamp): number {
  const meeting = loadMeeting(db, meetingId);
  assertPlanned(meeting);
  const items = db.sqlite
    .prepare<[string], ItemRecord>(
      `SELECT id, meeting_id AS meetingId, kind, view_name AS viewName, view_params AS viewParams, snapshot_id AS snapshotId
       FROM council_agenda_items WHERE meeting_id = ? AND kind = 'view' ORDER BY position`,
    )
    .all(meetingId);
  const scope = meetingScope(meeting.operatingAreaId);
  // A snapshot never reads ahead: frozen before the meeting, the rows are today's.
  const today = todayIso();
  const asOf = meeting.meetingDate < today ? meeting.meetingDate : today;
  const setSnapshot = db.sqlite.prepare('UPDATE council_agenda_items SET snapshot_id = ?, updated_at = ?, updated_by = ? WHERE id = ?');
  for (const item of items) {
    const snapshotId = freezeView(db, { viewName: item.viewName ?? '', params: JSON.parse(item.viewParams ?? '{}') as unknown, scope, asOf }, stamp.updatedBy);
    setSnapshot.run(snapshotId, stamp.updatedAt, stamp.updatedBy, item.id);
  }
  return items.length;
}
