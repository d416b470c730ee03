/**
 * Reads one exercise Markdown file: YAML front matter between `---` lines, then the prose split by
 * the marker lines `<!-- lang: en -->` and `<!-- lang: zh -->`. Positions are kept so that every
 * problem names its line.
 */
import type { ContentError } from './errors.ts';
import { problem } from './problems.ts';
import type { LocalizedText } from './schema.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

export interface ExerciseFileParts {
  frontMatter: YamlSource;
  /** The prose per language, as far as it was found. */
  body: Partial<LocalizedText>;
  /** The line where the body starts (after the closing `---`). */
  bodyLine: number;
  errors: ContentError[];
}

const FENCE = /^---\s*$/;
const LANG_MARKER = /^<!--\s*lang:\s*([A-Za-z-]+)\s*-->\s*$/;

/**
 * @param packLanguage a one-language pack's language: its prose may have no markers at all (the
 *   whole body is in that language), and the other language's section copies it when missing.
 */
export function parseExerciseFile(
  text: string,
  file: string,
  packLanguage?: 'en' | 'zh',
): ExerciseFileParts | { errors: ContentError[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? ''))
    return {
      errors: [problem({ file, line: 1 }, 'no-front-matter')],
    };
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close < 0)
    return {
      errors: [problem({ file, line: 1 }, 'front-matter-open')],
    };

  const frontMatter = parseYamlSource(lines.slice(1, close).join('\n'), file, 2);
  const bodyLine = close + 2;
  const { body, errors } = splitBody(lines.slice(close + 1), bodyLine, file, packLanguage);
  return { frontMatter, body, bodyLine, errors: [...frontMatter.errors, ...errors] };
}

function splitBody(
  lines: string[],
  firstLine: number,
  file: string,
  packLanguage?: 'en' | 'zh',
): { body: Partial<LocalizedText>; errors: ContentError[] } {
  const body: Partial<LocalizedText> = {};
  if (packLanguage && !lines.some((line) => LANG_MARKER.test(line))) {
    const prose = lines.join('\n').trim();
    if (prose) return { body: { en: prose, zh: prose }, errors: [] };
  }
  const errors: ContentError[] = [];
  let current: 'en' | 'zh' | undefined;
  let buffer: string[] = [];
  let strayText = false;
  const flush = () => {
    if (current) body[current] = buffer.join('\n').trim();
    buffer = [];
  };
  lines.forEach((line, i) => {
    const marker = LANG_MARKER.exec(line);
    if (!marker) {
      if (!current && line.trim() && !strayText) {
        strayText = true;
        errors.push(problem({ file, line: firstLine + i, field: 'body' }, 'no-language'));
      }
      buffer.push(line);
      return;
    }
    const lang = marker[1];
    flush();
    if (lang !== 'en' && lang !== 'zh') {
      errors.push(
        problem({ file, line: firstLine + i, field: 'body' }, 'unknown-language', { lang: lang ?? '' }),
      );
      current = undefined;
    } else if (body[lang] !== undefined) {
      errors.push(problem({ file, line: firstLine + i, field: `body.${lang}` }, 'second-section', { lang }));
      current = undefined;
    } else current = lang;
  });
  flush();
  if (packLanguage && body[packLanguage] && !body[packLanguage === 'en' ? 'zh' : 'en'])
    body[packLanguage === 'en' ? 'zh' : 'en'] = body[packLanguage];
  for (const lang of ['en', 'zh'] as const)
    if (!body[lang])
      errors.push(problem({ file, line: firstLine, field: `body.${lang}` }, 'needs-section', { lang }));
  return { body, errors };
}
