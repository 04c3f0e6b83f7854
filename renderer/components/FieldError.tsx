// Per-field messages from a refused save (ApiError.issues), shown beside the form's inputs.
import type { ReactNode } from 'react';
import { ApiError } from '../api.ts';
import { ErrorText } from './Status.tsx';

export type FieldErrors = Record<string, string>;

export function issuesByField(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.issues.map((i) => [i.field, i.message]));
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

/** aria attributes that tie an input to its message. */
export function invalidProps(errors: FieldErrors, key: string, idPrefix = 'err') {
  return { 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? `${idPrefix}-${key}` : undefined };
}

/** A form's last lines: the refusal as an alert (when no field shows it), Cancel, and the main action. */
export function FormFooter(props: { error?: string; cancelLabel: string; onCancel: () => void; children: ReactNode }) {
  return (
    <>
      <ErrorText message={props.error} />
      <div className="form-actions">
        <button type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        {props.children}
      </div>
    </>
  );
}
