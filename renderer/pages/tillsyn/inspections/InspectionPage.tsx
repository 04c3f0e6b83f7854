// One inspection (tillsyn) as a record: its details, the assessment of each kvalitetskrav and the
// required actions, every field saved on its own; reports and closing from the header.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ASSESSMENT_RESULTS,
  INSPECTION_ORIGINS,
  INSPECTION_TYPES,
  type InspectionDetail,
  type InspectorRow,
  type MethodInput,
  type ThemeRow,
} from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { useStatus } from '../../../components/Status.tsx';
import { saveDownload } from '../../../components/files.ts';
import { ANNOUNCED_CODES, AutosaveText, CodeSelect, FieldMessage, SaveIndicator, useSaver } from './autosave.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { CloseInspectionDialog } from './CloseInspectionDialog.tsx';

type Patch = MethodInput<'inspections.update'>['patch'];
const METHODS = ['methodInterview', 'methodObservation', 'methodDocumentReview', 'methodRecordReview'] as const;

export function InspectionPage({ id }: { id: string }) {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const [detail, setDetail] = useState<InspectionDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [inspectors, setInspectors] = useState<InspectorRow[]>([]);
  const [themes, setThemes] = useState<ThemeRow[]>([]);
  const [closing, setClosing] = useState(false);
  const { state, errors, save } = useSaver();

  const reload = useCallback(
    () =>
      call('inspections.get', { id })
        .then(setDetail)
        .catch((error: unknown) => {
          setMissing(true);
          status({ message: errorMessage(error), tone: 'error' });
        }),
    [id, status],
  );

  useEffect(() => {
    let current = true;
    Promise.all([call('inspections.get', { id }), call('inspectors.list', { includeArchived: true }), call('themes.list', {})])
      .then(([d, i, th]) => {
        if (!current) return;
        setDetail(d);
        setInspectors(i);
        setThemes(th);
      })
      .catch((error: unknown) => {
        if (!current) return;
        setMissing(true);
        status({ message: errorMessage(error), tone: 'error' });
      });
    return () => {
      current = false;
    };
  }, [id, status]);

  if (missing) return <p>{t('record.notFound')}</p>;
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
      status({ message: errorMessage(error), tone: 'error' });
    }
  };

  const reopen = async () => {
    try {
      setDetail(await call('inspections.reopen', { id }));
    } catch (error) {
      status({ message: errorMessage(error), tone: 'error' });
    }
  };

  const remove = async () => {
    if (!window.confirm(t('record.deleteConfirm', { unit: detail.unitName, date: detail.startDate }))) return;
    try {
      await call('inspections.delete', { id });
      status(t('record.deleted'));
      window.location.hash = '#/tillsyner';
    } catch (error) {
      status({ message: errorMessage(error), tone: 'error' });
    }
  };

  const setResult = (assessmentId: string, code: string, patch: MethodInput<'assessments.update'>['patch']) =>
    save(`assessment-${assessmentId}`, async () => {
      const result = await call('assessments.update', { id: assessmentId, patch });
      await reload();
      if (result.createdAction) return t('record.actionCreated', { code });
      if (result.removedActionIds.length) return t('record.actionRemoved', { code });
    });

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
        {detail.assessments.length === 0 ? (
          <p>{t('record.noAssessments')}</p>
        ) : (
          <table className="table assessment-table" aria-label={t('record.assessmentsLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('record.requirement')}</th>
                <th scope="col">{t('record.result')}</th>
                <th scope="col">{t('record.observation')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.assessments.map((a) => (
                <tr key={a.id} className={`result-${a.result}`}>
                  <th scope="row" title={a.description}>
                    <span className="requirement-code">{a.code}</span> {a.title}
                    {a.version > 1 ? <span className="muted small"> ({t('record.version', { version: a.version })})</span> : null}
                  </th>
                  <td>
                    <label className="visually-hidden" htmlFor={`result-${a.id}`}>
                      {t('record.resultFor', { code: a.code })}
                    </label>
                    <select
                      id={`result-${a.id}`}
                      className={`result-select result-${a.result}`}
                      value={a.result}
                      disabled={closed}
                      onChange={(e) => {
                        const result = e.target.value as (typeof ASSESSMENT_RESULTS)[number];
                        setDetail({ ...detail, assessments: detail.assessments.map((x) => (x.id === a.id ? { ...x, result } : x)) });
                        void setResult(a.id, a.code, { result }).then(async (ok) => {
                          if (!ok) await reload();
                        });
                      }}
                    >
                      {ASSESSMENT_RESULTS.map((r) => (
                        <option key={r} value={r}>
                          {t(`codes.result.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
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
                      onSave={(v) => setResult(a.id, a.code, { observation: v })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">{t('record.actions')}</h2>
        <ActionsTable inspection={detail} onChanged={reload} save={save} errors={errors} />
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
