// Reading the app's own settings (key → value) from the open database.
import { eq } from 'drizzle-orm';
import { settings } from '../schema/system.ts';
import type { Orm } from '../open.ts';

export function readSetting(orm: Orm, key: string): string | undefined {
  return orm.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}
