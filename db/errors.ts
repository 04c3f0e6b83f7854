// Typed domain errors: a closed set of codes, a Swedish message for the user and an English
// detail for developers. Nothing else (no stack, path or personal data) crosses to the renderer.

export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'referenced',
  'read_only',
  'too_large',
  'unsupported_file',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, userMessage: string, detail = '', issues: FieldIssue[] = []) {
    super(userMessage);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.issues = issues;
  }
}

/** A problem with one field (a grid cell, a form input or an import cell). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
