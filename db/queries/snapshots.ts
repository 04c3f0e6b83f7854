// Reading views: a registered view run live, and a snapshot read back, its frozen rows validated
// against the view's row schema and drawn by the same `present` (so frozen and live look alike).
// With a previous snapshot of the same view, the caption says the change since then.
import { AppError } from '../errors.ts';
import { parseViewParams, requireView, type AnyView } from '../views/registry.ts';
import { scopeLabel } from '../views/scope.ts';
import type { AppDatabase } from '../open.ts';
import type { LiveView, SnapshotView } from '../api/views.contract.ts';
import type { ViewScope } from '../views/types.ts';

interface SnapshotRecord {
  id: string;
  query: string;
  queryVersion: number;
  params: string;
  scope: string;
  scopeLabel: string;
  asOf: string;
  takenAt: string;
  takenBy: string;
  rowCount: number;
}

interface FrozenSnapshot {
  record: SnapshotRecord;
  view: AnyView;
  params: Record<string, unknown>;
  scope: ViewScope;
  rows: unknown[];
}

const BROKEN_SNAPSHOT = 'Ögonblicksbilden kan inte läsas: dess rader stämmer inte med vyn. Kontakta IT.';

// A snapshot never changes once taken (triggers refuse updates and deletes, migration 0009), so the
// validated rows of the last few read are kept per connection: a dashboard reads the previous
// meeting's snapshots each time it opens, and parsing 10,000 stored rows through zod each time cost
// ≈ 25 ms at 2,000 units (issue 19). Callers only read the rows.
const SNAPSHOTS_KEPT = 32;
const snapshotCache = new WeakMap<AppDatabase['sqlite'], Map<string, FrozenSnapshot>>();

function loadSnapshot(db: Pick<AppDatabase, 'sqlite'>, id: string): FrozenSnapshot {
  const cache = snapshotCache.get(db.sqlite) ?? new Map<string, FrozenSnapshot>();
  snapshotCache.set(db.sqlite, cache);
  const kept = cache.get(id);
  if (kept) {
    // Most recently used last, so the oldest is the first to go.
    cache.delete(id);
    cache.set(id, kept);
    return kept;
  }
  const snapshot = readSnapshotRows(db, id);
  cache.set(id, snapshot);
  for (const oldest of cache.keys()) {
    if (cache.size <= SNAPSHOTS_KEPT) break;
    cache.delete(oldest);
  }
  return snapshot;
}

function readSnapshotRows(db: Pick<AppDatabase, 'sqlite'>, id: string): FrozenSnapshot {
  const record = db.sqlite
    .prepare<[string], SnapshotRecord>(
      `SELECT id, query, query_version AS queryVersion, params, scope, scope_label AS scopeLabel, as_of AS asOf,
              taken_at AS takenAt, taken_by AS takenBy, row_count AS rowCount
       FROM snapshots WHERE id = ?`,
    )
    .get(id);
  if (!record) throw new AppError('not_found', 'Ögonblicksbilden finns inte.');
  const view = requireView(record.query);
  const data = db.sqlite.prepare<[string], string>('SELECT data FROM snapshot_rows WHERE snapshot_id = ? ORDER BY position').pluck().all(id);
  if (data.length !== record.rowCount) throw new AppError('internal', BROKEN_SNAPSHOT, `snapshot ${id}: ${data.length} rows, row_count ${record.rowCount}`);
  const parsed = view.row.array().safeParse(data.map((d) => JSON.parse(d) as unknown));
  if (!parsed.success) throw new AppError('internal', BROKEN_SNAPSHOT, `snapshot ${id} (${view.name} v${record.queryVersion}): ${parsed.error.message}`);
  return {
    record,
    view,
    params: JSON.parse(record.params) as Record<string, unknown>,
    scope: JSON.parse(record.scope) as ViewScope,
    rows: parsed.data,
  };
}

/** The previous snapshot's rows for "sedan …"; it must be a snapshot of the same view. */
function previousRows(db: Pick<AppDatabase, 'sqlite'>, view: AnyView, previousSnapshotId: string | undefined) {
  if (previousSnapshotId === undefined) return undefined;
  const previous = loadSnapshot(db, previousSnapshotId);
  if (previous.view.name !== view.name) {
    throw new AppError('invalid_input', 'Den tidigare ögonblicksbilden visar en annan vy och kan inte jämföras.', `${previous.view.name} vs ${view.name}`);
  }
  return { asOf: previous.record.asOf, rows: previous.rows };
}

export interface LiveViewRequest {
  name: string;
  params: unknown;
  scope: ViewScope;
  previousSnapshotId?: string | undefined;
}

export function runLiveView(db: AppDatabase, request: LiveViewRequest, today: string): LiveView {
  const view = requireView(request.name);
  const params = parseViewParams(view, request.params);
  const label = scopeLabel(db, request.scope);
  const rows = view.run(db, params, request.scope, today);
  const previous = previousRows(db, view, request.previousSnapshotId);
  const presentation = view.present(rows, { params, asOf: today, scopeLabel: label, scope: request.scope, ...(previous ? { previous } : {}) });
  return { name: view.name, label: view.label, params, scope: request.scope, scopeLabel: label, asOf: today, presentation };
}

export function readSnapshot(db: Pick<AppDatabase, 'sqlite'>, id: string, previousSnapshotId?: string): SnapshotView {
  const { record, view, params, scope, rows } = loadSnapshot(db, id);
  const previous = previousRows(db, view, previousSnapshotId);
  const presentation = view.present(rows, { params, asOf: record.asOf, scopeLabel: record.scopeLabel, scope, ...(previous ? { previous } : {}) });
  return {
    id: record.id,
    live: { name: view.name, params, scope },
    label: view.label,
    scopeLabel: record.scopeLabel,
    asOf: record.asOf,
    takenAt: record.takenAt,
    takenBy: record.takenBy,
    rowCount: record.rowCount,
    presentation,
  };
}
