/**
 * Interface language: i18next with an English and a Simplified Chinese catalog. 'system' follows
 * the OS (navigator.languages reflects it in Electron and in the browser).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs } from './catalogs.ts';
import type { Locale, Settings } from '../../shared/api/contract.ts';

export { catalogs };

export function resolveLocale(setting: Settings['language'], systemLanguages: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  for (const lang of systemLanguages) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
  }
  return 'en';
}

export async function initI18n(locale: Locale): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: catalogs.en }, zh: { translation: catalogs.zh } },
    lng: locale,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  return i18next;
}

export async function setLocale(locale: Locale): Promise<void> {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}
