// The one wrapper every transport runs: parse with the method's zod schema, run the handler,
// answer { ok, value } or { ok: false, error } with a closed error code and a Swedish message.
import { z } from 'zod';
import { contract, isMethodName, type MethodName, type MethodResult, type ParsedInput } from './contract.ts';
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

export type Handlers = {
  [M in MethodName]: (ctx: ApiContext, input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

export type Dispatch = (method: string, rawInput: unknown) => Promise<ApiResult<unknown>>;

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

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
    return { code: 'read_only', message: 'Databasen är skrivskyddad. Inget sparades.' };
  }
  return { code: 'internal', message: 'Ett oväntat fel inträffade. Inget sparades.' };
}

export function createDispatch(ctx: ApiContext, handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, rawInput) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'not_found', message: 'Okänd funktion.' } };
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
      // Whoever is acting now is recorded by the audit triggers (also after a database switch).
      // Not on a read-only (damaged) file: nothing is written there, temp tables included.
      if (!ctx.session.databaseProblem) setAuditActor(ctx.session.db.sqlite, ctx.actor);
      const handler = handlers[method] as (c: ApiContext, i: unknown) => unknown;
      const value = await handler(ctx, parsed.data);
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
