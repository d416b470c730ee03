/**
 * What a Parsons step shows (ParsonsStep.tsx holds the state and the moves): the given lines, the
 * learner's program with its indentation and the lines an error points at, and the toolbar.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { useRunner } from '../useRunner.ts';
import { RuntimeStatus } from '../RuntimeStatus.tsx';

export const DRAG_TYPE = 'application/x-lantern-parsons-line';
/** Pixels of horizontal drag per indentation level when dropping. */
export const INDENT_PX = 28;

/** Where a keyboard move started, so Escape can put the line back. */
export interface Held {
  id: number;
  from: number;
  indent: number;
}

type ListRef = React.RefObject<HTMLOListElement | null>;

const startDrag = (e: React.DragEvent, id: number) => {
  e.dataTransfer.setData(DRAG_TYPE, String(id));
  e.dataTransfer.effectAllowed = 'move';
};

/** What a tap shows: the line it picked up, and where that line can go. */
export interface TouchView {
  lifted: number | null;
  liftedInProgram: boolean;
  onPointerDown: (e: React.PointerEvent) => void;
}

/**
 * The lines not yet in the program: Enter or a click adds one (a tap picks it up), dragging one
 * back removes it.
 */
export function PoolList({
  pool,
  focusIndex,
  textOf,
  keysId,
  listRef,
  onFocusLine,
  onKey,
  onActivate,
  onDropBack,
  touch,
  onPutBack,
}: {
  pool: number[];
  focusIndex: number;
  textOf: (id: number) => string;
  keysId: string;
  listRef: ListRef;
  onFocusLine: (index: number) => void;
  onKey: (e: React.KeyboardEvent, index: number) => void;
  onActivate: (e: React.MouseEvent, id: number, index: number) => void;
  onDropBack: (id: number) => void;
  touch: TouchView;
  onPutBack: () => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <section className="parsons-column" aria-labelledby={labelId}>
      <h2 id={labelId} className="parsons-heading">
        {t('parsons.pool')}
      </h2>
      <ol
        ref={listRef}
        className="parsons-list parsons-pool"
        data-testid="parsons-pool"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          onDropBack(Number(e.dataTransfer.getData(DRAG_TYPE)));
        }}
      >
        {pool.map((id, i) => (
          <li key={id} className="parsons-row">
            <button
              type="button"
              className={`parsons-line${touch.lifted === id ? ' held lifted' : ''}`}
              tabIndex={i === focusIndex ? 0 : -1}
              draggable
              aria-describedby={keysId}
              aria-pressed={touch.lifted === id}
              aria-label={t('parsons.poolLine', { text: textOf(id) })}
              onFocus={() => onFocusLine(i)}
              onKeyDown={(e) => onKey(e, i)}
              onDragStart={(e) => startDrag(e, id)}
              onPointerDown={touch.onPointerDown}
              onClick={(e) => onActivate(e, id, i)}
            >
              <code>{textOf(id)}</code>
            </button>
          </li>
        ))}
      </ol>
      {pool.length === 0 && !touch.liftedInProgram ? (
        <p className="muted parsons-empty">{t('parsons.poolEmpty')}</p>
      ) : null}
      {touch.liftedInProgram ? (
        <button type="button" className="parsons-target" data-testid="parsons-put-back" onClick={onPutBack}>
          {t('parsons.touch.back')}
        </button>
      ) : null}
    </section>
  );
}

