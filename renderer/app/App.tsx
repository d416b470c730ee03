import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './context.ts';
import { href, ROUTES, useLocation, type Route } from './router.ts';
import { LearnPage } from '../pages/LearnPage.tsx';
import { PracticePage } from '../pages/PracticePage.tsx';
import { ProgressPage } from '../pages/ProgressPage.tsx';
import { TeacherPage } from '../pages/TeacherPage.tsx';
import { SettingsPage } from '../pages/SettingsPage.tsx';
import { AboutPage } from '../pages/AboutPage.tsx';
import { ProfileSwitcher } from '../components/ProfileSwitcher.tsx';

const PAGES: Record<Route, () => React.JSX.Element> = {
  learn: LearnPage,
  practice: PracticePage,
  progress: ProgressPage,
  teacher: TeacherPage,
  settings: SettingsPage,
  about: AboutPage,
};

const SAME_FOR_EVERY_LEARNER = new Set<Route>(['settings', 'about', 'teacher']);

export function App() {
  const { t } = useTranslation();
  const { info, api } = useApp();
  const { route } = useLocation();
  const [dismissed, setDismissed] = useState<string[]>([]);
  // Another learner's records: the pages that show them load afresh (the key remounts them).
  // Settings, About and Teacher keep their state (a restore's result message, an import's
  // outcomes) when the learner changes: Teacher and About show the machine's data, and Settings
  // follows the learner's own settings through the settingsChanged and profileChanged events.
  const [learnerEpoch, setLearnerEpoch] = useState(0);
  const pageKey = SAME_FOR_EVERY_LEARNER.has(route) ? route : `${route}-${learnerEpoch}`;
  useEffect(() => api.on('profileChanged', () => setLearnerEpoch((n) => n + 1)), [api]);
  const Page = PAGES[route];
  const notices = info.notices.filter((n) => !dismissed.includes(n.code));
  return (
    <div className="app-frame">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('app.mainNav')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          <span>{t('app.name')}</span>
        </div>
        <ul>
          {ROUTES.map((r) => (
            <li key={r}>
              <a
                href={href(r)}
                className="nav-link"
                aria-current={r === route ? 'page' : undefined}
                data-route={r}
              >
                {t(`nav.${r}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ProfileSwitcher />
      <main id="main" className="content" tabIndex={-1}>
        {notices.map((n) => (
          <div key={n.code} className="notice" role="alert">
            <p>{t(`notice.${n.code}`, n.params)}</p>
            <button type="button" onClick={() => setDismissed((d) => [...d, n.code])}>
              {t('notice.dismiss')}
            </button>
          </div>
        ))}
        <Page key={pageKey} />
      </main>
    </div>
  );
}
