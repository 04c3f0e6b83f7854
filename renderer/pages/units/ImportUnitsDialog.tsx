// Import of units from .xlsx/.csv through the kit's import dialog: every bad row named, only a
// valid file imported.
import { useTranslation } from 'react-i18next';
import type { ImportPreview, UnitImportRow } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { useStatus } from '../../components/Status.tsx';
import { ImportDialog } from '../../kit/ImportDialog.tsx';

export function ImportUnitsDialog(props: { open: boolean; onClose: () => void; onImported: () => Promise<void> }) {
  const { t } = useTranslation('units');
  const status = useStatus();
  return (
    <ImportDialog<UnitImportRow, ImportPreview<UnitImportRow>, { inserted: number; createdAreas: number }>
      open={props.open}
      onClose={props.onClose}
      title={t('import.title')}
      columnsHelp={t('import.columnsHelp')}
      columns={[
        { key: 'area', header: t('columns.operatingArea'), value: (r) => r.operatingAreaName },
        { key: 'name', header: t('columns.name'), value: (r) => r.name },
        { key: 'unitType', header: t('columns.unitType'), value: (r) => t(`unitTypes.${r.unitType}`) },
        { key: 'regi', header: t('columns.regi'), value: (r) => t(`regi.${r.regi}`) },
        { key: 'provider', header: t('columns.provider'), value: (r) => r.provider || (r.regi === 'egen_regi' ? t('ownProvider') : '') },
        { key: 'manager', header: t('columns.manager'), value: (r) => r.manager },
      ]}
      preview={(file) => call('units.importPreview', { file })}
      commit={(file) => call('units.importCommit', { file })}
      commitLabel={(count) => t('import.commit', { count })}
      onImported={async (result) => {
        await props.onImported();
        status(t('import.done', result));
      }}
    />
  );
}
