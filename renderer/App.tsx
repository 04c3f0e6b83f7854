// The app frame: header with the open database and the demo switch, the area navigation, pages.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../db/api/contract.ts';
import { call, errorMessage } from './api.ts';
import { StatusProvider, useStatus } from './components/Status.tsx';
import { LANGUAGE_KEY } from './i18n/index.ts';
import { OverviewPage } from './pages/overview/OverviewPage.tsx';
import { UnitsPage } from './pages/units/UnitsPage.tsx';

interface Route {
  path: string;
  labelKey: string;
  render: (databaseKey: string) => ReactNode;
}

/** Only areas that work are listed; later areas add their route here. */
const ROUTES: Route[] = [
  { path: '/', labelKey: 'nav.overview', render: (key) => <OverviewPage databaseKey={key} /> },
  { path: '/enheter', labelKey: 'nav.units', render: (key) => <UnitsPage key={key} /> },
];

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '') || '/';
  return ROUTES.some((r) => r.path === path) ? path : '/';
}

function Frame() {
  const { t, i18n } = useTranslation();
  const status = useStatus();
  const [path, setPath] = useState(currentPath);
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    const onHash = () => setPath(currentPath());
    window.addEventListener('hashchange', onHash);
    call('app.info', {})
      .then(setInfo)
      .catch((e: unknown) => status({ message: errorMessage(e), tone: 'error' }));
    return () => window.removeEventListener('hashchange', onHash);
  }, [status]);

  const switchDatabase = useCallback(
    async (toDemo: boolean) => {
      try {
        setInfo(await call(toDemo ? 'app.openDemo' : 'app.closeDemo', {}));
      } catch (e) {
        status({ message: errorMessage(e), tone: 'error' });
      }
    },
    [status],
  );

  const changeLanguage = (lng: string) => {
    localStorage.setItem(LANGUAGE_KEY, lng);
    void i18n.changeLanguage(lng);
    document.documentElement.lang = lng;
  };

  const route = ROUTES.find((r) => r.path === path) ?? ROUTES[0];
  const databaseKey = `${info?.mode ?? 'loading'}`;

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header>
        <div className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◈
          </span>
          <div>
            <div className="brand-name">{t('appName')}</div>
            <div className="brand-tagline">{t('tagline')}</div>
          </div>
        </div>
        <div className="header-tools">
          {info ? <span className="muted">{t('database', { name: info.databaseName })}</span> : null}
          {info?.mode === 'demo' ? (
            <button type="button" onClick={() => void switchDatabase(false)}>
              {t('demo.close')}
            </button>
          ) : (
            <button type="button" onClick={() => void switchDatabase(true)}>
              {t('demo.open')}
            </button>
          )}
          <label className="language">
            <span className="visually-hidden">{t('language')}</span>
            <select value={i18n.language} onChange={(e) => changeLanguage(e.target.value)} aria-label={t('language')}>
              <option value="sv">{t('languages.sv')}</option>
              <option value="en">{t('languages.en')}</option>
            </select>
          </label>
        </div>
        </div>
        {info?.mode === 'demo' ? <div className="demo-banner">{t('demo.banner')}</div> : null}
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <a href={`#${r.path}`} aria-current={r.path === path ? 'page' : undefined}>
                  {t(r.labelKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          {info && route ? route.render(databaseKey) : <p>{t('loading')}</p>}
        </main>
      </div>
    </div>
  );
}

export function App() {
  return (
    <StatusProvider>
      <Frame />
    </StatusProvider>
  );
}
