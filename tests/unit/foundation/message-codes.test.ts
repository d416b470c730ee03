/**
 * Every code the backend sends instead of words has words in both catalogs, and the Chinese
 * words carry no English: the only Latin letters left are the parameters (file names, field
 * paths) and the names of things (Lantern, SQLite, JSON).
 */
import { describe, expect, test } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { catalogs } from '../../../renderer/i18n/catalogs.ts';
import { LOG_FILE, REFUSAL_FAMILIES, failureText, reasonText } from '../../../renderer/i18n/failure.ts';
import { toApiError } from '../../../renderer/api/client.ts';
import { fieldIssueText, reportProblemText } from '../../../renderer/i18n/file-problems.ts';
import { learnerErrorText, testMessageParts, testMessageText } from '../../../renderer/i18n/runner-text.ts';
import fs from 'node:fs';
import {
  RUNNER_ERROR_CODES,
  TEST_MESSAGE_CODES,
  VERDICT_REASON_CODES,
} from '../../../shared/runner/codes.ts';
import { FIELD_ISSUE_CODES, type FieldIssue } from '../../../shared/api/field-issues.ts';
import {
  ApiError,
  AppInfo,
  calls,
  EnrolmentError,
  FAILURE_CAUSES,
  ReportFileProblem,
} from '../../../shared/api/contract.ts';
import { englishText, problemText } from '../../../shared/content/problems.ts';
import enPacks from '../../../shared/i18n/locales/en/packs.json';
import zhPacks from '../../../shared/i18n/locales/zh/packs.json';

const lookup = (catalog: object, key: string): unknown =>
  key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], catalog);

async function translator(lng: 'en' | 'zh'): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { [lng]: { translation: catalogs[lng] } },
    lng,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

/** Names that stay as they are in Chinese text. */
const NAMES = /\b(Lantern|SQLite|JSON|UTF-8|Base64|Python|Claude)\b/g;
/** Latin words in `text` once the parameters given and the names are taken out. */
function english(text: string, params: readonly (string | number)[]): string[] {
  let rest = text;
  for (const p of params) rest = rest.split(String(p)).join(' ');
  return rest.replace(NAMES, ' ').match(/[A-Za-z]{2,}/g) ?? [];
}

