/**
 * Settings → Content packs: add a pack (a folder or a zip), which the backend validates, code
 * included, and installs whole or not at all; see the installed packs and remove one. The desktop
 * app picks the folder or zip with the system dialog; web mode takes a path typed in, or a zip
 * file sent as base64.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../i18n/failure.ts';
import type { CallInput, CallOutput } from '../../shared/api/contract.ts';
import { useApp } from '../app/context.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { useData } from '../app/useData.ts';
import { PackErrors, type PackProblem } from './PackErrors.tsx';
import { InstalledPacks } from './InstalledPacks.tsx';
import { maxZipBytes, zipSource } from './pack-upload.ts';
import './packs-settings.css';

type Outcome =
  | { kind: 'checking'; text: string }
  | { kind: 'saved'; text: string; warnings?: PackProblem[] }
  | { kind: 'error'; text: string; problems?: PackProblem[] };

export function PacksSettings() {
  const { t } = useTranslation();
  const { api, info } = useApp();
  const { text } = useLocale();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [path, setPath] = useState('');
  const zipInput = useRef<HTMLInputElement>(null);
  const packs = useData('packs', async () =>
    (await api.listTracks({})).filter((track) => track.source === 'pack'),
  );
  const busy = outcome?.kind === 'checking';

  const install = async (source: CallInput<'installPack'>['source'], shown: string) => {
    setOutcome({ kind: 'checking', text: t('packs.checking', { name: shown }) });
    let result: CallOutput<'installPack'>;
    try {
      result = await api.installPack({ source });
    } catch (err) {
      setOutcome({ kind: 'error', text: t('packs.failed', { message: failureText(t, err) }) });
      return;
    }
    if (result.ok) {
      setOutcome({
        kind: 'saved',
        text: t('packs.added', { title: text(result.track.title), count: result.track.lessons }),
        warnings: result.warnings,
      });
      setPath('');
      void packs.reload();
    } else setOutcome({ kind: 'error', text: t('packs.notAdded'), problems: result.errors });
  };

  const chooseOnDesktop = async () => {
    const { path: chosen } = await api.choosePackPath({});
    if (chosen) await install({ kind: 'path', path: chosen }, chosen);
  };

  const sendZip = async (file: File) => {
    if (zipInput.current) zipInput.current.value = '';
    const limit = maxZipBytes(info.mode);
    if (file.size > limit) {
      setOutcome({ kind: 'error', text: t('packs.zipTooLarge', { mb: limit / 1024 / 1024 }) });
      return;
    }
    await install(await zipSource(file), file.name);
  };

  return (
    <fieldset className="card packs-settings" aria-busy={busy}>
      <legend>{t('packs.title')}</legend>
      <p className="lead">{t('packs.intro')}</p>
      {/* The native picker's labels follow the browser's language, not Lantern's: it stays
          hidden and the "Add a zip file" button opens it. */}
      <input
        ref={zipInput}
        type="file"
        hidden
        accept=".zip,application/zip"
        data-testid="pack-zip"
        aria-label={t('packs.zipField')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void sendZip(file);
        }}
      />
      <AddPackControls
        busy={busy}
        path={path}
        onPath={setPath}
        onChoose={() => void chooseOnDesktop()}
        onZip={() => zipInput.current?.click()}
        onInstallPath={(p) => void install({ kind: 'path', path: p }, p)}
      />
      <p role="status" className={`status ${outcome?.kind ?? ''}`} data-testid="pack-status">
        {outcome?.text ?? ''}
      </p>
      {outcome?.kind === 'error' && outcome.problems?.length ? (
        <PackErrors problems={outcome.problems} />
      ) : null}
      {outcome?.kind === 'saved' && outcome.warnings?.length ? (
        <PackErrors problems={outcome.warnings} warnings />
      ) : null}
      <InstalledPacks
        packs={packs.value}
        error={packs.error}
        busy={busy}
        onRemoved={(title) => {
          setOutcome({ kind: 'saved', text: t('packs.removed', { title }) });
          void packs.reload();
        }}
        onFailed={(message) => setOutcome({ kind: 'error', text: t('packs.failed', { message }) })}
      />
    </fieldset>
  );
}

/**
 * Where a pack comes from: on the desktop, the system dialog for a folder or zip; in web mode, a
 * path typed in. A zip file is sent either way.
 */
function AddPackControls({
  busy,
  path,
  onPath,
  onChoose,
  onZip,
  onInstallPath,
}: {
  busy: boolean;
  path: string;
  onPath: (path: string) => void;
  onChoose: () => void;
  onZip: () => void;
  onInstallPath: (path: string) => void;
}) {
  const { t } = useTranslation();
  const { info } = useApp();
  const pathId = useId();
  const hintId = useId();
  return info.mode === 'electron' ? (
    <div className="pack-actions">
      <button type="button" className="primary" disabled={busy} onClick={onChoose}>
        {t('packs.choose')}
      </button>
      <button type="button" disabled={busy} onClick={onZip}>
        {t('packs.addZip')}
      </button>
    </div>
  ) : (
    <form
      className="pack-actions"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim()) onInstallPath(path.trim());
      }}
    >
      <label htmlFor={pathId}>{t('packs.pathLabel')}</label>
      <input
        id={pathId}
        data-testid="pack-path"
        type="text"
        spellCheck={false}
        aria-describedby={hintId}
        value={path}
        onChange={(e) => onPath(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !path.trim()}>
        {t('packs.addPath')}
      </button>
      <button type="button" disabled={busy} onClick={onZip}>
        {t('packs.addZip')}
      </button>
      <p id={hintId} className="muted pack-hint">
        {t('packs.pathHint')}
      </p>
    </form>
  );
}
