// One lex Sarah or lex Maria case: its fields (saved with "Spara ärendet"; the contract refuses a
// personnummer and the law's wrong severity, shown beside the field) and, once saved, its actions
// in the one action register with a form for the next.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LEX_CATEGORIES,
  LEX_SEVERITIES_BY_TYPE,
  LEX_STATUSES,
  LEX_TYPES,
  type LexCaseRow,
  type LexCaseValues,
  type LexCategory,
  type LexSeverity,
  type LexStatus,
  type LexType,
} from '../../../../db/api/contract.ts';
import { todayIso } from '../../../../db/shared/period.ts';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldError, FormFooter, invalidProps, issuesByField, type FieldErrors } from '../../../components/FieldError.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { LinkedActions } from '../../../kit/LinkedActions.tsx';
import { useQuery } from '../../../kit/useQuery.ts';

/** The form's values: a date field is text while it is typed. */
type Draft = Omit<LexCaseValues, 'ivoReportedOn'> & { ivoReportedOn: string };

const blank = (): Draft => ({
  lexType: 'lex_sarah',
  unitId: '',
  reportedOn: todayIso(),
  caseNumber: '',
  category: 'brister_omvardnad',
  severity: 'risk_for_missforhallande',
  status: 'anmald',
  ivoReported: false,
  ivoReportedOn: '',
  summary: '',
});

const fromRow = (r: LexCaseRow): Draft => ({
  lexType: r.lexType,
  unitId: r.unitId,
  reportedOn: r.reportedOn,
  caseNumber: r.caseNumber,
  category: r.category,
  severity: r.severity,
  status: r.status,
  ivoReported: r.ivoReported,
  ivoReportedOn: r.ivoReportedOn ?? '',
  summary: r.summary,
});

interface Props {
  lexCase: LexCaseRow | 'new' | null;
  onClose: () => void;
  onSaved: (saved: LexCaseRow) => void;
  onDeleted: () => void;
}

export function LexCaseDialog({ lexCase, onClose, onSaved, onDeleted }: Props) {
  const { t } = useTranslation('lexCases');
  const existing = lexCase !== null && lexCase !== 'new' ? lexCase : null;
  const title = existing ? t('dialog.editTitle', { caseNumber: existing.caseNumber || existing.reportedOn }) : t('dialog.newTitle');
  return (
    <Dialog title={title} open={lexCase !== null} onClose={onClose} wide>
      <p className="notice" role="note">
        {t('noPersonData')}
      </p>
      {/* A fresh form per case: a saved new case comes back with its id and opens as itself. */}
      <CaseForm key={existing?.id ?? 'new'} existing={existing} title={title} onClose={onClose} onSaved={onSaved} onDeleted={onDeleted} />
      {existing ? (
        <LinkedActions
          title={t('actions.title')}
          selection={{ lexCaseId: existing.id }}
          link={{ source: existing.lexType, lexCaseId: existing.id }}
          idPrefix="lex-action"
          onAdded={() => void call('lexCases.get', { id: existing.id }).then(onSaved)}
        />
      ) : null}
    </Dialog>
  );
}

