// Contract for the action register (åtgärdsregister): every action from every source, followed
// up until closed. Åtgärdskrav from tillsyn are the actions with source 'tillsyn'.
import { z } from 'zod';
import {
  ACTION_SOURCES,
  ACTION_STATUSES,
  type ActionSource,
  type ActionStatus,
  type InspectionStatus,
} from '../domain/codes.ts';
import { read, write } from './define.ts';
import { enumOf, id, isoDate, optionalText, requiredText } from './fields.ts';

export type ActionOverdue = 'deadline' | 'follow_up' | null;

/** One follow-up note: the day it concerns, what was found or agreed, and who noted it. */
export interface ActionFollowUpRow {
  id: string;
  actionId: string;
  notedOn: string;
  note: string;
  notedBy: string;
  createdAt: string;
}

/**
 * An action with what it answers. For source 'tillsyn' the inspection fields (and, when the
 * action answers one kvalitetskrav, the requirement fields) are set; otherwise they are null.
 */
export interface ActionRow {
  id: string;
  source: ActionSource;
  description: string;
  /** Why, in words (beside or instead of a link). */
  reason: string;
  inspectionId: string | null;
  assessmentId: string | null;
  inspectionDate: string | null;
  inspectionStatus: InspectionStatus | null;
  requirementCode: string | null;
  requirementTitle: string | null;
  /** For sources 'lex_sarah' and 'lex_maria': the case, its date and diarienummer. */
  lexCaseId: string | null;
  lexCaseReportedOn: string | null;
  lexCaseNumber: string | null;
  /** For source 'sjalvskattning': the statement (identity across years), the year and that year's wording. */
  statementId: string | null;
  selfAssessmentYear: number | null;
  statementText: string | null;
  /** For source 'analysverkstad': the session that decided the action, its date and title. */
  analysisSessionId: string | null;
  analysisSessionHeldOn: string | null;
  analysisSessionTitle: string | null;
  /** For source 'analysverkstad': the risk the action is to bring down, and its description. */
  riskId: string | null;
  riskDescription: string | null;
  /** For source 'kvalitetsrad': the agenda item that decided it, its meeting, the meeting's date and the item's heading. */
  councilItemId: string | null;
  councilMeetingId: string | null;
  councilMeetingDate: string | null;
  councilItemHeading: string | null;
  /** Null for an action across a verksamhetsområde or the whole förvaltning. */
  unitId: string | null;
  unitName: string | null;
  operatingAreaName: string | null;
  responsible: string;
  deadline: string;
  status: ActionStatus;
  followUpDate: string | null;
  closingNote: string;
  closedAt: string | null;
  /** The utförare's åtgärdsplan: when it came in and what it says, in short. */
  providerPlanReceivedOn: string | null;
  providerPlanSummary: string;
  /** The last day the beställare was informed of how the work goes. */
  commissionerInformedOn: string | null;
  /** Follow-up notes, oldest first. */
  followUps: ActionFollowUpRow[];
  /** Why the action is overdue today, or null. */
  overdue: ActionOverdue;
  updatedAt: string;
}

export const ACTION_FILTERS = ['open', 'overdue', 'all'] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

/** Statuses an action can be reopened to: every status but 'stangd'. */
export const REOPEN_STATUSES = ['oppen', 'atgardsplan_inkommen', 'atgardad', 'verifierad'] as const satisfies readonly ActionStatus[];

const actionFields = {
  description: requiredText('Åtgärd', 4000),
  reason: optionalText('Bakgrund', 4000),
  deadline: isoDate('Sista dag'),
  responsible: optionalText('Ansvarig', 160),
  followUpDate: isoDate('Uppföljningsdatum').nullable(),
  unitId: id.nullable(),
  providerPlanReceivedOn: isoDate('Åtgärdsplan inkom').nullable(),
  providerPlanSummary: optionalText('Åtgärdsplanens innehåll', 4000),
  commissionerInformedOn: isoDate('Beställaren informerad').nullable(),
};

