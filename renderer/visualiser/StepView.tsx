/**
 * The step view: the code with the line about to run (and the one just run) marked, the frames and
 * objects of the step, what was printed so far, a sentence saying what the step did, and a plain
 * table of the variables for screen readers. Forward, back, first, last, a slider, and keys:
 * ← → (also j / k), Home / End.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeStep, frameRows, type Trace } from '../../shared/runner/trace/format.ts';
import { useApp } from '../app/context.ts';
import { HeapDiagram } from './HeapDiagram.tsx';
import { TraceCode } from './TraceCode.tsx';

export interface StepViewProps {
  trace: Trace;
  code: string;
  /** Everything the traced program (or test) printed; each step shows its first `out` characters. */
  output: string;
  fileName: string;
  /** Steps after this one cannot be reached yet (a trace question before it is answered). */
  maxStep?: number;
  /** The step a trace question marks, and the variable hidden there until it is answered. */
  marked?: { step: number; variable: string; hidden: boolean };
  /** Steps to start at; changing `seek.seq` moves there again. */
  seek?: { step: number; seq: number };
  /** The program is still being recorded: `trace` holds the steps so far, and more will come. */
  recording?: boolean;
}

/** The one-sentence description in the interface language. */
export function useStepSentence(trace: Trace, index: number, hidden?: string): string {
  const { t } = useTranslation();
  const d = describeStep(trace, index);
  if (hidden && 'name' in d.params && d.params.name === hidden && 'value' in d.params)
    return t('visualise.describe.line', { line: trace.steps[index - 1]?.line ?? 0 });
  if (d.key === 'call' && !d.params.args) return t('visualise.describe.callNoArgs', d.params);
  return t(`visualise.describe.${d.key}`, d.params);
}

