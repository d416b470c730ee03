import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/failure.ts';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useData } from '../app/useData.ts';
import { PLACEMENT_SEGMENT } from './PlacementPage.tsx';
import { UpNext } from './UpNext.tsx';

/** A track's units and lessons, each with its completion state, and what comes next. */
export function TrackOverviewPage({ trackId }: { trackId: string }) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text } = useLocale();
  const track = useData(trackId, () => api.getTrack({ trackId }));
  if (track.error) {
    return (
      <section className="page">
        <h1 id="page-title">{t('tracks.notFound')}</h1>
        <p role="alert">{failureText(t, track.error)}</p>
        <a href={href('learn')}>{t('tracks.back')}</a>
      </section>
    );
  }
  const value = track.value;
  if (!value) return <p className="page muted">{t('app.loading')}</p>;
  const total = value.units.reduce((n, u) => n + u.lessons.length, 0);
  const next = value.units.flatMap((u) => u.lessons).find((l) => l.id === value.nextUp);
  return (
    <section className="page" aria-labelledby="page-title">
      <nav className="breadcrumb" aria-label={t('lesson.breadcrumb')}>
        <a href={href('learn')}>{t('learn.title')}</a>
      </nav>
      <h1 id="page-title">{text(value.title)}</h1>
      <p className="lead">{text(value.description)}</p>
      <p>{t('tracks.completed', { done: value.completed, total })}</p>
      {value.recommendation ? (
        <UpNext trackId={trackId} step={value.recommendation} started={value.completed > 0} />
      ) : next ? (
        <p>
          <a className="button primary" href={href('learn', trackId, next.id)} data-testid="continue">
            {value.completed === 0
              ? t('tracks.start', { title: text(next.title) })
              : t('tracks.continue', { title: text(next.title) })}
          </a>
        </p>
      ) : (
        <p className="success">{t('tracks.allDone')}</p>
      )}
      {value.completed === 0 ? (
        <section className="card placement-offer" aria-labelledby="placement-offer">
          <h2 id="placement-offer">{t('placement.offerTitle')}</h2>
          <p>{t('placement.offer')}</p>
          <a
            className="button"
            href={href('learn', trackId, PLACEMENT_SEGMENT)}
            data-testid="placement-start"
          >
            {t('placement.start')}
          </a>
        </section>
      ) : null}
      {value.units.map((unit, index) => (
        <section key={unit.id} className="card unit" aria-labelledby={`unit-${unit.id}`}>
          <h2 id={`unit-${unit.id}`}>
            {t('tracks.unit', { n: index + 1 })} · {text(unit.title)}
          </h2>
          <ol className="lesson-list">
            {unit.lessons.map((lesson) => (
              <li key={lesson.id} data-lesson={lesson.id} data-done={lesson.done}>
                <span
                  className={`lesson-state ${lesson.done ? 'done' : lesson.id === value.nextUp ? 'next' : ''}`}
                  aria-hidden="true"
                >
                  {lesson.done ? '✓' : lesson.id === value.nextUp ? '→' : '○'}
                </span>
                <a href={href('learn', trackId, lesson.id)}>{text(lesson.title)}</a>
                <span className="muted lesson-meta">
                  {t(`lesson.type.${lesson.type}`)}
                  {lesson.done
                    ? ` · ${t('tracks.done')}`
                    : lesson.id === value.nextUp
                      ? ` · ${t('tracks.upNext')}`
                      : ''}
                </span>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
