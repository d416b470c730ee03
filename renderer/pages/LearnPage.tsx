import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { href, useLocation } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { LessonPage } from '../lesson/LessonPage.tsx';
import { PLACEMENT_SEGMENT, PlacementPage } from '../lesson/PlacementPage.tsx';
import { TrackOverviewPage } from '../lesson/TrackOverviewPage.tsx';
import { useData } from '../app/useData.ts';
import { AssignedUnits } from '../learn/AssignedUnits.tsx';
import '../lesson/lesson.css';
import '../learn/assigned.css';
import { failureText } from '../i18n/failure.ts';

/**
 * #/learn: the tracks; #/learn/<track>: its overview; #/learn/<track>/<lesson>: the lesson;
 * #/learn/<track>/~placement: the placement check (no lesson id can start with "~").
 */
export function LearnPage() {
  const { params } = useLocation();
  const [trackId, exerciseId] = params;
  if (trackId && exerciseId === PLACEMENT_SEGMENT) return <PlacementPage key={trackId} trackId={trackId} />;
  if (trackId && exerciseId)
    return <LessonPage key={`${trackId}/${exerciseId}`} trackId={trackId} exerciseId={exerciseId} />;
  if (trackId) return <TrackOverviewPage key={trackId} trackId={trackId} />;
  return <TrackList />;
}

function TrackList() {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text } = useLocale();
  const tracks = useData('tracks', () => api.listTracks({}));
  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('learn.title')}</h1>
      <p className="lead">{t('learn.intro')}</p>
      <AssignedUnits />
      {tracks.error ? (
        <p role="alert">{t('tracks.loadFailed', { message: failureText(t, tracks.error) })}</p>
      ) : null}
      <ul className="track-cards">
        {(tracks.value ?? []).map((track) => (
          <li key={track.id} className="card track-card" data-track={track.id}>
            <h2>
              <a href={href('learn', track.id)}>{text(track.title)}</a>
            </h2>
            <p>{text(track.description)}</p>
            <p className="muted">
              {t('tracks.counts', { units: track.units, lessons: track.lessons })}
              {track.source === 'pack' ? ` · ${t('tracks.pack')}` : ''}
            </p>
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={t('tracks.progressLabel', { title: text(track.title) })}
              aria-valuemin={0}
              aria-valuemax={track.lessons}
              aria-valuenow={track.completed}
            >
              <span style={{ width: `${track.lessons ? (100 * track.completed) / track.lessons : 0}%` }} />
            </div>
            <p className="muted">{t('tracks.completed', { done: track.completed, total: track.lessons })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
