// The kvalitetsråd's door to the ready views (db/views/registry.ts and the snapshots): a view's
// parameters checked (with the meeting's year or date where the view asks for one and none is
// given), an agenda item presented live or frozen with the previous meeting's snapshot as the
// base of "sedan …", and an item frozen.
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { ViewPresentation, ViewScope } from '../views/types.ts';
import { findView, parseViewParams as parseParams, viewParamFields } from '../views/registry.ts';
import { readSnapshot, runLiveView } from './snapshots.ts';
import { takeSnapshot } from '../writes/snapshots.ts';

/**
 * The view's parameters, checked by its own schema. A missing year is the meeting's year and a
 * missing date the meeting's date (never after today: data cannot be read ahead).
 */
export function parseViewParams(viewName: string, params: Record<string, unknown>, meeting: { meetingDate: string; today: string }): Record<string, unknown> {
  const view = findView(viewName);
  if (!view) throw new AppError('invalid_input', `Vyn ”${viewName}” finns inte.`, '', [{ field: 'viewName', message: `Vyn ”${viewName}” finns inte. Välj en vy ur listan.` }]);
  const filled: Record<string, unknown> = { ...params };
  for (const field of viewParamFields(view)) {
    if (filled[field.key] !== undefined || field.optional) continue;
    if (field.kind === 'integer' && /year/i.test(field.key)) filled[field.key] = Number(meeting.meetingDate.slice(0, 4));
    if (field.kind === 'date') filled[field.key] = meeting.meetingDate < meeting.today ? meeting.meetingDate : meeting.today;
  }
  try {
    return parseParams(view, filled);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const issues = error.issues.map((i) => ({ ...i, field: i.field.replace(/^params/, 'viewParams') }));
    throw new AppError(error.code, error.message, '', issues);
  }
}

/** The view's name in the list ("Självskattning – värmekarta …"), the default heading of its agenda item. */
export function viewLabel(viewName: string): string {
  return findView(viewName)?.label ?? viewName;
}

export interface ItemPresentation {
  presentation: ViewPresentation | null;
  /** The snapshot's date when the item is frozen. */
  frozenAsOf: string | null;
  /** Why the view could not be drawn, in Swedish. */
  error: string | null;
}

export interface PresentRequest {
  viewName: string;
  params: unknown;
  snapshotId: string | null;
  scope: ViewScope;
  today: string;
  previousSnapshotId: string | null;
}

/** One item as the meeting sees it: its snapshot when frozen, otherwise the view run today. */
export function presentItem(db: AppDatabase, request: PresentRequest): ItemPresentation {
  const previous = request.previousSnapshotId ?? undefined;
  try {
    if (request.snapshotId) {
      const frozen = readSnapshot(db, request.snapshotId, previous);
      return { presentation: frozen.presentation, frozenAsOf: frozen.asOf, error: null };
    }
    const live = runLiveView(db, { name: request.viewName, params: request.params, scope: request.scope, previousSnapshotId: previous }, request.today);
    return { presentation: live.presentation, frozenAsOf: null, error: null };
  } catch (error) {
    // One view that cannot be drawn (no template that year, a view since removed) must not hide the meeting.
    if (error instanceof AppError) return { presentation: null, frozenAsOf: null, error: error.message };
    throw error;
  }
}

/** Freezes one view for the meeting: its rows as of `asOf` copied into a snapshot; returns its id. */
export function freezeView(db: AppDatabase, request: { viewName: string; params: unknown; scope: ViewScope; asOf: string }, takenBy: string): string {
  return takeSnapshot(db, { name: request.viewName, params: request.params, scope: request.scope, asOf: request.asOf }, takenBy).id;
}