function CaseForm({ existing, title, onClose, onSaved, onDeleted }: Omit<Props, 'lexCase'> & { existing: LexCaseRow | null; title: string }) {
  const { t } = useTranslation('lexCases');
  const status = useStatus();
  const [draft, setDraft] = useState<Draft>(() => (existing ? fromRow(existing) : blank()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const units = useQuery('units.list', { includeArchived: true }, { report: false }).data ?? [];

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setType = (lexType: LexType) =>
    setDraft((d) => ({ ...d, lexType, severity: LEX_SEVERITIES_BY_TYPE[lexType].includes(d.severity) ? d.severity : (LEX_SEVERITIES_BY_TYPE[lexType][1] ?? d.severity) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = { ...draft, ivoReportedOn: draft.ivoReported ? draft.ivoReportedOn || null : null };
    try {
      const saved = existing ? await call('lexCases.update', { id: existing.id, patch: values }) : await call('lexCases.create', values);
      setErrors({});
      setFormError('');
      status(existing ? t('dialog.saved') : t('dialog.created'));
      onSaved(saved);
    } catch (e) {
      setErrors(issuesByField(e));
      setFormError(errorMessage(e));
    }
  };

  const remove = async () => {
    if (!existing) return;
    try {
      await call('lexCases.delete', { id: existing.id });
      status(t('dialog.deleted'));
      onDeleted();
    } catch (e) {
      setFormError(errorMessage(e));
    }
  };

  const field = (key: keyof Draft, label: string, input: ReactNode, hint?: string) => (
    <div className={key === 'summary' ? 'form-field span-all' : 'form-field'}>
      <label htmlFor={`lex-${key}`}>{label}</label>
      {input}
      {hint ? (
        <span id={`lex-${key}-hint`} className="muted field-hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`lex-err-${key}`} message={errors[key]} />
    </div>
  );
  const attrs = (key: keyof Draft, hint = false) => {
    const invalid = invalidProps(errors, key, 'lex-err');
    const described = [invalid['aria-describedby'], hint ? `lex-${key}-hint` : undefined].filter(Boolean).join(' ');
    return { id: `lex-${key}`, 'aria-invalid': invalid['aria-invalid'], 'aria-describedby': described || undefined };
  };
  const options = <C extends string>(codes: readonly C[], prefix: string) =>
    codes.map((code) => (
      <option key={code} value={code}>
        {t(`${prefix}.${code as string}`)}
      </option>
    ));

  const areas = [...new Set(units.map((u) => u.operatingAreaName))];

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <div className="record-grid">
          {field('lexType', t('dialog.lexType'), <select {...attrs('lexType')} value={draft.lexType} onChange={(e) => setType(e.target.value as LexType)}>{options(LEX_TYPES, 'codes.lexType')}</select>)}
          {field(
            'unitId',
            t('dialog.unit'),
            <select {...attrs('unitId')} value={draft.unitId} onChange={(e) => set('unitId', e.target.value)}>
              <option value="">{t('dialog.chooseUnit')}</option>
              {areas.map((area) => (
                <optgroup key={area} label={area}>
                  {units
                    .filter((u) => u.operatingAreaName === area && (!u.archivedAt || u.id === draft.unitId))
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.archivedAt ? `${u.name} (${t('dialog.archived')})` : u.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>,
          )}
          {field('reportedOn', t('dialog.reportedOn'), <input {...attrs('reportedOn')} value={draft.reportedOn} placeholder="ÅÅÅÅ-MM-DD" onChange={(e) => set('reportedOn', e.target.value)} />)}
          {field('caseNumber', t('dialog.caseNumber'), <input {...attrs('caseNumber', true)} value={draft.caseNumber} onChange={(e) => set('caseNumber', e.target.value)} />, t('freeTextHint'))}
          {field('category', t('dialog.category'), <select {...attrs('category')} value={draft.category} onChange={(e) => set('category', e.target.value as LexCategory)}>{options(LEX_CATEGORIES, 'codes.category')}</select>)}
          {field('severity', t('dialog.severity'), <select {...attrs('severity')} value={draft.severity} onChange={(e) => set('severity', e.target.value as LexSeverity)}>{options(LEX_SEVERITIES_BY_TYPE[draft.lexType], 'codes.severity')}</select>)}
          {field('status', t('dialog.status'), <select {...attrs('status')} value={draft.status} onChange={(e) => set('status', e.target.value as LexStatus)}>{options(LEX_STATUSES, 'codes.status')}</select>)}
          <div className="form-field checkbox-field">
            <label className="checkbox">
              <input type="checkbox" checked={draft.ivoReported} onChange={(e) => set('ivoReported', e.target.checked)} />
              {t('dialog.ivoReported')}
            </label>
          </div>
          {draft.ivoReported
            ? field('ivoReportedOn', t('dialog.ivoReportedOn'), <input {...attrs('ivoReportedOn')} value={draft.ivoReportedOn} placeholder="ÅÅÅÅ-MM-DD" onChange={(e) => set('ivoReportedOn', e.target.value)} />)
            : null}
          {field('summary', t('dialog.summary'), <textarea {...attrs('summary', true)} rows={3} value={draft.summary} onChange={(e) => set('summary', e.target.value)} />, t('freeTextHint'))}
        </div>
        <FormFooter error={Object.keys(errors).length ? '' : formError} cancelLabel={t('common:close')} onCancel={onClose}>
          {existing && existing.actionCount === 0 ? (
            <button type="button" onClick={() => void remove()}>
              {t('dialog.delete')}
            </button>
          ) : null}
          <button type="submit" className="button-primary">
            {t('dialog.save')}
          </button>
        </FormFooter>
      </form>
  );
}
