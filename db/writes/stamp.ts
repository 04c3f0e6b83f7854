// Who changed a row and when: every write stamps updated_at/updated_by with the acting user.
import type { Actor } from '../session.ts';

export function stamp(by: { readonly actor: Actor }): { updatedAt: string; updatedBy: string } {
  return { updatedAt: new Date().toISOString(), updatedBy: by.actor.displayName || by.actor.osUser };
}
