// Kvalitetsråd (seed 003 §1, §13): meetings of the quality council for the whole förvaltning or
// one verksamhetsområde, who took part, and the agenda. An agenda item is a ready view
// (db/views/registry.ts, by name with its parameters) or a free-text point; before the meeting
// its view is frozen as a snapshot (docs/architecture.md, "Frozen snapshots"), so the pack and the
// minutes show what the meeting saw. Decisions are actions in the one register
// (actions.council_item_id, source 'kvalitetsrad').
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { operatingAreas } from './organisation.ts';
import { snapshots } from './snapshots.ts';
import { COUNCIL_ITEM_KINDS, COUNCIL_MEETING_STATUSES } from '../domain/codes.ts';

export const councilMeetings = sqliteTable(
  'council_meetings',
  {
    id: idColumn(),
    meetingDate: text('meeting_date').notNull(),
    title: text('title').notNull(),
    /** The verksamhetsområde the meeting is about; null for the whole förvaltning. */
    operatingAreaId: text('operating_area_id').references(() => operatingAreas.id, { onDelete: 'restrict' }),
    status: text('status', { enum: COUNCIL_MEETING_STATUSES }).notNull().default('planerad'),
    location: text('location').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [index('council_meetings_date_idx').on(t.meetingDate), index('council_meetings_area_idx').on(t.operatingAreaId, t.meetingDate)],
);

/** Who was invited or took part: a name and a role (verksamhetschef, MAS …), as text. */
export const councilParticipants = sqliteTable(
  'council_participants',
  {
    id: idColumn(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [index('council_participants_meeting_idx').on(t.meetingId, t.position)],
);

export const councilAgendaItems = sqliteTable(
  'council_agenda_items',
  {
    id: idColumn(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => councilMeetings.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: COUNCIL_ITEM_KINDS }).notNull(),
    /** For a view item: the view's stable name (ViewDefinition.name) and its parameters as JSON. */
    viewName: text('view_name'),
    viewParams: text('view_params'),
    /** The heading of a free-text item (a view item's title comes from the view). */
    heading: text('heading').notNull().default(''),
    /** The free text of a text item: what is to be brought up. */
    body: text('body').notNull().default(''),
    /** The view frozen for the meeting date (snapshots.id); null while the view is live. */
    snapshotId: text('snapshot_id').references(() => snapshots.id, { onDelete: 'restrict' }),
    /** What was said and decided at this point, for the minutes. */
    notes: text('notes').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [
    index('council_agenda_items_meeting_idx').on(t.meetingId, t.position),
    index('council_agenda_items_snapshot_idx').on(t.snapshotId),
    check('council_agenda_items_view', sql`(kind = 'view') = (view_name IS NOT NULL)`),
  ],
);
