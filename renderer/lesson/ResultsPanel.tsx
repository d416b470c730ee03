import { diffWordsWithSpace } from 'diff';
import { useTranslation } from 'react-i18next';
import { PrintedText } from './PrintedText.tsx';
import type { LearnerError, RunRequest, RunResult, TestResult } from '../../shared/runner/protocol.ts';
import { MISSING_CLASS, MISSING_FUNCTION } from '../../shared/runner/missing-name.ts';
import { testMessageParts, testMessageText } from '../i18n/runner-text.ts';
import { ErrorExplanation } from './ErrorExplanation.tsx';

const isMissingName = (code: string | undefined) => code === MISSING_FUNCTION || code === MISSING_CLASS;
import { OutputDiff } from './OutputDiff.tsx';

type OutputCase = NonNullable<RunRequest['cases']>[number];

/** Expected versus actual, with the differing parts marked (jsdiff). */
function ExpectedActual({ expected, actual }: { expected: string; actual: string }) {
  const { t } = useTranslation();
  const parts = diffWordsWithSpace(expected, actual);
  return (
    <dl className="diff">
      <dt>{t('runner.expected')}</dt>
      <dd>
        <code>
          {parts
            .filter((p) => !p.added)
            .map((p, i) => (
              <span key={i} className={p.removed ? 'diff-removed' : undefined}>
                {p.value}
              </span>
            ))}
        </code>
      </dd>
      <dt>{t('runner.actual')}</dt>
      <dd>
        <code>
          {parts
            .filter((p) => !p.removed)
            .map((p, i) => (
              <span key={i} className={p.added ? 'diff-added' : undefined}>
                {p.value}
              </span>
            ))}
        </code>
      </dd>
    </dl>
  );
}

/** One case of a program-output check: its input, the outputs line by line, any error. */
function CaseRow({
  test,
  index,
  testCase,
  only,
}: {
  test: TestResult;
  index: number;
  testCase?: OutputCase;
  only: boolean;
}) {
  const { t } = useTranslation();
  const stdin = testCase?.stdin ?? [];
  return (
    <li className={`test test-${test.status}`} data-status={test.status}>
      {/* With one case the summary line says it all; with several, each is named. */}
      {only ? (
        <span className="visually-hidden">{t(`runner.status.${test.status}`)}</span>
      ) : (
        <div className="test-head">
          <span className="test-badge" aria-hidden="true">
            {test.status === 'pass' ? '✓' : '✗'}
          </span>
          <span className="test-name">
            {t(test.status === 'pass' ? 'runner.output.matches' : 'runner.output.differsSummary', {
              n: index + 1,
            })}
          </span>
        </div>
      )}
      {stdin.length > 0 ? (
        <p className="output-stdin">
          {t('runner.output.typed')} <code>{stdin.join(' ⏎ ')}</code>
        </p>
      ) : null}
      {test.status !== 'pass' ? (
        <OutputDiff expected={test.expected ?? ''} actual={test.actual ?? ''} />
      ) : null}
      {test.error ? <ErrorExplanation error={test.error} /> : null}
    </li>
  );
}

/**
 * Why a test did not pass: Lantern's words for its code, with the values it quotes as code, and
 * the test author's own note for the check as they wrote it; or the assertion's own words.
 */
function TestMessage({ test }: { test: TestResult }) {
  const { t } = useTranslation();
  const parts = testMessageParts(t, test);
  if (!parts) {
    const message = testMessageText(t, test);
    return message ? <p className="test-message">{message}</p> : null;
  }
  const note = test.params?.msg;
  return (
    <>
      <p className="test-message" data-code={test.code}>
        {parts.map((part, i) => (part.quoted ? <code key={i}>{part.text}</code> : part.text))}
      </p>
      {note ? <p className="test-note">{t('runner.testNote', { msg: note })}</p> : null}
    </>
  );
}

