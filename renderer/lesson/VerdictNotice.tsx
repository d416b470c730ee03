/**
 * What the backend found when it did not confirm the page's own result: the attempt is recorded
 * with the backend's verdict (decision 0023), and the learner is told which one, and why.
 */
import { useTranslation } from 'react-i18next';
import type { RecordedVerdict } from '../../shared/api/calls/lessons.ts';

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
  const text = verdict.runnerError
    ? t('verdict.runnerError', { reason: verdict.runnerError })
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
      {!passed && (verdict.failures?.length || verdict.message) ? (
        <details open>
          <summary>{t('verdict.failures')}</summary>
          {verdict.message ? <p className="mono">{verdict.message}</p> : null}
          {verdict.failures?.length ? (
            <ul>
              {verdict.failures.map((f, i) => (
                <li key={i}>
                  <span className="mono">{f.name}</span>
                  {f.message ? <pre className="mono">{f.message}</pre> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
