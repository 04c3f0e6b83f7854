// The inspection record updated from a write's own result (assessments.update, actions.*), so an
// edit costs one round trip. Rows keep their place while the user works; the server's order
// (by deadline) returns on the next visit.
import type { ActionRow, AssessmentUpdateResult, InspectionDetail } from '../../../../db/api/contract.ts';

// The counts in the record's header, as the server counts them (inspectionQueries: assessedCount,
// shortfallCount, open and overdue actions), recomputed from the rows the record holds.
const SHORTFALL = new Set(['delvis_uppfyllt', 'ej_uppfyllt']);

function recount(detail: InspectionDetail): InspectionDetail {
  const open = detail.actions.filter((a) => a.status !== 'stangd');
  return {
    ...detail,
    assessedCount: detail.assessments.filter((a) => a.result !== 'ej_bedomt').length,
    shortfallCount: detail.assessments.filter((a) => SHORTFALL.has(a.result)).length,
    openActionCount: open.length,
    overdueActionCount: open.filter((a) => a.overdue !== null).length,
  };
}

/** The assessment as saved, its new required action added and the ones it removed gone. */
export function withAssessmentUpdate(detail: InspectionDetail, result: AssessmentUpdateResult): InspectionDetail {
  const removed = new Set(result.removedActionIds);
  const actions = detail.actions.filter((a) => !removed.has(a.id));
  return recount({
    ...detail,
    progress: result.inspectionProgress,
    assessments: detail.assessments.map((a) => (a.id === result.assessment.id ? result.assessment : a)),
    actions: result.createdAction ? [...actions, result.createdAction] : actions,
  });
}

/** One required action as saved: replaced where it is, or added last if new. */
export function withAction(detail: InspectionDetail, action: ActionRow): InspectionDetail {
  const known = detail.actions.some((a) => a.id === action.id);
  return recount({ ...detail, actions: known ? detail.actions.map((a) => (a.id === action.id ? action : a)) : [...detail.actions, action] });
}

export function withoutAction(detail: InspectionDetail, actionId: string): InspectionDetail {
  return recount({ ...detail, actions: detail.actions.filter((a) => a.id !== actionId) });
}

/** The record's actions as listed afresh, each kept in its place and new ones last. */
export function withActions(detail: InspectionDetail, listed: ActionRow[]): InspectionDetail {
  const byId = new Map(listed.map((a) => [a.id, a]));
  const kept = detail.actions.flatMap((a) => {
    const fresh = byId.get(a.id);
    return fresh ? [fresh] : [];
  });
  const added = listed.filter((a) => !detail.actions.some((k) => k.id === a.id));
  return recount({ ...detail, actions: [...kept, ...added] });
}
