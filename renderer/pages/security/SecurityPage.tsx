// Kryptering: whether the database file is encrypted, what that protects against and what not,
// and turning it on (opt-in) with a recovery code shown once.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../kit/useQuery.ts';

export function SecurityPage() {
  const { t } = useTranslation('security');
  const status = useStatus();
  const encryption = useQuery('security.encryptionStatus', {});
  const info = encryption.data ?? null;
  const [step, setStep] = useState<'confirm' | 'code' | null>(null);
  const [keep, setKeep] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [code, setCode] = useState('');

  const encrypt = async () => {
    setBusy(true);
    setError('');
    try {
      const result = await call('security.enableEncryption', { recoveryCodeWillBeKept: true });
      setCode(result.recoveryCode);
      setStep('code');
      void encryption.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const closeCode = () => {
    setStep(null);
    setCode('');
    setKeep(false);
    status(t('done'));
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="card">
        <h2>{t('status.heading')}</h2>
        {info === null ? (
          <p>{t('common:loading')}</p>
        ) : (
          <>
            <p role="status">{info.encrypted ? t('status.encrypted') : t('status.notEncrypted')}</p>
            {!info.encrypted && !info.available ? <p className="muted">{t('status.notAvailable', { reason: info.reason })}</p> : null}
            {info.available ? (
              <button type="button" className="button-primary" onClick={() => setStep('confirm')}>
                {t('enable')}
              </button>
            ) : null}
          </>
        )}
      </div>
      <div className="security-columns">
        <div className="card">
          <h2>{t('protects.heading')}</h2>
          <ul>
            <li>{t('protects.stolen')}</li>
            <li>{t('protects.copied')}</li>
            <li>{t('protects.backups')}</li>
          </ul>
        </div>
        <div className="card">
          <h2>{t('notProtects.heading')}</h2>
          <ul>
            <li>{t('notProtects.malware')}</li>
            <li>{t('notProtects.unlocked')}</li>
            <li>{t('notProtects.exports')}</li>
            <li>{t('notProtects.oldBackups')}</li>
          </ul>
        </div>
      </div>
      <p className="muted">{t('recoveryInfo')}</p>

      <Dialog title={t('confirmTitle')} open={step === 'confirm'} onClose={() => setStep(null)}>
        <div className="form">
          <p>{t('confirmText')}</p>
          <p>{t('recoveryInfo')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
            {t('confirmKeep')}
          </label>
          <ErrorText message={error} />
          {busy ? <p role="status">{t('working')}</p> : null}
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => setStep(null)}>
            {t('common:cancel')}
          </button>
          <button type="button" className="button-primary" disabled={!keep || busy} onClick={() => void encrypt()}>
            {t('confirmButton')}
          </button>
        </div>
      </Dialog>

      <Dialog title={t('codeTitle')} open={step === 'code'} onClose={closeCode}>
        <div className="form">
          <p>{t('codeText')}</p>
          <label className="form-field">
            {t('codeLabel')}
            <output className="recovery-code">{code}</output>
          </label>
        </div>
        <div className="form-actions">
          <button type="button" onClick={() => window.print()}>
            {t('print')}
          </button>
          <button type="button" className="button-primary" onClick={closeCode}>
            {t('codeSaved')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
