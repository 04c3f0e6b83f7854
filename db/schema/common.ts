// Columns every table carries: a time-sortable UUID key that survives copying data between
// laptops, and created/updated stamps (UTC ISO) for a future sync server.
import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';

export const nowIso = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export function newId(): string {
  return uuidv7();
}

export const idColumn = () => text('id').primaryKey().$defaultFn(newId);

export const stampColumns = () => ({
  createdAt: text('created_at').notNull().default(nowIso),
  updatedAt: text('updated_at').notNull().default(nowIso),
  updatedBy: text('updated_by'),
});
