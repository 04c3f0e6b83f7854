// Units and verksamhetsområden found by the name a person writes in an import file, by the one
// folding (db/shared/names.ts). Archived ones count: data from before a unit closed still
// belongs to it. Used by the synpunkter and nyckeltal imports.
import { foldName } from '../shared/names.ts';
import type { AppDatabase } from '../open.ts';

export interface UnitRef {
  id: string;
  name: string;
  operatingAreaName: string;
}

export interface AreaRef {
  id: string;
  name: string;
}

/** Units by their folded name, and by "Enhet (Verksamhetsområde)" for a name used in two areas. */
export function unitLookup(db: AppDatabase): (text: string) => UnitRef[] {
  const all = db.sqlite
    .prepare<[], UnitRef>('SELECT u.id, u.name, a.name AS operatingAreaName FROM units u JOIN operating_areas a ON a.id = u.operating_area_id')
    .all();
  const byName = new Map<string, UnitRef[]>();
  const add = (key: string, unit: UnitRef) => byName.set(key, [...(byName.get(key) ?? []), unit]);
  for (const unit of all) {
    add(foldName(unit.name), unit);
    add(foldName(`${unit.name} (${unit.operatingAreaName})`), unit);
  }
  return (text) => byName.get(foldName(text)) ?? [];
}

/** Verksamhetsområden by their folded name (unique, see operating_areas_name_folded_unique). */
export function areaLookup(db: AppDatabase): (text: string) => AreaRef | undefined {
  const all = db.sqlite.prepare<[], AreaRef>('SELECT id, name FROM operating_areas').all();
  const byName = new Map(all.map((a) => [foldName(a.name), a]));
  return (text) => byName.get(foldName(text));
}
