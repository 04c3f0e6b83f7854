// Every version of one kvalitetskrav, latest first, with how many assessments refer to each.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequirementRow, RequirementVersionRow } from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';

interface VersionsProps {
  open: boolean;
  requirement: RequirementRow;
  onClose: () => void;
}

export function VersionsDialog(props: VersionsProps) {
  const { t } = useTranslation('requirements');
  return (
    <Dialog title={t('versions.title', { code: props.requirement.code })} open={props.open} onClose={props.onClose} wide>
      <VersionsBody {...props} />
    </Dialog>
  );
}

function VersionsBody({ requirement, onClose }: VersionsProps) {
  const { t } = useTranslation('requirements');
  const [versions, setVersions] = useState<RequirementVersionRow[] | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    let current = true;
    call('requirements.versions', { id: requirement.id })
      .then((rows) => current && setVersions(rows))
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [requirement.id]);

  return (
    <>
      <div className="table-scroll versions">
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        {versions === null && !error ? <p>{t('common:loading')}</p> : null}
        {versions ? (
          <table className="table">
            <caption>{t('versions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('versions.version')}</th>
                <th scope="col">{t('versions.validFrom')}</th>
                <th scope="col">{t('versions.title_')}</th>
                <th scope="col">{t('versions.description')}</th>
                <th scope="col">{t('versions.deadlineDays')}</th>
                <th scope="col">{t('versions.assessments')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.version}</th>
                  <td className="nowrap">{v.validFrom}</td>
                  <td>{v.title}</td>
                  <td>{v.description}</td>
                  <td>{v.deadlineDays ?? ''}</td>
                  <td>{v.assessmentCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </>
  );
}
