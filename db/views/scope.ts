// A view's scope as names (for captions and frozen snapshots) and as the filters the area queries take.
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { ViewScope } from './types.ts';

export const WHOLE_ADMINISTRATION = 'Hela förvaltningen';

/** The scope's name as it is now: "Hela förvaltningen", a verksamhetsområde's or a unit's name. */
export function scopeLabel(db: Pick<AppDatabase, 'sqlite'>, scope: ViewScope): string {
  if (scope.kind === 'forvaltning') return WHOLE_ADMINISTRATION;
  const name =
    scope.kind === 'area'
      ? db.sqlite.prepare<[string], string>('SELECT name FROM operating_areas WHERE id = ?').pluck().get(scope.areaId)
      : db.sqlite.prepare<[string], string>('SELECT name FROM units WHERE id = ?').pluck().get(scope.unitId);
  if (name === undefined) {
    throw new AppError('not_found', scope.kind === 'area' ? 'Verksamhetsområdet finns inte längre.' : 'Enheten finns inte längre.');
  }
  return name;
}

/** Narrowing by verksamhetsområde for queries that filter on it; a unit scope narrows by unitId as well. */
export function scopeFilter(scope: ViewScope): { operatingAreaId?: string; unitId?: string } {
  if (scope.kind === 'area') return { operatingAreaId: scope.areaId };
  if (scope.kind === 'unit') return { unitId: scope.unitId };
  return {};
}
