/**
 * The class view a teacher reads in a minute (decision 0040): one tab per track, a summary (who
 * is stuck, the most-missed exercises, the commonest kinds of failure with a learner's code),
 * the learners × exercises matrix, and mastery by concept, which shows a figure only where there
 * is evidence. The matrix sorts and filters; the mastery table follows its order.
 */
import { useCallback, useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import { readCell, type ClassView as View, type MatrixCell } from '../../shared/api/contract.ts';
import { titleOf, uiLocale } from '../i18n/format.ts';
import { ClassSummary } from './ClassSummary.tsx';
import { ClassMatrix, type Sort, type SortKey } from './ClassMatrix.tsx';
import { ClassMastery } from './ClassMastery.tsx';
import './class-view.css';
import { failureText } from '../i18n/failure.ts';

type Row = View['learners'][number];
const NO_MASTERY: { concepts: View['concepts']; rows: readonly Row[] } = { concepts: [], rows: [] };

/** Sorts an exercise column: done first, then fewer failed checks; not started last. */
const cellRank = (c: MatrixCell | null) => {
  if (c === null) return -1e9;
  const { done, failedChecks } = readCell(c);
  return (done ? 1e6 : 0) - failedChecks;
};

export function ClassView({
  classId,
  version,
  firstView,
  onOpen,
}: {
  classId: number;
  version: number;
  /**
   * The view of the first class, asked for together with the class list: used instead of asking
   * again when it is this class's default view and nothing was imported since.
   */
  firstView?: Promise<View | null>;
  onOpen: (learnerKey: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const locale = uiLocale(i18n.language);
  const [track, setTrack] = useState<string | undefined>(undefined);
  // Another class hides this one's view while it loads; another track keeps its tabs in place.
  const loaded = useData(
    `class-${classId}`,
    () => {
      const ask = () => api.getClassView({ classId, ...(track ? { track } : {}) });
      return firstView && !track && version === 0
        ? firstView.then((v) => (v?.id === classId ? v : ask()), ask)
        : ask();
    },
    { revision: `${track ?? ''}/${version}` },
  );
  const view = loaded.value ?? null;
  const error = loaded.error ? failureText(t, loaded.error) : null;
  const [filter, setFilter] = useState('');
  const [onlyStuck, setOnlyStuck] = useState(false);
  const [sort, setSort] = useState<Sort>({ key: 'name', up: true });
  const onSort = useCallback(
    (key: SortKey) => setSort((s) => ({ key, up: s.key === key ? !s.up : true })),
    [],
  );

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

  // Mastery sits below the matrix: it is drawn in a render of its own after the matrix, so a
  // teacher sees the matrix a table sooner (and sorting or filtering redraws the matrix first).
  // Concepts and rows go together, so the table never pairs one track's rows with another's.
  const mastery = useMemo(() => ({ concepts: view?.concepts ?? [], rows }), [view, rows]);
  const masteryShown = useDeferredValue(mastery, NO_MASTERY);

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
        <ClassSummary
          summary={view.summary}
          exerciseTitle={exerciseTitle}
          onOpen={onOpen}
          onShowAllStuck={() => setOnlyStuck(true)}
        />
        <ClassMatrix
          exercises={view.exercises}
          rows={rows}
          total={view.learners.length}
          locale={locale}
          sort={sort}
          onSort={onSort}
          filter={filter}
          onFilter={setFilter}
          onlyStuck={onlyStuck}
          onOnlyStuck={setOnlyStuck}
          onOpen={onOpen}
        />
        {masteryShown.concepts.length > 0 && (
          <ClassMastery concepts={masteryShown.concepts} rows={masteryShown.rows} locale={locale} />
        )}
      </div>
    </div>
  );
}
