/** Numbers, times and titles as the learner reads them, in the interface language. */
import type { LocalizedText } from '../../shared/content/schema.ts';

export type UiLocale = 'en' | 'zh';

export const uiLocale = (language: string): UiLocale => (language.startsWith('zh') ? 'zh' : 'en');

/** A title from the content in the interface language, or the id when there is none. */
export const titleOf = (title: LocalizedText | undefined, id: string, locale: UiLocale) =>
  title ? title[locale] : id;

export const percent = (x: number) => Math.round(x * 100);

export const minutes = (ms: number) => Math.round(ms / 60_000);

/** "1 h 5 min" / "1 小时 5 分钟" through the catalogs' duration strings. */
export function duration(ms: number, t: (key: string, values: Record<string, number>) => string): string {
  const total = Math.round(ms / 60_000);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h ? t('dashboard.hoursMinutes', { h, m }) : t('dashboard.minutesOnly', { m });
}

const tag = (locale: UiLocale) => (locale === 'zh' ? 'zh-CN' : 'en');

/**
 * One formatter per locale and style: making an Intl.DateTimeFormat costs far more than using
 * one, and a table of 300 learners formats a date on every row.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: UiLocale, style: 'dateTime' | 'dateOnly' | 'day'): Intl.DateTimeFormat {
  const key = `${locale} ${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      tag(locale),
      style === 'dateTime'
        ? { dateStyle: 'medium', timeStyle: 'short' }
        : style === 'dateOnly'
          ? { dateStyle: 'medium' }
          : { month: 'short', day: 'numeric', timeZone: 'UTC' },
    );
    formatters.set(key, f);
  }
  return f;
}

export function dateTime(at: number | string, locale: UiLocale): string {
  return formatter(locale, 'dateTime').format(new Date(at));
}

export function dateOnly(at: number | string, locale: UiLocale): string {
  return formatter(locale, 'dateOnly').format(new Date(at));
}

/** 'YYYY-MM-DD' as a short day label ("Mar 10" / "3月10日"), read as a calendar day, not a time. */
export function dayLabel(day: string, locale: UiLocale): string {
  return formatter(locale, 'day').format(new Date(`${day}T00:00:00Z`));
}
