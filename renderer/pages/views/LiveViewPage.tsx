// A ready view with today's data: where a snapshot's "Visa med dagens data" leads (route /vy/:ref,
// the ref being the view, its parameters and scope as JSON, made by liveViewHref).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewRef } from '../../../db/api/contract.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ViewPanel } from '../../kit/ViewPanel.tsx';
import { useLiveView } from '../../kit/useView.ts';

function parseRef(text: string): ViewRef | null {
  try {
    const ref = JSON.parse(text) as Partial<ViewRef>;
    return typeof ref.name === 'string' && typeof ref.params === 'object' && ref.params !== null && typeof ref.scope === 'object' && ref.scope !== null
      ? { name: ref.name, params: ref.params, scope: ref.scope }
      : null;
  } catch {
    return null;
  }
}

export function LiveViewPage({ refText }: { refText: string }) {
  const { t } = useTranslation('views');
  const ref = useMemo(() => parseRef(refText), [refText]);
  const live = useLiveView(ref);
  return (
    <>
      <PageHeader title={live.data?.label ?? t('liveTitle')} />
      {ref === null ? <p role="alert">{t('badLink')}</p> : null}
      {live.error ? <p role="alert">{live.error}</p> : null}
      {live.data ? (
        <>
          <p className="muted">{t('liveNote', { date: live.data.asOf })}</p>
          <ViewPanel presentation={live.data.presentation} />
        </>
      ) : null}
    </>
  );
}
