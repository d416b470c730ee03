/**
 * Picking learners' report files (several at once, or a whole folder) and sending their text to
 * the backend in batches small enough for web mode's request limit; then each file's outcome.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import {
  MAX_IMPORT_BATCH_BYTES,
  MAX_IMPORT_FILES,
  MAX_REPORT_BYTES,
  type ImportOutcome,
} from '../../shared/api/contract.ts';
import { reportProblemText } from '../i18n/file-problems.ts';
import { failureText } from '../i18n/failure.ts';

/** Bytes a file adds to the request body: its text as a JSON string, in UTF-8. */
const encoder = new TextEncoder();
const bodyBytes = (name: string, text: string) =>
  encoder.encode(JSON.stringify(text)).length + encoder.encode(JSON.stringify(name)).length + 20;

async function readBatches(files: File[]) {
  const batches: { name: string; text: string }[][] = [];
  // Files over the limit are never read: the page reports them as the backend would.
  const tooLarge: ImportOutcome[] = [];
  let batch: { name: string; text: string }[] = [];
  let size = 0;
  for (const f of files) {
    const name = f.webkitRelativePath || f.name;
    if (f.size > MAX_REPORT_BYTES) {
      tooLarge.push({
        file: name,
        result: 'rejected',
        status: 'too-large',
        size: f.size,
        max: MAX_REPORT_BYTES,
      });
      continue;
    }
    const text = await f.text();
    const bytes = bodyBytes(name, text);
    // Escaped into JSON (quotes and backslashes doubled) it may not fit one request after all.
    if (bytes > MAX_IMPORT_BATCH_BYTES) {
      tooLarge.push({
        file: name,
        result: 'rejected',
        status: 'too-large',
        size: bytes,
        max: MAX_REPORT_BYTES,
      });
      continue;
    }
    if (batch.length && size + bytes > MAX_IMPORT_BATCH_BYTES) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push({ name, text });
    size += bytes;
  }
  if (batch.length) batches.push(batch);
  return { batches, tooLarge };
}

export function ReportImport({ classId, onImported }: { classId: number; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<ImportOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function importFiles(list: FileList | null, onlyJson: boolean) {
    const files = [...(list ?? [])].filter((f) => !onlyJson || f.name.toLowerCase().endsWith('.json'));
    if (!files.length) {
      setError(t('classroom.noJsonFiles'));
      return;
    }
    if (files.length > MAX_IMPORT_FILES) {
      setError(t('classroom.tooManyFiles', { count: files.length, max: MAX_IMPORT_FILES }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { batches, tooLarge } = await readBatches(files);
      const results: ImportOutcome[] = [...tooLarge];
      for (const batch of batches)
        results.push(...(await api.importReports({ classId, files: batch })).outcomes);
      setOutcomes(results);
      onImported();
    } catch (err) {
      setError(t('classroom.actionFailed', { message: failureText(t, err) }));
    } finally {
      setBusy(false);
    }
  }

  const describe = (o: ImportOutcome) => {
    const status =
      o.status === 'too-large'
        ? t('classroom.statuses.tooLarge', {
            size: ((o.size ?? 0) / 1e6).toFixed(1),
            max: ((o.max ?? MAX_REPORT_BYTES) / 1e6).toFixed(0),
          })
        : o.status === 'bad-file'
          ? t('classroom.statuses.badFile', { detail: o.problem ? reportProblemText(t, o.problem) : '' })
          : o.status === 'bad-name' && o.nameProblem
            ? t(`classroom.statuses.badName.${o.nameProblem.code}`, o.nameProblem)
            : o.status === 'newer-schema'
              ? t('classroom.statuses.newerSchema', { version: o.schemaVersion ?? '?' })
              : o.status === 'future'
                ? t('classroom.statuses.future', {
                    date: o.exportedAt ? new Date(o.exportedAt).toLocaleString(i18n.language) : '?',
                  })
                : t(`classroom.statuses.${o.status}`, { detail: o.detail ?? '' });
    return `${t(`classroom.results.${o.result}`)}: ${status}`;
  };
  const merged = outcomes?.filter((o) => o.result !== 'rejected' && o.result !== 'held').length ?? 0;

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('classroom.importTitle')}</h2>
      <p className="muted">{t('classroom.importIntro')}</p>
      <div className="import-pickers">
        {/* The native picker's own text ("No file chosen") is in the browser's language, not ours. */}
        <label className="file-button">
          <span>{t('classroom.chooseFiles')}</span>
          <input
            type="file"
            className="visually-hidden"
            multiple
            accept=".json,application/json"
            disabled={busy}
            data-testid="import-files"
            onChange={(e) => {
              void importFiles(e.currentTarget.files, false);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <label className="file-button">
          <span>{t('classroom.chooseFolder')}</span>
          <input
            type="file"
            className="visually-hidden"
            multiple
            disabled={busy}
            data-testid="import-folder"
            ref={(el) => el?.setAttribute('webkitdirectory', '')}
            onChange={(e) => {
              void importFiles(e.currentTarget.files, true);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <p className={`status${error ? ' error' : ''}`} role="status">
        {busy ? t('classroom.importing') : error}
      </p>
      {outcomes && (
        <div aria-live="polite">
          <h3>{t('classroom.resultsTitle')}</h3>
          <p data-testid="import-summary">
            {t('classroom.resultsSummary', { merged, total: outcomes.length })}
          </p>
          <ul className="import-results" data-testid="import-results">
            {outcomes.map((o, i) => (
              <li
                key={`${o.file}-${i}`}
                className={o.result === 'imported' || o.result === 'replaced' ? 'merged' : o.result}
              >
                <span className="file-name">{o.file}</span>
                {o.learner ? <span className="muted"> ({o.learner})</span> : null}
                <span> — {describe(o)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
