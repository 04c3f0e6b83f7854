// Contract for kvalitetsråd meetings: the meeting with its scope (the whole förvaltning or one
// verksamhetsområde), participants and agenda of ready views and free-text items, the dashboard
// (each view presented with its caption and the change since the previous meeting of the same
// scope), freezing the views for the meeting date, and the meeting pack (agenda PDF, minutes PDF
// and Word). Decisions are actions in the register: actions.create with source 'kvalitetsrad'
// and councilItemId.
import { z } from 'zod';
import { COUNCIL_MEETING_STATUSES, type CouncilItemKind, type CouncilMeetingStatus } from '../domain/codes.ts';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, optionalText, requiredText, type DownloadFile } from './fields.ts';
import type { ActionRow } from './actions.contract.ts';
import type { ViewPresentation } from '../views/types.ts';

export interface CouncilMeetingRow {
  id: string;
  meetingDate: string;
  title: string;
  /** Null for a meeting about the whole förvaltning. */
  operatingAreaId: string | null;
  /** "Hela förvaltningen" or the verksamhetsområde's name. */
  scopeLabel: string;
  status: CouncilMeetingStatus;
  location: string;
  itemCount: number;
  /** View items on the agenda, and how many of them are frozen for the meeting date. */
  viewCount: number;
  frozenCount: number;
  decisionCount: number;
}

export interface CouncilParticipantRow {
  id: string;
  name: string;
  role: string;
}

export interface CouncilItemRow {
  id: string;
  position: number;
  kind: CouncilItemKind;
  viewName: string | null;
  viewParams: Record<string, unknown> | null;
  heading: string;
  body: string;
  notes: string;
  /** The view as the meeting sees it: frozen when `frozenAsOf` is set, live otherwise. */
  presentation: ViewPresentation | null;
  frozenAsOf: string | null;
  /** Why the view could not be drawn, in Swedish. */
  presentationError: string | null;
  /** Decisions at this point: actions in the register, oldest deadline first. */
  decisions: ActionRow[];
}

export interface CouncilMeetingView extends CouncilMeetingRow {
  participants: CouncilParticipantRow[];
  items: CouncilItemRow[];
  /** The last meeting of the same scope before this one: the base of "sedan …" in the captions. */
  previousMeeting: { id: string; meetingDate: string; title: string } | null;
}

const meetingFields = {
  meetingDate: isoDate('Datum'),
  title: requiredText('Rubrik', 200),
  operatingAreaId: id.nullable(),
  location: optionalText('Plats', 200),
  status: enumOf(COUNCIL_MEETING_STATUSES, 'status'),
};

export const councilMeetingInput = z.strictObject({
  meetingDate: meetingFields.meetingDate,
  title: meetingFields.title,
  operatingAreaId: meetingFields.operatingAreaId.default(null),
  location: meetingFields.location.default(''),
});

const viewParams = z.record(z.string(), z.unknown(), { error: 'Vyns parametrar ska vara ett objekt.' });

export const councilItemInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('view'),
      viewName: requiredText('Vy', 120),
      viewParams: viewParams.default({}),
      /** Defaults to the view's name in the list. */
      heading: optionalText('Rubrik', 200).default(''),
    }),
    z.strictObject({ kind: z.literal('text'), heading: requiredText('Rubrik', 200), body: optionalText('Text', 4000).default('') }),
  ],
  { error: 'Välj en vy eller en punkt med fri text.' },
);

export const councilContract = {
  'council.list': read<CouncilMeetingRow[]>()(z.strictObject({})),
  /** The next planned meeting from today on (Översikt), or null. */
  'council.next': read<{ meeting: CouncilMeetingRow | null }>()(z.strictObject({})),
  'council.get': read<CouncilMeetingView>()(z.strictObject({ id })),
  'council.create': write<CouncilMeetingRow>()(councilMeetingInput),
  'council.update': write<CouncilMeetingView>()(z.strictObject({ id, patch: z.strictObject(meetingFields).partial() })),
  'council.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'council.setParticipants': write<CouncilMeetingView>()(
    z.strictObject({
      meetingId: id,
      participants: z.array(z.strictObject({ name: requiredText('Namn', 160), role: optionalText('Roll', 160).default('') })).max(60),
    }),
  ),
  'council.addItem': write<CouncilMeetingView>()(z.strictObject({ meetingId: id, item: councilItemInput })),
  /** Notes are saved as typed; returns the saved texts (the view is not drawn again). */
  'council.updateItem': write<{ id: string; heading: string; body: string; notes: string }>()(
    z.strictObject({
      id,
      patch: z
        .strictObject({
          heading: optionalText('Rubrik', 200),
          body: optionalText('Text', 4000),
          notes: optionalText('Anteckningar', 8000),
          viewParams,
        })
        .partial(),
    }),
  ),
  'council.reorderItems': write<CouncilMeetingView>()(z.strictObject({ meetingId: id, itemIds: z.array(id).max(200) })),
  'council.deleteItem': write<CouncilMeetingView>()(z.strictObject({ id })),
  /** "Frys inför mötet": every view on the agenda as a snapshot for the meeting date. */
  'council.freeze': write<CouncilMeetingView>()(z.strictObject({ meetingId: id })),
  /** Before the meeting: the agenda with every view's chart and table. */
  'council.agendaPdf': read<DownloadFile>()(z.strictObject({ id })),
  /** After the meeting: participants, each point with its view, notes and decisions. */
  'council.minutesPdf': read<DownloadFile>()(z.strictObject({ id })),
  'council.minutesDocx': read<DownloadFile>()(z.strictObject({ id })),
};
