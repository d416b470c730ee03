/**
 * A problem found in content is a code and its parameters (the file, line and field travel
 * beside them); the words are the catalogs' (`packs.problem.<code>` in
 * shared/i18n/locales/<lang>/packs.json). The page words a problem in the interface's language;
 * `lantern validate` and the log read `message`, worded here from the English catalog, so the
 * English exists once.
 */
import en from '../i18n/locales/en/packs.json' with { type: 'json' };
import type { ContentError } from './errors.ts';

export type ProblemParams = Record<string, string | number>;
/** A catalog lookup with interpolation (i18next's `t`, or `englishText` below). */
export type Translate = (key: string, params: ProblemParams) => string;

type Words = typeof en.packs;
type Base<K> = K extends `${infer B}_${string}` ? B : K;
export type ProblemCode = Base<keyof Words['problem']>;
/**
 * Parameters that are themselves a code the catalog words (`packs.<table>.<code>`): a kind of
 * value, a YAML error, a program's problem, an output that may be nothing.
 */
const WORDED = {
  kind: 'kind',
  found: 'found',
  yaml: 'yaml',
  why: 'program',
  actual: 'shown',
  expected: 'shown',
} as const;

/** The words for a problem: its code's sentence, with the worded parameters put in words first. */
export function problemText(t: Translate, code: string, params: ProblemParams = {}): string {
  const all: ProblemParams = { ...params };
  for (const [param, table] of Object.entries(WORDED))
    if (param !== 'why' && typeof params[param] === 'string')
      all[param] = t(`packs.${table}.${params[param]}`, params);
  // A program's problem, said inside another: its own worded parameters go in first.
  if (typeof params.why === 'string') all.why = t(`packs.program.${params.why}`, all);
  return t(`packs.problem.${code}`, all);
}

/** A code of the English catalog's `packs.<table>` (a kind, a YAML error), or `other`. */
export function knownCode(table: 'kind' | 'found' | 'yaml', code: string): string {
  return code in en.packs[table] ? code : 'other';
}

export function isProblemCode(code: string): code is ProblemCode {
  return code in en.packs.problem || `${code}_other` in en.packs.problem;
}

/**
 * The English catalog read as i18next reads it: `count` picks `_one` or `_other`, `context`
 * picks `_<context>`, `{{name}}` takes a parameter.
 */
export function englishText(key: string, params: ProblemParams = {}): string {
  const at = (k: string): unknown =>
    k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
  const keys = [
    ...(params.context !== undefined ? [`${key}_${params.context}`] : []),
    ...(typeof params.count === 'number' ? [`${key}_${params.count === 1 ? 'one' : 'other'}`] : []),
    key,
  ];
  const text = keys.map(at).find((t): t is string => typeof t === 'string') ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** A ContentError for `code`: the page words it from the catalogs, the CLI reads `message`. */
export function problem(
  where: { file: string; line?: number | undefined; field?: string | undefined },
  code: ProblemCode,
  params: ProblemParams = {},
): ContentError {
  const error: ContentError = { file: where.file, message: problemText(englishText, code, params), code };
  if (where.line !== undefined) error.line = where.line;
  if (where.field !== undefined) error.field = where.field;
  if (Object.keys(params).length) error.params = params;
  return error;
}
