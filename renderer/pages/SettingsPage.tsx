import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/context.ts';
import { useData } from '../app/useData.ts';
import type { Settings } from '../../shared/api/contract.ts';
import { DataSettings } from '../settings/DataSettings.tsx';
import { PacksSettings } from '../settings/PacksSettings.tsx';
import { TutorSettings } from '../settings/TutorSettings.tsx';
import { ClassSettings } from '../settings/ClassSettings.tsx';
import { FontSizeField } from '../settings/FontSizeField.tsx';
import { LanguageField } from '../settings/LanguageField.tsx';
import '../learn/assigned.css';
import { failureText } from '../i18n/failure.ts';
import { shownName } from '../i18n/learner-name.ts';

/** The current learner's name, kept up to date when another learner becomes current. */
function useCurrentLearnerName(): string | undefined {
  const { t } = useTranslation();
  const { api } = useApp();
  const learner = useData('current-learner', () => api.currentProfile({}), {
    refetchOn: { profileChanged: true },
  });
  return learner.value && shownName(t, learner.value.name);
}

export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, updateSettings } = useApp();
  const learner = useCurrentLearnerName();
  // Worded when shown, so it follows a change of language (this learner's, or the next one's).
  const [status, setStatus] = useState<{ kind: 'saved' } | { kind: 'error'; message: string } | null>(null);
  const ids = { theme: useId() };

  const save = async (patch: Partial<Settings>) => {
    try {
      await updateSettings(patch);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: failureText(t, err) });
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('settings.title')}</h1>
      <fieldset className="card" data-testid="learner-settings">
        <legend>{t('settings.appearance', { name: learner ?? '…' })}</legend>
        <p className="muted">{t('settings.perLearner')}</p>
        <LanguageField value={settings.language} save={(language) => void save({ language })} />
        <div className="field">
          <label htmlFor={ids.theme}>{t('settings.theme')}</label>
          <select
            id={ids.theme}
            data-testid="setting-theme"
            value={settings.theme}
            onChange={(e) => void save({ theme: e.target.value as Settings['theme'] })}
          >
            <option value="system">{t('settings.themeSystem')}</option>
            <option value="light">{t('settings.themeLight')}</option>
            <option value="dark">{t('settings.themeDark')}</option>
          </select>
        </div>
        <FontSizeField value={settings.editorFontSize} save={(size) => void save({ editorFontSize: size })} />
      </fieldset>
      <p role="status" className={`status ${status?.kind ?? ''}`}>
        {status?.kind === 'saved'
          ? t('settings.saved')
          : status?.kind === 'error'
            ? t('settings.saveFailed', { message: status.message })
            : ''}
      </p>
      <ClassSettings />
      <TutorSettings />
      <PacksSettings />
      <DataSettings />
    </section>
  );
}
