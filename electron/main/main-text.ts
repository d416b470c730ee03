/**
 * The few words the main process shows itself (native dialogs), from the interface catalogs so
 * they read the same as the page and exist in both languages.
 */
import en from '../../shared/i18n/locales/en/trust.json';
import zh from '../../shared/i18n/locales/zh/trust.json';

export type MainLocale = 'en' | 'zh';
type Catalog = typeof en;

const catalogs: Record<MainLocale, Catalog> = { en, zh };

/** 'system' (or an OS locale such as zh-CN, en-GB) resolved to one of the catalogs. */
export function mainLocale(setting: string | undefined, systemLocale: string): MainLocale {
  const chosen = setting && setting !== 'system' ? setting : systemLocale;
  return chosen.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function mainText<A extends keyof Catalog, K extends keyof Catalog[A]>(
  locale: MainLocale,
  area: A,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const text = String(catalogs[locale][area][key]);
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
