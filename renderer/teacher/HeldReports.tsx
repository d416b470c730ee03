/**
 * Reports that name a learner of the class but were signed by another key than theirs: held
 * until the teacher accepts them as the same learner or rejects them (decision 0040).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { HeldReport } from '../../shared/api/contract.ts';
import { dateTime, uiLocale } from '../i18n/format.ts';
import { failureText } from '../i18n/failure.ts';

export function HeldReports({
  classId,
  version,
  onResolved,
}: {
  classId: number;
  version: number;
  onResolved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const locale = uiLocale(i18n.language);
  const loaded = useData(`held-${classId}`, () => api.listHeldReports({ classId }), { revision: version });
  // Reports that cannot be read are not offered for a decision.
  const held = loaded.error ? [] : (loaded.value ?? []);
  const [status, setStatus] = useState<{
    error: boolean;
    key: string;
    params?: Record<string, string>;
  } | null>(null);

  async function resolve(h: HeldReport, accept: boolean) {
    try {
      const { outcome } = await api.resolveHeldReport({ classId, heldId: h.id, accept });
      setStatus(
        !accept
          ? { error: false, key: 'classHeld.rejected', params: { file: h.file } }
          : {
              error: false,
              key: outcome?.result === 'rejected' ? 'classHeld.acceptedOlder' : 'classHeld.accepted',
              params: { name: h.name },
            },
      );
      onResolved();
    } catch (err) {
      setStatus({ error: true, key: 'classHeld.failed', params: { message: failureText(t, err) } });
    }
  }

  if (!held.length)
    return status ? (
      <p className={`status${status.error ? ' error' : ''}`} role="status" data-testid="held-status">
        {t(status.key, status.params ?? {})}
      </p>
    ) : null;
  return (
    <section className="card held-reports" aria-labelledby="held-title" data-testid="held-reports">
      {
        <>
          <h2 id="held-title">{t('classHeld.title', { count: held.length })}</h2>
          <p className="muted">{t('classHeld.intro')}</p>
          <ul>
            {held.map((h) => (
              <li key={h.id} data-testid="held-report">
                <p className="held-who">
                  <strong>{h.name}</strong>
                  {h.studentId ? ` (${h.studentId})` : ''}
                  {h.reportName !== h.name && (
                    <span className="muted"> · {t('classHeld.reportName', { name: h.reportName })}</span>
                  )}
                </p>
                <p className="held-question">{t('classHeld.question')}</p>
                <p className="muted">
                  {t('classHeld.detail', {
                    file: h.file,
                    date: dateTime(h.exportedAt, locale),
                    key: h.key || t('classHeld.unsigned'),
                    known: h.knownKeys.join(', ') || '—',
                  })}
                </p>
                <div className="held-actions">
                  <button type="button" className="primary" onClick={() => void resolve(h, true)}>
                    {t('classHeld.accept', { name: h.name })}
                  </button>
                  <button type="button" onClick={() => void resolve(h, false)}>
                    {t('classHeld.reject')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      }
      <p className={`status${status?.error ? ' error' : ''}`} role="status" data-testid="held-status">
        {status && t(status.key, status.params ?? {})}
      </p>
    </section>
  );
}
