// One inspection (tillsyn) as a record: its details, the assessment of each kvalitetskrav and the
// required actions, every field saved on its own; reports and closing from the header.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_RESULTS,
  INSPECTION_ORIGINS,
  INSPECTION_TYPES,
  type AssessmentRow,
  type InspectionDetail,
  type MethodInput,
} from '../../../../db/api/contract.ts';
import { call } from '../../../api.ts';
import { useFail, useStatus } from '../../../components/Status.tsx';
import { saveDownload } from '../../../components/files.ts';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { ANNOUNCED_CODES, AutosaveText, CodeSelect, FieldMessage, SaveIndicator, useSaver } from './autosave.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { SelfAssessmentPanel } from '../../selfAssessment/SelfAssessmentPanel.tsx';
import { CloseInspectionDialog } from './CloseInspectionDialog.tsx';
import { withAction, withActions, withAssessmentUpdate, withoutAction } from './recordUpdates.ts';

type Patch = MethodInput<'inspections.update'>['patch'];
const METHODS = ['methodInterview', 'methodObservation', 'methodDocumentReview', 'methodRecordReview'] as const;

export function InspectionPage({ id }: { id: string }) {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const fail = useFail();
  const record = useQuery('inspections.get', { id });
  const inspectors = useQuery('inspectors.list', { includeArchived: true }).data ?? [];
  const themes = useQuery('themes.list', {}).data ?? [];
  const [closing, setClosing] = useState(false);
  const { state, errors, save } = useSaver();
  const detail = record.data;
  const { setData: setDetail, update: updateDetail, reload } = record;

  if (!detail && record.error) return <p>{t('record.notFound')}</p>;
  if (!detail) return <p>{t('common:loading')}</p>;

  const closed = detail.status === 'avslutad';
  const update = (field: string, patch: Patch) =>
    save(field, async () => {
      setDetail(await call('inspections.update', { id, patch }));
    });
  const nullableDate = (value: string) => (value.trim() === '' ? null : value.trim());

  const download = async (method: 'reports.inspectionPdf' | 'reports.inspectionDocx') => {
    try {
      const file = await call(method, { inspectionId: id });
      saveDownload(file);
      status(t('record.exported', { fileName: file.fileName }));
    } catch (error) {
      fail(error);
    }
  };

  const reopen = async () => {
    try {
      setDetail(await call('inspections.reopen', { id }));
    } catch (error) {
      fail(error);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('record.deleteConfirm', { unit: detail.unitName, date: detail.startDate }))) return;
    try {
      await call('inspections.delete', { id });
      status(t('record.deleted'));
      window.location.hash = '#/tillsyner';
    } catch (error) {
      fail(error);
    }
  };

  // The page follows the method's own result: the assessment, a created and removed required actions.
  const setResult = (assessment: AssessmentRow, patch: MethodInput<'assessments.update'>['patch']) =>
    save(`assessment-${assessment.id}`, async () => {
      const result = await call('assessments.update', { id: assessment.id, patch });
      updateDetail((d) => withAssessmentUpdate(d, result));
      // An untouched action's text follows a new observation; the result does not carry that
      // action, so this record's actions (not the whole inspection) are read again.
      const linked = detail.actions.some((a) => a.assessmentId === assessment.id);
      if (patch.observation !== undefined && linked && !result.createdAction) {
        const listed = await call('actions.list', { filter: 'all', inspectionId: id });
        updateDetail((d) => withActions(d, listed));
      }
      if (result.createdAction) return t('record.actionCreated', { code: assessment.code });
      if (result.removedActionIds.length) return t('record.actionRemoved', { code: assessment.code });
    });

  // A result shows at once; a refused one goes back to what was stored.
  const chooseResult = async (assessment: AssessmentRow, result: AssessmentRow['result']) => {
    const swap = (to: AssessmentRow) => updateDetail((d) => ({ ...d, assessments: d.assessments.map((x) => (x.id === to.id ? to : x)) }));
    swap({ ...assessment, result });
    if (!(await setResult(assessment, { result }))) swap(assessment);
  };

  const assessmentColumns: DataColumn<AssessmentRow>[] = [
    {
      key: 'requirement',
      header: t('record.requirement'),
      rowHeader: true,
      render: (a) => (
        <span title={a.description}>
          <span className="requirement-code">{a.code}</span> {a.title}
          {a.version > 1 ? <span className="muted small"> ({t('record.version', { version: a.version })})</span> : null}
        </span>
      ),
    },
    {
      key: 'result',
      header: t('record.result'),
      render: (a) => (
        <>
          <label className="visually-hidden" htmlFor={`result-${a.id}`}>
            {t('record.resultFor', { code: a.code })}
          </label>
          <select
            id={`result-${a.id}`}
            className={`result-select result-${a.result}`}
            value={a.result}
            disabled={closed}
            onChange={(e) => void chooseResult(a, e.target.value as (typeof ASSESSMENT_RESULTS)[number])}
          >
            {ASSESSMENT_RESULTS.map((r) => (
              <option key={r} value={r}>
                {t(`codes.result.${r}`)}
              </option>
            ))}
          </select>
        </>
      ),
    },
    {
      key: 'observation',
      header: t('record.observation'),
      render: (a) => (
        <AutosaveText
          key={`obs-${a.id}-${a.observation}`}
          id={`observation-${a.id}`}
          label={t('record.observationFor', { code: a.code })}
          hiddenLabel
          multiline
          rows={2}
          value={a.observation}
          disabled={closed}
          error={errors[`assessment-${a.id}`]}
          onSave={(v) => setResult(a, { observation: v })}
        />
      ),
    },
  ];

  // Choices show the new state at once; a refused save reloads the stored one.
  const optimistic = async (field: string, shown: InspectionDetail, patch: Patch) => {
    setDetail(shown);
    if (!(await update(field, patch))) await reload();
  };
  const toggleInspector = (inspectorId: string, on: boolean) => {
    const others = detail.inspectors.filter((i) => i.id !== inspectorId);
    const added = inspectors.find((i) => i.id === inspectorId);
    const next = on && added ? [...others, { id: added.id, name: added.name }] : others;
    return optimistic('inspectorIds', { ...detail, inspectors: next }, { inspectorIds: next.map((i) => i.id) });
  };
  const selectableInspectors = inspectors.filter((i) => !i.archivedAt || detail.inspectors.some((d) => d.id === i.id));

  return (
    <section className="page inspection-record" aria-labelledby="page-title">
      <p className="breadcrumb">
        <a href="#/tillsyner">← {t('record.back')}</a>
      </p>
      <header className="page-header">
        <div>
          <h1 id="page-title">{detail.unitName}</h1>
          <p className="muted">
            {detail.operatingAreaName} · {detail.provider} · {detail.startDate}{' '}
            <span className={`badge badge-${detail.status}`}>{t(`codes.status.${detail.status}`)}</span>
            {detail.overdueActionCount > 0 ? (
              <span className="badge badge-overdue">{t('overdueCount', { count: detail.overdueActionCount })}</span>
            ) : null}
          </p>
        </div>
        <SaveIndicator state={state} />
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('record.details')}>
        <button type="button" onClick={() => void download('reports.inspectionPdf')}>
          {t('record.reportPdf')}
        </button>
        <button type="button" onClick={() => void download('reports.inspectionDocx')}>
          {t('record.reportDocx')}
        </button>
        <span className="toolbar-spacer" />
        {closed ? (
          <button type="button" onClick={() => void reopen()}>
            {t('record.reopen')}
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={() => setClosing(true)}>
            {t('record.close')}
          </button>
        )}
        <button type="button" onClick={() => void remove()}>
          {t('record.delete')}
        </button>
      </div>
      {closed ? (
        <p className="notice">
          {t('record.closedNote', { date: detail.closedAt?.slice(0, 10) ?? '' })}{' '}
          {detail.closeNote ? t('record.closedReason', { reason: detail.closeNote }) : null} {t('record.readOnly')}
        </p>
      ) : null}

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('record.details')}</h2>
        <div className="record-grid">
          <AutosaveText
            key={`start-${detail.startDate}`}
            id="startDate"
            label={t('record.startDate')}
            value={detail.startDate}
            placeholder={t('datePlaceholder')}
            disabled={closed}
            error={errors.startDate}
            onSave={(v) => update('startDate', { startDate: v.trim() })}
          />
          <AutosaveText
            key={`end-${detail.endDate ?? ''}`}
            id="endDate"
            label={t('record.endDate')}
            value={detail.endDate ?? ''}
            placeholder={t('datePlaceholder')}
            disabled={closed}
            error={errors.endDate}
            onSave={(v) => update('endDate', { endDate: nullableDate(v) })}
          />
          <CodeSelect
            id="inspectionType"
            label={t('record.type')}
            value={detail.inspectionType}
            codes={INSPECTION_TYPES}
            labelPrefix="codes.inspectionType"
            disabled={closed}
            onChange={(inspectionType) => void optimistic('inspectionType', { ...detail, inspectionType }, { inspectionType })}
          />
          <CodeSelect
            id="announced"
            label={t('record.announced')}
            value={detail.announced ? 'true' : 'false'}
            codes={ANNOUNCED_CODES}
            labelPrefix="codes.announced"
            disabled={closed}
            onChange={(code) => void optimistic('announced', { ...detail, announced: code === 'true' }, { announced: code === 'true' })}
          />
          <CodeSelect
            id="origin"
            label={t('record.origin')}
            value={detail.origin}
            codes={INSPECTION_ORIGINS}
            labelPrefix="codes.origin"
            disabled={closed}
            onChange={(origin) => void optimistic('origin', { ...detail, origin }, { origin })}
          />
          <div className="form-field">
            <label htmlFor="themeId">{t('record.theme')}</label>
            <select id="themeId" value={detail.themeId ?? ''} disabled={closed} onChange={(e) => void update('themeId', { themeId: e.target.value || null })}>
              <option value="">{t('record.noTheme')}</option>
              {themes.map((theme) => (
                <option key={theme.id} value={theme.id}>
                  {theme.title} ({theme.year})
                </option>
              ))}
            </select>
            <FieldMessage id="themeId-error" message={errors.themeId} />
          </div>
          <AutosaveText
            key={`rp-${detail.reportSentProviderAt ?? ''}`}
            id="reportSentProviderAt"
            label={t('record.reportSentProviderAt')}
            value={detail.reportSentProviderAt ?? ''}
            placeholder={t('datePlaceholder')}
            disabled={closed}
            error={errors.reportSentProviderAt}
            onSave={(v) => update('reportSentProviderAt', { reportSentProviderAt: nullableDate(v) })}
          />
          <AutosaveText
            key={`rc-${detail.reportSentCommissionerAt ?? ''}`}
            id="reportSentCommissionerAt"
            label={t('record.reportSentCommissionerAt')}
            value={detail.reportSentCommissionerAt ?? ''}
            placeholder={t('datePlaceholder')}
            disabled={closed}
            error={errors.reportSentCommissionerAt}
            onSave={(v) => update('reportSentCommissionerAt', { reportSentCommissionerAt: nullableDate(v) })}
          />
        </div>
        <div className="record-grid">
          <fieldset className="checkbox-group">
            <legend>{t('record.methods')}</legend>
            {METHODS.map((m) => (
              <label key={m} className="checkbox">
                <input type="checkbox" checked={detail[m]} disabled={closed} onChange={(e) => void optimistic(m, { ...detail, [m]: e.target.checked }, { [m]: e.target.checked })} />
                {t(`record.method.${m}`)}
              </label>
            ))}
          </fieldset>
          <fieldset className="checkbox-group">
            <legend>{t('record.inspectors')}</legend>
            {selectableInspectors.map((i) => (
              <label key={i.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={detail.inspectors.some((d) => d.id === i.id)}
                  disabled={closed}
                  onChange={(e) => void toggleInspector(i.id, e.target.checked)}
                />
                {i.name}
              </label>
            ))}
            <FieldMessage id="inspectorIds-error" message={errors.inspectorIds} />
          </fieldset>
        </div>
        <AutosaveText
          key={`participants-${detail.participants}`}
          id="participants"
          label={t('record.participants')}
          value={detail.participants}
          disabled={closed}
          multiline
          error={errors.participants}
          onSave={(v) => update('participants', { participants: v })}
        />
        <AutosaveText
          key={`summary-${detail.summary}`}
          id="summary"
          label={t('record.summary')}
          value={detail.summary}
          disabled={closed}
          multiline
          error={errors.summary}
          onSave={(v) => update('summary', { summary: v })}
        />
      </section>

      <section className="card" aria-labelledby="assessments-heading">
        <h2 id="assessments-heading">{t('record.assessments')}</h2>
        <p className="muted">
          {t('record.progress', { assessed: detail.assessedCount, total: detail.requirementCount, shortfalls: detail.shortfallCount })}
        </p>
        <DataTable
          rows={detail.assessments}
          columns={assessmentColumns}
          rowKey={(a) => a.id}
          ariaLabel={t('record.assessmentsLabel')}
          emptyText={t('record.noAssessments')}
          className="assessment-table"
          rowClassName={(a) => `result-${a.result}`}
        />
      </section>
      <SelfAssessmentPanel unitId={detail.unitId} inspection={detail} />

      <section className="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('record.actions')}</h2>
        <ActionsTable
          inspection={detail}
          onSaved={(action) => updateDetail((d) => withAction(d, action))}
          onDeleted={(actionId) => updateDetail((d) => withoutAction(d, actionId))}
          save={save}
          errors={errors}
        />
      </section>
      <CloseInspectionDialog
        open={closing}
        inspection={detail}
        onClose={() => setClosing(false)}
        onClosed={(d) => {
          setDetail(d);
          setClosing(false);
          status(t('closeDialog.closed'));
        }}
      />
    </section>
  );
}
