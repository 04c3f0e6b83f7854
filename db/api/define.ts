// How a contract method is declared: whether it reads or writes, its zod input schema and (as a
// phantom type) its result. The kind decides what the dispatch (db/api/handle.ts) does around the
// handler:
// - read:  runs the handler as is; it must not write.
// - write: refused with `read_only` while the database refuses writes; otherwise the handler's
//          synchronous write step runs inside one transaction opened by the dispatch, so a failure
//          anywhere leaves nothing written. Handlers never open their own top-level transaction.
// - file:  works on the database file as a whole (switch to the demo, back up, restore, encrypt):
//          the connection is closed, copied or replaced midway, so no row transaction can hold it;
//          the file code keeps these all-or-nothing itself.
import type { z } from 'zod';

export const METHOD_KINDS = ['read', 'write', 'file'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

export interface MethodSpec<I extends z.ZodType, R, K extends MethodKind = MethodKind> {
  readonly kind: K;
  readonly input: I;
  /** Never set at run time; carries the result type for the transports and the renderer. */
  readonly result?: R;
}

function declare<K extends MethodKind>(kind: K) {
  return <R>() =>
    <I extends z.ZodType>(input: I): MethodSpec<I, R, K> => ({ kind, input });
}

/** A method that only reads. */
export const read = declare('read');
/** A method that writes rows: one transaction per call, refused on a read-only database. */
export const write = declare('write');
/** A method that works on the database file as a whole (see the module comment). */
export const fileOperation = declare('file');
