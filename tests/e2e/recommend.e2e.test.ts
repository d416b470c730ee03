/**
 * The learner model drives the app, end to end in Chromium: a fresh learner's Progress page says
 * "not yet assessed" for every concept; after a placement check only the solved concepts have
 * figures; a learner who passes hard exercises is offered harder work than one who struggles, on
 * the Learn page and in Practice, with the reason in English and Chinese. Passes are real: the
 * reference solutions from exercises/ are submitted; failures submit the starter code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import en from '../../shared/i18n/locales/en/learner.json';
import zh from '../../shared/i18n/locales/zh/learner.json';
import { ROOT, callApi, openPage, pasteCode, screenshot, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
let page: Page;

const call = <T = unknown>(name: string, input: object = {}) => callApi<T>(app, name, input);

beforeAll(async () => {
  page = await openPage(browser, app.launchUrl);
  await page.getByRole('link', { name: 'Learn' }).waitFor();
});

interface Authored {
  id: string;
  solution?: string;
  starter?: string;
  concepts: string[];
}

/** A built-in Python exercise as its author wrote it (front matter of its Markdown file). */
function authored(id: string): Authored {
  const dir = path.join(ROOT, 'exercises/python/lessons');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const front = fs.readFileSync(path.join(dir, name), 'utf8').split(/^---$/m)[1] ?? '';
    const data = parse(front) as Authored;
    if (data.id === id) return data;
  }
  throw new Error(`no exercise ${id}`);
}

/** A check with the reference solution (all tests pass) or the starter code (none does). */
async function check(id: string, how: 'solution' | 'starter') {
  const e = authored(id);
  const testsTotal = 3;
  await call('recordAttempt', {
    trackId: 'python',
    exerciseId: id,
    kind: 'check',
    code: how === 'solution' ? e.solution : e.starter,
    status: how === 'solution' ? 'pass' : 'fail',
    testsPassed: how === 'solution' ? testsTotal : 0,
    testsTotal,
  });
}

async function becomeLearner(name: string) {
  // Away from any practice problem first: reopening one gives it to whoever is learning now.
  await page.evaluate(() => (location.hash = '#/learn'));
  await call('createProfile', { name, switchTo: true });
  await page.reload();
  await page
    .getByRole('link', { name: /Learn|学习/ })
    .first()
    .waitFor();
}

async function setLanguage(language: 'en' | 'zh') {
  await call('updateSettings', { language });
  await page.reload();
  await page.locator(`html[lang^="${language}"]`).waitFor();
}

const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);

/** Every concept row of the Progress page's mastery tables: assessed or not, and its figure. */
async function progressRows() {
  await go('#/progress');
  await page.locator('.mastery-table').first().waitFor();
  return page.locator('.mastery-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      concept: r.getAttribute('data-concept') ?? '',
      assessed: r.getAttribute('data-assessed') === 'true',
      cell: r.querySelector('td')?.textContent ?? '',
    })),
  );
}

/**
 * What Up next on the Python track offers: its kind, difficulty and the reason shown. A new
 * concept's explanation is read first (through the API, as "I have read this" records it).
 */
async function upNext() {
  const card = page.getByTestId('up-next');
  const open = async () => {
    await go('#/learn');
    await page.locator('.track-card').first().waitFor();
    await go('#/learn/python');
    await card.waitFor();
  };
  await open();
  while ((await card.getAttribute('data-kind')) === 'lesson') {
    const href = (await page.getByTestId('continue').getAttribute('href')) ?? '';
    await call('markRead', { trackId: 'python', exerciseId: href.split('/').at(-1) });
    await open();
  }
  return {
    kind: await card.getAttribute('data-kind'),
    difficulty: Number(await card.getAttribute('data-difficulty')),
    reason: await page.getByTestId('up-next-reason').textContent(),
  };
}

