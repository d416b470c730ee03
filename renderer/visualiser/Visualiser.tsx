/**
 * "Visualise" for an exercise: runs the learner's code (or one test's run of it) in the page's
 * runner with a trace asked for, then shows the step view in a dialog over the workspace. The
 * lines for input() / prompt() are given in the dialog; a program asking for more gets end of
 * input, as in Check.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/content/schema.ts';
import type { RunRequest, RunResult } from '../../shared/runner/protocol.ts';
import { runnerHost } from '../runner/host.ts';
import { StepView } from './StepView.tsx';
import './visualise.css';

export interface VisualiseTarget {
  language: Language;
  module: string;
  code: string;
  /** The exercise's tests, to visualise one of them. */
  tests?: string;
  timeLimitMs?: number;
}

interface Session {
  target: VisualiseTarget;
  test?: string;
  stdin: string;
  result: RunResult | null;
  error?: string;
  seq: number;
}

export function fileNameOf(module: string, language: Language): string {
  return `${module}.${language === 'python' ? 'py' : language === 'typescript' ? 'ts' : 'js'}`;
}

/** Runs a trace in the page's runner, answering input() from the given lines. */
export async function recordTrace(
  target: VisualiseTarget,
  stdin: string[],
  test?: string,
): Promise<RunResult> {
  const host = runnerHost();
  const lines = [...stdin];
  const request: RunRequest = {
    mode: test ? 'check' : 'run',
    language: target.language,
    module: target.module,
    code: target.code,
    ...(test ? { tests: target.tests ?? '' } : {}),
    ...(target.timeLimitMs ? { timeLimitMs: target.timeLimitMs } : {}),
    stdin,
    trace: test ? { test } : {},
  };
  return host.run(request, { onInput: () => host.answer(target.language, lines.shift() ?? null) });
}

/** The output a trace's steps count in: the program's, or the visualised test's own. */
export function traceOutput(result: RunResult): string {
  if (result.trace?.test !== undefined)
    return result.tests.find((test) => test.name === result.trace?.test)?.output ?? '';
  return result.stdout;
}

export function useVisualiser() {
  const [session, setSession] = useState<Session | null>(null);
  const seq = useRef(0);

  const start = useCallback(async (target: VisualiseTarget, stdin: string, test?: string) => {
    const mine = ++seq.current;
    setSession({ target, stdin, result: null, seq: mine, ...(test ? { test } : {}) });
    try {
      const lines = stdin === '' ? [] : stdin.replace(/\n$/, '').split('\n');
      const result = await recordTrace(target, lines, test);
      if (seq.current === mine) setSession((s) => (s && s.seq === mine ? { ...s, result } : s));
    } catch (error) {
      if (seq.current === mine)
        setSession((s) =>
          s && s.seq === mine ? { ...s, error: String((error as Error).message ?? error) } : s,
        );
    }
  }, []);

  const open = useCallback(
    (target: VisualiseTarget, test?: string) => void start(target, session?.stdin ?? '', test),
    [start, session?.stdin],
  );
  const close = useCallback(() => {
    seq.current++;
    setSession(null);
  }, []);

  const dialog = session ? (
    <VisualiseDialog
      session={session}
      onClose={close}
      onAgain={(stdin) => void start(session.target, stdin, session.test)}
    />
  ) : null;
  return { open, dialog, busy: session !== null && session.result === null && !session.error };
}

function VisualiseDialog({
  session,
  onClose,
  onAgain,
}: {
  session: Session;
  onClose: () => void;
  onAgain: (stdin: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const stdinId = useId();
  const [stdin, setStdin] = useState(session.stdin);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const { target, result } = session;

  useEffect(() => {
    opener.current = document.activeElement;
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, []);
  // Keyboard first: once the steps are in, focus is on the step view, where the arrow keys step.
  useEffect(() => {
    const view = result ? root.current?.querySelector<HTMLElement>('.vis-view') : null;
    (view ?? root.current?.querySelector<HTMLElement>('.vis-close'))?.focus();
  }, [result]);

  const asksInput =
    target.language === 'python' ? /\binput\s*\(/.test(target.code) : /\bprompt\s*\(/.test(target.code);
  return (
    <div className="vis-backdrop">
      <div
        className="vis-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={root}
        data-testid="visualise-dialog"
        data-runner-ms={result?.durationMs}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <header className="vis-header">
          <h2 id={titleId}>
            {session.test ? t('visualise.titleTest', { test: session.test }) : t('visualise.title')}
          </h2>
          {asksInput || stdin ? (
            <form
              className="vis-stdin"
              onSubmit={(e) => {
                e.preventDefault();
                onAgain(stdin);
              }}
            >
              <label htmlFor={stdinId}>
                {target.language === 'python' ? t('visualise.stdinLabel') : t('visualise.stdinLabelJs')}
              </label>
              <textarea
                id={stdinId}
                rows={2}
                className="mono"
                value={stdin}
                onChange={(e) => setStdin(e.target.value)}
                data-testid="vis-stdin"
              />
              <button type="submit">{t('visualise.again')}</button>
            </form>
          ) : null}
          <button type="button" className="vis-close" onClick={onClose}>
            {t('visualise.close')}
          </button>
        </header>
        {session.error ? (
          <p className="status error" role="alert">
            {t('visualise.failed', { message: session.error })}
          </p>
        ) : !result ? (
          <p className="muted" role="status">
            {t('visualise.running')}
          </p>
        ) : !result.trace ? (
          <p className="status error" role="alert">
            {t('visualise.failed', { message: result.message ?? result.error?.message ?? result.status })}
          </p>
        ) : result.trace.steps.length === 0 ? (
          <p className="status error" role="alert" data-testid="vis-no-steps">
            {result.error ? `${result.error.type}: ${result.error.message}` : t('visualise.noSteps')}
          </p>
        ) : (
          <>
            {result.status === 'timeout' ? (
              // Code the recorder does not see (made at run time, a loop inside a built-in)
              // can run on with no steps: the time limit ends it, and the learner is told.
              <p className="notice-inline vis-limit" role="note" data-testid="vis-timeout">
                {t('visualise.stoppedTime')}
              </p>
            ) : null}
            <StepView
              key={session.seq}
              trace={result.trace}
              code={target.code}
              output={traceOutput(result)}
              fileName={fileNameOf(target.module, target.language)}
            />
          </>
        )}
      </div>
    </div>
  );
}
