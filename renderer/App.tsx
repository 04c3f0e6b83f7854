// The app frame: header with the open database and the demo switch, the area navigation, pages.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from './api.ts';
import { StatusProvider, useFail } from './components/Status.tsx';
import { useQuery } from './kit/useQuery.ts';
import { LANGUAGE_KEY } from './i18n/index.ts';
import { OverviewPage } from './pages/overview/OverviewPage.tsx';
import { UnitsPage } from './pages/units/UnitsPage.tsx';
import { BackupsPage } from './pages/system/BackupsPage.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { SecurityPage } from './pages/security/SecurityPage.tsx';
import { PlanPage } from './pages/tillsyn/plan/PlanPage.tsx';
import { RequirementsPage } from './pages/tillsyn/requirements/RequirementsPage.tsx';
import { InspectionsPage } from './pages/tillsyn/inspections/InspectionsPage.tsx';
import { InspectionPage } from './pages/tillsyn/inspections/InspectionPage.tsx';
import { FollowUpPage } from './pages/tillsyn/followup/FollowUpPage.tsx';
import { AnnualPage } from './pages/tillsyn/annual/AnnualPage.tsx';
import { ThemesPage } from './pages/tillsyn/themes/ThemesPage.tsx';
import { LexCasesPage } from './pages/tillsyn/lex/LexCasesPage.tsx';
import { RisksPage } from './pages/risks/RisksPage.tsx';
import { FeedbackPage } from './pages/tillsyn/feedback/FeedbackPage.tsx';
import { TemplatesPage } from './pages/selfAssessment/TemplatesPage.tsx';
import { AnswersPage } from './pages/selfAssessment/AnswersPage.tsx';
import { ResultsPage } from './pages/selfAssessment/ResultsPage.tsx';
import { AnalysisSessionsPage } from './pages/analysis/AnalysisSessionsPage.tsx';
import { AnalysisSessionPage } from './pages/analysis/AnalysisSessionPage.tsx';
import { IndicatorsPage } from './pages/indicators/IndicatorsPage.tsx';
import { LiveViewPage } from './pages/views/LiveViewPage.tsx';
import { SnapshotPage } from './pages/views/SnapshotPage.tsx';
import { DeviationsPage } from './pages/deviations/DeviationsPage.tsx';
import { CouncilMeetingsPage } from './pages/council/CouncilMeetingsPage.tsx';
import { CouncilMeetingPage } from './pages/council/CouncilMeetingPage.tsx';
import { PresentationPage } from './pages/council/PresentationPage.tsx';

export interface RouteProps {
  /** Changes when another database is opened, so pages reload their data. */
  databaseKey: string;
  /** Values of the `:name` segments of the route's path. */
  params: Record<string, string>;
}

interface Route {
  /** e.g. '/enheter' or '/tillsyn/:id'; routes without labelKey are reached by links only. */
  path: string;
  labelKey?: string;
  /** Navigation group heading (message key); ungrouped routes come first. */
  groupKey?: string;
  render: (props: RouteProps) => ReactNode;
}

/** Only areas that work are listed; each area adds its routes here. */
const ROUTES: Route[] = [
  { path: '/', labelKey: 'nav.overview', render: ({ databaseKey }) => <OverviewPage key={databaseKey} /> },
  { path: '/enheter', labelKey: 'nav.units', render: ({ databaseKey }) => <UnitsPage key={databaseKey} /> },
  { path: '/tillsynsplan', labelKey: 'nav.plan', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <PlanPage key={databaseKey} /> },
  { path: '/kvalitetskrav', labelKey: 'nav.requirements', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <RequirementsPage key={databaseKey} /> },
  { path: '/tillsyner', labelKey: 'nav.inspections', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <InspectionsPage key={databaseKey} /> },
  { path: '/tillsyner/:id', render: ({ databaseKey, params }) => <InspectionPage key={`${databaseKey}-${params.id ?? ''}`} id={params.id ?? ''} /> },
  { path: '/uppfoljning', labelKey: 'nav.followUp', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <FollowUpPage key={databaseKey} /> },
  // Översikt links here: the register opened on one source's overdue actions.
  {
    path: '/uppfoljning/forsenade/:source',
    render: ({ databaseKey, params }) => <FollowUpPage key={`${databaseKey}-${params.source ?? ''}`} overdueSource={params.source ?? ''} />,
  },
  { path: '/tematisk-tillsyn', labelKey: 'nav.themes', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <ThemesPage key={databaseKey} /> },
  { path: '/lex-sarah-maria', labelKey: 'nav.lexCases', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <LexCasesPage key={databaseKey} /> },
  { path: '/synpunkter', labelKey: 'nav.feedback', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <FeedbackPage key={databaseKey} /> },
  { path: '/tillsynsberattelse', labelKey: 'nav.annual', groupKey: 'nav.groupTillsyn', render: ({ databaseKey }) => <AnnualPage key={databaseKey} /> },
  { path: '/sjalvskattning/resultat', labelKey: 'nav.selfResults', groupKey: 'nav.groupSelfAssessment', render: ({ databaseKey }) => <ResultsPage key={databaseKey} /> },
  { path: '/sjalvskattning/svar', labelKey: 'nav.selfAnswers', groupKey: 'nav.groupSelfAssessment', render: ({ databaseKey }) => <AnswersPage key={databaseKey} /> },
  { path: '/sjalvskattning/mallar', labelKey: 'nav.selfTemplates', groupKey: 'nav.groupSelfAssessment', render: ({ databaseKey }) => <TemplatesPage key={databaseKey} /> },
  { path: '/analysverkstad', labelKey: 'nav.analysisSessions', groupKey: 'nav.groupAnalysis', render: ({ databaseKey }) => <AnalysisSessionsPage key={databaseKey} /> },
  { path: '/analysverkstad/:id', render: ({ databaseKey, params }) => <AnalysisSessionPage key={`${databaseKey}-${params.id ?? ''}`} id={params.id ?? ''} /> },
  { path: '/kvalitetsrad', labelKey: 'nav.councilMeetings', groupKey: 'nav.groupCouncil', render: ({ databaseKey }) => <CouncilMeetingsPage key={databaseKey} /> },
  { path: '/kvalitetsrad/:id', render: ({ databaseKey, params }) => <CouncilMeetingPage key={`${databaseKey}-${params.id ?? ''}`} id={params.id ?? ''} /> },
  {
    path: '/kvalitetsrad/:id/presentation',
    render: ({ databaseKey, params }) => <PresentationPage key={`${databaseKey}-${params.id ?? ''}`} id={params.id ?? ''} />,
  },
  { path: '/nyckeltal', labelKey: 'nav.indicators', groupKey: 'nav.groupCouncil', render: ({ databaseKey }) => <IndicatorsPage key={databaseKey} /> },
  // A ready view with today's data, opened from a snapshot's link (renderer/kit/ViewPanel.tsx).
  { path: '/vy/:ref', render: ({ databaseKey, params }) => <LiveViewPage key={`${databaseKey}-${params.ref ?? ''}`} refText={params.ref ?? ''} /> },
  { path: '/ogonblicksbild/:id', render: ({ databaseKey, params }) => <SnapshotPage key={`${databaseKey}-${params.id ?? ''}`} id={params.id ?? ''} /> },
  { path: '/risker', labelKey: 'nav.risks', groupKey: 'nav.groupAnalysis', render: ({ databaseKey }) => <RisksPage key={databaseKey} /> },
  { path: '/avvikelser', labelKey: 'nav.deviations', groupKey: 'nav.groupAnalysis', render: ({ databaseKey }) => <DeviationsPage key={databaseKey} /> },
  { path: '/sparbarhet', labelKey: 'nav.audit', groupKey: 'nav.groupSystem', render: ({ databaseKey }) => <AuditPage key={databaseKey} /> },
  { path: '/kryptering', labelKey: 'nav.security', groupKey: 'nav.groupSystem', render: ({ databaseKey }) => <SecurityPage key={databaseKey} /> },
  { path: '/sakerhetskopior', labelKey: 'nav.backups', groupKey: 'nav.groupSystem', render: ({ databaseKey }) => <BackupsPage key={databaseKey} /> },
];

