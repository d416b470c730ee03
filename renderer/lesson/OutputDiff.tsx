/**
 * A program-output check's case: what the program should print beside what it printed, line by
 * line, the lines that differ marked (in colour, with a sign, and in words for screen readers).
 * Lines are compared as the runner compares them (shared/runner/output-check.ts).
 */
import { useTranslation } from 'react-i18next';
import { outputLines } from '../../shared/runner/output-check.ts';

export function OutputDiff({ expected, actual }: { expected: string; actual: string }) {
  const { t } = useTranslation();
  const want = outputLines(expected);
  const got = outputLines(actual);
  const rows = Math.max(want.length, got.length, 1);
  return (
    <table className="output-diff">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('runner.output.line')}</span>
          </th>
          <th scope="col">{t('runner.output.expected')}</th>
          <th scope="col">{t('runner.output.actual')}</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, i) => {
          const differs = want[i] !== got[i];
          return (
            <tr key={i} className={differs ? 'line-differs' : undefined} data-differs={differs || undefined}>
              <th scope="row">
                <span aria-hidden="true">{differs ? '≠ ' : ''}</span>
                {i + 1}
                {differs ? <span className="visually-hidden"> {t('runner.output.differs')}</span> : null}
              </th>
              <td>{want[i] ?? <span className="output-none">{t('runner.output.noLine')}</span>}</td>
              <td>{got[i] ?? <span className="output-none">{t('runner.output.noLine')}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
