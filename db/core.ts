// The public entry point of db/ for the transports: open a session and get one dispatch function.
import { createDispatch, type ApiContext, type Dispatch } from './api/handle.ts';
import { handlers } from './api/handlers/index.ts';
import { readSetting } from './api/handlers/app.ts';
import { currentOsUser, Session, type SessionOptions } from './session.ts';

export interface CoreOptions extends SessionOptions {
  appVersion: string;
  log?: (line: string) => void;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly session: Session;
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const session = new Session(options);
  const ctx: ApiContext = {
    session,
    actor: { osUser: currentOsUser(), displayName: readSetting(session.db.orm, 'displayName') ?? '' },
    appVersion: options.appVersion,
  };
  return {
    dispatch: createDispatch(ctx, handlers, options.log),
    session,
    close: () => session.close(),
  };
}

export { contract, methodNames, isMethodName, type MethodName } from './api/contract.ts';
export { DatabaseOpenError } from './open.ts';
