/**
 * A Parsons problem: the given lines, shuffled, and the learner's program built from them, by
 * mouse (drag and drop, or click to add) or by keyboard alone (Enter adds a line; in the program
 * Space picks one up, arrows move and indent it, Space drops it, Escape puts it back). Every move
 * is announced in a live region. Check assembles the program and runs the exercise's tests as an
 * exercise's Check does; the backend re-checks it (decision 0023). The page never had the order.
 * Below the results, the tutor's hints (`aside`), as beside an exercise.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonExercise } from '../../../shared/api/calls/lessons.ts';
import type { Language } from '../../../shared/content/schema.ts';
import { braceIndents } from '../../../shared/content/parsons.ts';
import type { RunResult } from '../../../shared/runner/protocol.ts';
import { checkRequest } from '../../../shared/runner/check-request.ts';
import { ResultsPanel } from '../ResultsPanel.tsx';
import { useRunner } from '../useRunner.ts';
import { markersOf } from '../markers.ts';
import { warmTypeChecker } from '../../editor/type-check.ts';
import {
  arrangementFrom,
  indent as indentLine,
  move,
  place,
  programOf,
  startArrangement,
  unplace,
  type Arrangement,
} from './arrangement.ts';
import './parsons.css';

export interface ParsonsStepProps {
  exercise: LessonExercise;
  /** The learner's saved program, when they were here before. */
  draft?: string;
  onChange?: (code: string) => void;
  onCheck: (code: string, result: RunResult) => void;
  /** Help shown below the results: the lesson page's hint panel. */
  aside?: React.ReactNode;
}

/** Where a keyboard move started, so Escape can put the line back. */
interface Held {
  id: number;
  from: number;
  indent: number;
}

const DRAG_TYPE = 'application/x-lantern-parsons-line';
/** Pixels of horizontal drag per indentation level when dropping. */
const INDENT_PX = 28;

