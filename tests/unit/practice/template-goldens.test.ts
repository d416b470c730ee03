/**
 * Golden exercises: what each offline template makes from fixed seeds, and the starter a learner
 * sees with each interface language. The first seeds are kept whole, so a change shows as a
 * readable diff; the rest as a digest, so every theme of every template is covered without a
 * large file. Review a diff, then regenerate with
 * `LANTERN_UPDATE_GOLDEN=1 npx vitest run tests/unit/practice/template-goldens.test.ts`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';
import { describe, expect, test } from 'vitest';
import { exerciseFromTemplate } from '../../../electron/core/practice/offline.ts';
import { starterIn } from '../../../shared/content/starter-comments.ts';
import { UI_LOCALES } from '../../../shared/content/schema.ts';
import { BUILTIN_TEMPLATES } from './helpers.ts';

const folder = fileURLToPath(new URL('./golden/', import.meta.url));
const update = process.env.LANTERN_UPDATE_GOLDEN === '1';
const WHOLE = [1, 2];
const DIGESTED = Array.from({ length: 40 }, (_, i) => i + 3);

interface Golden {
  exercises: Record<string, unknown>;
  /** The starter as each interface language shows it. */
  starters: Record<string, Record<string, string>>;
  digests: Record<string, string>;
}

for (const language of ['python', 'javascript'] as const) {
  describe(`golden template exercises, ${language}`, () => {
    for (const template of BUILTIN_TEMPLATES.all(language)) {
      test(`${template.id} makes the same exercises from the same seeds`, async () => {
        const make = (seed: number) => exerciseFromTemplate(template, seed, language, language);
        const shown = (seed: number) => {
          const exercise = make(seed);
          return Object.fromEntries(UI_LOCALES.map((locale) => [locale, starterIn(exercise, locale)]));
        };
        const made: Golden = {
          exercises: Object.fromEntries(WHOLE.map((seed) => [seed, make(seed)])),
          starters: Object.fromEntries(WHOLE.map((seed) => [seed, shown(seed)])),
          digests: Object.fromEntries(
            DIGESTED.map((seed) => [
              seed,
              createHash('sha256')
                .update(JSON.stringify([make(seed), shown(seed)]))
                .digest('hex')
                .slice(0, 16),
            ]),
          ),
        };
        const file = path.join(folder, language, `${template.id}.json`);
        if (update) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, await format(JSON.stringify(made), { parser: 'json' }));
        }
        expect(made).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
      });
    }
  });
}
