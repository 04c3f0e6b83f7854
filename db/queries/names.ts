// Names that must be unique, compared by the one folding (db/shared/names.ts): the lookups the
// uniqueness checks use, and the duplicates an older database brought along.
import { foldName } from '../shared/names.ts';
import type { AppDatabase } from '../open.ts';
import type { NameDuplicate } from '../api/units.contract.ts';

interface NamedRow {
  id: string;
  name: string;
}

/** The row among `rows` (other than `exceptId`) whose name folds like `name`, if any. */
export function sameNameIn<T extends NamedRow>(rows: readonly T[], name: string, exceptId?: string): T | undefined {
  const folded = foldName(name);
  return rows.find((r) => r.id !== exceptId && foldName(r.name) === folded);
}

// Compared in TypeScript over every row (these tables hold hundreds, not millions), not by the
// stored column: a duplicate kept by migration 0002 has no folded name, and must still clash.
const NAME_SCOPES: Record<NameScope, string> = {
  operatingArea: 'SELECT id, name FROM operating_areas',
  unit: 'SELECT id, name FROM units WHERE operating_area_id = ?',
  inspector: 'SELECT id, name FROM inspectors',
  requirement: 'SELECT id, code AS name FROM quality_requirements',
};
export type NameScope = NameDuplicate['scope'];

/** The existing row whose name (for a requirement: code) is the same as `name`, if any. */
export function findSameName(db: AppDatabase, scope: NameScope, name: string, options: { exceptId?: string; operatingAreaId?: string } = {}): NamedRow | undefined {
  const statement = db.sqlite.prepare<string[], NamedRow>(NAME_SCOPES[scope]);
  const rows = scope === 'unit' ? statement.all(options.operatingAreaId ?? '') : statement.all();
  return sameNameIn(rows, name, options.exceptId);
}

const DUPLICATES_SQL: Record<NameScope, string> = {
  operatingArea: `SELECT d.id, d.name, k.name AS sameAs, NULL AS operatingAreaName
    FROM operating_areas d JOIN operating_areas k ON k.name_folded IS NOT NULL AND k.id <> d.id
    WHERE d.name_folded IS NULL AND fold_name(k.name) = fold_name(d.name)`,
  unit: `SELECT d.id, d.name, k.name AS sameAs, a.name AS operatingAreaName
    FROM units d JOIN units k ON k.operating_area_id = d.operating_area_id AND k.name_folded IS NOT NULL AND k.id <> d.id
    JOIN operating_areas a ON a.id = d.operating_area_id
    WHERE d.name_folded IS NULL AND fold_name(k.name) = fold_name(d.name)`,
  inspector: `SELECT d.id, d.name, k.name AS sameAs, NULL AS operatingAreaName
    FROM inspectors d JOIN inspectors k ON k.name_folded IS NOT NULL AND k.id <> d.id
    WHERE d.name_folded IS NULL AND fold_name(k.name) = fold_name(d.name)`,
  requirement: `SELECT d.id, d.code AS name, k.code AS sameAs, NULL AS operatingAreaName
    FROM quality_requirements d JOIN quality_requirements k ON k.code_folded IS NOT NULL AND k.id <> d.id
    WHERE d.code_folded IS NULL AND fold_name(k.code) = fold_name(d.code)`,
};

/**
 * Rows kept by migration 0002 although their name folds like an older row's ("Älvgården" and
 * "älvgården" in one verksamhetsområde). Nothing was removed; they are listed until renamed.
 */
export function listNameDuplicates(db: AppDatabase): NameDuplicate[] {
  return (Object.keys(DUPLICATES_SQL) as NameScope[]).flatMap((scope) =>
    db.sqlite.prepare<[], Omit<NameDuplicate, 'scope'>>(DUPLICATES_SQL[scope]).all().map((row) => ({ scope, ...row })),
  );
}
