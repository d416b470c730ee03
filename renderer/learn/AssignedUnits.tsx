/**
 * On Learn, before the tracks: the units the learner's class assigned, soonest due first, each
 * with its due date and how far the learner is (decision 0040).
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { href } from '../app/router.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useData } from '../app/useData.ts';
import { dayLabel, uiLocale } from '../i18n/format.ts';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function AssignedUnits() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const { text } = useLocale();
  const locale = uiLocale(i18n.language);
  const mine = useData('my-class', () => api.getMyClass({}));
  if (!mine.value)
    return mine.value === null ? (
      <p className="muted">
        <a href={href('settings')}>{t('classAssigned.addClass')}</a>
      </p>
    ) : null;
  const c = mine.value;
  if (!c.units.length) return null;
  const now = today();
  return (
    <section className="card assigned-units" aria-labelledby="assigned-title" data-testid="assigned-units">
      <h2 id="assigned-title">{t('classAssigned.title', { name: c.className })}</h2>
      <ol>
        {c.units.map((u) => {
          const title = `${u.trackTitle ? text(u.trackTitle) : u.track} · ${u.title ? text(u.title) : u.unit}`;
          const finished = u.lessons > 0 && u.done >= u.lessons;
          const overdue = u.due !== null && u.due < now && !finished;
          return (
            <li key={`${u.track}/${u.unit}`} className={overdue ? 'overdue' : undefined}>
              {u.lesson ? (
                <a
                  href={href('learn', u.track, u.lesson)}
                  aria-label={t('classAssigned.open', { unit: title })}
                >
                  {title}
                </a>
              ) : (
                <span>{title}</span>
              )}
              <span className={overdue ? 'due overdue' : 'due'}>
                {u.due === null
                  ? t('classAssigned.noDue')
                  : t(overdue ? 'classAssigned.overdue' : 'classAssigned.due', {
                      date: dayLabel(u.due, locale),
                    })}
              </span>
              <span className="muted">{t('classAssigned.progress', { done: u.done, total: u.lessons })}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
