/**
 * Why a pack was refused, or what to improve in one that was added (`warnings`): one row per
 * problem, with its file, line and field, as the validator found it.
 */
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/content/problems.ts';

export interface PackProblem {
  file: string;
  line?: number;
  field?: string;
  message: string;
  /** Worded by the catalogs (`packs.problem.<code>`); `message` is the CLI's English. */
  code: string;
  params?: Record<string, string | number> | undefined;
}

export function PackErrors({
  problems,
  warnings = false,
}: {
  problems: readonly PackProblem[];
  warnings?: boolean;
}) {
  const { t } = useTranslation();
  const say = (problem: PackProblem): string =>
    problemText((key, params) => t(key, params), problem.code, problem.params);
  return (
    <div
      className={warnings ? 'pack-errors pack-warnings' : 'pack-errors'}
      role={warnings ? 'status' : 'alert'}
      data-testid={warnings ? 'pack-warnings' : 'pack-errors'}
    >
      <p className="pack-errors-title">
        {t(warnings ? 'packs.warned' : 'packs.refused', { count: problems.length })}
      </p>
      <p className="muted">{t(warnings ? 'packs.warnedHelp' : 'packs.refusedHelp')}</p>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            <code className="pack-error-where">
              {problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`}
            </code>
            {problem.field ? (
              <>
                {' '}
                <span className="pack-error-field">
                  {t('packs.field')} <code>{problem.field}</code>
                </span>
              </>
            ) : null}
            <span className="pack-error-message">{say(problem)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
