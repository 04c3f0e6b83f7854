// Writing one of the app's own settings (key → value).
import { settings } from '../schema/system.ts';
import type { Orm } from '../open.ts';

export function writeSetting(orm: Orm, key: string, value: string, by: string): void {
  orm
    .insert(settings)
    .values({ key, value, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date().toISOString(), updatedBy: by } })
    .run();
}
