/**
 * Issue 16 point 2 for content packs: a teacher with the Chinese interface adds packs broken the
 * way packs get broken (a misspelt field, a missing title, a hint that gives the answer, a
 * reference solution that fails, prerequisites in a circle, broken YAML, an English pack that
 * forgot to say so). Each refusal names the file, line and field to fix, and says what is wrong
 * in Chinese: no English word reaches the page but the names it quotes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import zh from '../../shared/i18n/locales/zh/packs.json';
import { ROOT, callApi, openInChinese, resetSettings, useAppAndBrowser } from './harness.ts';
import { englishIn } from './latin.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;
const GOOD = path.join(ROOT, 'tests/fixtures/packs/good-python');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-zh-packs-'));

/**
 * A copy of the good fixture pack, cut to the lessons that run no code but the one exercise
 * (double.md, given time to run on a busy machine), with one teacher's mistake in one file.
 */
function brokenPack(name: string, file: string, find: string, replace: string): string {
  const folder = path.join(work, name);
  fs.cpSync(GOOD, folder, { recursive: true });
  fs.rmSync(path.join(folder, 'lessons/count-up.md'));
  fs.rmSync(path.join(folder, 'lessons/leap'), { recursive: true });
  const change = (relative: string, from: string, to: string) => {
    const text = fs.readFileSync(path.join(folder, relative), 'utf8');
    if (!text.includes(from)) throw new Error(`${relative} has no "${from}"`);
    fs.writeFileSync(path.join(folder, relative), text.replace(from, to));
  };
  change('track.yaml', 'lessons: [intro, double, count-up]', 'lessons: [intro, double]');
  change('track.yaml', 'lessons: [loop-quiz, leap]', 'lessons: [loop-quiz]');
  change(
    'lessons/double.md',
    '返回这个数乘以二的结果。\n---',
    '返回这个数乘以二的结果。\ntimeLimitMs: 60000\n---',
  );
  change(file, find, replace);
  return folder;
}

interface Row {
  where: string;
  field: string;
  message: string;
}

/** Adds the pack by its folder and waits for the check to end: the problems listed, if any. */
async function add(folder: string): Promise<{ status: string; rows: Row[] }> {
  await page.evaluate(() => (location.hash = '#/settings'));
  await page.getByLabel(zh.packs.pathLabel).fill(folder);
  await page.getByRole('button', { name: zh.packs.addPath, exact: true }).click();
  const status = page.getByTestId('pack-status');
  await expect
    .poll(async () => /^(|正在检查 .*)$/s.test((await status.textContent()) ?? ''), { timeout: 120_000 })
    .toBe(false);
  const rows: Row[] = [];
  const items = page.getByTestId('pack-errors').locator('li');
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    const field = item.locator('.pack-error-field code');
    rows.push({
      where: await item.locator('.pack-error-where').innerText(),
      field: (await field.count()) ? await field.innerText() : '',
      message: await item.locator('.pack-error-message').innerText(),
    });
  }
  return { status: await status.innerText(), rows };
}

/** Every row, its field label and the page's summary: English only in what they quote. */
async function expectChinese(rows: Row[], quoted: string[]): Promise<void> {
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // Text between straight quotes is the pack's own, quoted back ("Reading Python").
    const own = row.message.match(/"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(englishIn(row.message, [...quoted, ...own, row.where, row.field]), row.message).toEqual([]);
  }
  const errors = page.getByTestId('pack-errors');
  const chrome = (await errors.innerText())
    .split('\n')
    .filter((line) => !rows.some((r) => line.includes(r.message) || line.includes(r.where)));
  for (const line of chrome) expect(englishIn(line, ['lantern validate']), line).toEqual([]);
}

beforeAll(async () => {
  page = await openInChinese(browser, app);
});

