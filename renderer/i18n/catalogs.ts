/**
 * The interface catalogs: one JSON file per area and language (shared/i18n/locales/<lang>/<area>.json:
 * data the page, the main process and the command line all read), whose
 * top-level keys are that area's namespace. They merge into one catalog per language, with the
 * runner's error explanations (shared/runner/explain.ts, data shared with the Node host) under
 * `explain`.
 */
import { explanationCatalog } from '../../shared/runner/explain.ts';

type Catalog = Record<string, unknown>;

const files = import.meta.glob<Catalog>('../../shared/i18n/locales/*/*.json', {
  eager: true,
  import: 'default',
});

function merge(lang: 'en' | 'zh'): Catalog {
  const catalog: Catalog = { ...explanationCatalog(lang) };
  for (const [file, content] of Object.entries(files)) {
    if (!file.startsWith(`../../shared/i18n/locales/${lang}/`)) continue;
    for (const [key, value] of Object.entries(content)) {
      if (key in catalog) throw new Error(`i18n: the key "${key}" is defined twice (again in ${file})`);
      catalog[key] = value;
    }
  }
  return catalog;
}

export const catalogs = { en: merge('en'), zh: merge('zh') };