describe('codes and the catalogs that word them', () => {
  test('every refusal code has words in English and in Chinese, in one family only', () => {
    const seen = new Set<string>();
    for (const { codes, namespace } of REFUSAL_FAMILIES)
      for (const code of codes) {
        expect(seen.has(code), `${code} is in two families`).toBe(false);
        seen.add(code);
        for (const lang of ['en', 'zh'] as const)
          expect(typeof lookup(catalogs[lang], `${namespace}.${code}`), `${lang} ${namespace}.${code}`).toBe(
            'string',
          );
      }
    expect(seen.size).toBeGreaterThan(25);
  });

  test('every field issue, report and enrolment problem, cause and notice has words in both languages', () => {
    const keys = [
      ...FIELD_ISSUE_CODES.map((c) => `fieldIssue.codes.${c}`),
      ...ReportFileProblem.options
        .map((o) => o.shape.code.value)
        .filter((c) => c !== 'fields')
        .map((c) => `classroom.reportProblem.${c}`),
      ...FAILURE_CAUSES.map((c) => `data.causes.${c}`),
      ...EnrolmentError.shape.code.options.map((c) => `myClass.errors.${c}`),
      ...AppInfo.shape.notices.element.shape.code.options.map((c) => `notice.${c}`),
    ];
    for (const key of keys)
      for (const lang of ['en', 'zh'] as const)
        expect(typeof lookup(catalogs[lang], key), `${lang} ${key}`).toBe('string');
  });

  test('a refusal reads in Chinese with no English words but its parameters', async () => {
    const t = await translator('zh');
    const params = {
      file: 'class.db',
      type: 'trigger',
      object: 'wipe',
      table: 'profile',
      version: 7,
      known: 9,
      encoding: 'UTF-16le',
      missing: 'setting',
      rows: 2,
      parent: 'attempt',
      offset: 10,
      expected: 20,
      size: 30,
      received: 5,
      cause: 'disk-full',
      name: 'Ada',
      id: 4,
      max: 1000,
      count: 1200,
      problem: 'direction',
      at: 3,
      char: 'U+202E',
      track: 'python',
      lesson: 'loops-intro',
      concept: 'loops',
      concepts: 'strings, lists',
      language: 'typescript',
      call: 'updateSettings',
      command: 'npm start',
      log: LOG_FILE,
    };
    const values = Object.entries(params)
      .filter(([k]) => !['type', 'cause', 'problem'].includes(k))
      .map(([, v]) => v);
    for (const { codes } of REFUSAL_FAMILIES)
      for (const code of codes) {
        const text = reasonText(t, { code, params })!;
        expect(english(text, values), `${code}: ${text}`).toEqual([]);
      }
  });

  test('a bad report file reads in Chinese with no English words but its fields', async () => {
    const t = await translator('zh');
    const issues: FieldIssue[] = FIELD_ISSUE_CODES.map((code) => ({
      field: 'tracks.0.exercises',
      code,
      max: 200,
      min: 1,
      expected: 'number',
      values: '"run", "check"',
      format: 'datetime',
    }));
    const problems: ReportFileProblem[] = [
      { code: 'not-json', line: 3, column: 5 },
      { code: 'not-object' },
      { code: 'too-deep', field: 'extra[0][0]', max: 16 },
      { code: 'not-report' },
      { code: 'fields', issues },
    ];
    for (const p of problems) {
      const text = reportProblemText(t, p);
      expect(english(text, ['tracks.0.exercises', 'extra[0][0]', '"run", "check"']), text).toEqual([]);
    }
    expect(fieldIssueText(t, { field: 'summary.activeMs', code: 'wrong-type', expected: 'number' })).toBe(
      'summary.activeMs：应为数字',
    );
  });

  test('a failure without a code is still worded by the catalog, never by its English message', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const t = await translator(lang);
      const texts = [
        // A fault in the page itself, an envelope without a code, a call that never got an answer.
        failureText(t, new Error('Cannot read properties of undefined')),
        failureText(
          t,
          new ApiError({ code: 'failed', message: 'SQLITE_CORRUPT: database disk image is malformed' }),
        ),
        failureText(t, toApiError(new TypeError('Failed to fetch'))),
        failureText(t, toApiError(new ApiError({ code: 'forbidden', message: 'Missing or wrong token.' }))),
      ];
      for (const text of texts) {
        expect(text).not.toMatch(/undefined|SQLITE|fetch|token/);
        if (lang === 'zh') expect(english(text, [LOG_FILE]), text).toEqual([]);
      }
      expect(texts[1]).toContain(LOG_FILE);
    }
    const t = await translator('zh');
    const refused = new ApiError({
      code: 'failed',
      message: 'There is already a class called “7B”. Choose another name.',
      reason: { code: 'class-name-taken', params: { name: '7B' } },
    });
    expect(failureText(t, refused)).toBe('已经有一个叫“7B”的班级了。请换一个名字。');
  });

  test('a value a person typed that the call refuses names the field as the page does, in both languages', async () => {
    const fields = (lang: 'en' | 'zh') =>
      lookup(catalogs[lang], 'apiErrors.fields') as Record<string, Record<string, string>>;
    expect(Object.keys(fields('zh')).sort()).toEqual(Object.keys(fields('en')).sort());
    const zh = await translator('zh');
    for (const [call, names] of Object.entries(fields('en'))) {
      expect(Object.hasOwn(calls, call), `${call} is a call`).toBe(true);
      expect(Object.keys(fields('zh')[call] ?? {}).sort(), call).toEqual(Object.keys(names).sort());
      for (const name of Object.keys(names)) {
        const err = new ApiError({
          code: 'bad-input',
          message: `Bad input for ${call}: ${name}: Too big`,
          reason: { code: 'bad-input', params: { call } },
          fieldIssues: [{ field: `units.0.${name}`, code: 'too-large', max: 50 }],
        });
        const text = failureText(zh, err);
        expect(text).toContain(fields('zh')[call]![name]!);
        expect(english(text, []), text).toEqual([]);
      }
    }
    const budget = new ApiError({
      code: 'bad-input',
      message: 'Bad input for updateTutorSettings: monthlyBudgetUsd: Too big',
      reason: { code: 'bad-input', params: { call: 'updateTutorSettings' } },
      fieldIssues: [{ field: 'monthlyBudgetUsd', code: 'too-large', max: 10000 }],
    });
    expect(failureText(zh, budget)).toBe('每月预算：大于上限 10000。');
    expect(failureText(await translator('en'), budget)).toBe(
      'Monthly budget: is larger than 10000, the most allowed.',
    );
  });
});

