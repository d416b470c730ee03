/**
 * The class at a glance: one row per learner, their figures, then a heat map of mastery per
 * concept. It is a real table with the numbers as cell text; colour only repeats them.
 */
import { useTranslation } from 'react-i18next';
import type { ClassOverview } from '../../../shared/api/contract.ts';
import { dateOnly, duration, percent, titleOf, uiLocale } from '../progress/format.ts';

const band = (m: number) => (m >= 0.8 ? 'heat-high' : m >= 0.5 ? 'heat-mid' : 'heat-low');

export function ClassOverviewTable({
  overview,
  onOpen,
}: {
  overview: ClassOverview;
  onOpen: (learnerKey: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  if (!overview.learners.length) return <p>{t('classroom.overviewEmpty')}</p>;
  return (
    <>
      <p id="heat-help" className="muted">
        {t('classroom.heatCaption')}
      </p>
      {/* A wide class scrolls sideways; the region can take focus so the keyboard can scroll it. */}
      <div className="table-scroll" role="region" aria-labelledby="overview-title" tabIndex={0}>
        <table
          className="data-table heat-table"
          data-testid="class-overview"
          aria-labelledby="overview-title"
          aria-describedby="heat-help"
        >
          <thead>
            <tr>
              <th scope="col">{t('classroom.learner')}</th>
              <th scope="col">{t('classroom.signature')}</th>
              <th scope="col">{t('classroom.completion')}</th>
              <th scope="col">{t('classroom.time')}</th>
              <th scope="col">{t('classroom.hints')}</th>
              <th scope="col">{t('classroom.lastActive')}</th>
              {overview.concepts.map((c) => (
                <th scope="col" key={`${c.track}/${c.concept}`} className="concept-head">
                  {titleOf(c.title, c.concept, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {overview.learners.map((l) => (
              <tr key={l.key}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpen(l.key)}>
                    {l.name}
                  </button>
                </th>
                <td className={l.verification === 'verified' ? 'result-pass' : 'muted'}>
                  {t(`classroom.verification.${l.verification}`)}
                </td>
                <td>
                  {l.exercisesTotal
                    ? `${percent(l.exercisesCompleted / l.exercisesTotal)}% (${l.exercisesCompleted}/${l.exercisesTotal})`
                    : l.exercisesCompleted}
                </td>
                <td>{duration(l.activeMs, t)}</td>
                <td>{l.hintsShown}</td>
                <td>{l.lastActiveAt ? dateOnly(l.lastActiveAt, locale) : t('classroom.never')}</td>
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
    </>
  );
}
