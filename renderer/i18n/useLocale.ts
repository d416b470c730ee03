import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/content/schema.ts';

/** The interface language now in use, and content text picked in it. */
export function useLocale(): { locale: 'en' | 'zh'; text: (value: LocalizedText) => string } {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'zh' ? 'zh' : 'en';
  return { locale, text: (value) => value[locale] };
}
