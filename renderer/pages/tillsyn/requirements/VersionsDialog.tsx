// Every version of one kvalitetskrav, latest first, with how many assessments refer to each.
import { useTranslation } from 'react-i18next';
import type { RequirementRow, RequirementVersionRow } from '../../../../db/api/contract.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { ErrorText } from '../../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';

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
  // The status line is behind the modal dialog, so a failure is shown here.
  const { data: versions, error } = useQuery('requirements.versions', { id: requirement.id }, { report: false });
  const columns: DataColumn<RequirementVersionRow>[] = [
    { key: 'version', header: t('versions.version'), type: 'number', value: (v) => v.version, rowHeader: true },
    { key: 'validFrom', header: t('versions.validFrom'), type: 'date', value: (v) => v.validFrom },
    { key: 'title', header: t('versions.title_'), value: (v) => v.title },
    { key: 'description', header: t('versions.description'), value: (v) => v.description },
    { key: 'deadlineDays', header: t('versions.deadlineDays'), type: 'number', value: (v) => v.deadlineDays },
    { key: 'assessments', header: t('versions.assessments'), type: 'number', value: (v) => v.assessmentCount },
  ];

  return (
    <>
      <div className="table-scroll versions">
        <ErrorText message={error} />
        {versions === undefined && !error ? <p>{t('common:loading')}</p> : null}
        {versions ? <DataTable rows={versions} columns={columns} rowKey={(v) => v.id} caption={t('versions.caption')} /> : null}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </>
  );
}
