/**
 * The learners × exercises matrix of one track: a learner's figures, then one cell per exercise.
 * It sorts by any heading, filters by name, student ID or "stuck", and scrolls inside its own
 * frame, which draws only the rows and exercise columns it shows (table-window.tsx).
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  readCell,
  type ClassView,
  type MatrixCell,
  type MatrixCellFields,
} from '../../shared/api/contract.ts';
import { dateOnly, minutes, titleOf, type UiLocale } from '../i18n/format.ts';
import { ColumnSpacer, useTableWindow, windowed, type Span } from './table-window.tsx';

type Row = ClassView['learners'][number];
export type SortKey = 'name' | 'studentId' | 'done' | 'time' | 'hints' | 'lastActive' | number;
export interface Sort {
  key: SortKey;
  up: boolean;
}

/** Every row has this height and every exercise column this width (class-view.css). */
const MATRIX_ROW = 44;
const EXERCISE_COLUMN = 104;
/** The learner's name and five figures come before the exercises. */
const LEARNER_COLUMNS = 6;
/** Where the exercise columns start: the first header cell after the learner's figures. */
const exercisesStart = (frame: HTMLElement) =>
  (frame.querySelector('thead tr')?.children[LEARNER_COLUMNS] as HTMLElement | undefined)?.offsetLeft ?? 0;

