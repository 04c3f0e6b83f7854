// The kvalitetsråd meeting pack: before the meeting the agenda with every view's chart, caption
// and table (one PDF); after it the minutes with participants, each point's view and notes, and
// the decisions as actions with owners and deadlines (PDF and Word). Built from the same meeting
// view the dashboard and presentation mode draw (db/queries/council.ts), so the pack shows what
// the meeting saw: frozen views are drawn from their snapshots.
import { safeFileName, type ReportBlock, type ReportDocument } from '../io/reportDocument.ts';
import { ACTION_STATUS_LABELS } from '../domain/overdue.ts';
import type { CouncilItemRow, CouncilMeetingView } from '../api/council.contract.ts';
import { viewBlocks } from '../io/viewBlocks.ts';

function itemTitle(item: CouncilItemRow, index: number): string {
  return `${index + 1}. ${item.heading || item.presentation?.title || 'Vy'}`;
}

function viewItemBlocks(item: CouncilItemRow): ReportBlock[] {
  if (item.kind === 'text') return item.body ? [{ kind: 'paragraph', text: item.body }] : [];
  if (item.presentation) {
    if (item.frozenAsOf) return viewBlocks(item.presentation, { asOf: item.frozenAsOf });
    return [...viewBlocks(item.presentation), { kind: 'paragraph', muted: true, text: 'Visas med dagens data: vyn är inte frusen inför mötet.' }];
  }
  return item.presentationError ? [{ kind: 'paragraph', text: item.presentationError, muted: true }] : [];
}

function meetingFacts(meeting: CouncilMeetingView): ReportBlock {
  return {
    kind: 'facts',
    rows: [
      ['Datum', meeting.meetingDate],
      ['Plats', meeting.location || '–'],
      ['Omfattning', meeting.scopeLabel],
      ...(meeting.previousMeeting ? ([['Föregående möte', `${meeting.previousMeeting.meetingDate} ${meeting.previousMeeting.title}`]] as const) : []),
    ],
  };
}

function participantBlock(meeting: CouncilMeetingView): ReportBlock {
  return {
    kind: 'table',
    columns: [
      { header: 'Namn', width: 3 },
      { header: 'Roll', width: 3 },
    ],
    rows: meeting.participants.map((p) => [p.name, p.role]),
    emptyText: 'Inga deltagare registrerade.',
  };
}

const DECISION_COLUMNS = [
  { header: 'Beslut (åtgärd)', width: 5 },
  { header: 'Ansvarig', width: 2 },
  { header: 'Sista dag', width: 1.4 },
  { header: 'Enhet', width: 2 },
  { header: 'Status', width: 1.6 },
] as const;

function decisionRows(item: CouncilItemRow): string[][] {
  return item.decisions.map((d) => [d.description, d.responsible, d.deadline, d.unitName ?? 'Alla enheter', ACTION_STATUS_LABELS[d.status]]);
}

/** Before the meeting: the agenda, then each point with its view. */
export function councilAgendaDocument(meeting: CouncilMeetingView): ReportDocument {
  const title = `Kvalitetsråd ${meeting.meetingDate} – ${meeting.title}`;
  const blocks: ReportBlock[] = [
    { kind: 'title', text: title, subtitle: `Dagordning och underlag · ${meeting.scopeLabel}` },
    meetingFacts(meeting),
    { kind: 'heading', text: 'Deltagare' },
    participantBlock(meeting),
    { kind: 'heading', text: 'Dagordning' },
    {
      kind: 'table',
      columns: [
        { header: 'Punkt', width: 5 },
        { header: 'Underlag', width: 3 },
      ],
      rows: meeting.items.map((item, index) => [itemTitle(item, index), item.kind === 'view' ? (item.presentation?.title ?? '') : 'Fri text']),
      emptyText: 'Dagordningen är tom.',
    },
  ];
  meeting.items.forEach((item, index) => {
    blocks.push({ kind: 'heading', text: itemTitle(item, index) }, ...viewItemBlocks(item));
  });
  return { title, fileName: safeFileName(`Kvalitetsråd ${meeting.meetingDate} dagordning`), footer: title, blocks };
}

/** After the meeting: participants, each point with its view, notes and decisions, then every new action. */
export function councilMinutesDocument(meeting: CouncilMeetingView): ReportDocument {
  const title = `Protokoll kvalitetsråd ${meeting.meetingDate} – ${meeting.title}`;
  const blocks: ReportBlock[] = [{ kind: 'title', text: title, subtitle: meeting.scopeLabel }];
  if (meeting.status !== 'genomford') {
    blocks.push({ kind: 'paragraph', muted: true, text: 'Utkast: mötet är ännu inte markerat som genomfört.' });
  }
  blocks.push(meetingFacts(meeting), { kind: 'heading', text: 'Deltagare' }, participantBlock(meeting));
  meeting.items.forEach((item, index) => {
    blocks.push({ kind: 'heading', text: itemTitle(item, index) }, ...viewItemBlocks(item));
    if (item.notes) blocks.push({ kind: 'paragraph', text: `Anteckningar: ${item.notes}` });
    if (item.decisions.length > 0) blocks.push({ kind: 'table', columns: DECISION_COLUMNS, rows: decisionRows(item) });
  });
  blocks.push({ kind: 'heading', text: 'Nya åtgärder i åtgärdsregistret' });
  blocks.push({
    kind: 'table',
    columns: [{ header: 'Punkt', width: 2.5 }, ...DECISION_COLUMNS],
    rows: meeting.items.flatMap((item, index) => decisionRows(item).map((row) => [itemTitle(item, index), ...row])),
    emptyText: 'Mötet fattade inga beslut om åtgärder.',
  });
  return { title, fileName: safeFileName(`Kvalitetsråd ${meeting.meetingDate} protokoll`), footer: title, blocks };
}
