// Who changed a row and when: every write stamps updated_at/updated_by with the acting user.
import { format } from 'date-fns';
import type { ApiContext } from '../handle.ts';

export function stamp(ctx: ApiContext): { updatedAt: string; updatedBy: string } {
  return { updatedAt: new Date().toISOString(), updatedBy: ctx.actor.displayName || ctx.actor.osUser };
}

/** Today's date in the user's local time zone, as ISO text (2026-11-23). */
export function todayIso(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}
