// One snapshot on its own page (route /ogonblicksbild/:id): the frozen view as it was, with the
// link to the same view with today's data.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ViewPanel } from '../../kit/ViewPanel.tsx';
import { useSnapshot } from '../../kit/useView.ts';

export function SnapshotPage({ id }: { id: string }) {
  const { t } = useTranslation('views');
  const snapshot = useSnapshot(id);
  return (
    <>
      <PageHeader title={snapshot.data?.label ?? t('snapshotTitle')} />
      {snapshot.error ? <p role="alert">{snapshot.error}</p> : null}
      {snapshot.data ? <ViewPanel presentation={snapshot.data.presentation} frozen={{ asOf: snapshot.data.asOf, live: snapshot.data.live }} /> : null}
    </>
  );
}