describe('content-pack problems (packs.problem) and the catalogs that word them', () => {
  type Table = Record<string, string>;
  const TABLES = ['problem', 'kind', 'found', 'yaml', 'program', 'shown'] as const;
  /** A key without its plural (`_one`, `_other`) or context (`_line`, `_ms`, `_more`) ending. */
  const base = (key: string) => key.replace(/_[a-z]+$/, '');
  /** Each table's codes, as the English catalog has them. */
  const codes = (table: (typeof TABLES)[number]) => [
    ...new Set(Object.keys((enPacks.packs as unknown as Record<string, Table>)[table]!).map(base)),
  ];
  /** Parameters for every code: each value distinct, so that taking it out leaves only words. */
  const params = {
    file: 'lessons/loops.md',
    limit: 10,
    count: 3,
    concept: 'loops',
    concepts: '"loops", "lists"',
    cycle: 'loops → lists → loops',
    unit: 'basics',
    lesson: 'loops-2',
    id: 'leap-year',
    other: 'lessons/leap-year-2.md',
    name: 'test_leap_years',
    path: '.meta/example.py',
    folder: 'lessons/leap/',
    lang: 'fr',
    detail: 'Implicit map keys need to be followed by map values',
    values: 'explanation, exercise, predict',
    value: '"exercize"',
    text: '"Hello"',
    number: 2.5,
    leaked: '"return n * 2"',
    error: "NameError: name 'totl' is not defined",
    line: 7,
    hit: 2,
    steps: 5000,
    variable: 'total',
    answer: '12',
    ms: 5012,
    mb: 100,
    failed: 2,
    total: 3,
    more: 4,
    tests: 'test_zero (AssertionError: 1 != 2)',
    shown: 'while n > 0',
    what: 'a loop',
    indent: '"   "',
    actualText: '"Hello World"',
    expectedText: '"Hello, World!"',
    language: 'Rust',
    prefix: 'py-',
    seed: 3,
    todo: 'Write your code here',
  };
  /** Names of the content format that stay as they are: fields, files, a YAML literal. */
  const FORMAT =
    /\b(YAML|Python|docs\/content-format\.md|track\.yaml|lessons|exercise\.md|expectedOutput|trace\.line|trace|starterComments|line|variable|answer|untranslated|parsons|en|zh|id|lang|null|MB|zip|leap\.py|leap-year|Lantern|JavaScript|TypeScript|Exercism|JSON)\b/g;
  // Longest first, so that a cycle or a path goes before a word inside it.
  const values = Object.values(params).sort((a, b) => String(b).length - String(a).length);
  /** English left once the parameters, then the format's names, are taken out. */
  const leftover = (text: string) => english(stripped(text), []);
  const stripped = (text: string) => {
    let rest = text;
    for (const v of values) rest = rest.split(String(v)).join(' ');
    return rest.replace(FORMAT, ' ');
  };

  test('every code has words in English and in Chinese', () => {
    for (const table of TABLES)
      for (const code of codes(table))
        for (const catalog of [enPacks.packs, zhPacks.packs] as unknown as Record<string, Table>[]) {
          const words = catalog[table]!;
          expect(words[code] ?? words[`${code}_other`], `${table}.${code}`).toBeTypeOf('string');
        }
    // Chinese has no plural: an English `_one`/`_other` pair is one `_other` (or plain) key there.
    const zhKeys = (table: string) =>
      Object.keys((zhPacks.packs as unknown as Record<string, Table>)[table]!).map(base);
    for (const table of TABLES) expect(new Set(zhKeys(table)), table).toEqual(new Set(codes(table)));
    expect(codes('problem').length).toBeGreaterThan(90);
  });

  test('every problem reads in Chinese with no English words but its parameters', async () => {
    const t = await translator('zh');
    const zh = (key: string, p: Record<string, string | number>) => t(key, p);
    const worded = {
      kind: 'int',
      found: 'text',
      yaml: 'DUPLICATE_KEY',
      why: 'solution-fails-tests',
      actual: 'actual',
      expected: 'nothing',
    };
    const variants: Record<string, string | number>[] = [
      worded,
      {
        context: 'line',
        kind: 'other',
        found: 'null',
        yaml: 'other',
        why: 'solution-no-run',
        actual: 'nothing',
        expected: 'expected',
      },
      { ...worded, context: 'ms' },
      { ...worded, context: 'more' },
    ];
    for (const code of codes('problem'))
      for (const variant of variants) {
        const text = problemText(zh, code, { ...params, ...variant });
        expect(text, code).not.toMatch(/\{\{|packs\./);
        expect(leftover(text), `${code}: ${text}`).toEqual([]);
      }
    for (const why of codes('program')) {
      const text = problemText(zh, 'parsons-cannot-pass', {
        ...params,
        why,
        actual: 'nothing',
        expected: 'expected',
      });
      expect(leftover(text), `program.${why}: ${text}`).toEqual([]);
    }
    for (const kind of codes('kind'))
      for (const found of codes('found')) {
        const text = problemText(zh, 'wrong-type', { ...params, kind, found });
        expect(leftover(text), text).toEqual([]);
      }
    for (const yaml of codes('yaml')) {
      const text = problemText(zh, 'yaml-syntax', { ...params, yaml });
      expect(leftover(text), text).toEqual([]);
    }
  });

  test('the command line reads the same English as the English interface', async () => {
    const t = await translator('en');
    const en = (key: string, p: Record<string, string | number>) => t(key, p);
    for (const code of codes('problem'))
      for (const variant of [
        {} as Record<string, string | number>,
        { context: 'line' },
        { context: 'ms' },
        { count: 1 },
        { why: 'solution-fails-tests', actual: 'nothing', expected: 'expected' },
      ]) {
        const p: Record<string, string | number> = {
          ...params,
          kind: 'int',
          found: 'decimal',
          yaml: 'BAD_INDENT',
          actual: 'actual',
          expected: 'actual',
          ...variant,
        };
        expect(problemText(englishText, code, p), code).toBe(problemText(en, code, p));
      }
    expect(problemText(englishText, 'at-most-items', { count: 1 })).toBe('must have at most 1 item');
    expect(problemText(englishText, 'wrong-type', { kind: 'int', found: 'text', text: '"ten"' })).toBe(
      'must be a whole number (found the text "ten")',
    );
  });
});

describe('the runners’ codes and the catalogs that word them', () => {
  /** Code and the names of things a learner types or reads in code: they stay as they are. */
  const CODE_WORDS = [
    'TypeScript',
    'KeyboardInterrupt',
    'Ctrl+C',
    'exit()',
    'exit',
    'resolve()',
    'await',
    'Promise',
    'MB',
  ];
  const RUNNER_PARAMS = {
    seconds: '5',
    limitMb: '256',
    status: '3',
    directive: '@ts-ignore',
    name: 'leap_year',
    what: 'sys._getframe()',
    type: 'function',
  };

  test('every runner code has words and a why in English and in Chinese', () => {
    for (const code of RUNNER_ERROR_CODES)
      for (const lang of ['en', 'zh'] as const)
        for (const key of [`runner.learnerError.${code}`, `runner.learnerError.${code}Why`])
          expect(typeof lookup(catalogs[lang], key), `${lang} ${key}`).toBe('string');
    for (const code of TEST_MESSAGE_CODES)
      for (const lang of ['en', 'zh'] as const)
        expect(typeof lookup(catalogs[lang], `runner.testMessage.${code}`), `${lang} ${code}`).toBe('string');
    for (const code of VERDICT_REASON_CODES.filter((c) => c !== 'runnerError'))
      for (const lang of ['en', 'zh'] as const)
        expect(typeof lookup(catalogs[lang], `verdict.reason.${code}`), `${lang} ${code}`).toBe('string');
    for (const code of ['runnerUnavailable', 'runnerCrashed'])
      for (const lang of ['en', 'zh'] as const)
        expect(typeof lookup(catalogs[lang], `runner.runtimeFailure.${code}`), `${lang} ${code}`).toBe(
          'string',
        );
  });

  test('a runner’s code reads in Chinese with no English words but its parameters and code', async () => {
    const t = await translator('zh');
    const params = Object.values(RUNNER_PARAMS);
    for (const code of RUNNER_ERROR_CODES) {
      const text = learnerErrorText(t, {
        type: 'Whatever',
        message: 'English words here',
        code,
        params: RUNNER_PARAMS,
      });
      const why = t(`runner.learnerError.${code}Why`);
      expect(english(`${text} ${why}`, [...CODE_WORDS, ...params]), `${code}: ${text} ${why}`).toEqual([]);
    }
    for (const code of TEST_MESSAGE_CODES) {
      const text = testMessageText(t, {
        message: 'English words here',
        code,
        // Values stand for what a test compared: numbers here, so only the sentence is searched.
        params: {
          reason: '理由',
          seconds: '5',
          line: '2',
          ...Object.fromEntries(
            ['expected', 'actual', 'value', 'member', 'container', 'type', 'exception']
              .concat(['pattern', 'message', 'bound', 'text', 'check', 'msg'])
              .map((name, i) => [name, String(i + 10)]),
          ),
        },
      })!;
      expect(english(text, CODE_WORDS), `${code}: ${text}`).toEqual([]);
    }
    for (const code of ['runnerUnavailable', 'runnerCrashed']) {
      const text = t('runner.runtimeFailed', { message: t(`runner.runtimeFailure.${code}`) });
      expect(english(text, CODE_WORDS), text).toEqual([]);
    }
    expect(english(t('verdict.reason.notArranged', { line: '2' }), [])).toEqual([]);
  });

  test('in English the codes read as the runners’ own messages did', async () => {
    const t = await translator('en');
    expect(
      learnerErrorText(t, { type: 'MemoryError', message: '', code: 'memory', params: { limitMb: '1024' } }),
    ).toBe('Your program used more than 1024 MB of memory and was stopped.');
    expect(testMessageText(t, { code: 'unexpectedSuccess' })).toBe(
      'This test was expected to fail, but it did not.',
    );
    // A message with no code is the assertion's or the language's own, shown as it is.
    expect(testMessageText(t, { message: 'AssertionError: 1 != 2' })).toBe('AssertionError: 1 != 2');
    expect(learnerErrorText(t, { type: 'NameError', message: "name 'x' is not defined" })).toBe(
      "NameError: name 'x' is not defined",
    );
    // A code the catalogs do not word reads as the catalog's runner failure, not the English message.
    expect(learnerErrorText(t, { type: 'Error', message: 'English words here', code: 'zzNew' })).toBe(
      'The runner failed while running your code.',
    );
    expect(testMessageText(t, { message: 'English words here', code: 'zzNew' })).toBe(
      'The runner failed while running your code.',
    );
  });

  test('a failed check is worded from its code, its values set apart, the author’s note after it', async () => {
    const failed = { code: 'truthy', params: { value: 'False', msg: 'greet() should start with Hello' } };
    const en = await translator('en');
    expect(testMessageText(en, failed)).toBe(
      'Expected a true value, but got False.\nThe test’s note: greet() should start with Hello',
    );
    expect(testMessageParts(en, failed)).toEqual([
      { text: 'Expected a true value, but got ' },
      { text: 'False', quoted: true },
      { text: '.' },
    ]);
    const zh = await translator('zh');
    expect(testMessageParts(zh, { code: 'equal', params: { expected: "'Hello'", actual: "'hi'" } })).toEqual([
      { text: '应为 ' },
      { text: "'Hello'", quoted: true },
      { text: '，实际得到 ' },
      { text: "'hi'", quoted: true },
      { text: '。' },
    ]);
    // A value that looks like markup or a placeholder is still only a value.
    expect(
      testMessageParts(zh, { code: 'falsy', params: { value: '<Box object at 0x1> {{value}}' } }),
    ).toEqual([
      { text: '应为假值，实际得到 ' },
      { text: '<Box object at 0x1> {{value}}', quoted: true },
      { text: '。' },
    ]);
    expect(testMessageParts(zh, { code: 'unexpectedSuccess' })).toEqual([
      { text: zh('runner.testMessage.unexpectedSuccess') },
    ]);
    expect(testMessageParts(zh, {})).toBeUndefined();
  });

  test('the Python harness sends only codes the catalogs word', () => {
    const source = fs
      .readdirSync('shared/runner/python/harness')
      .map((f) => fs.readFileSync(`shared/runner/python/harness/${f}`, 'utf8'))
      .join('\n');
    const sent = [...source.matchAll(/'code'\]? ?[:=] ?'(\w+)'/g)].map((m) => m[1]!);
    expect(sent.length).toBeGreaterThanOrEqual(4);
    const known = new Set<string>([...RUNNER_ERROR_CODES, ...TEST_MESSAGE_CODES]);
    for (const code of sent) expect(known.has(code), code).toBe(true);
  });
});
