/**
 * A class end to end, on two installs as in a school: the teacher's Lantern makes a class and
 * its enrolment file; the learner's Lantern joins it with that file and a student ID, sees the
 * assigned unit first on Learn, passes a check and exports a report; the teacher imports it and
 * reads the summary and the matrix. A report remade with another key for the same student is
 * held for the teacher, not merged, and so is one whose student ID only looks like the
 * learner's (decision 0046). Screenshots of every teacher screen in both languages and
 * themes at 1024×640 and 1920×1080 go to SHOTS (outside the repo).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import app_en from '../../shared/i18n/locales/en/app.json';
import en from '../../shared/i18n/locales/en/classes.json';
import zh from '../../shared/i18n/locales/zh/classes.json';
import en_t from '../../shared/i18n/locales/en/teacher.json';
import en_p from '../../shared/i18n/locales/en/progress.json';
import { callApi, openPage, startApp, typeCode, useAppAndBrowser, type RunningApp } from './harness.ts';

const SHOTS = process.env.LANTERN_SHOTS ?? path.join(os.tmpdir(), 'shots15');
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-class-downloads-'));
const { app: teacherApp, browser } = useAppAndBrowser();
let learnerApp: RunningApp;
let teacher: Page;
let learner: Page;
let enrolmentFile: string;
let reportFile: string;

beforeAll(async () => {
  learnerApp = await startApp();
  const me = await callApi<{ id: number }>(learnerApp, 'currentProfile', {});
  await callApi(learnerApp, 'renameProfile', { id: me.id, name: 'Ada' });
  teacher = await openPage(browser, teacherApp.launchUrl);
  learner = await openPage(browser, learnerApp.launchUrl);
});
afterAll(async () => {
  await learnerApp?.stop();
});

async function saveDownload(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** The page must not scroll sideways: only the matrix scrolls, inside its frame. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!;
    return Math.max(
      document.documentElement.scrollWidth - document.documentElement.clientWidth,
      main.scrollWidth - main.clientWidth,
    );
  });

describe('a class a learner joins, and the class view', () => {
  test('the teacher makes a class, assigns a unit with a due date and downloads the enrolment', async () => {
    await teacher.getByRole('link', { name: app_en.nav.teacher, exact: true }).click();
    await teacher.getByLabel(en_t.classroom.newClassLabel).fill('7B Python');
    await teacher.getByRole('button', { name: en_t.classroom.createClass }).click();
    const code = teacher.getByTestId('enrolment-code');
    await expect.poll(() => code.innerText()).toMatch(/^LNT(-[0-9A-Z]{1,5})+$/);

    // Units load from the installed tracks; pick the first Python unit and give it a due date.
    await expect.poll(() => teacher.getByTestId('add-unit').locator('option').count()).toBeGreaterThan(5);
    await teacher.getByTestId('add-unit').selectOption('python/first-steps');
    await teacher.getByLabel(`${en.classEnrolment.due}: Python · First steps`).fill('2031-05-20');
    await teacher.getByTestId('save-units').click();
    await teacher.getByText(en.classEnrolment.saved).waitFor();

    enrolmentFile = await saveDownload(teacher, () => teacher.getByTestId('enrolment-download').click());
    const enrolment = JSON.parse(fs.readFileSync(enrolmentFile, 'utf8'));
    expect(enrolment).toMatchObject({
      format: 'lantern-class-enrolment',
      class: { name: '7B Python' },
      units: [{ track: 'python', unit: 'first-steps', due: '2031-05-20' }],
    });
  });

  test('the learner joins with the file and a student ID, and sees the assigned unit first', async () => {
    await learner.getByRole('link', { name: app_en.nav.settings, exact: true }).click();
    const settings = learner.getByTestId('class-settings');
    // A file that is not an enrolment is refused with a reason, and nothing is joined.
    const wrong = path.join(downloads, 'not-an-enrolment.json');
    fs.writeFileSync(wrong, '{"format": "lantern-progress-report"}');
    await learner.getByTestId('enrolment-file').setInputFiles(wrong);
    await learner.getByTestId('student-id').fill('S-1001');
    await learner.getByRole('button', { name: en.myClass.join }).click();
    await expect
      .poll(() => learner.getByTestId('class-status').innerText())
      .toBe(en.myClass.errors['not-enrolment']);

    // An ID that mixes alphabets (Cyrillic О in a Latin ID) is refused, naming the odd letter.
    await learner.getByTestId('enrolment-file').setInputFiles(enrolmentFile);
    await learner.getByTestId('student-id').fill('S-1ОО1');
    await learner.getByRole('button', { name: en.myClass.join }).click();
    await expect
      .poll(() => learner.getByTestId('class-status').innerText())
      .toBe(en.myClass.errors['student-id-mixed-script'].replace('{{detail}}', 'О'));
    await learner.getByTestId('student-id').fill('S-1001');
    await learner.getByRole('button', { name: en.myClass.join }).click();
    await expect
      .poll(() => settings.getByTestId('my-class').innerText())
      .toBe('You are in 7B Python as S-1001.');

    await learner.getByRole('link', { name: app_en.nav.learn, exact: true }).click();
    const assigned = learner.getByTestId('assigned-units');
    await assigned.waitFor();
    expect(await assigned.innerText()).toContain('Python · First steps');
    expect(await assigned.innerText()).toContain('due May 20');
    // Assigned units come before the track cards.
    const order = await learner.evaluate(() => {
      const a = document.querySelector('[data-testid="assigned-units"]')!;
      const cards = document.querySelector('.track-cards')!;
      return a.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
  });

  test('the learner works (a failed check, then a pass) and exports a report naming the class', async () => {
    await learner.getByTestId('assigned-units').getByRole('link').first().click();
    await learner.locator('.code-editor .monaco-editor').first().waitFor();
    await learner.evaluate(() => (location.hash = '#/learn/python/hello-world'));
    await learner.locator('.runtime-state', { hasText: /^(Ready|就绪)$/ }).waitFor({ timeout: 90_000 });
    await typeCode(learner, 'def greet():\n    return "Hello"\n');
    await learner.getByRole('button', { name: 'Check' }).click();
    await learner.locator('.results-summary').waitFor();
    await typeCode(learner, 'def greet():\n    return "Hello, World!"\n');
    await learner.getByRole('button', { name: 'Check' }).click();
    await learner.locator('.results-summary', { hasText: 'All 3 tests pass.' }).waitFor({ timeout: 60_000 });
    // Recorded once the backend's own run agrees (its Python loads on the first check).
    await learner.getByTestId('done-badge').waitFor({ timeout: 90_000 });

    await learner.getByRole('link', { name: app_en.nav.progress, exact: true }).click();
    reportFile = await saveDownload(learner, () =>
      learner.getByRole('button', { name: en_p.dashboard.exportJson }).click(),
    );
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    expect(report).toMatchObject({
      schemaVersion: 3,
      learner: { studentId: 'S-1001' },
      class: { name: '7B Python' },
      errorExamples: [
        { exercise: 'hello-world', kind: 'fail', code: expect.stringContaining('return "Hello"') },
      ],
    });
  });

  test('the teacher imports it and reads the summary and the matrix', async () => {
    await teacher.getByLabel(en_t.classroom.chooseFiles).setInputFiles(reportFile);
    await expect
      .poll(() => teacher.getByTestId('import-summary').innerText())
      .toBe('1 of 1 files merged into the class.');
    const matrix = teacher.getByTestId('class-matrix');
    await matrix.waitFor();
    const rows = await matrix.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('S-1001');
    const cell = matrix.locator('tbody td[title^="done"]');
    expect(await cell.getAttribute('title')).toContain('2 checks, 1 failed');
    expect(await teacher.getByRole('tab', { selected: true }).innerText()).toContain('Python');
    const summary = teacher.getByTestId('class-summary');
    expect(await summary.getByTestId('summary-stuck').innerText()).toContain(en.classView.stuckNone);
    const errors = summary.getByTestId('summary-errors');
    expect(await errors.innerText()).toContain(en.classView.errorKind.fail);
    await errors.locator('summary').first().click();
    expect(await errors.locator('pre').innerText()).toContain('return "Hello"');
    // Mastery shows only where the report has evidence.
    expect(await teacher.getByTestId('class-mastery').locator('td.heat').count()).toBeGreaterThan(0);
    // Keyboard: the sort buttons and the scrolling matrix take focus.
    await teacher.getByRole('button', { name: en.classView.studentId }).focus();
    await teacher.keyboard.press('Enter');
    expect(await teacher.locator('th[aria-sort="ascending"]').innerText()).toContain(en.classView.studentId);
  });

  test('a report remade with another key for the same student is held, not merged', async () => {
    // The same student ID on a fresh profile: a new key, as on another computer or a remade report.
    await callApi(learnerApp, 'createProfile', { name: 'Ada (remade)', switchTo: true });
    const joined = await callApi<{ ok: boolean }>(learnerApp, 'joinClass', {
      source: { kind: 'file', text: fs.readFileSync(enrolmentFile, 'utf8') },
      studentId: 's-1001',
    });
    expect(joined.ok).toBe(true);
    const { files } = await callApi<{ files: { name: string; content: string }[] }>(
      learnerApp,
      'exportReport',
      {
        format: 'json',
        locale: 'en',
      },
    );
    const remade = path.join(downloads, 'remade.json');
    fs.writeFileSync(remade, files[0]!.content);

    await teacher.getByLabel(en_t.classroom.chooseFiles).setInputFiles(remade);
    await expect
      .poll(() => teacher.getByTestId('import-results').innerText())
      .toContain(`${en_t.classroom.results.held}: ${en_t.classroom.statuses['other-key']}`);
    const held = teacher.getByTestId('held-report');
    await held.waitFor();
    expect(await held.innerText()).toContain(en.classHeld.question);
    expect(await teacher.getByTestId('class-matrix').locator('tbody tr').count()).toBe(1);
    await shots('held');
    await held.getByRole('button', { name: en.classHeld.reject }).click();
    await expect
      .poll(() => teacher.getByTestId('held-status').innerText())
      .toBe('Rejected the report from remade.json.');
    await expect.poll(() => teacher.getByTestId('held-report').count()).toBe(0);
    expect(await teacher.getByTestId('class-matrix').locator('tbody tr').count()).toBe(1);
  });

  test('a report whose student ID only looks like S-1001 (Cyrillic Ѕ) is held, not a second Ada', async () => {
    // One alphabet throughout, so the app lets it join; the teacher's class reads it as S-1001.
    await callApi(learnerApp, 'createProfile', { name: 'Ada (look-alike)', switchTo: true });
    const joined = await callApi<{ ok: boolean }>(learnerApp, 'joinClass', {
      source: { kind: 'file', text: fs.readFileSync(enrolmentFile, 'utf8') },
      studentId: 'Ѕ-1001',
    });
    expect(joined.ok).toBe(true);
    const { files } = await callApi<{ files: { content: string }[] }>(learnerApp, 'exportReport', {
      format: 'json',
      locale: 'en',
    });
    const lookAlike = path.join(downloads, 'look-alike.json');
    fs.writeFileSync(lookAlike, files[0]!.content);

    await teacher.getByLabel(en_t.classroom.chooseFiles).setInputFiles(lookAlike);
    await expect
      .poll(() => teacher.getByTestId('import-results').innerText())
      .toContain(`look-alike.json (Ada (look-alike)) — ${en_t.classroom.results.held}`);
    const held = teacher.getByTestId('held-report');
    await held.waitFor();
    // The teacher sees the ID as the report wrote it, under the learner it poses as.
    expect(await held.innerText()).toContain('Ѕ-1001');
    const rows = await teacher.getByTestId('class-matrix').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('S-1001');
    await held.getByRole('button', { name: en.classHeld.reject }).click();
    await expect.poll(() => teacher.getByTestId('held-report').count()).toBe(0);
  });

  test('every teacher screen, both languages and themes, 1024×640 and 1920×1080, no sideways scroll', async () => {
    await shots('class');
    await teacher.getByTestId('class-matrix').getByRole('button', { name: 'Ada' }).click();
    await teacher.getByTestId('learner-detail').waitFor();
    await shots('learner');
    expect((teacher as unknown as { errors: string[] }).errors).toEqual([]);
  });
});

/** The teacher page as it is now, in each language, theme and size; checks no sideways scroll. */
async function shots(name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const language of ['en', 'zh'] as const)
    for (const theme of ['light', 'dark'] as const) {
      await callApi(teacherApp, 'updateSettings', { language, theme });
      await expect
        .poll(() => teacher.evaluate(() => document.documentElement.lang))
        .toBe(language === 'zh' ? 'zh-CN' : 'en');
      await expect
        .poll(() => teacher.locator('main').innerText())
        .toContain((language === 'zh' ? zh : en).classView.matrixTitle);
      for (const [width, height] of [
        [1024, 640],
        [1920, 1080],
      ] as const) {
        await teacher.setViewportSize({ width, height });
        expect(await sidewaysOverflow(teacher), `${name} ${language} ${theme} ${width}`).toBeLessThanOrEqual(
          0,
        );
        await teacher.screenshot({
          path: path.join(SHOTS, `teacher-${name}-${language}-${theme}-${width}.png`),
        });
        // The whole page, as tall as it is (the app scrolls inside <main>).
        const tall = await teacher.evaluate(() => document.querySelector('main')!.scrollHeight);
        await teacher.setViewportSize({ width, height: Math.max(height, tall + 40) });
        await teacher.screenshot({
          path: path.join(SHOTS, `teacher-${name}-${language}-${theme}-${width}-full.png`),
        });
      }
    }
  await teacher.setViewportSize({ width: 1280, height: 800 });
  await callApi(teacherApp, 'updateSettings', { language: 'en', theme: 'system' });
}
