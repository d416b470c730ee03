import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useRuntimeState } from '../lesson/useRunner.ts';

export function AboutPage() {
  const { t } = useTranslation();
  const { info } = useApp();
  const isolated = globalThis.crossOriginIsolated === true;
  const python = useRuntimeState('python');
  const pythonState =
    python.phase === 'ready'
      ? t(python.python === 'snapshot' ? 'about.pythonSnapshot' : 'about.pythonStarted', {
          seconds: (python.loadMs / 1000).toFixed(1),
        })
      : python.phase === 'failed'
        ? t('runner.runtimeFailed', { message: t(`runner.runtimeFailure.${python.code}`) })
        : t('about.pythonLoading');
  const rows: [string, string, string?][] = [
    [t('about.version'), info.version],
    [t('about.mode'), info.mode === 'electron' ? t('about.modeElectron') : t('about.modeWeb')],
    [t('about.isolation'), isolated ? t('about.isolationOn') : t('about.isolationOff'), 'isolation'],
    [t('about.python'), pythonState, 'python-runner'],
    [t('about.dataDir'), info.dataDir],
    [t('about.database'), info.databaseFile],
    [t('about.schemaVersion'), String(info.schemaVersion)],
    [t('about.platform'), info.platform],
    [
      t('about.runtimes'),
      Object.entries(info.versions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ],
  ];
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('about.title')}</h1>
      <dl className="facts card">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd
              data-testid={testId}
              className={testId === 'isolation' ? (isolated ? 'ok' : 'bad') : undefined}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
