// The risk dialogs: a new risk with its first assessment, and one risk's assessments (before and
// re-assessments), a form to re-assess it after actions, and its actions in the one action
// register (source analysverkstad) with a form for the next. The contract refuses levels outside
// 1–4, an empty description, an action without ansvarig or due before the assessment; the
// message is shown beside the field and nothing is saved.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_CAUSES, type OperatingAreaRow, type RiskCause, type RiskRow } from '../../../db/api/contract.ts';
import { todayIso } from '../../../db/shared/period.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FieldError, FormFooter, invalidProps, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { DataTable } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { LinkedActions } from '../../kit/LinkedActions.tsx';

const LEVELS = [1, 2, 3, 4] as const;

/** A labelled form field with its error, ids prefixed per form. */
function useField(prefix: string, errors: FieldErrors) {
  return (key: string, label: string, input: (attrs: Record<string, unknown>) => ReactNode, wide = false) => (
    <div className={wide ? 'form-field span-all' : 'form-field'}>
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      {input({ id: `${prefix}-${key}`, ...invalidProps(errors, key, `${prefix}-err`) })}
      <FieldError id={`${prefix}-err-${key}`} message={errors[key]} />
    </div>
  );
}

function LevelSelect({ attrs, value, onChange, codes }: { attrs: Record<string, unknown>; value: number; onChange: (v: number) => void; codes: string }) {
  const { t } = useTranslation('risks');
  return (
    <select {...attrs} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {LEVELS.map((l) => (
        <option key={l} value={l}>
          {`${t(`${codes}.${l}`)} (${l})`}
        </option>
      ))}
    </select>
  );
}

interface NewRiskProps {
  open: boolean;
  areas: OperatingAreaRow[];
  defaultAreaId: string;
  onClose: () => void;
  onSaved: (saved: RiskRow) => void;
}

export function NewRiskDialog(props: NewRiskProps) {
  const { t } = useTranslation('risks');
  return (
    <Dialog title={t('dialog.newTitle')} open={props.open} onClose={props.onClose} wide>
      {props.open ? <NewRiskForm {...props} /> : null}
    </Dialog>
  );
}