/** The learner's program: each line at its indentation, held or marked by an error. */
export function ProgramList({
  program,
  indented,
  shownIndents,
  focusIndex,
  held,
  dropAt,
  errorAt,
  textOf,
  keysId,
  listRef,
  onFocusLine,
  onBlurLine,
  onKey,
  onDragOverAt,
  onDrop,
  dropIndex,
  touch,
  onActivate,
  onEnd,
  onIndent,
}: {
  program: { id: number; indent: number }[];
  indented: boolean;
  shownIndents: number[];
  focusIndex: number;
  held: Held | null;
  dropAt: number | null;
  /** Line number (from 1) → the error's message, for the last Check's program. */
  errorAt: Map<number, string>;
  textOf: (id: number) => string;
  keysId: string;
  listRef: ListRef;
  onFocusLine: (index: number) => void;
  onBlurLine: (id: number) => void;
  onKey: (e: React.KeyboardEvent, index: number) => void;
  onDragOverAt: (index: number | null) => void;
  onDrop: (e: React.DragEvent<HTMLOListElement>) => void;
  dropIndex: (e: React.DragEvent<HTMLOListElement>) => number;
  touch: TouchView;
  onActivate: (e: React.MouseEvent, id: number) => void;
  onEnd: () => void;
  onIndent: (index: number, by: number) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const errorId = useId();
  const total = program.length;
  return (
    <section className="parsons-column" aria-labelledby={labelId}>
      <h2 id={labelId} className="parsons-heading">
        {t('parsons.program')}
      </h2>
      <ol
        ref={listRef}
        className="parsons-list parsons-program"
        data-testid="parsons-program"
        onDragOver={(e) => {
          e.preventDefault();
          onDragOverAt(dropIndex(e));
        }}
        onDragLeave={() => onDragOverAt(null)}
        onDrop={onDrop}
      >
        {program.map((line, i) => (
          <ProgramLine
            key={line.id}
            line={line}
            index={i}
            total={total}
            indented={indented}
            shownIndent={shownIndents[i] ?? 0}
            focused={i === focusIndex}
            held={held?.id === line.id}
            dropBefore={dropAt === i}
            error={errorAt.get(i + 1)}
            errorId={`${errorId}-${i}`}
            text={textOf(line.id)}
            keysId={keysId}
            touch={touch}
            onFocus={() => onFocusLine(i)}
            onBlur={() => onBlurLine(line.id)}
            onKey={(e) => onKey(e, i)}
            onActivate={(e) => onActivate(e, line.id)}
            onIndent={(by) => onIndent(i, by)}
          />
        ))}
        {total === 0 && touch.lifted === null ? (
          <li className="muted parsons-empty">{t('parsons.programEmpty')}</li>
        ) : null}
        {touch.lifted !== null ? (
          <li className="parsons-end">
            <button type="button" className="parsons-target" data-testid="parsons-put-end" onClick={onEnd}>
              {t('parsons.touch.end')}
            </button>
          </li>
        ) : null}
      </ol>
    </section>
  );
}

/**
 * One line of the learner's program, at its indentation: held or lifted, the ← → buttons of a
 * line lifted by touch, and what the last Check's error says about it.
 */
function ProgramLine({
  line,
  index,
  total,
  indented,
  shownIndent,
  focused,
  held,
  dropBefore,
  error,
  errorId,
  text,
  keysId,
  touch,
  onFocus,
  onBlur,
  onKey,
  onActivate,
  onIndent,
}: {
  line: { id: number; indent: number };
  index: number;
  total: number;
  indented: boolean;
  shownIndent: number;
  focused: boolean;
  held: boolean;
  dropBefore: boolean;
  error: string | undefined;
  errorId: string;
  text: string;
  keysId: string;
  touch: TouchView;
  onFocus: () => void;
  onBlur: () => void;
  onKey: (e: React.KeyboardEvent) => void;
  onActivate: (e: React.MouseEvent) => void;
  onIndent: (by: number) => void;
}) {
  const { t } = useTranslation();
  const lifted = touch.lifted === line.id;
  const margin = { marginLeft: `${shownIndent * INDENT_PX}px` };
  return (
    <li
      className={`parsons-row${dropBefore ? ' drop-before' : ''}`}
      data-indent={shownIndent}
      data-error={error !== undefined || undefined}
    >
      <button
        type="button"
        className={`parsons-line${held || lifted ? ' held' : ''}${lifted ? ' lifted' : ''}`}
        style={margin}
        tabIndex={focused ? 0 : -1}
        draggable
        aria-describedby={error !== undefined ? `${keysId} ${errorId}` : keysId}
        aria-pressed={held || lifted}
        aria-label={t(indented ? 'parsons.programLine' : 'parsons.programLineNoIndent', {
          n: index + 1,
          total,
          level: line.indent,
          text,
        })}
        onFocus={onFocus}
        onBlur={onBlur}
        onKeyDown={onKey}
        onDragStart={(e) => startDrag(e, line.id)}
        onPointerDown={touch.onPointerDown}
        onClick={onActivate}
      >
        <code>{text}</code>
      </button>
      {indented && lifted ? (
        <span className="parsons-indent-buttons" style={margin}>
          <button
            type="button"
            className="parsons-target"
            aria-label={t('parsons.touch.indentLess', { text })}
            onClick={() => onIndent(-1)}
          >
            ←
          </button>
          <button
            type="button"
            className="parsons-target"
            aria-label={t('parsons.touch.indentMore', { text })}
            onClick={() => onIndent(1)}
          >
            →
          </button>
        </span>
      ) : null}
      {error !== undefined ? (
        <span
          className="parsons-error"
          id={errorId}
          style={{ marginLeft: `${shownIndent * INDENT_PX + 10}px` }}
        >
          {t('parsons.errorHere', { message: error })}
        </span>
      ) : null}
    </li>
  );
}

/** Check, Reset, and what the runner is doing. */
export function ParsonsToolbar(props: {
  runner: ReturnType<typeof useRunner>;
  empty: boolean;
  onCheck: () => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const { runner } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('runner.toolbar')}>
      <button
        type="button"
        className="primary"
        onClick={props.onCheck}
        disabled={runner.running !== null || props.empty}
      >
        {t('runner.check')}
      </button>
      <button type="button" onClick={props.onReset} disabled={props.empty}>
        {t('parsons.reset')}
      </button>
      <RuntimeStatus runner={runner} />
    </div>
  );
}
