// The kvalitetsråd's door to the ready views (db/views): check a view's parameters, present an
// agenda item live or frozen (with the previous meeting's rows for "sedan …"), and freeze it.
// TEMPORARY until the views core (registry, snapshots) lands on main: no views are known yet.
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { ViewDefinition, ViewPresentation, ViewScope } from '../views/types.ts';

const VIEWS: readonly ViewDefinition[] = [];

function findView(name: string): ViewDefinition {
  const view = VIEWS.find((v) => v.name === name);
  if (!view) throw new AppError('invalid_input', `Vyn ”${name}” finns inte.`, '', [{ field: 'viewName', message: `Vyn ”${name}” finns inte.` }]);
  return view;
}

export function parseViewParams(viewName: string, params: unknown): unknown {
  const parsed = findView(viewName).params.safeParse(params);
  if (!parsed.success) throw new AppError('invalid_input', 'Vyns parametrar är ogiltiga.');
  return parsed.data;
}

export interface ItemPresentation {
  presentation: ViewPresentation | null;
  /** The snapshot's date when the item is frozen. */
  frozenAsOf: string | null;
  /** Why the view could not be drawn (e.g. no data for the year), in Swedish. */
  error: string | null;
}

export interface PresentRequest {
  viewName: string;
  params: unknown;
  snapshotId: string | null;
  scope: ViewScope;
  scopeLabel: string;
  asOf: string;
  previousSnapshotId: string | null;
}

export function presentItem(_db: AppDatabase, request: PresentRequest): ItemPresentation {
  findView(request.viewName);
  return { presentation: null, frozenAsOf: null, error: null };
}

export function freezeView(_db: AppDatabase, request: { viewName: string; params: unknown; scope: ViewScope; asOf: string }, _takenBy: string): string {
  findView(request.viewName);
  throw new AppError('conflict', 'Vyerna kan inte frysas ännu.');
}
