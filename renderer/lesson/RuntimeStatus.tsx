import { useTranslation } from 'react-i18next';
import type { useRunner } from './useRunner.ts';

/** What the runner is doing, beside the Run and Check buttons: loading, running, ready or failed. */
export function RuntimeStatus({ runner }: { runner: ReturnType<typeof useRunner> }) {
  const { t } = useTranslation();
  const { runtime } = runner;
  return (
    <span className="runtime-state" role="status">
      {runner.running
        ? t(runtime.phase === 'loading' ? 'runner.waitingForRuntime' : 'runner.running')
        : runtime.phase === 'loading'
          ? t('runner.loadingRuntime', { percent: Math.round(runtime.fraction * 100) })
          : runtime.phase === 'failed'
            ? t('runner.runtimeFailed', { message: t(`runner.runtimeFailure.${runtime.code}`) })
            : t('runner.ready')}
    </span>
  );
}
