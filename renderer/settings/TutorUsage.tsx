/** What the tutor has spent: today, this month against the budget, the last 30 days, the prices. */
import { useTranslation } from 'react-i18next';
import type { TutorUsage } from '../../shared/api/calls/tutor.ts';

export function TutorUsagePanel({ usage }: { usage: TutorUsage }) {
  const { t, i18n } = useTranslation();
  const money = (usd: number) =>
    new Intl.NumberFormat(i18n.language === 'zh' ? 'zh-CN' : 'en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: usd > 0 && usd < 0.01 ? 4 : 2,
      maximumFractionDigits: 4,
    }).format(usd);
  const max = Math.max(...usage.daily.map((d) => d.usd), 0);
  const percent = Math.round(usage.cacheHitRate * 100);

  return (
    <section className="card tutor-usage" aria-labelledby="tutor-usage-title" data-testid="tutor-usage">
      <h2 id="tutor-usage-title">{t('tutor.settings.usage.title')}</h2>
      <dl className="facts">
        <div className="fact">
          <dt>{t('tutor.settings.usage.today')}</dt>
          <dd data-testid="usage-today">{money(usage.todayUsd)}</dd>
        </div>
        <div className="fact">
          <dt>{t('tutor.settings.usage.month')}</dt>
          <dd data-testid="usage-month">
            {t('tutor.settings.usage.ofBudget', {
              spent: money(usage.monthUsd),
              budget: money(usage.monthlyBudgetUsd),
            })}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('tutor.settings.usage.calls')}</dt>
          <dd>{usage.calls}</dd>
        </div>
        <div className="fact">
          <dt>{t('tutor.settings.usage.cache')}</dt>
          <dd>{t('tutor.settings.usage.cacheRate', { percent })}</dd>
        </div>
      </dl>
      {usage.budgetSpent && (
        <p className="tutor-note tutor-warning" role="note">
          {t('tutor.settings.usage.budgetSpent')}
        </p>
      )}
      <figure className="usage-days">
        <figcaption>{t('tutor.settings.usage.daily')}</figcaption>
        <ol className="usage-bars">
          {usage.daily.map((d) => (
            <li key={d.day} title={`${d.day}: ${money(d.usd)}`}>
              <span
                className="usage-bar"
                style={{ height: `${max > 0 ? Math.max(2, (d.usd / max) * 100) : 2}%` }}
              />
              <span className="visually-hidden">{`${d.day}: ${money(d.usd)}`}</span>
            </li>
          ))}
        </ol>
      </figure>
      <table className="usage-prices">
        <caption>{t('tutor.settings.usage.prices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tutor.settings.usage.model')}</th>
            <th scope="col">{t('tutor.settings.usage.input')}</th>
            <th scope="col">{t('tutor.settings.usage.output')}</th>
            <th scope="col">{t('tutor.settings.usage.cacheWrite')}</th>
            <th scope="col">{t('tutor.settings.usage.cacheRead')}</th>
          </tr>
        </thead>
        <tbody>
          {usage.prices.map((p) => (
            <tr key={p.model}>
              <th scope="row">{p.model}</th>
              <td>{`$${p.input.toFixed(2)}`}</td>
              <td>{`$${p.output.toFixed(2)}`}</td>
              <td>{`$${p.cacheWrite.toFixed(2)}`}</td>
              <td>{`$${p.cacheRead.toFixed(2)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
