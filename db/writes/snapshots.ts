// Taking a snapshot: run a registered view now and copy its rows, one snapshot_rows row per result
// row, as JSON with names as text (docs/architecture.md, "Frozen snapshots"). Runs inside the
// dispatch's write transaction; the stored triggers refuse any later change.
import { newId } from '../schema/common.ts';
import { parseViewParams, requireView } from '../views/registry.ts';
import { scopeLabel } from '../views/scope.ts';
import type { AppDatabase } from '../open.ts';
import type { ViewScope } from '../views/types.ts';

export interface SnapshotRequest {
  name: string;
  params: unknown;
  scope: ViewScope;
  asOf: string;
}

export function takeSnapshot(db: AppDatabase, request: SnapshotRequest, takenBy: string): { id: string; takenAt: string; rowCount: number } {
  const view = requireView(request.name);
  const params = parseViewParams(view, request.params);
  const label = scopeLabel(db, request.scope);
  const rows = view.run(db, params, request.scope, request.asOf);
  const id = newId();
  const takenAt = new Date().toISOString();
  db.sqlite
    .prepare(
      `INSERT INTO snapshots (id, query, query_version, params, scope, scope_label, as_of, taken_at, taken_by, row_count, created_at, updated_at, updated_by)
       VALUES (@id, @query, @version, @params, @scope, @scopeLabel, @asOf, @takenAt, @takenBy, @rowCount, @takenAt, @takenAt, @takenBy)`,
    )
    .run({
      id,
      query: view.name,
      version: view.version,
      params: JSON.stringify(params),
      scope: JSON.stringify(request.scope),
      scopeLabel: label,
      asOf: request.asOf,
      takenAt,
      takenBy,
      rowCount: rows.length,
    });
  const insertRow = db.sqlite.prepare('INSERT INTO snapshot_rows (id, snapshot_id, position, data) VALUES (?, ?, ?, ?)');
  rows.forEach((row, position) => insertRow.run(newId(), id, position, JSON.stringify(row)));
  return { id, takenAt, rowCount: rows.length };
}
