/**
 * The class view a teacher reads in a minute (decision 0040): one tab per track, a summary (who
 * is stuck, the most-missed exercises, the commonest kinds of failure with a learner's code),
 * the learners × exercises matrix, and mastery by concept, which shows a figure only where there
 * is evidence. The matrix sorts and filters, and scrolls inside its own frame.
 */
import { useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useApp } from '../../app/context.ts';
import type { ClassView as View, MatrixCell } from '../../../shared/api/contract.ts';
import { dateOnly, duration, minutes, percent, titleOf, uiLocale } from '../progress/format.ts';
import './class-view.css';

type Row = View['learners'][number];
type SortKey = 'name' | 'studentId' | 'done' | 'time' | 'hints' | 'lastActive' | number;
/**
 * Rows are drawn only where the frame shows them (plus a margin): a class of 300 learners by 60
 * exercises is 18,000 cells, which would take the page seconds to draw. Every row has this height.
 */
const MATRIX_ROW = 44;
const MASTERY_ROW = 32;
const MARGIN_ROWS = 10;
/** The summary names this many stuck learners; the matrix's filter lists them all. */
const STUCK_SHOWN = 8;

function useRowWindow(count: number, rowHeight: number) {
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [range, setRange] = useState({ first: 0, last: 30 });
  useLayoutEffect(() => {
    if (!frame) return;
    const update = () => {
      const first = Math.max(0, Math.floor(frame.scrollTop / rowHeight) - MARGIN_ROWS);
      const last = Math.min(
        count,
        Math.ceil((frame.scrollTop + frame.clientHeight) / rowHeight) + MARGIN_ROWS,
      );
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    };
    update();
    frame.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(frame);
    return () => {
      frame.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [frame, count, rowHeight]);
  return { setFrame, ...range };
}

/** The rows of `rows` the window shows, with spacer rows keeping the scroll height true. */
function windowed<T>(
  rows: readonly T[],
  w: { first: number; last: number },
  rowHeight: number,
  columns: number,
  draw: (row: T, index: number) => ReactNode,
) {
  const spacer = (n: number, key: string) =>
    n > 0 ? (
      <tr key={key} className="spacer" aria-hidden="true" style={{ height: n * rowHeight }}>
        <td colSpan={columns} />
      </tr>
    ) : null;
  return [
    spacer(w.first, 'top'),
    ...rows.slice(w.first, w.last).map((r, i) => draw(r, w.first + i)),
    spacer(rows.length - Math.min(rows.length, w.last), 'bottom'),
  ];
}

const band = (m: number) => (m >= 0.8 ? 'heat-high' : m >= 0.5 ? 'heat-mid' : 'heat-low');
/** Sorts an exercise column: done first, then fewer failed checks; not started last. */
const cellRank = (c: MatrixCell | null) => (c === null ? -1e9 : (c.done ? 1e6 : 0) - c.failedChecks);

export function ClassView({
  classId,
  version,
  onOpen,
  onLoaded,
}: {
  classId: number;
  version: number;
  onOpen: (learnerKey: string) => void;
  onLoaded?: (view: View) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const locale = uiLocale(i18n.language);
  const [track, setTrack] = useState<string | undefined>(undefined);
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [onlyStuck, setOnlyStuck] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'name', up: true });

  useEffect(() => {
    let live = true;
    api.getClassView({ classId, ...(track ? { track } : {}) }).then(
      (v) => {
        if (!live) return;
        setView(v);
        setError(null);
        onLoaded?.(v);
      },
      (err: unknown) => live && setError((err as Error).message),
    );
    return () => {
      live = false;
    };
  }, [api, classId, track, version, onLoaded]);

  const rows = useMemo(() => {
    if (!view) return [];
    // One collator for the whole sort: localeCompare with a locale builds one per call, which
    // made sorting 300 learners take seconds.
    const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en', {
      sensitivity: 'base',
      numeric: true,
    });
    const needle = filter.trim().toLowerCase();
    const shown = view.learners.filter(
      (l) =>
        (!onlyStuck || l.stuck) &&
        (!needle ||
          l.name.toLowerCase().includes(needle) ||
          (l.studentId ?? '').toLowerCase().includes(needle)),
    );
    const value = (l: Row): string | number => {
      const k = sort.key;
      if (typeof k === 'number') return cellRank(l.cells[k] ?? null);
      if (k === 'name') return l.name;
      if (k === 'studentId') return (l.studentId ?? '').toLowerCase();
      if (k === 'done') return l.completed;
      if (k === 'time') return l.activeMs;
      if (k === 'hints') return l.hints;
      return l.lastActiveAt ?? '';
    };
    return shown.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return (sort.up ? c : -c) || collator.compare(a.name, b.name);
    });
  }, [view, filter, onlyStuck, sort, locale]);

  const words = useMemo(() => cellWords(t), [t]);
  const { setFrame: matrixFrame, ...matrixWindow } = useRowWindow(rows.length, MATRIX_ROW);
  const { setFrame: masteryFrame, ...masteryWindow } = useRowWindow(rows.length, MASTERY_ROW);

  if (error)
    return (
      <p className="status error" role="alert">
        {t('classroom.actionFailed', { message: error })}
      </p>
    );
  if (!view)
    return (
      <p className="status" role="status">
        {t('classroom.loading')}
      </p>
    );
  if (!view.track) return <p data-testid="class-view-empty">{t('classView.noTracks')}</p>;

  const exerciseTitle = (id: string) => titleOf(view.exercises.find((e) => e.id === id)?.title, id, locale);
  const trackTitle = (id: string) => titleOf(view.tracks.find((x) => x.id === id)?.title, id, locale);

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = view.tracks.findIndex((x) => x.id === view.track);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = view.tracks[(i + step + view.tracks.length) % view.tracks.length]!;
    setTrack(next.id);
    document.getElementById(`track-tab-${next.id}`)?.focus();
  };

  const header = (key: SortKey, label: string, className?: string) => (
    <th
      key={String(key)}
      scope="col"
      className={className}
      aria-sort={sort.key === key ? (sort.up ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        title={t('classView.sortBy', { column: label })}
        onClick={() => setSort((s) => ({ key, up: s.key === key ? !s.up : true }))}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort.key === key ? (sort.up ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <div className="class-view" data-testid="class-view">
      <div className="tabs track-tabs" role="tablist" aria-label={t('classView.tracksLabel')}>
        {view.tracks.map((x) => (
          <button
            key={x.id}
            id={`track-tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={x.id === view.track}
            aria-controls="track-panel"
            tabIndex={x.id === view.track ? 0 : -1}
            onKeyDown={onTabKey}
            onClick={() => setTrack(x.id)}
          >
            {t('classView.trackTab', { title: titleOf(x.title, x.id, locale), count: x.learners })}
          </button>
        ))}
      </div>
      <div id="track-panel" role="tabpanel" aria-labelledby={`track-tab-${view.track}`}>
        <h3 className="visually-hidden">{trackTitle(view.track)}</h3>
        <section aria-labelledby="summary-title" className="class-summary" data-testid="class-summary">
          <h3 id="summary-title">{t('classView.summaryTitle')}</h3>
          <div className="summary-grid">
            <div className="summary-box" data-testid="summary-stuck">
              <h4>{t('classView.stuckTitle')}</h4>
              <p className="muted small">{t('classView.stuckHelp', { count: 3, days: 7 })}</p>
              {view.summary.stuck.length ? (
                <ul>
                  {view.summary.stuck.slice(0, STUCK_SHOWN).map((s) => (
                    <li key={s.key}>
                      <button type="button" className="link-button" onClick={() => onOpen(s.key)}>
                        {t('classView.stuckItem', {
                          name: s.name,
                          count: s.failedChecks,
                          exercise: s.exercise ? exerciseTitle(s.exercise) : '?',
                        })}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('classView.stuckNone')}</p>
              )}
              {view.summary.stuck.length > STUCK_SHOWN && (
                <button type="button" className="link-button" onClick={() => setOnlyStuck(true)}>
                  {t('classView.stuckMore', { count: view.summary.stuck.length - STUCK_SHOWN })}
                </button>
              )}
            </div>
            <div className="summary-box" data-testid="summary-missed">
              <h4>{t('classView.missedTitle')}</h4>
              {view.summary.mostMissed.length ? (
                <ul>
                  {view.summary.mostMissed.map((m) => (
                    <li key={m.exercise}>
                      {t('classView.missedItem', {
                        exercise: exerciseTitle(m.exercise),
                        learners: m.learners,
                        checks: m.failedChecks,
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('classView.missedNone')}</p>
              )}
            </div>
            <div className="summary-box" data-testid="summary-errors">
              <h4>{t('classView.errorsTitle')}</h4>
              {view.summary.errorKinds.length ? (
                <ul>
                  {view.summary.errorKinds.map((k) => (
                    <li key={k.kind}>
                      {t('classView.errorsItem', {
                        kind: t(`classView.errorKind.${k.kind}`),
                        checks: k.checks,
                        learners: k.learners,
                      })}
                      {k.example && (
                        <details className="error-example">
                          <summary>
                            {t('classView.example', {
                              learner: k.example.learner,
                              exercise: exerciseTitle(k.example.exercise),
                            })}
                          </summary>
                          <pre className="code-example">{k.example.code}</pre>
                          <p className="muted small">{t('classView.exampleNote')}</p>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('classView.errorsNone')}</p>
              )}
            </div>
          </div>
          {view.summary.withoutAttempts > 0 && (
            <p className="muted small">
              {t('classView.withoutAttempts', { count: view.summary.withoutAttempts })}
            </p>
          )}
        </section>

        <section aria-labelledby="matrix-title">
          <h3 id="matrix-title">{t('classView.matrixTitle')}</h3>
          <p id="matrix-help" className="muted small">
            {t('classView.matrixHelp')}
          </p>
          <div className="matrix-tools">
            <label>
              <span>{t('classView.filterLabel')}</span>
              <input
                type="search"
                value={filter}
                placeholder={t('classView.filterPlaceholder')}
                data-testid="matrix-filter"
                onChange={(e) => setFilter(e.currentTarget.value)}
              />
            </label>
            <label className="inline">
              <input
                type="checkbox"
                checked={onlyStuck}
                onChange={(e) => setOnlyStuck(e.currentTarget.checked)}
              />
              <span>{t('classView.onlyStuck')}</span>
            </label>
            <span className="muted" role="status">
              {t('classView.showing', { shown: rows.length, total: view.learners.length })}
            </span>
          </div>
          <div
            className="matrix-scroll"
            role="region"
            aria-labelledby="matrix-title"
            tabIndex={0}
            ref={matrixFrame}
          >
            <table
              className="data-table matrix"
              data-testid="class-matrix"
              aria-describedby="matrix-help"
              aria-rowcount={rows.length + 1}
            >
              <thead>
                <tr>
                  {header('name', t('classView.learner'), 'sticky-col')}
                  {header('studentId', t('classView.studentId'))}
                  {header('done', t('classView.done'))}
                  {header('time', t('classView.time'))}
                  {header('hints', t('classView.hints'))}
                  {header('lastActive', t('classView.lastActive'))}
                  {view.exercises.map((e, i) => header(i, titleOf(e.title, e.id, locale), 'exercise-head'))}
                </tr>
              </thead>
              <tbody>
                {windowed(rows, matrixWindow, MATRIX_ROW, 6 + view.exercises.length, (l, index) => (
                  <tr key={l.key} className={l.stuck ? 'stuck' : undefined} aria-rowindex={index + 2}>
                    <th scope="row" className="sticky-col">
                      <button type="button" className="link-button" onClick={() => onOpen(l.key)}>
                        {l.name}
                      </button>
                      {l.verification === 'unsigned' && (
                        <span className="muted small"> ({t('classroom.verification.unsigned')})</span>
                      )}
                      {l.stuck && <span className="badge-stuck">{t('classView.stuckBadge')}</span>}
                    </th>
                    <td>{l.studentId ?? t('classView.noStudentId')}</td>
                    <td className="num">{l.total ? `${l.completed}/${l.total}` : l.completed}</td>
                    <td className="num">{duration(l.activeMs, t)}</td>
                    <td className="num">{l.hints}</td>
                    <td>{l.lastActiveAt ? dateOnly(l.lastActiveAt, locale) : t('classroom.never')}</td>
                    {l.cells.map((c, i) => (
                      <MatrixTd key={i} cell={c} words={words} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        {view.concepts.length > 0 && (
          <section aria-labelledby="mastery-title">
            <h3 id="mastery-title">{t('classView.masteryTitle')}</h3>
            <p id="mastery-help" className="muted small">
              {t('classView.masteryHelp')}
            </p>
            <div
              className="matrix-scroll"
              role="region"
              aria-labelledby="mastery-title"
              tabIndex={0}
              ref={masteryFrame}
            >
              <table
                className="data-table heat-table windowed"
                data-testid="class-mastery"
                aria-describedby="mastery-help"
                aria-rowcount={rows.length + 1}
              >
                <thead>
                  <tr>
                    <th scope="col" className="sticky-col">
                      {t('classView.learner')}
                    </th>
                    {view.concepts.map((c) => (
                      <th scope="col" key={c.id} className="concept-head">
                        {titleOf(c.title, c.id, locale)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {windowed(rows, masteryWindow, MASTERY_ROW, 1 + view.concepts.length, (l, index) => (
                    <tr key={l.key} aria-rowindex={index + 2}>
                      <th scope="row" className="sticky-col">
                        {l.name}
                      </th>
                      {l.mastery.map((m, i) =>
                        m === null ? (
                          <td key={i} className="heat-none" title={t('learner.notAssessed')}>
                            <span aria-hidden="true">–</span>
                            <span className="visually-hidden">{t('learner.notAssessed')}</span>
                          </td>
                        ) : (
                          <td key={i} className={`heat ${band(m)}`}>
                            {percent(m)}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}

/** A cell's words, translated once per view rather than five times per cell. */
interface CellWords {
  notStarted: string;
  said: (cell: MatrixCell) => string;
}

function cellWords(t: TFunction): CellWords {
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
  return {
    notStarted: t('classView.cellNotStarted'),
    said: (c) =>
      [
        c.done ? done : notDone,
        fill(checks, c.checks, c.failedChecks),
        fill(hints, c.hints),
        ...(c.revealed ? [revealed] : []),
        time(c.activeMs),
      ].join(', '),
  };
}

function MatrixTd({ cell, words }: { cell: MatrixCell | null; words: CellWords }) {
  if (!cell)
    return (
      <td className="cell-empty">
        <span className="visually-hidden">{words.notStarted}</span>
      </td>
    );
  const said = words.said(cell);
  return (
    <td className={cell.done ? 'cell-done' : cell.failedChecks ? 'cell-trouble' : 'cell-open'} title={said}>
      <span aria-hidden="true" className="cell-text">
        <span className="cell-mark">{cell.done ? '✓' : '·'}</span> {cell.checks}
        {cell.failedChecks > 0 && <span className="cell-failed"> ✗{cell.failedChecks}</span>}
        <span className="cell-sub">
          {cell.hints > 0 && `H${cell.hints} `}
          {cell.revealed && '★ '}
          {`${minutes(cell.activeMs)}′`}
        </span>
      </span>
      <span className="visually-hidden">{said}</span>
    </td>
  );
}
