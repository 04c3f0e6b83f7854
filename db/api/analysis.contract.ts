// Contract for analysverkstad (seed 003 §14): sessions for a verksamhetsområde (optionally some of
// its units) with participants, agenda items with notes, and the actions the session decided
// (kept in the one action register, source 'analysverkstad', created through actions.create).
// The protocol is the same session drawn as PDF and Word.
import { z } from 'zod';
import { ANALYSIS_SESSION_STATUSES, type AnalysisSessionStatus } from '../domain/codes.ts';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, optionalText, requiredText, type DownloadFile } from './fields.ts';
import type { ActionRow } from './actions.contract.ts';
import type { RiskRow } from './risks.contract.ts';
import { RISK_CAUSES } from '../domain/codes.ts';

/** A session in the list: when, what it covers, and how its decided actions stand. */
export interface AnalysisSessionListRow {
  id: string;
  heldOn: string;
  title: string;
  status: AnalysisSessionStatus;
  operatingAreaId: string;
  operatingAreaName: string;
  /** The units the session is narrowed to, sorted; empty for the whole verksamhetsområde. */
  units: { id: string; name: string }[];
  /** Decided actions not closed, and closed. */
  openActionCount: number;
  closedActionCount: number;
  updatedAt: string;
}

export interface AnalysisParticipantRow {
  id: string;
  position: number;
  name: string;
  role: string;
}

export interface AnalysisAgendaItemRow {
  id: string;
  position: number;
  heading: string;
  notes: string;
  /** A frozen analysis shown with the item (views.snapshot), or null. */
  snapshotId: string | null;
  /**
   * The same analysis frozen at the previous session of the area (the same view, with the same
   * parameters if there is one), so its caption says the change since then; null when there is none.
   */
  previousSnapshotId: string | null;
}

/** The previous session for the same verksamhetsområde, with its actions as they stand today. */
export interface PreviousAnalysisSession {
  id: string;
  heldOn: string;
  title: string;
  actions: ActionRow[];
}

export interface AnalysisSessionDetail extends AnalysisSessionListRow {
  notes: string;
  participants: AnalysisParticipantRow[];
  agendaItems: AnalysisAgendaItemRow[];
  /** The risks the session reviews, as they stand today (numbered within the area, before and after). */
  risks: RiskRow[];
  /** The actions this session decided, as they stand today. */
  actions: ActionRow[];
  previous: PreviousAnalysisSession | null;
}

const sessionFields = {
  heldOn: isoDate('Datum'),
  title: requiredText('Rubrik', 200),
  operatingAreaId: id,
  unitIds: z.array(id).max(200, { error: 'Välj högst 200 enheter.' }),
  status: enumOf(ANALYSIS_SESSION_STATUSES, 'status'),
  notes: optionalText('Anteckningar', 8000),
};

export const analysisSessionInput = z.strictObject({
  ...sessionFields,
  unitIds: sessionFields.unitIds.default([]),
  status: sessionFields.status.default('planerad'),
  notes: sessionFields.notes.default(''),
});
export type AnalysisSessionValues = z.output<typeof analysisSessionInput>;

export const analysisSessionPatch = z.strictObject(sessionFields).partial();

function riskLevel(label: string) {
  const message = `${label} ska vara en hel siffra från 1 till 4.`;
  return z.number({ error: message }).int({ error: message }).min(1, { error: message }).max(4, { error: message });
}

const participantFields = { name: requiredText('Namn', 160), role: optionalText('Roll', 120) };
const agendaFields = { heading: requiredText('Rubrik', 300), notes: optionalText('Anteckningar', 8000) };

export const analysisContract = {
  'analysis.list': read<AnalysisSessionListRow[]>()(z.strictObject({ operatingAreaId: id.optional() })),
  'analysis.get': read<AnalysisSessionDetail>()(z.strictObject({ id })),
  'analysis.create': write<AnalysisSessionDetail>()(analysisSessionInput),
  'analysis.update': write<AnalysisSessionDetail>()(z.strictObject({ id, patch: analysisSessionPatch })),
  'analysis.delete': write<{ deleted: true }>()(z.strictObject({ id })),
  'analysis.addParticipant': write<AnalysisSessionDetail>()(
    z.strictObject({ sessionId: id, name: participantFields.name, role: participantFields.role.default('') }),
  ),
  'analysis.updateParticipant': write<AnalysisSessionDetail>()(z.strictObject({ id, patch: z.strictObject(participantFields).partial() })),
  'analysis.removeParticipant': write<AnalysisSessionDetail>()(z.strictObject({ id })),
  'analysis.addAgendaItem': write<AnalysisSessionDetail>()(
    z.strictObject({ sessionId: id, heading: agendaFields.heading, notes: agendaFields.notes.default('') }),
  ),
  'analysis.updateAgendaItem': write<AnalysisSessionDetail>()(z.strictObject({ id, patch: z.strictObject(agendaFields).partial() })),
  /** Moves an item one place up or down the agenda (keyboard-friendly reordering). */
  'analysis.moveAgendaItem': write<AnalysisSessionDetail>()(z.strictObject({ id, direction: enumOf(['up', 'down'] as const, 'riktning') })),
  'analysis.removeAgendaItem': write<AnalysisSessionDetail>()(z.strictObject({ id })),
  /**
   * "Lägg till analys": a ready view for the session's scope (its unit when narrowed to one, else
   * its verksamhetsområde), frozen as of the session date (today while the session lies ahead),
   * added to the agenda as an item of its own.
   */
  'analysis.addAnalysis': write<AnalysisSessionDetail>()(
    z.strictObject({ sessionId: id, name: requiredText('Vy', 120), params: z.record(z.string(), z.unknown()).default({}) }),
  ),
  /** A new risk identified at the session (on its date, or today while it lies ahead), with its first assessment, reviewed by the session. */
  'analysis.addRisk': write<AnalysisSessionDetail>()(
    z.strictObject({
      sessionId: id,
      description: requiredText('Beskrivning', 2000),
      cause: enumOf(RISK_CAUSES, 'orsak'),
      probability: riskLevel('Sannolikhet'),
      severity: riskLevel('Allvarlighetsgrad'),
      unitId: id.nullable().default(null),
    }),
  ),
  'analysis.linkRisk': write<AnalysisSessionDetail>()(z.strictObject({ sessionId: id, riskId: id })),
  'analysis.unlinkRisk': write<AnalysisSessionDetail>()(z.strictObject({ sessionId: id, riskId: id })),
  'analysis.protocolPdf': read<DownloadFile>()(z.strictObject({ id })),
  'analysis.protocolDocx': read<DownloadFile>()(z.strictObject({ id })),
};
