// The renderer's only door to data: one typed `call` over the contract. In Electron it uses the
// preload's window.api; in browser mode it POSTs to the loopback server with the launch token.
import type { ApiResult, FieldIssue, MethodInput, MethodName, MethodResult } from '../db/api/contract.ts';

type BridgedApi = Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;

declare global {
  interface Window {
    api?: BridgedApi;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly issues: FieldIssue[];
  constructor(code: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
}

const TOKEN_KEY = 'kvalitetsnavet.token';

/** Takes the launch token from the address (#token=…) once, then keeps it for this tab only. */
function launchToken(): string {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp(method: string, input: unknown, signal: AbortSignal | undefined): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Kvalitetsnavet-Token': launchToken() },
      body: JSON.stringify(input ?? {}),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, error: { code: 'internal', message: 'Kontakten med Kvalitetsnavet bröts. Är programmet igång?' } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, error: { code: 'internal', message: `Oväntat svar (${response.status}).` } };
  }
}

export function initApi(): void {
  if (!window.api) launchToken();
}

export interface CallOptions {
  /**
   * Lets a read whose answer is no longer wanted stop downloading and parsing it (browser mode;
   * over Electron's IPC the answer still comes and is ignored). Rejects with the abort reason.
   * Only for reads: an aborted write may still have been carried out.
   */
  signal?: AbortSignal;
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>, options: CallOptions = {}): Promise<MethodResult<M>> {
  const bridged = window.api?.[method];
  const result = bridged ? await bridged(input) : await overHttp(method, input, options.signal);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.issues ?? []);
  return result.value as MethodResult<M>;
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Ett oväntat fel inträffade.';
}