/** Practice: what "Practise my weak spots" asks for, and the difficulty of the problem it serves. */
async function practise() {
  await go('#/practice');
  await page.getByTestId('practice-track').selectOption('python');
  // The list of the track chosen, not the one shown before it.
  const spotList = page.locator('[data-testid="practice-weak-spots"][data-track="python"]');
  const first = spotList.locator('li').first();
  await first.waitFor();
  const requested = Number(await first.getAttribute('data-difficulty'));
  const reason = await first.textContent();
  const spots = await spotList.locator('li').allTextContents();
  await page.getByTestId('practice-weak').click();
  const source = page.getByTestId('practice-source');
  await source.waitFor({ timeout: 90_000 });
  const served = Number(/(\d+)\D*10/.exec((await source.textContent()) ?? '')?.[1]);
  // The problem page says why this problem, as the list did.
  const why = await page.getByTestId('practice-why').textContent();
  return { requested, served, reason, why, spots };
}

describe('mastery says what it rests on', () => {
  test('a fresh learner sees every concept as not yet assessed, in English and Chinese', async () => {
    await becomeLearner('Fresh');
    const rows = await progressRows();
    expect(rows.length).toBeGreaterThanOrEqual(20); // every concept of both built-in tracks
    expect(rows.filter((r) => r.assessed)).toEqual([]);
    expect(new Set(rows.map((r) => r.cell))).toEqual(new Set([en.learner.notAssessed]));
    await screenshot(page, 'recommend-progress-fresh-en');

    await setLanguage('zh');
    const zhRows = await progressRows();
    expect(new Set(zhRows.map((r) => r.cell))).toEqual(new Set([zh.learner.notAssessed]));
    await screenshot(page, 'recommend-progress-fresh-zh');
    await setLanguage('en');
  });

  test('after placement only the concepts of the solved diagnostic show figures', async () => {
    await becomeLearner('Placed');
    await go('#/learn/python');
    await page.getByTestId('placement-start').click();
    await page.getByTestId('placement-step').filter({ hasText: 'Exercise 1 of' }).waitFor();
    const first = (await page.locator('[data-exercise]').getAttribute('data-exercise')) ?? '';
    await page.locator('.runtime-state', { hasText: /^Ready$/ }).waitFor({ timeout: 90_000 });
    await pasteCode(page, app, authored(first).solution ?? '');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    // The page offers the next diagnostic once this one passed (tests or a program's output).
    await page.getByRole('button', { name: 'Solved — next exercise' }).click({ timeout: 60_000 });
    while ((await page.getByTestId('placement-done').count()) === 0)
      await page.getByRole('button', { name: "Skip: I don't know this yet" }).click();
    await expect
      .poll(() => page.getByTestId('placement-done').textContent())
      .toMatch(/concepts were updated/);

    const solvedConcepts = authored(first).concepts;
    const python = (await progressRows()).filter((r) => r.concept && r.assessed);
    expect(python.map((r) => r.concept).sort()).toEqual([...solvedConcepts].sort());
    for (const r of python) expect(r.cell).toMatch(/^\d+/);
    await screenshot(page, 'recommend-progress-placed-en');

    await setLanguage('zh');
    const zhRows = await progressRows();
    expect(
      zhRows
        .filter((r) => r.assessed)
        .map((r) => r.concept)
        .sort(),
    ).toEqual([...solvedConcepts].sort());
    expect(zhRows.filter((r) => !r.assessed).every((r) => r.cell === zh.learner.notAssessed)).toBe(true);
    await screenshot(page, 'recommend-progress-placed-zh');
    await setLanguage('en');
  });
});