export function ParsonsStep({ exercise, draft, onChange, onCheck, aside }: ParsonsStepProps) {
  const { t } = useTranslation();
  const language: Language = exercise.language ?? 'python';
  const lines = useMemo(() => exercise.parsons?.lines ?? [], [exercise.parsons]);
  const indented = exercise.parsons?.indented ?? false;
  const runner = useRunner(language);
  // A TypeScript Check reads the types first, in Monaco's worker: start it now, not at the Check.
  useEffect(() => {
    if (language === 'typescript') void warmTypeChecker().catch(() => undefined);
  }, [language]);
  const [arrangement, setArrangement] = useState<Arrangement>(() =>
    draft ? arrangementFrom(draft, lines) : startArrangement(lines.length),
  );
  const [held, setHeld] = useState<Held | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [poolFocus, setPoolFocus] = useState(0);
  const [programFocus, setProgramFocus] = useState(0);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const poolRef = useRef<HTMLOListElement>(null);
  const programRef = useRef<HTMLOListElement>(null);
  const pendingFocus = useRef<{ list: 'pool' | 'program'; index: number } | null>(null);
  const keysId = useId();
  const errorId = useId();
  const poolLabelId = useId();
  const programLabelId = useId();

  const update = useCallback(
    (next: Arrangement) => {
      setArrangement(next);
      onChange?.(programOf(next, lines, language));
    },
    [onChange, lines, language],
  );

  // Focus follows the line a key moved (after React has rendered it in its new place).
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    pendingFocus.current = null;
    const list = want.list === 'pool' ? poolRef.current : programRef.current;
    list?.querySelectorAll<HTMLButtonElement>('button.parsons-line')[want.index]?.focus();
  });
  const focusLater = (list: 'pool' | 'program', index: number) => {
    pendingFocus.current = { list, index };
    if (list === 'pool') setPoolFocus(index);
    else setProgramFocus(index);
  };

  const textOf = (id: number) => lines[id] ?? '';
  const total = arrangement.program.length;
  const shownIndents = indented
    ? arrangement.program.map((line) => line.indent)
    : braceIndents(arrangement.program.map((line) => textOf(line.id)));

  const add = (id: number, at = arrangement.program.length, level = 0) => {
    const next = place(arrangement, id, at, indented ? level : 0);
    update(next);
    const position = next.program.findIndex((line) => line.id === id);
    setAnnouncement(
      t('parsons.announce.added', { text: textOf(id), n: position + 1, total: next.program.length }),
    );
    return next;
  };
  const remove = (id: number) => {
    update(unplace(arrangement, id));
    setHeld(null);
    setAnnouncement(t('parsons.announce.removed', { text: textOf(id) }));
  };
  const shift = (at: number, by: number) => {
    if (!indented) return;
    const before = arrangement.program[at];
    const next = indentLine(arrangement, at, by);
    const line = next.program[at];
    if (!before || !line) return;
    // At a limit the line does not move: say so, or a screen reader (which does not repeat a
    // polite region whose text is unchanged) would say nothing at all.
    if (line.indent === before.indent) {
      const key = by > 0 ? 'parsons.announce.indentDeepest' : 'parsons.announce.indentNone';
      setAnnouncement(t(key, { text: textOf(line.id), level: line.indent }));
      return;
    }
    update(next);
    setAnnouncement(t('parsons.announce.indent', { text: textOf(line.id), level: line.indent }));
  };

  const onPoolKey = (e: React.KeyboardEvent, index: number) => {
    const { pool } = arrangement;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusLater('pool', Math.max(0, Math.min(pool.length - 1, index + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusLater('pool', e.key === 'Home' ? 0 : pool.length - 1);
    }
  };

  const onProgramKey = (e: React.KeyboardEvent, index: number) => {
    const line = arrangement.program[index];
    if (!line) return;
    const key = e.key;
    if (key === ' ' || key === 'Enter') {
      e.preventDefault();
      if (held) {
        setHeld(null);
        setAnnouncement(t('parsons.announce.dropped', { text: textOf(line.id), n: index + 1, total }));
      } else {
        setHeld({ id: line.id, from: index, indent: line.indent });
        setAnnouncement(t('parsons.announce.picked', { text: textOf(line.id), n: index + 1, total }));
      }
    } else if (key === 'Escape' && held) {
      e.preventDefault();
      let next = move(arrangement, index, held.from);
      next = indentLine(next, held.from, held.indent - (next.program[held.from]?.indent ?? 0));
      update(next);
      setHeld(null);
      focusLater('program', held.from);
      setAnnouncement(t('parsons.announce.cancelled', { text: textOf(line.id), n: held.from + 1, total }));
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      e.preventDefault();
      const to = index + (key === 'ArrowDown' ? 1 : -1);
      if (to < 0 || to >= total) return;
      if (held) {
        update(move(arrangement, index, to));
        setAnnouncement(t('parsons.announce.moved', { text: textOf(line.id), n: to + 1, total }));
      }
      focusLater('program', to);
    } else if (key === 'ArrowRight' || key === 'ArrowLeft') {
      e.preventDefault();
      shift(index, key === 'ArrowRight' ? 1 : -1);
    } else if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      remove(line.id);
      if (total > 1) focusLater('program', Math.min(index, total - 2));
      else focusLater('pool', 0);
    }
  };

  // Drag and drop (mouse): into the program at the pointer's row and indentation, or back out.
  const dropIndex = (e: React.DragEvent<HTMLOListElement>) => {
    const rows = [...e.currentTarget.querySelectorAll<HTMLElement>('li.parsons-row')];
    const at = rows.findIndex((row) => {
      const box = row.getBoundingClientRect();
      return e.clientY < box.top + box.height / 2;
    });
    return at < 0 ? rows.length : at;
  };
  const dropIndent = (e: React.DragEvent<HTMLOListElement>) =>
    indented
      ? Math.max(0, Math.floor((e.clientX - e.currentTarget.getBoundingClientRect().left - 8) / INDENT_PX))
      : 0;
  const onProgramDrop = (e: React.DragEvent<HTMLOListElement>) => {
    e.preventDefault();
    setDropAt(null);
    const id = Number(e.dataTransfer.getData(DRAG_TYPE));
    if (!Number.isInteger(id) || !lines[id]) return;
    const at = dropIndex(e);
    const from = arrangement.program.findIndex((line) => line.id === id);
    // Taking a line out of the list first moves the rows below it up by one.
    add(id, from >= 0 && from < at ? at - 1 : at, dropIndent(e));
  };

  const [checked, setChecked] = useState<string | null>(null);
  const check = async () => {
    if (runner.running) return;
    const code = programOf(arrangement, lines, language);
    setChecked(code);
    const result = await runner.run(checkRequest(exercise, code, language));
    onCheck(code, result);
  };
  // The lines the last Check's errors point at, as the editor marks them on an exercise; only
  // while the program is still the one checked (a moved line would be marked in the wrong place).
  const errorAt = new Map(
    checked === programOf(arrangement, lines, language)
      ? markersOf(runner.result, exercise.module).map((m) => [m.line, m.message] as const)
      : [],
  );

  const loading = runner.runtime.phase === 'loading';
  const poolIndex = Math.min(poolFocus, arrangement.pool.length - 1);
  const programIndex = Math.min(programFocus, total - 1);

  return (
    <div className="parsons" data-testid="parsons">
      <p id={keysId} className="parsons-keys muted">
        {t(indented ? 'parsons.keys' : 'parsons.keysNoIndent')}
      </p>
      <div className="parsons-lists">
        <section className="parsons-column" aria-labelledby={poolLabelId}>
          <h2 id={poolLabelId} className="parsons-heading">
            {t('parsons.pool')}
          </h2>
          <ol
            ref={poolRef}
            className="parsons-list parsons-pool"
            data-testid="parsons-pool"
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const id = Number(e.dataTransfer.getData(DRAG_TYPE));
              if (arrangement.program.some((line) => line.id === id)) remove(id);
            }}
          >
            {arrangement.pool.map((id, i) => (
              <li key={id} className="parsons-row">
                <button
                  type="button"
                  className="parsons-line"
                  tabIndex={i === poolIndex ? 0 : -1}
                  draggable
                  aria-describedby={keysId}
                  aria-label={t('parsons.poolLine', { text: textOf(id) })}
                  onFocus={() => setPoolFocus(i)}
                  onKeyDown={(e) => onPoolKey(e, i)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, String(id));
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onClick={() => {
                    add(id);
                    if (arrangement.pool.length > 1)
                      focusLater('pool', Math.min(i, arrangement.pool.length - 2));
                    else focusLater('program', arrangement.program.length);
                  }}
                >
                  <code>{textOf(id)}</code>
                </button>
              </li>
            ))}
          </ol>
          {arrangement.pool.length === 0 ? (
            <p className="muted parsons-empty">{t('parsons.poolEmpty')}</p>
          ) : null}
        </section>
        <section className="parsons-column" aria-labelledby={programLabelId}>
          <h2 id={programLabelId} className="parsons-heading">
            {t('parsons.program')}
          </h2>
          <ol
            ref={programRef}
            className="parsons-list parsons-program"
            data-testid="parsons-program"
            onDragOver={(e) => {
              e.preventDefault();
              setDropAt(dropIndex(e));
            }}
            onDragLeave={() => setDropAt(null)}
            onDrop={onProgramDrop}
          >
            {arrangement.program.map((line, i) => (
              <li
                key={line.id}
                className={`parsons-row${dropAt === i ? ' drop-before' : ''}`}
                data-indent={shownIndents[i]}
                data-error={errorAt.has(i + 1) || undefined}
              >
                <button
                  type="button"
                  className={`parsons-line${held?.id === line.id ? ' held' : ''}`}
                  style={{ marginLeft: `${(shownIndents[i] ?? 0) * INDENT_PX}px` }}
                  tabIndex={i === programIndex ? 0 : -1}
                  draggable
                  aria-describedby={errorAt.has(i + 1) ? `${keysId} ${errorId}-${i}` : keysId}
                  aria-pressed={held?.id === line.id}
                  aria-label={t(indented ? 'parsons.programLine' : 'parsons.programLineNoIndent', {
                    n: i + 1,
                    total,
                    level: line.indent,
                    text: textOf(line.id),
                  })}
                  onFocus={() => setProgramFocus(i)}
                  onBlur={() => setHeld((h) => (h?.id === line.id ? null : h))}
                  onKeyDown={(e) => onProgramKey(e, i)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, String(line.id));
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  <code>{textOf(line.id)}</code>
                </button>
                {errorAt.has(i + 1) ? (
                  <span
                    className="parsons-error"
                    id={`${errorId}-${i}`}
                    style={{ marginLeft: `${(shownIndents[i] ?? 0) * INDENT_PX + 10}px` }}
                  >
                    {t('parsons.errorHere', { message: errorAt.get(i + 1) })}
                  </span>
                ) : null}
              </li>
            ))}
            {total === 0 ? <li className="muted parsons-empty">{t('parsons.programEmpty')}</li> : null}
          </ol>
        </section>
      </div>
      <p className="parsons-announce" role="status" aria-live="polite" data-testid="parsons-announce">
        {announcement}
      </p>
      <div className="toolbar" role="toolbar" aria-label={t('runner.toolbar')}>
        <button
          type="button"
          className="primary"
          onClick={() => void check()}
          disabled={runner.running !== null || total === 0}
        >
          {t('runner.check')}
        </button>
        <button
          type="button"
          onClick={() => {
            update(startArrangement(lines.length));
            setHeld(null);
            setAnnouncement(t('parsons.announce.reset'));
          }}
          disabled={total === 0}
        >
          {t('parsons.reset')}
        </button>
        <span className="runtime-state" role="status">
          {runner.running
            ? t(loading ? 'runner.waitingForRuntime' : 'runner.running')
            : runner.runtime.phase === 'loading'
              ? t('runner.loadingRuntime', { percent: Math.round(runner.runtime.fraction * 100) })
              : runner.runtime.phase === 'failed'
                ? t('runner.runtimeFailed', { message: runner.runtime.message })
                : t('runner.ready')}
        </span>
      </div>
      {runner.result ? (
        <div className="parsons-results" data-testid="parsons-results">
          <ResultsPanel
            result={runner.result}
            starter=""
            {...(exercise.cases ? { cases: exercise.cases } : {})}
          />
        </div>
      ) : null}
      {aside ? <div className="parsons-help">{aside}</div> : null}
    </div>
  );
}
