/** The dashboard's lists: recent attempts, hints per exercise, concepts due for review. */
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../shared/api/contract.ts';
import { dateOnly, dateTime, titleOf, uiLocale } from '../i18n/format.ts';

export function RecentActivity({ recent }: { recent: Dashboard['recent'] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  if (!recent.length) return <p>{t('dashboard.noRecent')}</p>;
  return (
    <table className="data-table" data-testid="recent-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.when')}</th>
          <th scope="col">{t('dashboard.exercise')}</th>
          <th scope="col">{t('dashboard.what')}</th>
          <th scope="col">{t('dashboard.result')}</th>
        </tr>
      </thead>
      <tbody>
        {recent.map((r, i) => (
          <tr key={`${r.at}-${i}`}>
            <td>{dateTime(r.at, locale)}</td>
            <th scope="row">{titleOf(r.title, r.exercise, locale)}</th>
            <td>{t(`dashboard.kinds.${r.kind}`)}</td>
            <td className={r.status === 'pass' ? 'result-pass' : 'result-other'}>
              {t(`dashboard.statuses.${r.status}`)}
              {r.testsTotal > 0 &&
                ` · ${t('dashboard.testsPassed', { passed: r.testsPassed, total: r.testsTotal })}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HintsPerExercise({ hints }: { hints: Dashboard['hintsPerExercise'] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  if (!hints.length) return <p>{t('dashboard.noHints')}</p>;
  return (
    <table className="data-table" data-testid="hints-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.exercise')}</th>
          <th scope="col">{t('dashboard.hints')}</th>
        </tr>
      </thead>
      <tbody>
        {hints.map((h) => (
          <tr key={`${h.track}/${h.exercise}`}>
            <th scope="row">{titleOf(h.title, h.exercise, locale)}</th>
            <td>{h.hints}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DueReviews({ reviews }: { reviews: Dashboard['dueReviews'] }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  if (!reviews.length) return <p>{t('dashboard.reviewsNone')}</p>;
  return (
    <ul className="review-list" data-testid="due-reviews">
      {reviews.map((r) => (
        <li key={`${r.track}/${r.concept}`}>
          <strong>{titleOf(r.title, r.concept, locale)}</strong>{' '}
          <span className="muted">{t('dashboard.dueSince', { date: dateOnly(r.dueAt, locale) })}</span>
        </li>
      ))}
    </ul>
  );
}
