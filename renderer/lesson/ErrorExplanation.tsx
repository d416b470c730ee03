import { Trans, useTranslation } from 'react-i18next';
import { signatureIn } from '../../shared/runner/missing-name.ts';
import type { LearnerError } from '../../shared/runner/protocol.ts';

/**
 * An error for a beginner: what the language said, where, and what it usually means in plain
 * words. The runner names the explanation (`error.explanation`, see shared/runner/explain.ts);
 * its text comes from the catalog in the interface language.
 */
export function ErrorExplanation({ error, starter }: { error: LearnerError; starter?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const key = error.explanation ? `explain.${error.explanation}` : null;
  const explanation = key && i18n.exists(key) ? t(key) : null;
  // An error in code the learner did not write, said in their terms (shared/runner/missing-name.ts).
  const ownWords = error.code ? `runner.learnerError.${error.code}` : null;
  if (ownWords && i18n.exists(ownWords)) {
    const name = error.params?.name ?? '';
    const why = i18n.exists(`${ownWords}Why`) ? t(`${ownWords}Why`) : explanation;
    return (
      <div className="error-box" role="alert" data-code={error.code}>
        <p className="error-title">
          <Trans
            i18nKey={ownWords}
            values={{ ...error.params, signature: starter ? signatureIn(starter, name) : name }}
            components={{ code: <code /> }}
          />
        </p>
        {error.line !== undefined ? (
          <p className="error-where">{t('runner.where', { file: error.file ?? '', line: error.line })}</p>
        ) : null}
        {why ? <p className="error-explain">{why}</p> : null}
        {error.traceback ? (
          <details>
            <summary>{t('runner.learnerError.original', { type: error.type })}</summary>
            <pre>{error.traceback}</pre>
          </details>
        ) : null}
      </div>
    );
  }
  return (
    <div className="error-box" role="alert">
      <p className="error-title">
        <strong>{error.type}</strong>
        {error.message ? `: ${error.message}` : ''}
      </p>
      {error.line !== undefined ? (
        <p className="error-where">{t('runner.where', { file: error.file ?? '', line: error.line })}</p>
      ) : null}
      {explanation ? <p className="error-explain">{explanation}</p> : null}
      {error.traceback ? (
        <details>
          <summary>{t('runner.traceback')}</summary>
          <pre>{error.traceback}</pre>
        </details>
      ) : null}
    </div>
  );
}
