/** Settings → Your data: back up everything as one file, or restore from one (after confirming). */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { downloadBackup, formatSize, uploadRestore } from '../components/backup-transfer.ts';
import { failureText } from '../i18n/failure.ts';
import './data-settings.css';

type Status = { kind: 'saved' | 'error' | ''; text: string } | null;

export function DataSettings() {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const confirmId = useId();

  const fail = (err: unknown) =>
    setStatus({ kind: 'error', text: t('data.failed', { message: failureText(t, err) }) });

  const backup = async () => {
    setBusy(true);
    setStatus({ kind: '', text: t('data.backingUp') });
    try {
      const saved = await downloadBackup(api);
      setStatus({
        kind: 'saved',
        text: t('data.backedUp', { file: saved.fileName, size: formatSize(saved.sizeBytes, i18n.language) }),
      });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const restore = async (file: File) => {
    setBusy(true);
    setChosen(null);
    setStatus({ kind: '', text: t('data.restoring', { percent: 0 }) });
    try {
      const result = await uploadRestore(api, file, (f) =>
        setStatus({ kind: '', text: t('data.restoring', { percent: Math.round(f * 100) }) }),
      );
      setStatus({
        kind: 'saved',
        text: t('data.restored', {
          profiles: result.profiles,
          attempts: result.attempts,
          kept: result.previousDataKeptAt,
        }),
      });
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <fieldset className="card data-settings">
      <legend>{t('data.title')}</legend>
      <p className="lead">{t('data.intro')}</p>
      <div className="data-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void backup()}>
          {t('data.backup')}
        </button>
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('data.restore')}
        </button>
        {/* The native picker's own labels follow the browser's language, not Lantern's: it stays
            hidden and the button above opens it. */}
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="restore-file"
          aria-label={t('data.restoreField')}
          accept=".db,.sqlite,application/vnd.sqlite3,application/x-sqlite3"
          onChange={(e) => setChosen(e.target.files?.[0] ?? null)}
        />
      </div>
      <p className="data-warning">{t('data.restoreWarning')}</p>
      {chosen && (
        <div role="alertdialog" aria-labelledby={confirmId} className="data-confirm">
          <p id={confirmId}>{t('data.confirmRestore', { file: chosen.name })}</p>
          <div className="data-actions">
            <button type="button" className="danger" onClick={() => void restore(chosen)}>
              {t('data.confirmRestoreYes')}
            </button>
            <button
              type="button"
              onClick={() => {
                setChosen(null);
                if (fileInput.current) fileInput.current.value = '';
              }}
            >
              {t('data.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" className={`status ${status?.kind ?? ''}`} data-testid="data-status">
        {status?.text ?? ''}
      </p>
    </fieldset>
  );
}
