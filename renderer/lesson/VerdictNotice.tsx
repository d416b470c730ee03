/**
 * What the backend found when it did not confirm the page's own result: the attempt is recorded
 * with the backend's verdict (decision 0023), and the learner is told which one, and why.
 */
import { useTranslation } from 'react-i18next';
import type { RecordedVerdict } from '../../shared/api/calls/lessons.ts';
import { learnerErrorText, testMessageText } from '../i18n/runner-text.ts';

export function VerdictNotice({
  verdict,
  kind = 'check',
}: {
  verdict: RecordedVerdict | null;
  /** A Check of code, or a predict / quiz answer. */
  kind?: 'check' | 'answer';
}) {
  const { t } = useTranslation();
  if (!verdict || !verdict.verified || verdict.agreed) return null;
  const passed = verdict.status === 'pass';
  // The backend sends codes (verdict.reason, a failure's code); its English is for the log.
  const { reason } = verdict;
  const runnerError =
    reason?.code === 'runnerError'
      ? learnerErrorText(t, { type: '', message: '', code: reason.params?.code ?? 'runnerFailed' })
      : verdict.runnerError;
  const why =
    reason && reason.code !== 'runnerError' ? t(`verdict.reason.${reason.code}`, { ...reason.params }) : null;
  const text = runnerError
    ? t('verdict.runnerError', { reason: runnerError })
    : kind === 'answer'
      ? t(passed ? 'verdict.answerPassed' : 'verdict.answerFailed')
      : passed
        ? t('verdict.checkPassed', { passed: verdict.testsPassed, total: verdict.testsTotal })
        : verdict.testsTotal > 0
          ? t('verdict.checkFailed', { passed: verdict.testsPassed, total: verdict.testsTotal })
          : t('verdict.checkFailedNoTests');
  return (
    <div
      className={passed ? 'verdict-notice ok' : 'verdict-notice bad'}
      role="alert"
      data-testid="verdict-notice"
      data-status={verdict.status}
    >
      <p>
        <strong>{t('verdict.label')}:</strong> {text}
      </p>
      {!passed && (verdict.failures?.length || why || verdict.error) ? (
        <details open>
          <summary>{t('verdict.failures')}</summary>
          {why ? <p className="mono">{why}</p> : null}
          {verdict.error ? <p className="mono">{learnerErrorText(t, verdict.error)}</p> : null}
          {verdict.failures?.length ? (
            <ul>
              {verdict.failures.map((f, i) => {
                const message = testMessageText(t, f);
                return (
                  <li key={i}>
                    <span className="mono">{f.name}</span>
                    {message ? <pre className="mono">{message}</pre> : null}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