describe('practice matched to the learner', () => {
  const reads = ['variables-intro', 'loops-intro', 'functions-intro'];
  let strong: { learn: Awaited<ReturnType<typeof upNext>>; practice: Awaited<ReturnType<typeof practise>> };

  test('a learner who passes hard exercises is offered harder work than one who struggles', async () => {
    await becomeLearner('Strong');
    for (const id of reads) await call('markRead', { trackId: 'python', exerciseId: id });
    for (const id of ['is-prime', 'largest-number', 'word-count', 'running-total'])
      await check(id, 'solution');
    strong = { learn: await upNext(), practice: await practise() };
    await screenshot(page, 'recommend-practice-problem-strong-en');

    await becomeLearner('Struggling');
    for (const id of reads) await call('markRead', { trackId: 'python', exerciseId: id });
    for (const id of ['hello-world', 'greet-by-name']) {
      await check(id, 'starter');
      await check(id, 'starter');
    }
    const weak = { learn: await upNext(), practice: await practise() };

    expect(strong.learn.difficulty).toBeGreaterThan(weak.learn.difficulty);
    expect(strong.practice.requested).toBeGreaterThan(weak.practice.requested);
    expect(strong.practice.served).toBeGreaterThan(weak.practice.served);
    // The struggling learner is told why: the checks they missed this week.
    expect(weak.learn.reason).toContain('you missed 4 checks this week');
    expect(weak.practice.reason).toContain('you missed 4 checks this week');
    expect(weak.practice.why).toContain('you missed 4 checks this week');
    expect(strong.learn.reason).not.toContain('missed');
    // The problem page gives the reason the weak-spot list gave for its concept.
    expect(strong.practice.why).toMatch(/\S/);
    expect(strong.practice.spots.join(' | ')).toContain(strong.practice.why);
  });

  test('the reason reads in Chinese', async () => {
    await setLanguage('zh');
    const weak = await upNext();
    expect(weak.reason).toContain('本周有 4 次检查没有通过');
    await setLanguage('en');
  });

  test("the teacher's class shows figures only where the report has evidence", async () => {
    const { files } = await call<{ files: { name: string; content: string }[] }>('exportReport', {
      format: 'json',
      locale: 'en',
    });
    const { id: classId } = await call<{ id: number }>('createClass', { name: '7B recommend' });
    await call('importReports', { classId, files: [{ name: files[0]!.name, text: files[0]!.content }] });
    await go('#/teacher');
    const overview = page.getByTestId('class-mastery');
    await overview.waitFor();
    const cells = await overview
      .locator('tbody td.heat, tbody td.heat-none')
      .evaluateAll((tds) =>
        tds.map((td) => (td.classList.contains('heat-none') ? td.getAttribute('title') : 'figure')),
      );
    // Struggling has checked output-variables only: one figure, every other concept a dash.
    expect(cells.filter((c) => c === 'figure')).toHaveLength(1);
    expect(new Set(cells.filter((c) => c !== 'figure'))).toEqual(new Set([en.learner.notAssessed]));
    await page.getByRole('button', { name: 'Struggling', exact: true }).click();
    const detail = page.getByTestId('learner-mastery-python');
    await detail.waitFor();
    const assessed = await detail
      .locator('tbody tr[data-assessed="true"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-concept')));
    expect(assessed).toEqual(['output-variables']);
    await screenshot(page, 'recommend-teacher-en');
  });

  test('Learn, Practice and Progress in both languages, both themes, small and large', async () => {
    const pages = [
      ['learn', '#/learn/python', 'up-next'],
      ['practice', '#/practice', 'practice-weak-spots'],
      ['progress', '#/progress', 'mastery-table-python'],
    ] as const;
    for (const [width, height] of [
      [1024, 640],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark'] as const)
        for (const language of ['en', 'zh'] as const) {
          await call('updateSettings', { language, theme });
          await page.reload();
          await page.locator(`html[lang^="${language}"]`).waitFor();
          for (const [name, hash, testId] of pages) {
            await go(hash);
            await page.getByTestId(testId).first().waitFor();
            await screenshot(page, `recommend-${name}-${language}-${theme}-${width}`);
            if (name === 'progress') {
              // The page scrolls inside <main>: the mastery tables as the learner scrolls to them.
              await page.locator('.mastery-track').first().scrollIntoViewIfNeeded();
              await screenshot(page, `recommend-${name}-mastery-${language}-${theme}-${width}`);
              await page.getByTestId('mastery-table-python').scrollIntoViewIfNeeded();
              await screenshot(page, `recommend-${name}-table-${language}-${theme}-${width}`);
            }
          }
        }
    }
    await call('updateSettings', { language: 'en', theme: 'system' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 400_000);
});
