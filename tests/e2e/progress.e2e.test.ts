/**
 * The progress dashboard and the teacher's class, end to end: attempts recorded through the
 * real API show on the dashboard; the learner downloads their report; the teacher imports it
 * with two other learners' reports (and a tampered copy), reads the class and exports the
 * gradebook. Screenshots in English and Chinese.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import app_en from '../../shared/i18n/locales/en/app.json';
import app_zh from '../../shared/i18n/locales/zh/app.json';
import en from '../../shared/i18n/locales/en/progress.json';
import zh from '../../shared/i18n/locales/zh/progress.json';
import en_t from '../../shared/i18n/locales/en/teacher.json';
import zh_t from '../../shared/i18n/locales/zh/teacher.json';
import {
  SCREENSHOTS,
  authoredExercise,
  callApi,
  openPage,
  resetSettings,
  screenshot,
  useAppAndBrowser,
} from './harness.ts';

const { app, browser } = useAppAndBrowser();
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-downloads-'));

/** One API call over HTTP with the launch token, as the page makes it. */
const call = <T = unknown>(name: string, input: object = {}) => callApi<T>(app, name, input);

/**
 * A check as the page records it. The backend re-runs the code, so a pass sends the reference
 * solution and a fail the starter; the counts are the page's claim, and the backend's own are kept.
 */
const check = async (exerciseId: string, status: 'pass' | 'fail', testsPassed: number) => {
  const { solution, starter } = await authoredExercise('python', exerciseId);
  return call('recordAttempt', {
    trackId: 'python',
    exerciseId,
    kind: 'check',
    code: status === 'pass' ? solution : starter,
    status,
    testsPassed,
    testsTotal: 3,
    timeTakenMs: 40,
  });
};

type Profile = { id: number; name: string };

/** Another learner on this machine: their attempts, then their signed JSON report. */
async function otherLearnerReport(name: string, work: () => Promise<unknown>): Promise<string> {
  const me = await call<Profile>('currentProfile');
  await call<Profile>('createProfile', { name, switchTo: true });
  await work();
  const { files } = await call<{ files: { name: string; content: string }[] }>('exportReport', {
    format: 'json',
  });
  await call('switchProfile', { id: me.id });
  const file = path.join(downloads, `${name}.json`);
  fs.writeFileSync(file, files[0]!.content);
  return file;
}

