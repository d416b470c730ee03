/**
 * Where a learner writes code: the editor, Run / Check / Stop / Reset, the console and the
 * results. Used by the lesson page and by practice problems alike; what happens with an
 * attempt (recording it, unlocking the next step) is the caller's business.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../shared/api/calls/lessons.ts';
import type { Language } from '../../shared/content/schema.ts';
import type { RunResult } from '../../shared/runner/protocol.ts';
import { useApp } from '../app/context.ts';
import { CodeEditor } from '../editor/CodeEditor.tsx';
import { markersOf } from './markers.ts';
import { learnerErrorText } from '../i18n/runner-text.ts';
import { ConsolePanel } from './ConsolePanel.tsx';
import { WorkspacePanes } from './Panes.tsx';
import { ResultsPanel } from './ResultsPanel.tsx';
import { useRunner } from './useRunner.ts';
import { checkRequest, isCheckable } from '../../shared/runner/check-request.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useVisualiser } from '../visualiser/Visualiser.tsx';
import { RuntimeStatus } from './RuntimeStatus.tsx';

export interface ExerciseWorkspaceProps {
  exercise: LessonExercise;
  /** The code to start from (a saved draft or the starter). */
  initialCode: string;
  /** Track language, when the exercise does not name its own. */
  language?: Language;
  /** Replaces the editor's text (Reset, a revealed solution); `seq` makes a repeat count. */
  replaceCode?: { code: string; seq: number };
  /** A Run or Check has started (its result comes to `onAttempt`). */
  onStart?: (kind: 'run' | 'check') => void;
  onAttempt?: (kind: 'run' | 'check', code: string, result: RunResult) => void;
  onCodeChange?: (code: string) => void;
  /** Extra toolbar buttons (Hint, Show solution). */
  actions?: React.ReactNode;
  /** Shown beside the results (the hint panel). */
  aside?: React.ReactNode;
  /** Editor-only (a predict step's code to read). */
  readOnly?: boolean;
}

const isMac = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform);

export function ExerciseWorkspace(props: ExerciseWorkspaceProps) {
  const { exercise } = props;
  const { t } = useTranslation();
  const { settings } = useApp();
  const { text } = useLocale();
  const language: Language = exercise.language ?? props.language ?? 'python';
  const work = useWorkspace(props, language);
  const markers = useMemo(
    () => markersOf(work.runner.result, exercise.module, (e) => learnerErrorText(t, e)),
    [work.runner.result, exercise.module, t],
  );

  return (
    <div className="workspace">
      <RunToolbar exercise={exercise} work={work} actions={props.actions} />
      <WorkspacePanes
        editor={
          <CodeEditor
            value={work.code}
            language={language}
            path={`${exercise.id}/${exercise.module}.${language === 'python' ? 'py' : language === 'typescript' ? 'ts' : 'js'}`}
            fontSize={settings.editorFontSize}
            label={t('runner.editorLabel', { title: text(exercise.title) })}
            markers={markers}
            onChange={work.change}
            onRun={() => void work.start('run')}
            onCheck={() => void work.start('check')}
            {...(props.readOnly ? { readOnly: true } : {})}
          />
        }
        output={<OutputArea exercise={exercise} work={work} aside={props.aside} />}
      />
      {work.visualiser.dialog}
    </div>
  );
}

