/**
 * Mastery by concept for the class: a figure only where a learner's report has evidence, "not
 * yet assessed" elsewhere. Learners in the matrix's order; only the rows in view are drawn.
 */
import { useTranslation } from 'react-i18next';
import type { ClassView } from '../../shared/api/contract.ts';
import { percent, titleOf, type UiLocale } from '../i18n/format.ts';
import { useTableWindow, windowed } from './table-window.tsx';
import { MASTERED } from '../components/learner/MasteryTable.tsx';

/** Every row has this height (class-view.css). */
const MASTERY_ROW = 32;

// High from the figure the learner's own table calls mastered.
const band = (m: number) => (m >= MASTERED ? 'heat-high' : m >= 0.5 ? 'heat-mid' : 'heat-low');

export function ClassMastery({
  concepts,
  rows,
  locale,
}: {
  concepts: ClassView['concepts'];
  rows: readonly ClassView['learners'][number][];
  locale: UiLocale;
}) {
  const { t } = useTranslation();
  const { setFrame, rows: shown } = useTableWindow({ count: rows.length, height: MASTERY_ROW });
  const notAssessed = t('learner.notAssessed');
  return (
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
        ref={setFrame}
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
              {concepts.map((c) => (
                <th scope="col" key={c.id} className="concept-head">
                  {titleOf(c.title, c.id, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {windowed(rows, shown, MASTERY_ROW, 1 + concepts.length, (l, index) => (
              <tr key={l.key} aria-rowindex={index + 2}>
                <th scope="row" className="sticky-col">
                  {l.name}
                </th>
                {l.mastery.map((m, i) =>
                  m === null ? (
                    <td key={i} className="heat-none" title={notAssessed}>
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">{notAssessed}</span>
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
  );
}