function TestRow({
  test,
  starter,
  onVisualise,
}: {
  test: TestResult;
  starter?: string | undefined;
  onVisualise?: (name: string) => void;
}) {
  const { t } = useTranslation();
  // An error's own box says what happened and where; the message would repeat it in English.
  const shown = test.status !== 'pass' && !(test.error && !test.code);
  const message = shown ? <TestMessage test={test} /> : null;
  return (
    <li className={`test test-${test.status}`} data-status={test.status}>
      <div className="test-head">
        <span className="test-badge" aria-hidden="true">
          {test.status === 'pass' ? '✓' : '✗'}
        </span>
        <span className="test-name">{test.name}</span>
        <span className="visually-hidden">{t(`runner.status.${test.status}`)}</span>
      </div>
      {message}
      {test.expected !== undefined && test.actual !== undefined ? (
        <ExpectedActual expected={test.expected} actual={test.actual} />
      ) : null}
      {test.error ? <ErrorExplanation error={test.error} starter={starter} /> : null}
      {test.status !== 'pass' && onVisualise ? (
        <button type="button" className="visualise-test" onClick={() => onVisualise(test.name)}>
          {t('visualise.thisTest')}
        </button>
      ) : null}
      {test.output ? (
        <details>
          <summary>{t('runner.testOutput')}</summary>
          <pre>
            <PrintedText text={test.output} />
          </pre>
        </details>
      ) : null}
    </li>
  );
}

export function summaryKey(result: RunResult, outputCheck = false): string {
  if (result.status === 'timeout') return 'runner.summary.timeout';
  if (result.error?.type === 'Stopped') return 'runner.summary.stopped';
  // A TypeScript Check stops at the type check: nothing ran (decision 0048).
  if (result.error?.type === 'TypeScript') return 'runner.summary.typeErrors';
  if (result.error?.type === 'TypeScriptSlow') return 'runner.summary.typeCheckSlow';
  if (isMissingName(result.error?.code) && result.tests.length === 0) return 'runner.summary.needsMore';
  if (outputCheck && result.tests.length > 0)
    return result.status === 'pass' ? 'runner.output.allMatch' : 'runner.output.someDiffer';
  if (result.tests.length === 0)
    return result.status === 'pass' ? 'runner.summary.ran' : 'runner.summary.error';
  return result.status === 'pass' ? 'runner.summary.allPass' : 'runner.summary.someFail';
}

/** The result of the last Run or Check: a summary line, each test, and the error explained. */
export function ResultsPanel({
  result,
  cases,
  starter,
  onVisualiseTest,
}: {
  result: RunResult | null;
  cases?: readonly OutputCase[];
  /** The exercise's starter: how it spells the functions the tests need. */
  starter?: string;
  /** Offers "Visualise this test" on each test that did not pass. */
  onVisualiseTest?: (name: string) => void;
}) {
  const { t } = useTranslation();
  if (!result) return <p className="muted results-empty">{t('runner.resultsEmpty')}</p>;
  const passed = result.tests.filter((x) => x.status === 'pass').length;
  // The run's error is often one test's error too: show it once, beside that test.
  const same = (a: LearnerError, b: LearnerError | undefined) =>
    !!b && a.type === b.type && a.message === b.message && a.line === b.line;
  // "You stopped the program" is the summary already; other errors are explained below it.
  const topError: LearnerError | undefined =
    result.error && result.error.type !== 'Stopped' && !result.tests.some((x) => same(result.error!, x.error))
      ? result.error
      : undefined;
  return (
    <div className="results" data-status={result.status}>
      <p className={`results-summary summary-${result.status}`} role="status">
        {t(summaryKey(result, !!cases), { passed, total: result.tests.length })}
      </p>
      {result.restarted ? <p className="notice-inline">{t('runner.restarted')}</p> : null}
      {result.truncated ? <p className="notice-inline">{t('runner.truncated')}</p> : null}
      {topError ? <ErrorExplanation error={topError} starter={starter} /> : null}
      {result.tests.length > 0 ? (
        <ul className="tests" aria-label={t('runner.tests')}>
          {result.tests.map((test, i) =>
            cases ? (
              <CaseRow
                key={`${test.name}-${i}`}
                test={test}
                index={i}
                only={cases.length === 1}
                {...(cases[i] ? { testCase: cases[i] } : {})}
              />
            ) : (
              <TestRow
                key={`${test.name}-${i}`}
                test={test}
                starter={starter}
                {...(onVisualiseTest ? { onVisualise: onVisualiseTest } : {})}
              />
            ),
          )}
        </ul>
      ) : null}
    </div>
  );
}
