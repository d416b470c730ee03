/**
 * The interface language. The code editor's own words (its find widget, right-click menu, what it
 * reads to a screen reader) are set once, when the editor first loads, and cannot change without
 * loading the page again (decision 0058): when they are in another language than the one just
 * chosen, the field says so and offers to reload now.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/api/contract.ts';
import { useLocale } from '../i18n/useLocale.ts';
import { monacoWordsLocale } from '../editor/monaco-words.ts';

export function LanguageField({
  value,
  save,
}: {
  value: Settings['language'];
  save: (language: Settings['language']) => void;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const id = useId();
  const noteId = useId();
  // Read while rendering: a change of language renders this again.
  const editorWords = monacoWordsLocale();
  const stale = editorWords !== undefined && editorWords !== locale;
  return (
    <div className="field">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        data-testid="setting-language"
        value={value}
        aria-describedby={stale ? noteId : undefined}
        onChange={(e) => save(e.target.value as Settings['language'])}
      >
        <option value="system">{t('settings.languageSystem')}</option>
        <option value="en">{t('language.en')}</option>
        <option value="zh">{t('language.zh')}</option>
      </select>
      {stale && (
        <p id={noteId} className="muted field-note" role="status" data-testid="editor-words-note">
          {t('settings.editorWordsLater', { language: t(`language.${locale}`) })}{' '}
          <button type="button" data-testid="editor-words-reload" onClick={() => location.reload()}>
            {t('settings.editorWordsReload')}
          </button>
        </p>
      )}
    </div>
  );
}
