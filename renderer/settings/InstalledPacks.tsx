/** The packs a teacher added, each removable after a second click to confirm. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackCard } from '../../shared/api/contract.ts';
import { useApp } from '../app/context.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { failureText } from '../i18n/failure.ts';

interface Props {
  packs: TrackCard[] | undefined;
  error: Error | undefined;
  busy: boolean;
  onRemoved(title: string): void;
  onFailed(message: string): void;
}

export function InstalledPacks({ packs, error, busy, onRemoved, onFailed }: Props) {
  const { t } = useTranslation();
  const { api } = useApp();
  const { text } = useLocale();
  const [confirming, setConfirming] = useState<string | null>(null);
  const headingId = useId();

  const remove = async (pack: TrackCard) => {
    setConfirming(null);
    try {
      const { removed } = await api.removePack({ trackId: pack.id });
      if (removed) onRemoved(text(pack.title));
      else onFailed(t('packs.alreadyGone'));
    } catch (err) {
      onFailed(failureText(t, err));
    }
  };

  return (
    <section aria-labelledby={headingId} className="installed-packs">
      <h3 id={headingId}>{t('packs.installed')}</h3>
      {error ? <p role="alert">{t('packs.failed', { message: failureText(t, error) })}</p> : null}
      {packs && !packs.length ? <p className="muted">{t('packs.none')}</p> : null}
      <ul data-testid="installed-packs">
        {(packs ?? []).map((pack) => (
          <li key={pack.id} data-pack={pack.id} className="installed-pack">
            <div>
              <strong>{text(pack.title)}</strong>{' '}
              <span className="muted">
                {t('packs.details', { id: pack.id, language: pack.language, count: pack.lessons })}
                {pack.untranslated?.includes('zh') ? ` · ${t('packs.englishOnly')}` : ''}
                {pack.untranslated?.includes('en') ? ` · ${t('packs.chineseOnly')}` : ''}
              </span>
            </div>
            {confirming === pack.id ? (
              <div
                className="pack-confirm"
                role="group"
                aria-label={t('packs.confirmRemove', { title: text(pack.title) })}
              >
                <span>{t('packs.confirmRemove', { title: text(pack.title) })}</span>
                <button type="button" className="danger" onClick={() => void remove(pack)}>
                  {t('packs.removeYes')}
                </button>
                <button type="button" onClick={() => setConfirming(null)}>
                  {t('packs.cancel')}
                </button>
              </div>
            ) : (
              <button
                type="button"
                disabled={busy}
                aria-label={t('packs.removeNamed', { title: text(pack.title) })}
                onClick={() => setConfirming(pack.id)}
              >
                {t('packs.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
