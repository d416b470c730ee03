import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { catalogs } from '../../../renderer/i18n/catalogs.ts';

const { en, zh } = catalogs;

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
function lookup(obj: object, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/**
 * A key without i18next's plural suffix: English has "_one" and "_other", Chinese one form,
 * "_other", and both are the same key to the code that asks for it with a count.
 */
const unplural = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('interface catalogs', () => {
  test('English and Chinese have exactly the same keys', () => {
    const enKeys = [...new Set(keys(en).map(unplural))].sort();
    const zhKeys = [...new Set(keys(zh).map(unplural))].sort();
    expect(
      zhKeys.filter((k) => !enKeys.includes(k)),
      'keys only in zh',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !zhKeys.includes(k)),
      'keys missing from zh',
    ).toEqual([]);
  });

  test('no text is empty, and Chinese text is not left in English', () => {
    for (const k of keys(en)) expect(String(lookup(en, k)).trim(), `en ${k}`).not.toBe('');
    const sameAsEnglish = keys(zh).filter((k) => {
      const z = String(lookup(zh, k));
      // Text made only of parameters ("{{value}}") has no words to translate.
      const words = z.replace(/\{\{[^}]*\}\}/g, '');
      return (
        z === String(lookup(en, k)) &&
        /[a-z]{4,}/i.test(words) &&
        !/^(English|Lantern|Python|JavaScript)/.test(z)
      );
    });
    expect(sameAsEnglish, 'untranslated zh strings').toEqual([]);
  });

  test('every key the UI asks for exists in both catalogs', () => {
    const root = path.resolve(__dirname, '../../../renderer');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter(
      (k) => typeof lookup(en, k) !== 'string' || typeof lookup(zh, k) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
