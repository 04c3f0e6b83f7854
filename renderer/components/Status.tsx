// One polite live region for save results and notices, with an optional action (e.g. Ångra).
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

export interface Notice {
  message: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

const StatusContext = createContext<(notice: Notice | string) => void>(() => {});

export function useStatus() {
  return useContext(StatusContext);
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
