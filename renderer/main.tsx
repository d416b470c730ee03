import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type i18next from 'i18next';
import { createApi } from './api/client.ts';
import { initI18n, resolveLocale, setLocale } from './i18n/index.ts';
import { failureText } from './i18n/failure.ts';
import { AppContext, type AppContextValue } from './app/context.ts';
import { App } from './app/App.tsx';
import { applyTheme } from './app/theme.ts';
import type { AppInfo, LanternApi, Settings, SettingsPatch } from '../shared/api/contract.ts';
import { runnerHost } from './runner/host.ts';
import { parseHash } from './app/router.ts';
import { withMonacoWords } from './editor/monaco-words.ts';
import './styles.css';

function Root({
  api,
  info,
  initial,
  i18n,
}: {
  api: LanternApi;
  info: AppInfo;
  initial: Settings;
  i18n: typeof i18next;
}) {
  const [settings, setSettings] = useState(initial);

  useEffect(() => applyTheme(settings.theme), [settings.theme]);
  useEffect(() => {
    void setLocale(resolveLocale(settings.language, navigator.languages));
  }, [settings.language]);
  useEffect(() => api.on('settingsChanged', setSettings), [api]);

  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      const next = await api.updateSettings(patch);
      setSettings(next);
      return next;
    },
    [api],
  );
  const value = useMemo<AppContextValue>(
    () => ({ api, info, settings, updateSettings }),
    [api, info, settings, updateSettings],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <AppContext.Provider value={value}>
        <App />
      </AppContext.Provider>
    </I18nextProvider>
  );
}

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const api = createApi();
    const [info, settings] = await Promise.all([api.getAppInfo({}), api.getSettings({})]);
    const i18n = await initI18n(resolveLocale(settings.language, navigator.languages));
    root.render(
      <StrictMode>
        <Root api={api} info={info} initial={settings} i18n={i18n} />
      </StrictMode>,
    );
  } catch (err) {
    // The learner's language setting could not be read: say why in the system's language.
    const i18n = await initI18n(resolveLocale('system', navigator.languages)).catch(() => null);
    root.render(
      <div className="fatal" role="alert">
        <h1>Lantern could not start · Lantern 无法启动</h1>
        <p>{i18n ? failureText(i18n.t, err) : ''}</p>
      </div>,
    );
  }
}

/**
 * Load the code runners and the editor in the background from the first moment, so the first
 * Run rarely waits and a lesson opens at once. Python's load runs in its worker while the page
 * itself boots. The Teacher page runs no code and has no editor: there the warm-up waits until
 * the teacher leaves it, rather than take a core and compile megabytes of editor script while
 * a class of hundreds is drawn.
 */
function warmUp() {
  // Python first, alone: its load is the long one, and on a small machine the JavaScript
  // sandbox and the editor would slow it down. They follow once Python is up.
  const host = runnerHost();
  void offTeacherPage()
    .then(() => {
      host.warm('python');
      return host.whenReady('python');
    })
    .then(offTeacherPage)
    .then(() => {
      host.warm('javascript');
      void withMonacoWords(() => import('./editor/MonacoEditor.tsx'));
    });
}

/** Resolves once the page shown is not the Teacher page. */
function offTeacherPage(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (parseHash(location.hash).route === 'teacher') return;
      window.removeEventListener('hashchange', check);
      resolve();
    };
    window.addEventListener('hashchange', check);
    check();
  });
}

warmUp();
void start();