async function saveDownload(page: Page, click: () => Promise<void>): Promise<{ file: string; name: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

/** The app scrolls inside <main>: grow the window to the page's height so the PNG shows all of it. */
async function fullScreenshot(page: Page, name: string) {
  const height = await page.evaluate(() => document.querySelector('main')!.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.max(800, height + 40) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function switchLanguage(page: Page, lang: 'en' | 'zh') {
  await page.goto(`${app.url}/#/settings`);
  await page.getByTestId('setting-language').selectOption(lang);
  await page.getByRole('heading', { name: (lang === 'zh' ? app_zh : app_en).settings.title }).waitFor();
}

beforeAll(async () => {
  await resetSettings(app);
});

describe('progress dashboard and teacher reports in Chromium', () => {
  let page: Page;
  let adaReport: string;

  test('a new learner sees what to do instead of an empty dashboard', async () => {
    await call('renameProfile', { id: (await call<Profile>('currentProfile')).id, name: 'Ada' });
    page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: app_en.nav.progress }).click();
    await page.getByTestId('progress-empty').waitFor();
    expect(await page.getByTestId('progress-empty').innerText()).toContain(en.dashboard.emptyBody);
    await expect.poll(() => page.getByRole('link', { name: en.dashboard.emptyAction }).count()).toBe(1);
    await fullScreenshot(page, 'progress-empty-en');
  });

  test('solved exercises, hints and recent attempts show on the dashboard', async () => {
    await check('average-of-three', 'fail', 1);
    await check('average-of-three', 'pass', 3);
    await call('nextHint', { trackId: 'python', exerciseId: 'clamp' });
    await check('clamp', 'fail', 2);
    await check('count-vowels', 'pass', 3);
    await page.reload();
    await page.getByTestId('stat-solved').waitFor();
    expect(await page.getByTestId('stat-solved').innerText()).toBe('2');
    expect(await page.getByTestId('stat-streak').innerText()).toBe('1');
    expect(await page.getByTestId('stat-hints').innerText()).toBe('1');
    const mastery = await page.getByTestId('mastery-table-python').innerText();
    expect(mastery).toContain('Numbers and arithmetic');
    expect(mastery).toContain('Strings');
    const recent = await page.getByTestId('recent-table').innerText();
    expect(recent).toContain('Count the vowels');
    // The counts the backend found when it re-ran the code (count-vowels has five tests).
    expect(recent).toContain('5 of 5 tests');
    expect(await page.getByTestId('hints-table').innerText()).toMatch(/\t1$/m);
    // The chart is drawn (and hidden from screen readers, who get the table).
    await expect.poll(() => page.locator('.chart .recharts-bar-rectangle').count()).toBeGreaterThan(5);
    await fullScreenshot(page, 'progress-en');
  });

  test('the learner downloads their signed report', async () => {
    const { file, name } = await saveDownload(page, () =>
      page.getByRole('button', { name: en.dashboard.exportJson }).click(),
    );
    expect(name).toMatch(/^lantern-report-Ada-\d{4}-\d{2}-\d{2}\.json$/);
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(report.learner.name).toBe('Ada');
    expect(report.summary.exercisesCompleted).toBe(2);
    expect(report.signature.algorithm).toBe('Ed25519');
    adaReport = file;
    const csv = await saveDownload(page, () =>
      page.getByRole('button', { name: en.dashboard.exportCsv }).click(),
    );
    expect(fs.readFileSync(csv.file, 'utf8').startsWith('\uFEFF')).toBe(true);
  });

  test('the printable report prints to PDF in the browser engine', async () => {
    // The Print button puts the report in a frame and opens the print dialog ("Save as PDF").
    await page.getByRole('button', { name: en.dashboard.print }).click();
    await expect.poll(() => page.getByTestId('export-status').innerText()).toBe(en.dashboard.printing);
    const frame = page.frameLocator(`iframe[title="${en.dashboard.printFrame}"]`);
    expect(await frame.locator('h1').innerText()).toBe('Progress report: Ada');
    for (const locale of ['en', 'zh'] as const) {
      const { files } = await call<{ files: { name: string; content: string }[] }>('exportReport', {
        format: 'html',
        locale,
      });
      const print = await (await browser.newContext()).newPage();
      await print.setContent(files[0]!.content);
      await print.emulateMedia({ media: 'print' });
      expect(await print.locator('h1').innerText()).toContain('Ada');
      const pdf = await print.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      fs.writeFileSync(path.join(SCREENSHOTS, `report-${locale}.pdf`), pdf);
      await screenshot(print, `report-print-${locale}`);
      await print.context().close();
    }
  });

  test('the teacher imports three reports, sees the class, a learner, and exports the gradebook', async () => {
    const wang = await otherLearnerReport('王芳', async () => {
      await check('average-of-three', 'pass', 3);
      await check('clamp', 'pass', 3);
      await check('count-vowels', 'pass', 3);
    });
    const bo = await otherLearnerReport('Bo', () => check('average-of-three', 'fail', 0));
    const tampered = path.join(downloads, 'bo-edited.json');
    const edited = JSON.parse(fs.readFileSync(bo, 'utf8'));
    edited.summary.exercisesCompleted = 40;
    fs.writeFileSync(tampered, JSON.stringify(edited));

    await page.getByRole('link', { name: app_en.nav.teacher }).click();
    await page.getByTestId('no-classes').waitFor();
    await page.getByLabel(en_t.classroom.newClassLabel).fill('7B Python');
    await page.getByRole('button', { name: en_t.classroom.createClass }).click();
    await page.getByTestId('class-select').waitFor();
    await page.getByLabel(en_t.classroom.chooseFiles).setInputFiles([adaReport, wang, bo, tampered]);
    await page.getByTestId('import-results').waitFor();
    expect(await page.getByTestId('import-summary').innerText()).toBe('3 of 4 files merged into the class.');
    const results = await page.getByTestId('import-results').innerText();
    expect(results).toContain(`bo-edited.json (Bo) — Not imported: ${en_t.classroom.statuses.edited}`);
    expect(results).toContain(`王芳.json (王芳) — Imported: ${en_t.classroom.statuses.verified}`);

    const overview = page.getByTestId('class-matrix');
    await overview.waitFor();
    const rows = await overview.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['Ada', 'Bo', '王芳']);
    expect(rows[2]).not.toContain(en_t.classroom.verification.unsigned);
    await fullScreenshot(page, 'teacher-en');

    await page.getByRole('button', { name: '王芳', exact: true }).click();
    const detail = page.getByTestId('learner-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('Count the vowels');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('learner-title');
    await fullScreenshot(page, 'teacher-learner-en');

    const gradebook = await saveDownload(page, () =>
      page.getByRole('button', { name: en_t.classroom.gradebook }).click(),
    );
    const text = fs.readFileSync(gradebook.file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.Learner, r['Exercises completed']])).toEqual([
      ['Ada', '2'],
      ['Bo', '0'],
      ['王芳', '3'],
    ]);
  });

  test('a folder can be imported: its JSON files are checked, a report already there is a duplicate', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-class-folder-'));
    fs.copyFileSync(adaReport, path.join(folder, 'ada.json'));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a report');
    await page.getByLabel(en_t.classroom.chooseFolder).setInputFiles(folder);
    await expect
      .poll(() => page.getByTestId('import-results').innerText())
      .toContain(`ada.json (Ada) — Not imported: ${en_t.classroom.statuses.duplicate}`);
    expect(await page.getByTestId('import-results').innerText()).not.toContain('notes.txt');
    expect(await page.getByTestId('class-matrix').locator('tbody tr').count()).toBe(3);
  });

  test('both pages read in Chinese and in the dark theme', async () => {
    await switchLanguage(page, 'zh');
    await page.getByRole('link', { name: app_zh.nav.progress }).click();
    await page.getByTestId('stat-solved').waitFor();
    const body = await page.locator('main').innerText();
    expect(body).toContain(zh.dashboard.masteryTitle);
    expect(body).toContain('数元音字母');
    expect(body).not.toContain(en.dashboard.masteryTitle);
    await fullScreenshot(page, 'progress-zh');
    await page.getByRole('link', { name: app_zh.nav.teacher }).click();
    await page.getByTestId('class-matrix').waitFor();
    expect(await page.locator('main').innerText()).toContain(zh_t.classroom.overviewTitle);
    await fullScreenshot(page, 'teacher-zh');

    await page.goto(`${app.url}/#/settings`);
    await page.getByTestId('setting-theme').selectOption('dark');
    await page.getByRole('link', { name: app_zh.nav.progress }).click();
    await page.getByTestId('stat-solved').waitFor();
    await fullScreenshot(page, 'progress-dark-zh');
    await page.getByRole('link', { name: app_zh.nav.teacher }).click();
    await page.getByTestId('class-matrix').waitFor();
    await fullScreenshot(page, 'teacher-dark-zh');

    // Deleting the class asks first, then leaves the page ready for a new one.
    await page.getByRole('button', { name: zh_t.classroom.deleteClass }).click();
    await page.getByRole('button', { name: zh_t.classroom.deleteYes }).click();
    await page.getByTestId('no-classes').waitFor();
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });
});