afterAll(async () => {
  await resetSettings(app);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('a teacher adds a broken pack, with the Chinese interface', () => {
  test('a misspelt field is named where it is, and the field it should be as missing', async () => {
    const { rows } = await add(brokenPack('typo', 'lessons/double.md', 'difficulty: 2', 'dificulty: 2'));
    expect(rows.map((r) => `${r.where} ${r.field}`)).toEqual([
      'lessons/double.md:2 difficulty',
      'lessons/double.md:6 dificulty',
    ]);
    await expectChinese(rows, ['docs/content-format.md']);
  });

  test('a lesson without its title', async () => {
    const { rows } = await add(
      brokenPack('no-title', 'lessons/double.md', 'title: { en: Double it, zh: 乘以二 }\n', ''),
    );
    expect(rows.map((r) => `${r.where} ${r.field}`)).toEqual(['lessons/double.md:2 title']);
    await expectChinese(rows, []);
  });

  test('a word where a number goes', async () => {
    const { rows } = await add(brokenPack('word', 'lessons/double.md', 'difficulty: 2', 'difficulty: two'));
    expect(rows.map((r) => `${r.where} ${r.field}`)).toEqual(['lessons/double.md:6 difficulty']);
    await expectChinese(rows, ['"two"']);
  });

  test('prerequisites that go round in a circle', async () => {
    const { rows } = await add(
      brokenPack(
        'cycle',
        'track.yaml',
        '  - id: basics\n    title: { en: Basics, zh: 基础 }\n',
        '  - id: basics\n    title: { en: Basics, zh: 基础 }\n    prerequisites: [loops]\n',
      ),
    );
    expect(rows.map((r) => `${r.where} ${r.field}`)).toEqual(['track.yaml:11 concepts[0].prerequisites']);
    expect(rows[0]!.message).toContain('basics → loops → basics');
    await expectChinese(rows, ['basics → loops → basics']);
  });

  test('YAML with a key written twice', async () => {
    const { rows } = await add(
      brokenPack('yaml', 'track.yaml', 'language: python', 'language: python\nlanguage: javascript'),
    );
    expect(rows.map((r) => r.where)).toEqual(['track.yaml:4']);
    await expectChinese(rows, ['YAML']);
  });

  test('a hint that gives the answer away', async () => {
    const { rows } = await add(
      brokenPack(
        'hint',
        'lessons/double.md',
        'en: Return the number times two.',
        'en: "Write: return n * 2"',
      ),
    );
    expect(rows.map((r) => `${r.where} ${r.field}`)).toEqual(['lessons/double.md:30 hints[2].en']);
    await expectChinese(rows, ['"return n * 2"']);
  });

  test('a reference solution that fails its tests', async () => {
    const { rows } = await add(brokenPack('reference', 'lessons/double.md', 'return n * 2', 'return n * 3'));
    expect(rows.map((r) => `${r.where} ${r.field}`)).toEqual(['lessons/double.md:11 solution']);
    expect(rows[0]!.message).toContain('test_three');
    // The failing tests and what Python said about them are quoted as they are.
    const said = /：(.*)$/.exec(rows[0]!.message)![1]!;
    await expectChinese(rows, [said]);
  });

  test('an English-only pack that forgot to say so', async () => {
    const folder = path.join(work, 'english-only');
    fs.cpSync(path.join(ROOT, 'tests/fixtures/packs/english-only-python'), folder, { recursive: true });
    const track = path.join(folder, 'track.yaml');
    fs.writeFileSync(track, fs.readFileSync(track, 'utf8').replace('untranslated: [zh]\n', ''));
    const { rows } = await add(folder);
    expect(rows.map((r) => `${r.where} ${r.field}`)).toContain('track.yaml:5 title');
    // The section markers are what the teacher types, so they are quoted as they are.
    await expectChinese(rows, ['<!-- lang: en -->', '<!-- lang: zh -->']);
  });
});

describe('a teacher adds a pack with nothing wrong, with the Chinese interface', () => {
  test('an English-only pack that says so is added without a word of English but its title', async () => {
    try {
      const { status, rows } = await add(path.join(ROOT, 'tests/fixtures/packs/english-only-python'));
      expect(rows).toEqual([]);
      expect(englishIn(status, ['Reading Python'])).toEqual([]);
    } finally {
      await callApi(app, 'removePack', { trackId: 'english-only-python' });
    }
  });
});