function NewRiskForm({ areas, defaultAreaId, onClose, onSaved }: NewRiskProps) {
  const { t } = useTranslation('risks');
  const status = useStatus();
  const units = useQuery('units.list', {}, { report: false }).data ?? [];
  const [draft, setDraft] = useState({
    operatingAreaId: defaultAreaId,
    unitId: '',
    description: '',
    cause: 'processer_rutiner' as RiskCause,
    identifiedOn: todayIso(),
    probability: 2,
    severity: 2,
    note: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const field = useField('risk', errors);
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const areaName = areas.find((a) => a.id === draft.operatingAreaId)?.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call('risks.create', { ...draft, unitId: draft.unitId || null });
      status(t('dialog.created'));
      onSaved(saved);
    } catch (e) {
      setErrors(issuesByField(e));
      setFormError(errorMessage(e));
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('dialog.newTitle')}>
      <div className="record-grid">
        {field('operatingAreaId', t('dialog.area'), (a) => (
          <select {...a} value={draft.operatingAreaId} onChange={(e) => setDraft((d) => ({ ...d, operatingAreaId: e.target.value, unitId: '' }))}>
            <option value="">{t('dialog.chooseArea')}</option>
            {areas.filter((x) => !x.archivedAt).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        ))}
        {field('unitId', t('dialog.unit'), (a) => (
          <select {...a} value={draft.unitId} onChange={(e) => set('unitId', e.target.value)}>
            <option value="">{t('dialog.wholeArea')}</option>
            {units
              .filter((u) => u.operatingAreaName === areaName && !u.archivedAt)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        ))}
        {field('description', t('dialog.description'), (a) => <textarea {...a} rows={2} value={draft.description} onChange={(e) => set('description', e.target.value)} />, true)}
        {field('cause', t('dialog.cause'), (a) => (
          <select {...a} value={draft.cause} onChange={(e) => set('cause', e.target.value as RiskCause)}>
            {RISK_CAUSES.map((c) => (
              <option key={c} value={c}>
                {t(`codes.cause.${c}`)}
              </option>
            ))}
          </select>
        ))}
        {field('identifiedOn', t('dialog.identifiedOn'), (a) => <input {...a} value={draft.identifiedOn} placeholder="ÅÅÅÅ-MM-DD" onChange={(e) => set('identifiedOn', e.target.value)} />)}
        {field('probability', t('dialog.probability'), (a) => <LevelSelect attrs={a} value={draft.probability} onChange={(v) => set('probability', v)} codes="codes.probability" />)}
        {field('severity', t('dialog.severity'), (a) => <LevelSelect attrs={a} value={draft.severity} onChange={(v) => set('severity', v)} codes="codes.severity" />)}
        {field('note', t('dialog.note'), (a) => <input {...a} value={draft.note} onChange={(e) => set('note', e.target.value)} />, true)}
      </div>
      <FormFooter error={Object.keys(errors).length ? '' : formError} cancelLabel={t('common:close')} onCancel={onClose}>
        <button type="submit" className="button-primary">
          {t('dialog.save')}
        </button>
      </FormFooter>
    </form>
  );
}

interface RiskDialogProps {
  risk: RiskRow | null;
  onClose: () => void;
  onChanged: (risk: RiskRow) => void;
  onDeleted: () => void;
}

export function RiskDialog({ risk, onClose, onChanged, onDeleted }: RiskDialogProps) {
  const { t } = useTranslation('risks');
  const status = useStatus();
  const [error, setError] = useState('');
  const title = risk ? t('dialog.riskTitle', { number: risk.number, description: risk.description }) : '';
  const remove = async () => {
    if (!risk) return;
    try {
      await call('risks.delete', { id: risk.id });
      status(t('dialog.deleted'));
      onDeleted();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={title} open={risk !== null} onClose={onClose} wide>
      {risk ? (
        <>
          <section aria-labelledby="risk-assessments-title">
            <h3 id="risk-assessments-title">{t('dialog.assessmentsTitle')}</h3>
            <DataTable
              rows={risk.assessments}
              rowKey={(a) => a.id}
              ariaLabel={t('dialog.assessmentsTitle')}
              columns={[
                { key: 'kind', header: t('dialog.kind'), value: (a) => (a.id === risk.assessments[0]?.id ? t('dialog.firstAssessment') : t('dialog.reassessment')) },
                { key: 'assessedOn', header: t('dialog.assessedOn'), type: 'date', value: (a) => a.assessedOn },
                { key: 'probability', header: t('dialog.probability'), value: (a) => `${t(`codes.probability.${a.probability}`)} (${a.probability})` },
                { key: 'severity', header: t('dialog.severity'), value: (a) => `${t(`codes.severity.${a.severity}`)} (${a.severity})` },
                { key: 'value', header: t('dialog.valueHeader'), value: (a) => t('dialog.value', { value: a.value, band: t(`codes.band.${a.band}`).toLocaleLowerCase('sv') }) },
                { key: 'note', header: t('dialog.note'), value: (a) => a.note },
              ]}
            />
          </section>
          <AssessForm key={`${risk.id}-${risk.assessments.length}`} risk={risk} onChanged={onChanged} />
          <LinkedActions
            title={t('actions.title')}
            selection={{ riskId: risk.id }}
            link={{ source: 'analysverkstad', riskId: risk.id }}
            idPrefix="risk-action"
            onAdded={() => onChanged(risk)}
          />
          <ErrorText message={error} />
          {risk.actionCount === 0 ? (
            <p>
              <button type="button" onClick={() => void remove()}>
                {t('dialog.delete')}
              </button>
            </p>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}

function AssessForm({ risk, onChanged }: { risk: RiskRow; onChanged: (risk: RiskRow) => void }) {
  const { t } = useTranslation('risks');
  const status = useStatus();
  const last = risk.assessments.at(-1);
  const [draft, setDraft] = useState({ assessedOn: todayIso(), probability: last?.probability ?? 2, severity: last?.severity ?? 2, note: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const field = useField('assess', errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call('risks.assess', { riskId: risk.id, ...draft });
      status(t('dialog.assessed'));
      onChanged(saved);
    } catch (e) {
      setErrors(issuesByField(e));
      setFormError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="risk-assess-title">
      <h3 id="risk-assess-title">{t('dialog.assessTitle')}</h3>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('dialog.assessTitle')}>
        {field('assessedOn', t('dialog.assessedOn'), (a) => <input {...a} value={draft.assessedOn} placeholder="ÅÅÅÅ-MM-DD" onChange={(e) => setDraft({ ...draft, assessedOn: e.target.value })} />)}
        {field('probability', t('dialog.probability'), (a) => <LevelSelect attrs={a} value={draft.probability} onChange={(v) => setDraft({ ...draft, probability: v })} codes="codes.probability" />)}
        {field('severity', t('dialog.severity'), (a) => <LevelSelect attrs={a} value={draft.severity} onChange={(v) => setDraft({ ...draft, severity: v })} codes="codes.severity" />)}
        {field('note', t('dialog.note'), (a) => <input {...a} value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />)}
        <button type="submit">{t('dialog.assess')}</button>
      </form>
      <ErrorText message={Object.keys(errors).length ? '' : formError} />
    </section>
  );
}
