// The bar above a register (Enheter, Tillsyner, Uppföljning, Kvalitetskrav, Spårbarhet): search and
// filters on the left in a named form, a count, and the actions (Ny …, Importera, Exportera) on the
// right. Tab order follows what is seen, left to right; Escape in the search field empties it.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface RegisterSearch {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export interface RegisterToolbarProps {
  /** Names the group of actions, e.g. "Enheter". */
  label: string;
  search?: RegisterSearch;
  /** Filter fields (selects, checkboxes, a "Rensa filter" button). */
  filters?: ReactNode;
  /** Names the filter form; "Filter" unless given. */
  filtersLabel?: string;
  /** A quiet note between filters and actions, e.g. "12 åtgärdskrav". */
  summary?: ReactNode;
  actions?: ReactNode;
}

export function RegisterToolbar(props: RegisterToolbarProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const { search } = props;
  return (
    <div className="register-toolbar">
      {search || props.filters ? (
        <form className="register-filters" aria-label={props.filtersLabel ?? t('kit.filters')} onSubmit={(e) => e.preventDefault()}>
          {search ? (
            <span className="register-search">
              <label htmlFor={searchId} className="visually-hidden">
                {search.label}
              </label>
              <input
                id={searchId}
                type="search"
                placeholder={search.label}
                value={search.value}
                onChange={(e) => search.onChange(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape' && search.value !== '') {
                    e.preventDefault();
                    search.onChange('');
                  }
                }}
              />
            </span>
          ) : null}
          {props.filters}
        </form>
      ) : null}
      {props.summary ? <span className="muted register-summary">{props.summary}</span> : null}
      {props.actions ? (
        <div className="register-actions" role="group" aria-label={props.label}>
          {props.actions}
        </div>
      ) : null}
    </div>
  );
}