export const actionCreateInput = z.strictObject({
  source: enumOf(ACTION_SOURCES, 'källa'),
  description: actionFields.description,
  reason: actionFields.reason.default(''),
  deadline: actionFields.deadline,
  responsible: actionFields.responsible.default(''),
  followUpDate: actionFields.followUpDate.default(null),
  /** Taken from the inspection for source 'tillsyn'; given, or null for area-wide, otherwise. */
  unitId: actionFields.unitId.optional(),
  /** The link for source 'tillsyn' (any inspection) and 'ivo' (an inspection initiated by IVO). */
  inspectionId: id.nullable().default(null),
  assessmentId: id.nullable().default(null),
  /** The link for sources 'lex_sarah' and 'lex_maria'. */
  lexCaseId: id.nullable().default(null),
  /** The link for source 'sjalvskattning': the statement (its identity across years) and the year of the results. */
  statementId: id.nullable().default(null),
  selfAssessmentYear: z.number().int().min(2000).max(2100).nullable().default(null),
  /** The link for source 'analysverkstad': the session that decided the action. */
  analysisSessionId: id.nullable().default(null),
  /** The link for source 'analysverkstad': the risk (needs an ansvarig; the deadline not before the risk's latest assessment). */
  riskId: id.nullable().default(null),
  /** The link for source 'kvalitetsrad': the agenda item of the meeting that decided the action. */
  councilItemId: id.nullable().default(null),
});

/**
 * Fields edited in place. Status 'stangd' is reached through actions.close (it needs a closing
 * note) and left through actions.reopen or a status change here; the link never changes.
 */
export const actionPatch = z
  .strictObject({
    description: actionFields.description,
    reason: actionFields.reason,
    deadline: actionFields.deadline,
    responsible: actionFields.responsible,
    status: enumOf(ACTION_STATUSES, 'status'),
    followUpDate: actionFields.followUpDate,
    closingNote: optionalText('Avslutningsnotering', 4000),
    providerPlanReceivedOn: actionFields.providerPlanReceivedOn,
    providerPlanSummary: actionFields.providerPlanSummary,
    commissionerInformedOn: actionFields.commissionerInformedOn,
  })
  .partial();

const actionQueryFields = {
  filter: enumOf(ACTION_FILTERS, 'urval').default('open'),
  source: enumOf(ACTION_SOURCES, 'källa').optional(),
  status: enumOf(ACTION_STATUSES, 'status').optional(),
  unitId: id.optional(),
  inspectionId: id.optional(),
  lexCaseId: id.optional(),
  analysisSessionId: id.optional(),
  riskId: id.optional(),
};

/** How many actions actions.list lists for the same filters (Uppföljning's summary and overdue badge). */
export const actionCountInput = z.strictObject(actionQueryFields);

/** The most rows `first` may ask for (a screen or two, not a way to page the register). */
export const FIRST_ROWS_MAX = 500;

export const actionListInput = z.strictObject({
  ...actionQueryFields,
  /** Only the first rows in the list's order (deadline, unit, id): what a register shows while the rest loads. */
  first: z.number().int().min(1).max(FIRST_ROWS_MAX).optional(),
});

/** Overdue actions of one source, for Översikt: how many, and the first by deadline. */
export interface OverdueActionGroup {
  source: ActionSource;
  count: number;
  actions: ActionRow[];
}

export const actionsContract = {
  'actions.list': read<ActionRow[]>()(actionListInput),
  'actions.count': read<number>()(actionCountInput),
  /** Today's overdue actions grouped by source (Översikt): each source's count and its first `first` actions. */
  'actions.overdueBySource': read<OverdueActionGroup[]>()(z.strictObject({ first: z.number().int().min(1).max(FIRST_ROWS_MAX).default(5) })),
  'actions.get': read<ActionRow>()(z.strictObject({ id })),
  'actions.create': write<ActionRow>()(actionCreateInput),
  'actions.update': write<ActionRow>()(z.strictObject({ id, patch: actionPatch })),
  'actions.addFollowUp': write<ActionRow>()(
    z.strictObject({
      actionId: id,
      notedOn: isoDate('Datum'),
      note: requiredText('Anteckning', 4000),
      /** Who followed up; the acting user's name when left out. */
      notedBy: optionalText('Vem', 160).optional(),
    }),
  ),
  'actions.close': write<ActionRow>()(z.strictObject({ id, closingNote: optionalText('Avslutningsnotering', 4000) })),
  'actions.reopen': write<ActionRow>()(z.strictObject({ id, status: enumOf(REOPEN_STATUSES, 'status').default('oppen') })),
  'actions.delete': write<{ deleted: true }>()(z.strictObject({ id })),
};
