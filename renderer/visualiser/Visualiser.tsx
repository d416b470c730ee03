/**
 * "Visualise" for an exercise: runs the learner's code (or one test's run of it) in the page's
 * runner with a trace asked for, then shows the step view in a dialog over the workspace. The
 * lines for input() / prompt() are given in the dialog; a program asking for more gets end of
 * input, as in Check.
 *
 * A runner that sends steps while it records (JavaScript's) gets the view open at the first of
 * them: the slider grows as more arrive and the view says the recording goes on, until the
 * result brings the whole trace.
 */
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/content/schema.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { TRACE_MAX_STEPS, type Trace, type TraceStep } from '../../shared/runner/trace/format.ts';
import { learnerErrorText } from '../i18n/runner-text.ts';
import { summaryKey } from '../lesson/ResultsPanel.tsx';
import { TraceRecording, type VisualiseTarget } from './recording.ts';
import { StepView } from './StepView.tsx';
import './visualise.css';

export type { VisualiseTarget } from './recording.ts';

interface Session {
  target: VisualiseTarget;
  test?: string;
  stdin: string;
  recording: TraceRecording;
  seq: number;
}

export function fileNameOf(module: string, language: Language): string {
  return `${module}.${language === 'python' ? 'py' : language === 'typescript' ? 'ts' : 'js'}`;
}

/** The output a trace's steps count in: the program's, or the visualised test's own. */
export function traceOutput(result: RunResult): string {
  if (result.trace?.test !== undefined)
    return result.tests.find((test) => test.name === result.trace?.test)?.output ?? '';
  return result.stdout;
}

const NOTHING = () => () => undefined;

export function useVisualiser() {
  const [session, setSession] = useState<Session | null>(null);
  const seq = useRef(0);
  const current = useRef<TraceRecording | null>(null);

  const start = useCallback((target: VisualiseTarget, stdin: string, test?: string) => {
    const lines = stdin === '' ? [] : stdin.replace(/\n$/, '').split('\n');
    current.current?.abandon();
    // Asked of the runner before React renders the dialog, so the request is not kept waiting.
    const recording = new TraceRecording(target, lines, test);
    current.current = recording;
    setSession({ target, stdin, recording, seq: ++seq.current, ...(test ? { test } : {}) });
  }, []);

  const open = useCallback(
    (target: VisualiseTarget, test?: string) => start(target, session?.stdin ?? '', test),
    [start, session?.stdin],
  );
  const close = useCallback(() => {
    current.current?.abandon();
    current.current = null;
    setSession(null);
  }, []);
  // Only whether the recording has finished reaches the workspace; its steps reach the dialog.
  const finished = useSyncExternalStore(
    session?.recording.subscribe ?? NOTHING,
    session?.recording.finished ?? (() => true),
  );

  const dialog = session ? (
    <VisualiseDialog
      session={session}
      onClose={close}
      onAgain={(stdin) => start(session.target, stdin, session.test)}
    />
  ) : null;
  return { open, dialog, busy: !finished };
}

/** The steps recorded so far as a trace the step view can show. */
function recordingTrace(language: Language, steps: TraceStep[], test: string | undefined): Trace {
  return { language, steps, maxSteps: TRACE_MAX_STEPS, ...(test !== undefined ? { test } : {}) };
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
  const [stdin, setStdin] = useState(session.stdin);
  const root = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  const { target } = session;
  const state = useSyncExternalStore(session.recording.subscribe, session.recording.snapshot);
  const { result } = state;
  const recording = !result && !state.error && state.steps.length > 0 ? state : undefined;
  const shown = result !== null || recording !== undefined;
  // One StepView from the first streamed step to the whole trace: where the learner has stepped
  // to, and the focus, stay when the result arrives.
  const view = recording
    ? {
        trace: recordingTrace(target.language, recording.steps, session.test),
        output: recording.output,
      }
    : result?.trace && result.trace.steps.length > 0
      ? { trace: result.trace, output: traceOutput(result) }
      : undefined;

  useEffect(() => {
    opener.current = document.activeElement;
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, []);
  // Keyboard first: once the steps are in, focus is on the step view, where the arrow keys step.
  useEffect(() => {
    const view = shown ? root.current?.querySelector<HTMLElement>('.vis-view') : null;
    (view ?? root.current?.querySelector<HTMLElement>('.vis-close'))?.focus();
  }, [shown]);

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
            <StdinForm language={target.language} stdin={stdin} onStdin={setStdin} onAgain={onAgain} />
          ) : null}
          <button type="button" className="vis-close" onClick={onClose}>
            {t('visualise.close')}
          </button>
        </header>
        <RecordingView
          session={session}
          error={state.error}
          result={result}
          view={view}
          recording={recording !== undefined}
        />
      </div>
    </div>
  );
}

/** Input for the program, typed before "Run again" records it with those lines. */
function StdinForm({
  language,
  stdin,
  onStdin,
  onAgain,
}: {
  language: Language;
  stdin: string;
  onStdin: (stdin: string) => void;
  onAgain: (stdin: string) => void;
}) {
  const { t } = useTranslation();
  const stdinId = useId();
  return (
    <form
      className="vis-stdin"
      onSubmit={(e) => {
        e.preventDefault();
        onAgain(stdin);
      }}
    >
      <label htmlFor={stdinId}>
        {language === 'python' ? t('visualise.stdinLabel') : t('visualise.stdinLabelJs')}
      </label>
      <textarea
        id={stdinId}
        rows={2}
        className="mono"
        value={stdin}
        onChange={(e) => onStdin(e.target.value)}
        data-testid="vis-stdin"
      />
      <button type="submit">{t('visualise.again')}</button>
    </form>
  );
}

/**
 * The recording: the step view from the first streamed step on (with a note when the time limit
 * ended the run), "Running…" before it, or why there are no steps to show.
 */
function RecordingView({
  session,
  error,
  result,
  view,
  recording,
}: {
  session: Session;
  error: string | undefined;
  result: RunResult | null;
  view: { trace: Trace; output: string } | undefined;
  recording: boolean;
}) {
  const { t } = useTranslation();
  const { target } = session;
  return error ? (
    <p className="status error" role="alert">
      {t('visualise.failed', { message: error })}
    </p>
  ) : view ? (
    <>
      {result?.status === 'timeout' ? (
        // Code the recorder does not see (made at run time, a loop inside a built-in)
        // can run on with no steps: the time limit ends it, and the learner is told.
        <p className="notice-inline vis-limit" role="note" data-testid="vis-timeout">
          {t('visualise.stoppedTime')}
        </p>
      ) : null}
      <StepView
        key={session.seq}
        trace={view.trace}
        code={target.code}
        output={view.output}
        fileName={fileNameOf(target.module, target.language)}
        recording={recording}
      />
    </>
  ) : !result ? (
    <p className="muted" role="status">
      {t('visualise.running')}
    </p>
  ) : !result.trace ? (
    <p className="status error" role="alert">
      {t('visualise.failed', {
        message: result.error ? learnerErrorText(t, result.error) : t(summaryKey(result)),
      })}
    </p>
  ) : (
    <p className="status error" role="alert" data-testid="vis-no-steps">
      {result.error ? learnerErrorText(t, result.error) : t('visualise.noSteps')}
    </p>
  );
}