/** The editor's text, the output tab shown, and Run / Check / Visualise on that text. */
function useWorkspace(props: ExerciseWorkspaceProps, language: Language) {
  const { exercise, onCodeChange, onStart, onAttempt } = props;
  const runner = useRunner(language);
  const [code, setCode] = useState(props.initialCode);
  const [tab, setTab] = useState<'console' | 'results'>('console');
  const codeRef = useRef(code);
  useEffect(() => {
    codeRef.current = code;
  }, [code]);

  // Reset / a revealed solution replace the text: adjust state while rendering (React's pattern
  // for state that follows a prop), not in an effect.
  const [replacedSeq, setReplacedSeq] = useState(props.replaceCode?.seq);
  if (props.replaceCode && props.replaceCode.seq !== replacedSeq) {
    setReplacedSeq(props.replaceCode.seq);
    setCode(props.replaceCode.code);
  }

  const change = useCallback(
    (next: string) => {
      codeRef.current = next;
      setCode(next);
      onCodeChange?.(next);
    },
    [onCodeChange],
  );

  const start = useCallback(
    async (mode: 'run' | 'check') => {
      if (runner.running) return;
      if (mode === 'check' && !isCheckable(exercise)) return;
      setTab(mode === 'check' ? 'results' : 'console');
      onStart?.(mode);
      const submitted = codeRef.current;
      const result = await runner.run(
        mode === 'check'
          ? checkRequest(exercise, submitted, language)
          : {
              mode,
              language,
              module: exercise.module,
              code: submitted,
              timeLimitMs: exercise.timeLimitMs,
            },
      );
      if (mode === 'run' && result.status !== 'pass') setTab('results');
      onAttempt?.(mode, submitted, result);
    },
    [runner, exercise, language, onStart, onAttempt],
  );

  const visualiser = useVisualiser();
  const visualise = (test?: string) =>
    visualiser.open(
      {
        language,
        module: exercise.module,
        code: codeRef.current,
        ...(exercise.tests ? { tests: exercise.tests } : {}),
        timeLimitMs: exercise.timeLimitMs,
      },
      test,
    );

  return { runner, code, change, tab, setTab, start, visualiser, visualise };
}

type Workspace = ReturnType<typeof useWorkspace>;

/** Run, Check, Visualise, Stop, the caller's own buttons, and the runtime's state. */
function RunToolbar({
  exercise,
  work,
  actions,
}: {
  exercise: LessonExercise;
  work: Workspace;
  actions: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { runner, start, visualise, visualiser } = work;
  const mod = isMac ? '⌘' : 'Ctrl';
  return (
    <div className="toolbar" role="toolbar" aria-label={t('runner.toolbar')}>
      <button
        type="button"
        className="primary"
        onClick={() => void start('run')}
        disabled={runner.running !== null}
        title={`${mod}+Enter`}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
      >
        {t('runner.run')}
      </button>
      {isCheckable(exercise) ? (
        <button
          type="button"
          onClick={() => void start('check')}
          disabled={runner.running !== null}
          title={`${mod}+Shift+Enter`}
          aria-keyshortcuts={isMac ? 'Meta+Shift+Enter' : 'Control+Shift+Enter'}
        >
          {t('runner.check')}
        </button>
      ) : null}
      <button
        type="button"
        onClick={() => visualise()}
        disabled={runner.running !== null || visualiser.busy}
        title={t('visualise.buttonTitle')}
        data-testid="visualise"
      >
        {t('visualise.button')}
      </button>
      <button type="button" onClick={runner.stop} disabled={runner.running === null}>
        {t('runner.stop')}
      </button>
      {actions}
      <RuntimeStatus runner={runner} />
    </div>
  );
}

/** Below the editor: the Console and Results tabs, and the caller's aside (the hint panel). */
function OutputArea({
  exercise,
  work,
  aside,
}: {
  exercise: LessonExercise;
  work: Workspace;
  aside: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { runner, tab, setTab, visualise } = work;
  return (
    <div className="output-area">
      <div className="tabs" role="tablist" aria-label={t('runner.outputTabs')}>
        {(['console', 'results'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            onClick={() => setTab(name)}
          >
            {t(`runner.${name}`)}
          </button>
        ))}
      </div>
      <div className="output-row">
        <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
          {tab === 'console' ? (
            <ConsolePanel chunks={runner.console} prompt={runner.prompt} onAnswer={runner.answer} />
          ) : (
            <ResultsPanel
              result={runner.result}
              starter={exercise.starter}
              {...(exercise.cases ? { cases: exercise.cases } : {})}
              {...(exercise.tests ? { onVisualiseTest: (name: string) => visualise(name) } : {})}
            />
          )}
        </div>
        {aside ? <div className="workspace-aside">{aside}</div> : null}
      </div>
    </div>
  );
}
