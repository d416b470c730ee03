import { useTranslation } from 'react-i18next';
import type { LearnerError } from '../../shared/runner/protocol.ts';

/**
 * An error for a beginner: what the language said, where, and what it usually means in plain
 * words. The runner names the explanation (`error.explanation`, see shared/runner/explain.ts);
 * its text comes from the catalog in the interface language.
 */
export function ErrorExplanation({ error }: { error: LearnerError }) {
  const { t, i18n } = useTranslation();
  const key = error.explanation ? `explain.${error.explanation}` : null;
  const explanation = key && i18n.exists(key) ? t(key) : null;
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