/** A sentence with `names` in backticks, the names set as code. */
export function CodeText({ text }: { text: string }) {
  return <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

export function StepView(props: StepViewProps) {
  const { trace } = props;
  const { t } = useTranslation();
  const { settings } = useApp();
  const last = Math.max(0, Math.min(trace.steps.length - 1, props.maxStep ?? Infinity));
  const [index, setIndex] = useState(() => Math.min(props.seek?.step ?? 0, last));
  const [seekSeq, setSeekSeq] = useState(props.seek?.seq);
  if (props.seek && props.seek.seq !== seekSeq) {
    setSeekSeq(props.seek.seq);
    setIndex(Math.min(props.seek.step, last));
  }
  const at = Math.min(index, last);
  const step = trace.steps[at];
  const go = useCallback((to: number) => setIndex(Math.max(0, Math.min(last, to))), [last]);

  const hiddenHere =
    props.marked && props.marked.hidden && props.marked.step === at ? props.marked.variable : undefined;
  const sentence = useStepSentence(trace, at, hiddenHere);
  const rows = useMemo(() => (step ? frameRows(step, trace.language) : []), [step, trace.language]);
  const prevLine = at > 0 ? trace.steps[at - 1]?.line : undefined;

  const onKey = useCallback(
    (event: React.KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // The slider and text fields handle their own keys; so does the code (it scrolls).
      if (target.closest('input, textarea, .vis-code')) return;
      const moves: Record<string, number> = {
        ArrowRight: at + 1,
        ArrowLeft: at - 1,
        k: at + 1,
        j: at - 1,
        Home: 0,
        End: last,
      };
      const to = moves[event.key];
      if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      go(to);
    },
    [at, last, go],
  );

  if (!step) return <p className="muted">{t('visualise.noSteps')}</p>;
  const output = props.output.slice(0, step.out);
  const isMarked = props.marked?.step === at;
  const stepOf = t(props.recording ? 'visualise.stepOfSoFar' : 'visualise.stepOf', {
    n: at + 1,
    total: trace.steps.length,
  });

  return (
    // Focusable itself, so the keys keep working when the button in focus becomes disabled.
    <div
      className="vis-view"
      onKeyDown={onKey}
      tabIndex={0}
      aria-label={stepOf}
      aria-keyshortcuts="ArrowLeft ArrowRight Home End"
      aria-busy={props.recording ? true : undefined}
      data-testid="step-view"
      data-step={at}
      data-recording={props.recording ? true : undefined}
    >
      <StepControls at={at} last={last} go={go} stepOf={stepOf} />
      <p
        className={`vis-sentence${step.event === 'exception' ? ' vis-sentence-error' : ''}`}
        aria-live="polite"
        data-testid="vis-sentence"
      >
        <CodeText text={sentence} />
        {isMarked ? <strong className="vis-marked-note"> {t('visualise.trace.marked')}</strong> : null}
      </p>
      {trace.stopped ? (
        <p className="notice-inline vis-limit" role="note" data-testid="vis-stopped">
          {trace.stopped === 'steps'
            ? t('visualise.stoppedSteps', { steps: trace.maxSteps.toLocaleString() })
            : t('visualise.stoppedSize')}
        </p>
      ) : null}
      <div className="vis-main">
        <div className="vis-code" aria-label={t('visualise.code')} role="region">
          <TraceCode
            code={props.code}
            language={trace.language}
            fileName={props.fileName}
            fontSize={settings.editorFontSize}
            label={`${t('visualise.code')}: ${t('visualise.currentLine', { line: step.line })}`}
            line={step.line}
            {...(prevLine !== undefined ? { prevLine } : {})}
            exception={step.event === 'exception'}
          />
          <p className="vis-legend muted">
            <span className="vis-key-next" aria-hidden="true" />{' '}
            {t('visualise.currentLine', { line: step.line })}
            {prevLine !== undefined && prevLine !== step.line ? (
              <>
                {' · '}
                <span className="vis-key-prev" aria-hidden="true" />{' '}
                {t('visualise.prevLine', { line: prevLine })}
              </>
            ) : null}
          </p>
        </div>
        <div className="vis-state" role="region" aria-label={t('visualise.framesAndObjects')}>
          <HeapDiagram step={step} {...(hiddenHere ? { hidden: hiddenHere } : {})} />
          <VariablesTable rows={rows} frame={step.frames.at(-1)?.name} hidden={hiddenHere} />
        </div>
      </div>
      <div className="vis-output" role="region" aria-label={t('visualise.output')}>
        <h3>{t('visualise.output')}</h3>
        <pre data-testid="vis-output">
          {output || <span className="muted">{t('visualise.noOutput')}</span>}
        </pre>
      </div>
      <p className="vis-footnote muted">
        {t('visualise.limits', { steps: trace.maxSteps.toLocaleString() })} {t('visualise.keys')}
      </p>
    </div>
  );
}

/** First, back, the slider, forward, last, and "Step n of m". */
function StepControls({
  at,
  last,
  go,
  stepOf,
}: {
  at: number;
  last: number;
  go: (to: number) => void;
  stepOf: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="vis-controls" role="group" aria-label={t('visualise.title')}>
      <button
        type="button"
        onClick={() => go(0)}
        disabled={at === 0}
        aria-keyshortcuts="Home"
        title={t('visualise.first')}
      >
        <span aria-hidden="true">|◀</span>
        <span className="visually-hidden">{t('visualise.first')}</span>
      </button>
      <button
        type="button"
        onClick={() => go(at - 1)}
        disabled={at === 0}
        aria-keyshortcuts="ArrowLeft"
        data-testid="vis-back"
      >
        ◀ {t('visualise.back')}
      </button>
      <input
        type="range"
        min={0}
        max={last}
        value={at}
        onChange={(e) => go(Number(e.target.value))}
        aria-label={t('visualise.slider')}
        aria-valuetext={stepOf}
        className="vis-slider"
      />
      <button
        type="button"
        onClick={() => go(at + 1)}
        disabled={at >= last}
        aria-keyshortcuts="ArrowRight"
        data-testid="vis-forward"
      >
        {t('visualise.forward')} ▶
      </button>
      <button
        type="button"
        onClick={() => go(last)}
        disabled={at >= last}
        aria-keyshortcuts="End"
        title={t('visualise.last')}
      >
        <span aria-hidden="true">▶|</span>
        <span className="visually-hidden">{t('visualise.last')}</span>
      </button>
      <span className="vis-counter" data-testid="vis-counter">
        {stepOf}
      </span>
    </div>
  );
}

/**
 * The step's variables as a plain table for screen readers; a variable a trace question hides
 * (in the innermost frame) says so instead of its value.
 */
function VariablesTable({
  rows,
  frame,
  hidden,
}: {
  rows: ReturnType<typeof frameRows>;
  frame: string | undefined;
  hidden: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <table className="visually-hidden" data-testid="vis-table">
      <caption>{t('visualise.table')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('visualise.tableFrame')}</th>
          <th scope="col">{t('visualise.tableName')}</th>
          <th scope="col">{t('visualise.tableValue')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td>{row.frame === '<module>' ? t('visualise.globalFrame') : row.frame}</td>
            <td>{row.name}</td>
            <td>{hidden === row.name && row.frame === frame ? t('visualise.trace.hidden') : row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
