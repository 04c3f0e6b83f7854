// Choosing a ready view and its parameters (year, period …) for an agenda item or a session's
// analysis. The scope comes from the caller (the meeting's or session's); the picker reports a
// complete ViewRef, or null while a required parameter is missing.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewListItem, ViewParamField, ViewRef, ViewScope } from '../../db/api/contract.ts';
import { useQuery } from './useQuery.ts';

export interface ViewPickerProps {
  scope: ViewScope;
  value: ViewRef | null;
  onChange: (ref: ViewRef | null) => void;
}

/** A parameter's first value: this year for a year, empty otherwise. */
function initialValue(field: ViewParamField): unknown {
  if (field.kind === 'integer' && /year/i.test(field.key) && !field.optional) return new Date().getFullYear();
  return undefined;
}

export function defaultParams(view: ViewListItem): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of view.params) {
    const value = initialValue(field);
    if (value !== undefined) params[field.key] = value;
  }
  return params;
}

export function ViewPicker({ scope, value, onChange }: ViewPickerProps) {
  const { t } = useTranslation('views');
  const id = useId();
  const views = useQuery('views.list', {}).data ?? [];
  const chosen = views.find((v) => v.name === value?.name);

  const choose = (name: string) => {
    const view = views.find((v) => v.name === name);
    onChange(view ? { name: view.name, params: defaultParams(view), scope } : null);
  };
  const setParam = (key: string, raw: string, kind: ViewParamField['kind']) => {
    if (!value) return;
    const params = { ...value.params };
    if (raw === '') delete params[key];
    else params[key] = kind === 'integer' ? Number(raw) : raw;
    onChange({ ...value, params, scope });
  };

  return (
    <div className="view-picker form-row">
      <label htmlFor={`${id}-view`}>{t('pickView')}</label>
      <select id={`${id}-view`} value={value?.name ?? ''} onChange={(e) => choose(e.target.value)}>
        <option value="">{t('choose')}</option>
        {views.map((v) => (
          <option key={v.name} value={v.name}>
            {v.label}
          </option>
        ))}
      </select>
      {chosen?.params.map((field) => {
        const current = value?.params[field.key];
        return (
          <label key={field.key} className="inline-label">
            {t(`params.${field.key}`, { defaultValue: field.key })}
            <input
              type={field.kind === 'integer' ? 'number' : field.kind === 'date' ? 'date' : 'text'}
              required={!field.optional}
              value={typeof current === 'number' || typeof current === 'string' ? current : ''}
              onChange={(e) => setParam(field.key, e.target.value, field.kind)}
              {...(field.kind === 'integer' ? { min: 2000, max: 2100, step: 1 } : {})}
            />
          </label>
        );
      })}
    </div>
  );
}