function matchRoute(path: string): { route: Route; params: Record<string, string> } | null {
  const parts = path.split('/').filter(Boolean);
  for (const route of ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      const part = decodeURIComponent(parts[i] ?? '');
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = part;
        return true;
      }
      return segment === part;
    });
    if (matches) return { route, params };
  }
  return null;
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '') || '/';
  return matchRoute(path) ? path : '/';
}

/** Navigation entries grouped under their headings, in the order the routes are listed. */
function navGroups(): { groupKey: string | undefined; routes: Route[] }[] {
  const groups: { groupKey: string | undefined; routes: Route[] }[] = [];
  for (const route of ROUTES.filter((r) => r.labelKey)) {
    const group = groups.find((g) => g.groupKey === route.groupKey);
    if (group) group.routes.push(route);
    else groups.push({ groupKey: route.groupKey, routes: [route] });
  }
  return groups;
}

function Frame() {
  const { t, i18n } = useTranslation();
  const fail = useFail();
  const [path, setPath] = useState(currentPath);
  const appInfo = useQuery('app.info', {});
  const info = appInfo.data ?? null;
  const setInfo = appInfo.setData;

  const reloadInfo = appInfo.reload;
  useEffect(() => {
    // Read again on every page change: a large file's background check may since have found it damaged.
    const onHash = () => {
      setPath(currentPath());
      void reloadInfo();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [reloadInfo]);

  const switchDatabase = useCallback(
    async (toDemo: boolean) => {
      try {
        setInfo(await call(toDemo ? 'app.openDemo' : 'app.closeDemo', {}));
      } catch (e) {
        fail(e);
      }
    },
    [fail, setInfo],
  );

  const changeLanguage = (lng: string) => {
    localStorage.setItem(LANGUAGE_KEY, lng);
    void i18n.changeLanguage(lng);
    document.documentElement.lang = lng;
  };

  const matched = matchRoute(path);
  const databaseKey = `${info?.mode ?? 'loading'}`;
  const activeTop = `/${path.split('/').filter(Boolean)[0] ?? ''}`;

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
        {info?.storageWarning ? (
          <div className="storage-warning" role="note">
            {info.storageWarning}
          </div>
        ) : null}
        {info?.databaseProblem ? (
          <div className="database-problem" role="alert">
            {info.databaseProblem} <a href="#/sakerhetskopior">{t('databaseProblem.restore')}</a>
          </div>
        ) : null}
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label={t('nav.label')}>
          {navGroups().map((group) => (
            <div key={group.groupKey ?? 'main'} className="nav-group">
              {group.groupKey ? <h2 className="nav-heading">{t(group.groupKey)}</h2> : null}
              <ul>
                {group.routes.map((r) => (
                  <li key={r.path}>
                    <a href={`#${r.path}`} aria-current={r.path === path ? 'page' : r.path !== '/' && r.path === activeTop ? 'true' : undefined}>
                      {t(r.labelKey ?? '')}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="app-main" tabIndex={-1}>
          {info && matched ? matched.route.render({ databaseKey, params: matched.params }) : <p>{t('loading')}</p>}
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
