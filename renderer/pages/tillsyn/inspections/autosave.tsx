// Fields that save themselves: text on blur, choices on change, with the server's refusal shown
// on the field and a visible save state ("Sparar …", "Sparat", "Sparades inte").
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../../api.ts';
import { useStatus } from '../../../components/Status.tsx';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** Runs saves, tracks the visible state and the refusal per field. */
export function useSaver() {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const [state, setState] = useState<SaveState>('idle');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useCallback(
    /** run may return a message to show instead of "Sparat". */
    async (field: string, run: () => Promise<string | void>): Promise<boolean> => {
      setState('saving');
      try {
        const message = await run();
        setErrors((e) => {
          const { [field]: _gone, ...rest } = e;
          return rest;
        });
        setState('saved');
        status(message || t('common:saved'));
        return true;
      } catch (error) {
        const message = (error instanceof ApiError ? error.issues[0]?.message : undefined) ?? errorMessage(error);
        setErrors((e) => ({ ...e, [field]: message }));
        setState('error');
        status({ message: t('common:notSaved', { message }), tone: 'error' });
        return false;
      }
    },
    [status, t],
  );
  return { state, errors, save };
}

export function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation('tillsyn');
  // The status bar announces saves; this is the visible, quiet confirmation beside the form.
  return (
    <span className={`save-state save-state-${state}`} aria-hidden="true">
      {state === 'idle' ? '' : t(`saveState.${state}`)}
    </span>
  );
}

export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

interface AutosaveTextProps {
  id: string;
  label: string;
  value: string;
  onSave: (value: string) => Promise<boolean>;
  error?: string | undefined;
  multiline?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** Hide the label visually (e.g. in a table whose header names the column). */
  hiddenLabel?: boolean;
  className?: string;
  rows?: number;
  /** The id of a <datalist> offering usual values for a one-line field. */
  list?: string;
}

/**
 * A text field saved when it loses focus (or on Enter in a single line). Remount it with
 * key={value} so a saved value from the server replaces the draft.
 */
export function AutosaveText(props: AutosaveTextProps) {
  const [draft, setDraft] = useState(props.value);
  // Enter and the following blur must not save the same text twice.
  const inFlight = useRef<string | null>(null);
  const commit = () => {
    // Typing the stored value back after a refusal saves it again, which clears the refusal.
    const unchanged = draft === props.value && !props.error;
    if (unchanged || inFlight.current === draft) return;
    inFlight.current = draft;
    void props.onSave(draft).finally(() => {
      inFlight.current = null;
    });
  };
  const common = {
    id: props.id,
    value: draft,
    disabled: props.disabled,
    placeholder: props.placeholder,
    'aria-invalid': Boolean(props.error),
    'aria-describedby': props.error ? `${props.id}-error` : undefined,
    onBlur: commit,
  };
  const field: ReactNode = props.multiline ? (
    <textarea {...common} rows={props.rows ?? 3} onChange={(e) => setDraft(e.target.value)} />
  ) : (
    <input
      {...common}
      list={props.list}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
  return (
    <div className={`form-field ${props.className ?? ''}`}>
      <label htmlFor={props.id} className={props.hiddenLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      {field}
      <FieldMessage id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

interface CodeSelectProps<C extends string> {
  id: string;
  label: string;
  value: C;
  codes: readonly C[];
  /** Catalog key before the code, e.g. 'codes.inspectionType'. */
  labelPrefix: string;
  onChange: (code: C) => void;
  disabled?: boolean;
}

/** A labelled choice among coded values (typ, initiativ, anmäld), named from the tillsyn catalog. */
export function CodeSelect<C extends string>(props: CodeSelectProps<C>) {
  const { t } = useTranslation('tillsyn');
  return (
    <div className="form-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value as C)}>
        {props.codes.map((code) => (
          <option key={code} value={code}>
            {t(`${props.labelPrefix}.${String(code)}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export const ANNOUNCED_CODES = ['true', 'false'] as const;
