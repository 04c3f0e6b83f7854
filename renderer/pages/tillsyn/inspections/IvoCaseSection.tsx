// An IVO case on the inspection record (origin IVO): IVO's decision date, its diarienummer and
// the day the answer was sent, each saved on its own. IVO's requirements are actions in the
// register (source IVO, the answer-due date as deadline), added in the actions table below.
import { useTranslation } from 'react-i18next';
import type { InspectionDetail, MethodInput } from '../../../../db/api/contract.ts';
import { AutosaveText } from './autosave.tsx';

type Patch = MethodInput<'inspections.update'>['patch'];
type IvoField = 'ivoDecisionDate' | 'ivoCaseNumber' | 'ivoAnswerSentAt';

interface Props {
  inspection: InspectionDetail;
  update: (field: string, patch: Patch) => Promise<boolean>;
  errors: Record<string, string>;
  disabled: boolean;
}

export function IvoCaseSection({ inspection, update, errors, disabled }: Props) {
  const { t } = useTranslation('tillsyn');
  const ivoActions = inspection.actions.filter((a) => a.source === 'ivo');
  const open = ivoActions.filter((a) => a.status !== 'stangd');
  const nextDue = open.map((a) => a.deadline).sort()[0];
  const field = (name: IvoField, isDate: boolean) => (
    <AutosaveText
      key={`${name}-${inspection[name] ?? ''}`}
      id={name}
      label={t(`ivo.${name}`)}
      value={inspection[name] ?? ''}
      placeholder={isDate ? t('datePlaceholder') : undefined}
      disabled={disabled}
      error={errors[name]}
      onSave={(v) => update(name, { [name]: isDate ? (v.trim() === '' ? null : v.trim()) : v })}
    />
  );
  return (
    <section className="card" aria-labelledby="ivo-heading">
      <h2 id="ivo-heading">{t('ivo.title')}</h2>
      <p className="muted">
        {t('ivo.requirementsCount', { count: ivoActions.length, open: open.length })}
        {nextDue ? ` ${t('ivo.nextDue', { date: nextDue })}` : ''}
      </p>
      <div className="record-grid">
        {field('ivoDecisionDate', true)}
        {field('ivoCaseNumber', false)}
        {field('ivoAnswerSentAt', true)}
      </div>
    </section>
  );
}
