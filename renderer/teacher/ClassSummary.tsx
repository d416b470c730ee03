/**
 * The class view's summary of one track: who is stuck, the most-missed exercises and the
 * commonest kinds of failure, each with a learner's code as an example.
 */
import { useTranslation } from 'react-i18next';
import type { ClassView } from '../../shared/api/contract.ts';

/** The summary names this many stuck learners; the matrix's filter lists them all. */
const STUCK_SHOWN = 8;

export function ClassSummary({
  summary,
  exerciseTitle,
  onOpen,
  onShowAllStuck,
}: {
  summary: ClassView['summary'];
  exerciseTitle: (id: string) => string;
  onOpen: (learnerKey: string) => void;
  onShowAllStuck: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="summary-title" className="class-summary" data-testid="class-summary">
      <h3 id="summary-title">{t('classView.summaryTitle')}</h3>
      <div className="summary-grid">
        <div className="summary-box" data-testid="summary-stuck">
          <h4>{t('classView.stuckTitle')}</h4>
          <p className="muted small">{t('classView.stuckHelp', { count: 3, days: 7 })}</p>
          {summary.stuck.length ? (
            <ul>
              {summary.stuck.slice(0, STUCK_SHOWN).map((s) => (
                <li key={s.key}>
                  <button type="button" className="link-button" onClick={() => onOpen(s.key)}>
                    {t('classView.stuckItem', {
                      name: s.name,
                      count: s.failedChecks,
                      exercise: s.exercise ? exerciseTitle(s.exercise) : '?',
                    })}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('classView.stuckNone')}</p>
          )}
          {summary.stuck.length > STUCK_SHOWN && (
            <button type="button" className="link-button" onClick={onShowAllStuck}>
              {t('classView.stuckMore', { count: summary.stuck.length - STUCK_SHOWN })}
            </button>
          )}
        </div>
        <div className="summary-box" data-testid="summary-missed">
          <h4>{t('classView.missedTitle')}</h4>
          {summary.mostMissed.length ? (
            <ul>
              {summary.mostMissed.map((m) => (
                <li key={m.exercise}>
                  {t('classView.missedItem', {
                    exercise: exerciseTitle(m.exercise),
                    learners: m.learners,
                    checks: m.failedChecks,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('classView.missedNone')}</p>
          )}
        </div>
        <div className="summary-box" data-testid="summary-errors">
          <h4>{t('classView.errorsTitle')}</h4>
          {summary.errorKinds.length ? (
            <ul>
              {summary.errorKinds.map((k) => (
                <li key={k.kind}>
                  {t('classView.errorsItem', {
                    kind: t(`classView.errorKind.${k.kind}`),
                    checks: k.checks,
                    learners: k.learners,
                  })}
                  {k.example && (
                    <details className="error-example">
                      <summary>
                        {t('classView.example', {
                          learner: k.example.learner,
                          exercise: exerciseTitle(k.example.exercise),
                        })}
                      </summary>
                      <pre className="code-example">{k.example.code}</pre>
                      <p className="muted small">{t('classView.exampleNote')}</p>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('classView.errorsNone')}</p>
          )}
        </div>
      </div>
      {summary.withoutAttempts > 0 && (
        <p className="muted small">{t('classView.withoutAttempts', { count: summary.withoutAttempts })}</p>
      )}
    </section>
  );
}
