// One polite live region for save results and notices, with an optional action (e.g. Ångra);
// failures go there through useFail. Inside a modal dialog (where the page's status line is inert)
// a failure is shown by ErrorText instead.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { errorMessage } from '../api.ts';

export interface Notice {
  message: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

const StatusContext = createContext<(notice: Notice | string) => void>(() => {});

export function useStatus() {
  return useContext(StatusContext);
}

/** A failure as a notice: the server's Swedish message, shown as an error. */
export function errorNotice(error: unknown): Notice {
  return { message: errorMessage(error), tone: 'error' };
}

/** Reports a failure in the status line: `.catch(fail)` or `catch (e) { fail(e) }`. */
export function useFail(): (error: unknown) => void {
  const status = useStatus();
  return useCallback((error: unknown) => status(errorNotice(error)), [status]);
}

/** A failure shown where the user is working (a dialog, a form): announced at once. */
export function ErrorText({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const show = useCallback((next: Notice | string) => setNotice(typeof next === 'string' ? { message: next } : next), []);
  return (
    <StatusContext.Provider value={show}>
      {children}
      <div className={`status-bar ${notice?.tone === 'error' ? 'status-error' : ''}`} role="status" aria-live="polite">
        {notice ? <span>{notice.message}</span> : null}
        {notice?.action ? (
          <button
            type="button"
            onClick={() => {
              notice.action?.run();
              setNotice(null);
            }}
          >
            {notice.action.label}
          </button>
        ) : null}
      </div>
    </StatusContext.Provider>
  );
}