export function ClassMatrix({
  exercises,
  rows,
  total,
  locale,
  sort,
  onSort,
  filter,
  onFilter,
  onlyStuck,
  onOnlyStuck,
  onOpen,
}: {
  exercises: ClassView['exercises'];
  /** The learners shown, filtered and sorted. */
  rows: readonly Row[];
  /** All the track's learners. */
  total: number;
  locale: UiLocale;
  sort: Sort;
  onSort: (key: SortKey) => void;
  filter: string;
  onFilter: (text: string) => void;
  onlyStuck: boolean;
  onOnlyStuck: (only: boolean) => void;
  onOpen: (learnerKey: string) => void;
}) {
  const { t } = useTranslation();
  const words = useMemo(() => matrixWords(t, locale), [t, locale]);
  const {
    setFrame,
    rows: rowSpan,
    columns: cols,
  } = useTableWindow(
    { count: rows.length, height: MATRIX_ROW },
    { count: exercises.length, width: EXERCISE_COLUMN, start: exercisesStart },
  );
  const drawn =
    LEARNER_COLUMNS +
    (cols.first > 0 ? 1 : 0) +
    (cols.last - cols.first) +
    (cols.last < exercises.length ? 1 : 0);

  return (
    <section aria-labelledby="matrix-title">
      <h3 id="matrix-title">{t('classView.matrixTitle')}</h3>
      <p id="matrix-help" className="muted small">
        {t('classView.matrixHelp')}
      </p>
      <MatrixTools
        filter={filter}
        onFilter={onFilter}
        onlyStuck={onlyStuck}
        onOnlyStuck={onOnlyStuck}
        shown={rows.length}
        total={total}
      />
      <div className="matrix-scroll" role="region" aria-labelledby="matrix-title" tabIndex={0} ref={setFrame}>
        <table
          className="data-table matrix"
          data-testid="class-matrix"
          aria-describedby="matrix-help"
          aria-rowcount={rows.length + 1}
          aria-colcount={LEARNER_COLUMNS + exercises.length}
        >
          <MatrixHead
            exercises={exercises}
            cols={cols}
            locale={locale}
            sort={sort}
            onSort={onSort}
            words={words}
          />
          <tbody>
            {windowed(rows, rowSpan, MATRIX_ROW, drawn, (l, index) => (
              <MatrixRow
                key={l.key}
                learner={l}
                index={index}
                first={cols.first}
                last={cols.last}
                exercises={exercises.length}
                words={words}
                onOpen={onOpen}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Filter by name or student ID, only the stuck learners, and how many rows show. */
function MatrixTools({
  filter,
  onFilter,
  onlyStuck,
  onOnlyStuck,
  shown,
  total,
}: {
  filter: string;
  onFilter: (text: string) => void;
  onlyStuck: boolean;
  onOnlyStuck: (only: boolean) => void;
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  return (
    <div className="matrix-tools">
      <label>
        <span>{t('classView.filterLabel')}</span>
        <input
          type="search"
          value={filter}
          placeholder={t('classView.filterPlaceholder')}
          data-testid="matrix-filter"
          onChange={(e) => onFilter(e.currentTarget.value)}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={onlyStuck} onChange={(e) => onOnlyStuck(e.currentTarget.checked)} />
        <span>{t('classView.onlyStuck')}</span>
      </label>
      <span className="muted" role="status">
        {t('classView.showing', { shown, total })}
      </span>
    </div>
  );
}

/** The sortable headings: the learner's figures, then the exercise columns in view. */
function MatrixHead({
  exercises,
  cols,
  locale,
  sort,
  onSort,
  words,
}: {
  exercises: ClassView['exercises'];
  cols: Span;
  locale: UiLocale;
  sort: Sort;
  onSort: (key: SortKey) => void;
  words: MatrixWords;
}) {
  const { t } = useTranslation();
  const header = (key: SortKey, label: string, className?: string, colIndex?: number) => (
    <th
      key={String(key)}
      scope="col"
      className={className}
      aria-colindex={colIndex}
      aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" title={words.sortBy(label)} onClick={() => onSort(key)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort.key === key ? (sort.up ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <thead>
      <tr>
        {header('name', t('classView.learner'), 'sticky-col')}
        {header('studentId', t('classView.studentId'))}
        {header('done', t('classView.done'))}
        {header('time', t('classView.time'))}
        {header('hints', t('classView.hints'))}
        {header('lastActive', t('classView.lastActive'))}
        <ColumnSpacer n={cols.first} width={EXERCISE_COLUMN} head />
        {exercises
          .slice(cols.first, cols.last)
          .map((e, i) =>
            header(
              cols.first + i,
              titleOf(e.title, e.id, locale),
              'exercise-head',
              LEARNER_COLUMNS + 1 + cols.first + i,
            ),
          )}
        <ColumnSpacer n={exercises.length - cols.last} width={EXERCISE_COLUMN} head />
      </tr>
    </thead>
  );
}

/** A row is drawn again only when it, the columns in view or the words change. */
const MatrixRow = memo(function MatrixRow({
  learner: l,
  index,
  first,
  last,
  exercises,
  words,
  onOpen,
}: {
  learner: Row;
  index: number;
  first: number;
  last: number;
  exercises: number;
  words: MatrixWords;
  onOpen: (learnerKey: string) => void;
}) {
  const cells: Span = { first, last };
  return (
    <tr className={l.stuck ? 'stuck' : undefined} aria-rowindex={index + 2}>
      <th scope="row" className="sticky-col">
        <button type="button" className="link-button" onClick={() => onOpen(l.key)}>
          {l.name}
        </button>
        {l.verification === 'unsigned' && <span className="muted small"> ({words.unsigned})</span>}
        {l.stuck && <span className="badge-stuck">{words.stuck}</span>}
      </th>
      <td>{l.studentId ?? words.noStudentId}</td>
      <td className="num">{l.total ? `${l.completed}/${l.total}` : l.completed}</td>
      <td className="num">{words.time(l.activeMs)}</td>
      <td className="num">{l.hints}</td>
      <td>{l.lastActiveAt ? words.date(l.lastActiveAt) : words.never}</td>
      <ColumnSpacer n={cells.first} width={EXERCISE_COLUMN} />
      {l.cells.slice(cells.first, cells.last).map((c, i) => (
        <MatrixTd
          key={cells.first + i}
          cell={c}
          words={words}
          colIndex={LEARNER_COLUMNS + 1 + cells.first + i}
        />
      ))}
      <ColumnSpacer n={exercises - cells.last} width={EXERCISE_COLUMN} />
    </tr>
  );
});

/** The matrix's words, translated once per view rather than several times per row and cell. */
interface MatrixWords {
  sortBy: (column: string) => string;
  notStarted: string;
  noStudentId: string;
  never: string;
  unsigned: string;
  stuck: string;
  said: (cell: MatrixCellFields) => string;
  time: (ms: number) => string;
  date: (at: string) => string;
}

function matrixWords(t: TFunction, locale: UiLocale): MatrixWords {
  // Placeholders stand in for the numbers, so each sentence is translated once.
  const fill = (template: string, ...values: (number | string)[]) =>
    values.reduce<string>((text, v, i) => text.split(`\u0000${i}`).join(String(v)), template);
  const checks = t('classView.cellChecks', { checks: '\u00000', failed: '\u00001' });
  const hints = t('classView.cellHints', { count: '\u00000' });
  const hoursMinutes = t('dashboard.hoursMinutes', { h: '\u00000', m: '\u00001' });
  const minutesOnly = t('dashboard.minutesOnly', { m: '\u00000' });
  const done = t('classView.cellDone');
  const notDone = t('classView.cellNotDone');
  const revealed = t('classView.cellRevealed');
  const time = (ms: number) => {
    const total = Math.round(ms / 60_000);
    const h = Math.floor(total / 60);
    return h ? fill(hoursMinutes, h, total % 60) : fill(minutesOnly, total);
  };
  const sortBy = t('classView.sortBy', { column: '\u00000' });
  return {
    sortBy: (column) => fill(sortBy, column),
    notStarted: t('classView.cellNotStarted'),
    noStudentId: t('classView.noStudentId'),
    never: t('classroom.never'),
    unsigned: t('classroom.verification.unsigned'),
    stuck: t('classView.stuckBadge'),
    said: (c) =>
      [
        c.done ? done : notDone,
        fill(checks, c.checks, c.failedChecks),
        fill(hints, c.hints),
        ...(c.revealed ? [revealed] : []),
        time(c.activeMs),
      ].join(', '),
    time,
    date: (at) => dateOnly(at, locale),
  };
}

function MatrixTd({
  cell: tuple,
  words,
  colIndex,
}: {
  cell: MatrixCell | null;
  words: MatrixWords;
  colIndex: number;
}) {
  if (!tuple)
    return (
      <td className="cell-empty" aria-colindex={colIndex}>
        <span className="visually-hidden">{words.notStarted}</span>
      </td>
    );
  const cell = readCell(tuple);
  const said = words.said(cell);
  return (
    <td
      className={cell.done ? 'cell-done' : cell.failedChecks ? 'cell-trouble' : 'cell-open'}
      title={said}
      aria-colindex={colIndex}
    >
      {/* One text node per piece: a screen of cells is some 200, and each node is laid out. */}
      <span aria-hidden="true" className="cell-text">
        <span className="cell-mark">{cell.done ? '✓' : '·'}</span>
        {` ${cell.checks}`}
        {cell.failedChecks > 0 && <span className="cell-failed">{` ✗${cell.failedChecks}`}</span>}
        <span className="cell-sub">
          {`${cell.hints > 0 ? `H${cell.hints} ` : ''}${cell.revealed ? '★ ' : ''}${minutes(cell.activeMs)}′`}
        </span>
      </span>
      <span className="visually-hidden">{said}</span>
    </td>
  );
}
