/**
 * Monaco's own words (its find widget, context menu, hovers, and what it reads to a screen
 * reader) in the interface language. Monaco looks each up in a global table as it is evaluated,
 * and several once only, at module load (the fold markers' titles), so the table is set BEFORE
 * Monaco's first module runs, and Monaco keeps that language until the page is loaded again
 * (decision 0058).
 *
 * Every import of Monaco goes through `withMonacoWords`: `monaco.ts` and the modules that import
 * it statically (MonacoEditor.tsx, TraceCodeMonaco.tsx) are only ever imported inside it.
 */
import i18next from 'i18next';
import type { Locale } from '../../shared/api/contract.ts';

let wordsIn: Locale | undefined;
let wordsReady: Promise<void> | undefined;

/** The interface's language, once i18n has started (the warm-up asks before it may have). */
function interfaceLocale(): Promise<Locale> {
  const now = () => (i18next.language === 'zh' ? 'zh' : 'en');
  if (i18next.isInitialized) return Promise.resolve(now());
  return new Promise((resolve) => {
    const started = () => {
      i18next.off('initialized', started);
      resolve(now());
    };
    i18next.on('initialized', started);
  });
}

/**
 * Loads what `load` imports once Monaco's words are set: the Chinese table (a chunk of its own,
 * fetched only with the Chinese interface) or Monaco's built-in English.
 */
export function withMonacoWords<T>(load: () => Promise<T>): Promise<T> {
  wordsReady ??= interfaceLocale().then(async (locale) => {
    wordsIn = locale;
    if (locale === 'zh') await import('monaco-editor/nls/lang/zh-cn');
  });
  return wordsReady.then(load);
}

/** The language Monaco's own words are in, or undefined while Monaco is not loaded. */
export function monacoWordsLocale(): Locale | undefined {
  return wordsIn;
}
