/**
 * The class view a teacher reads in a minute (decision 0040): one tab per track, a summary (who
 * is stuck, the most-missed exercises, the commonest kinds of failure with a learner's code),
 * the learners × exercises matrix, and mastery by concept, which shows a figure only where there
 * is evidence. The matrix sorts and filters; the mastery table follows its order.
 */
import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { ClassView as View } from '../../shared/api/contract.ts';
import { titleOf, uiLocale, type UiLocale } from '../i18n/format.ts';
import { ClassSummary } from './ClassSummary.tsx';
import { ClassMatrix } from './ClassMatrix.tsx';
import { useClassRows } from './useClassRows.ts';
import { ClassMastery } from './ClassMastery.tsx';
import './class-view.css';
import { failureText } from '../i18n/failure.ts';

type Row = View['learners'][number];
const NO_MASTERY: { concepts: View['concepts']; rows: readonly Row[] } = { concepts: [], rows: [] };

export function ClassView({
  classId,
  version,
  firstView,
  onOpen,
}: {
  classId: number;
  version: number;
  /**
   * The view of the first class, asked for together with the class list: taken (once) instead of
   * asking again when it is this class's default view and nothing was imported since.
   */
  firstView?: () => Promise<View | null> | null;
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
      const first = !track && version === 0 ? firstView?.() : null;
      return first ? first.then((v) => (v?.id === classId ? v : ask()), ask) : ask();
    },
    { revision: `${track ?? ''}/${version}` },
  );
  const view = loaded.value ?? null;
  const error = loaded.error ? failureText(t, loaded.error) : null;
  const { rows, filter, setFilter, onlyStuck, setOnlyStuck, sort, onSort } = useClassRows(view, locale);

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

  return (
    <div className="class-view" data-testid="class-view">
      <TrackTabs view={view} locale={locale} onTrack={setTrack} />
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

/** One tab per track with its learner count; the arrow keys move between them. */
function TrackTabs({
  view,
  locale,
  onTrack,
}: {
  view: View;
  locale: UiLocale;
  onTrack: (track: string) => void;
}) {
  const { t } = useTranslation();
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = view.tracks.findIndex((x) => x.id === view.track);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = view.tracks[(i + step + view.tracks.length) % view.tracks.length]!;
    onTrack(next.id);
    document.getElementById(`track-tab-${next.id}`)?.focus();
  };

  return (
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
          onClick={() => onTrack(x.id)}
        >
          {t('classView.trackTab', { title: titleOf(x.title, x.id, locale), count: x.learners })}
        </button>
      ))}
    </div>
  );
}
