/**
 * The interface catalogs: one JSON file per area and language (locales/<lang>/<area>.json), whose
 * top-level keys are that area's namespace. They merge into one catalog per language.
 */
type Catalog = Record<string, unknown>;

const files = import.meta.glob<Catalog>('./locales/*/*.json', { eager: true, import: 'default' });

function merge(lang: 'en' | 'zh'): Catalog {
  const catalog: Catalog = {};
  for (const [file, content] of Object.entries(files)) {
    if (!file.startsWith(`./locales/${lang}/`)) continue;
    for (const [key, value] of Object.entries(content)) {
      if (key in catalog) throw new Error(`i18n: the key "${key}" is defined twice (again in ${file})`);
      catalog[key] = value;
    }
  }
  return catalog;
}

export const catalogs = { en: merge('en'), zh: merge('zh') };
