// Follow-up of required actions (åtgärdskrav): when one is overdue, how they sort, and whether an
// inspection may be closed. Seed 004: the tillsynsenhet follows the improvement work "till dess
// att förbättringar genomförts", so an inspection stays open while its actions do.
import type { ActionStatus } from './codes.ts';
import { toIsoDate } from '../shared/period.ts';

/** The workflow order: open → plan received → remedied → verified → closed. */
const ACTION_STATUS_ORDER: Readonly<Record<ActionStatus, number>> = {
  oppen: 0,
  atgardsplan_inkommen: 1,
  atgardad: 2,
  verifierad: 3,
  stangd: 4,
};

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  oppen: 'Öppen',
  atgardsplan_inkommen: 'Åtgärdsplan inkommen',
  atgardad: 'Åtgärdad',
  verifierad: 'Verifierad',
  stangd: 'Stängd',
};

/** Sort key for a status along the workflow, for lists and grids. */
export function actionStatusOrder(status: ActionStatus): number {
  return ACTION_STATUS_ORDER[status];
}

export function compareActionStatus(a: ActionStatus, b: ActionStatus): number {
  return actionStatusOrder(a) - actionStatusOrder(b);
}

export interface ActionDueDates {
  status: ActionStatus;
  /** The provider's deadline for remedying the finding. */
  deadline: string;
  /** When the tillsynsenhet follows up (verifies) the action, if set. */
  followUpDate: string | null;
}

/** 'deadline': the provider has not remedied in time; 'follow_up': the verification is late. */
export type ActionOverdueReason = 'deadline' | 'follow_up';

/**
 * The overdue rule's statuses, in one place: late after the deadline (the provider's), late after
 * the follow-up date (the verification). Verified and closed are never late. actionOverdueReason
 * and its SQL twin (overdueActionSql in db/queries/actions.ts) are both built from these.
 */
export const OVERDUE_RULE: { lateAfterDeadline: readonly ActionStatus[]; lateAfterFollowUp: readonly ActionStatus[] } = {
  lateAfterDeadline: ['oppen', 'atgardsplan_inkommen'],
  lateAfterFollowUp: ['atgardad'],
};

/**
 * Why an action is overdue today, or null. Open and plan-received actions are overdue the day
 * after the deadline. A remedied action is no longer the provider's to be late with; it is overdue
 * only if its follow-up date has passed without verification. Verified and closed never are.
 */
export function actionOverdueReason(action: ActionDueDates, today: string): ActionOverdueReason | null {
  const day = toIsoDate(today);
  if (OVERDUE_RULE.lateAfterDeadline.includes(action.status)) return toIsoDate(action.deadline) < day ? 'deadline' : null;
  if (OVERDUE_RULE.lateAfterFollowUp.includes(action.status)) {
    return action.followUpDate !== null && toIsoDate(action.followUpDate) < day ? 'follow_up' : null;
  }
  return null;
}


export function isActionOverdue(action: ActionDueDates, today: string): boolean {
  return actionOverdueReason(action, today) !== null;
}

export function isActionClosed(status: ActionStatus): boolean {
  return status === 'stangd';
}

export type CloseInspectionCheck = { ok: true } | { ok: false; openCount: number };

/**
 * An inspection may be closed when every action is 'stangd' (a verified action still awaits its
 * formal closing), or when the user records why it is closed anyway (stored as the close note).
 */
export function canCloseInspection(actions: readonly { status: ActionStatus }[], reason?: string | null): CloseInspectionCheck {
  const openCount = actions.filter((a) => !isActionClosed(a.status)).length;
  if (openCount === 0 || (reason ?? '').trim() !== '') return { ok: true };
  return { ok: false, openCount };
}
