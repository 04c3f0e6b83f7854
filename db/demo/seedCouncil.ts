// Demo data for kvalitetsråd: last autumn's council for the whole förvaltning, held, its views
// frozen, with notes and decisions that are now actions in the register; and the next council in
// two weeks, planned with the same views live (so "Frys inför mötet" and the change since last
// autumn show at once). Seeded through db/writes like any other caller.
import type { AppDatabase } from '../open.ts';
import { VIEWS, viewParamFields } from '../views/registry.ts';
import { addAgendaItem, createMeeting, freezeMeeting, setParticipants, updateAgendaItem, updateMeeting } from '../writes/council.ts';
import { createAction } from '../writes/actions.ts';
import { addMonths, todayIso } from '../shared/period.ts';

const BY = 'exempeldata';
const STAMP = { updatedAt: new Date().toISOString(), updatedBy: BY };

const PARTICIPANTS = [
  { name: 'Eva Holmberg', role: 'Verksamhetschef vård och omsorg' },
  { name: 'Jonas Fält', role: 'Verksamhetsstrateg' },
  { name: 'Lena Sund', role: 'Verksamhetsstrateg IT' },
  { name: 'Maria Ek', role: 'Medicinskt ansvarig sjuksköterska (MAS)' },
  { name: 'Per Åström', role: 'Samordnare nära vård' },
];

const TEXT_ITEMS = [
  { heading: 'Uppföljning av verksamhetsplanen', body: 'Läget för de strategiska åtgärderna i verksamhetsplanen, per verksamhetsområde.' },
  { heading: 'Rutiner och riktlinjer', body: 'Läkemedelshantering, delegering och dokumentation: vilka rutiner ska revideras under året?' },
];

function twoWeeksAfter(iso: string): string {
  return new Date(Date.parse(`${iso}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
}

/** Views the meeting can show without a choice (a year or date is the meeting's; no indicator or unit to pick). */
const AGENDA_VIEWS = VIEWS.filter((view) => viewParamFields(view).every((f) => f.optional || f.kind === 'date' || (f.kind === 'integer' && /year/i.test(f.key))));

function addAgenda(db: AppDatabase, meetingId: string): string[] {
  const ids = AGENDA_VIEWS.map((view) => addAgendaItem(db, meetingId, { kind: 'view', viewName: view.name, viewParams: {}, heading: '' }, BY));
  return [...ids, ...TEXT_ITEMS.map((item) => addAgendaItem(db, meetingId, { kind: 'text', ...item }, BY))];
}

export function seedCouncil(db: AppDatabase): void {
  const today = todayIso();
  const lastAutumn = `${Number(today.slice(0, 4)) - 1}-11-18`;
  const held = createMeeting(db, { meetingDate: lastAutumn, title: 'Kvalitetsråd hösten', operatingAreaId: null, location: 'Stadshuset, sal Eken' }, BY);
  setParticipants(db, held, PARTICIPANTS, BY);
  const heldItems = addAgenda(db, held);
  freezeMeeting(db, held, STAMP);
  const [first, second] = heldItems;
  const routines = heldItems.at(-1);
  if (first) {
    updateAgendaItem(db, first, { notes: 'Helhetssyn och samordning är lägst i alla verksamhetsområden. Analysverkstad i hemtjänsten före sommaren.' }, STAMP);
    createAction(db, { source: 'kvalitetsrad', councilItemId: first, description: 'Genomför analysverkstad om helhetssyn och samordning i hemtjänsten', reason: '', responsible: 'Eva Holmberg', deadline: addMonths(lastAutumn, 4), followUpDate: null, inspectionId: null, assessmentId: null }, BY);
  }
  if (second) {
    createAction(db, { source: 'kvalitetsrad', councilItemId: second, description: 'Ta fram en gemensam mall för enheternas förbättringsplaner', reason: '', responsible: 'Jonas Fält', deadline: addMonths(lastAutumn, 2), followUpDate: null, inspectionId: null, assessmentId: null, status: 'atgardad' }, BY);
  }
  if (routines) {
    updateAgendaItem(db, routines, { notes: 'Rutinen för delegering av läkemedelshantering revideras först.' }, STAMP);
    createAction(db, { source: 'kvalitetsrad', councilItemId: routines, description: 'Revidera rutinen för delegering av läkemedelshantering', reason: '', responsible: 'Maria Ek', deadline: addMonths(lastAutumn, 7), followUpDate: null, inspectionId: null, assessmentId: null }, BY);
  }
  updateMeeting(db, held, { status: 'genomford' }, STAMP);

  const next = createMeeting(db, { meetingDate: twoWeeksAfter(today), title: 'Kvalitetsråd', operatingAreaId: null, location: 'Stadshuset, sal Eken' }, BY);
  setParticipants(db, next, PARTICIPANTS, BY);
  addAgenda(db, next);
}
