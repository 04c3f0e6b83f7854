// The one wrapper every transport runs: parse with the method's zod schema, run the handler,
// answer { ok, value } or { ok: false, error } with a closed error code and a Swedish message.
// Write methods (db/api/define.ts) are refused here on a read-only database and otherwise run in
// one transaction opened here: the one place where writes are let through.
import { z } from 'zod';
import { contract, isMethodName, type Contract, type MethodName, type MethodResult, type ParsedInput } from './contract.ts';
import { AppError, type ApiResult, type FieldIssue } from '../errors.ts';
import type { Actor, Session } from '../session.ts';
import { setAuditActor } from '../audit/trail.ts';
import type { EncryptionHost } from '../crypto/encryptionService.ts';
import type { BackupService } from '../backup/service.ts';

export interface ApiContext {
  readonly session: Session;
  actor: Actor;
  readonly appVersion: string;
  /** Backups of the own database; absent in contexts that never back up (some tests). */
  readonly backups?: BackupService;
  /** OS key storage for encryption at rest; only the desktop app has it. */
  readonly encryption?: EncryptionHost;
}

/** A read or file method: may be async (rendering a PDF, copying a file). */
export type ReadHandler<I, R> = (ctx: ApiContext, input: I) => R | Promise<R>;

/**
 * A write method whose work needs an await first (parsing an uploaded file): `prepare` runs before
 * the transaction and must not write; `write` gets its result and runs synchronously inside the
 * dispatch's transaction (a better-sqlite3 transaction can never span an await).
 */
export interface PreparedWrite<I, R, P = unknown> {
  prepare(ctx: ApiContext, input: I): Promise<P>;
  write(ctx: ApiContext, input: I, prepared: P): R;
}

/** A write method: synchronous, run by the dispatch inside one transaction; or prepare + write. */
export type WriteHandler<I, R> = ((ctx: ApiContext, input: I) => R) | PreparedWrite<I, R>;

/** Declares a prepared write; ties prepare's result to the write step's parameter. */
export function preparedWrite<I, R, P>(handler: PreparedWrite<I, R, P>): PreparedWrite<I, R> {
  return handler;
}

export type Handlers = {
  [M in MethodName]: Contract[M]['kind'] extends 'write'
    ? WriteHandler<ParsedInput<M>, MethodResult<M>>
    : ReadHandler<ParsedInput<M>, MethodResult<M>>;
};

export type Dispatch = (method: string, rawInput: unknown) => Promise<ApiResult<unknown>>;

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

const READ_ONLY_MESSAGE = 'Databasen är skrivskyddad och kan inte ändras. Inget sparades.';

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Turns anything thrown into a safe, Swedish error body; never a stack trace or a path. */
export function toErrorBody(error: unknown): Extract<ApiResult<never>, { ok: false }>['error'] {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) };
  }
  const code = sqliteCode(error);
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'conflict', message: 'Det finns redan en post med samma värden. Inget sparades.' };
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return { code: 'referenced', message: 'Posten hänger ihop med andra uppgifter och kan inte ändras så. Inget sparades.' };
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'invalid_input', message: 'Värdet är inte tillåtet. Inget sparades.' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'conflict', message: 'Databasen används av ett annat program just nu. Försök igen.' };
  }
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR' || code.startsWith('SQLITE_IOERR')) {
    return { code: 'internal', message: 'Ändringen kunde inte sparas: disken är full eller otillgänglig.' };
  }
  if (code === 'SQLITE_READONLY') {
    return { code: 'read_only', message: READ_ONLY_MESSAGE };
  }
  return { code: 'internal', message: 'Ett oväntat fel inträffade. Inget sparades.' };
}

function runRead(ctx: ApiContext, handler: ReadHandler<unknown, unknown>, input: unknown): unknown {
  // Whoever is acting now is recorded by the audit triggers (also after a database switch).
  // Not on a read-only (e.g. damaged) file: nothing may be written there, temp tables included.
  if (!ctx.session.readOnly) setAuditActor(ctx.session.db.sqlite, ctx.actor);
  return handler(ctx, input);
}

function assertWritable(ctx: ApiContext): void {
  if (ctx.session.readOnly) throw new AppError('read_only', READ_ONLY_MESSAGE, 'write method on a read-only database');
}

async function runWrite(ctx: ApiContext, handler: WriteHandler<unknown, unknown>, input: unknown): Promise<unknown> {
  assertWritable(ctx);
  const prepared = typeof handler === 'function' ? undefined : await handler.prepare(ctx, input);
  // Asked again: the session may have switched database while prepare awaited.
  assertWritable(ctx);
  const { sqlite } = ctx.session.db;
  setAuditActor(sqlite, ctx.actor);
  // IMMEDIATE takes the write lock at BEGIN, so the transaction cannot fail halfway on a busy lock.
  return sqlite
    .transaction(() => (typeof handler === 'function' ? handler(ctx, input) : handler.write(ctx, input, prepared)))
    .immediate();
}

export function createDispatch(ctx: ApiContext, handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'not_found', message: 'Okänd funktion.' } };
    }
    // A write on a read-only database is refused whatever its input: nothing could be saved.
    if (contract[method].kind === 'write' && ctx.session.readOnly) {
      // Read-only because the full check found the file damaged: say why, and the way out.
      return { ok: false, error: { code: 'read_only', message: ctx.session.databaseProblem ?? READ_ONLY_MESSAGE } };
    }
    const parsed = contract[method].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error);
      return {
        ok: false,
        error: { code: 'invalid_input', message: issues[0]?.message ?? 'Ogiltiga uppgifter.', issues },
      };
    }
    try {
      const handler = handlers[method];
      const value =
        contract[method].kind === 'write'
          ? await runWrite(ctx, handler as WriteHandler<unknown, unknown>, parsed.data)
          : await runRead(ctx, handler as ReadHandler<unknown, unknown>, parsed.data);
      return { ok: true, value };
    } catch (error) {
      const body = toErrorBody(error);
      // Read-only because the background check found the file damaged: say why, and the way out.
      if (body.code === 'read_only' && ctx.session.databaseProblem) body.message = ctx.session.databaseProblem;
      if (body.code === 'internal') {
        // The method name and error class only: inputs may hold personal data.
        log(`${method}: ${error instanceof Error ? `${error.name} ${sqliteCode(error)}` : 'unknown error'}`);
      }
      return { ok: false, error: body };
    }
  };
}
