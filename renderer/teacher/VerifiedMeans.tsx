/**
 * What a report's "verified" does and does not promise, in plain words beside the class, so no
 * teacher reads it as more than it is (docs/report-schema.md says the same).
 */
import { useTranslation } from 'react-i18next';
import './verified-means.css';

export function VerifiedMeans() {
  const { t } = useTranslation();
  return (
    // Open at first: it is read once, then a teacher may fold it away.
    <details className="card verified-means" data-testid="verified-means" open>
      <summary>{t('reportTrust.title')}</summary>
      <p>{t('reportTrust.guarantees')}</p>
      <p>{t('reportTrust.limits')}</p>
      <p>{t('reportTrust.unsigned')}</p>
    </details>
  );
}
