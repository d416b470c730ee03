/**
 * The gradebook a school's LMS imports, end to end: four learners work and export signed reports,
 * three after joining the class with its enrolment code and a student ID; the teacher imports
 * them on the Teacher page, exports a Canvas CSV and a Moodle CSV,
 * and the downloads are parsed as those LMSs read them; the learner who cannot be matched is
 * named on the page. Screenshots of the controls in both languages and themes, at a small and
 * a large window, go to /tmp/shots15g/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Download, Page } from 'playwright-core';
import app_en from '../../shared/i18n/locales/en/app.json';
import en_t from '../../shared/i18n/locales/en/teacher.json';
import en_g from '../../shared/i18n/locales/en/gradebook.json';
import zh_g from '../../shared/i18n/locales/zh/gradebook.json';
import en_p from '../../shared/i18n/locales/en/profiles.json';
import {
  callApi,
  exportedReport,
  openPage,
  recordChecks,
  resetSettings,
  useAppAndBrowser,
} from './harness.ts';

const { app, browser } = useAppAndBrowser();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-gradebook-'));
const SHOTS = '/tmp/shots15g';

const call = <T = unknown>(name: string, input: object = {}) => callApi<T>(app, name, input);
/** A learner's profile; `name` is null while nobody chose one (the page words it, decision 0055). */
type Profile = { id: number; name: string | null };

/**
 * A learner on this machine, as they work: a profile of their own that joins the class with the
 * enrolment code and their student ID (Bo joins no class), checks of the built-in Python track
 * that the backend re-runs (a pass sends the reference solution, a fail the starter), and the
 * signed JSON report they hand in.
 */
async function learnerReport(
  name: string,
  enrolmentCode: string,
  studentId: string | undefined,
  checks: [string, 'pass' | 'fail'][],
): Promise<string> {
  const me = await call<Profile>('currentProfile');
  await call('createProfile', { name, switchTo: true });
  if (studentId) {
    const joined = await call<{ ok: boolean }>('joinClass', {
      source: { kind: 'code', text: enrolmentCode },
      studentId,
    });
    expect(joined.ok).toBe(true);
  }
  await recordChecks(app, checks);
  const report = await exportedReport(app);
  await call('switchProfile', { id: me.id });
  const file = path.join(work, `${name.replace(/\W+/g, '_') || 'learner'}-${studentId ?? 'none'}.json`);
  fs.writeFileSync(file, report);
  return file;
}

async function saveDownload(page: Page, click: () => Promise<void>): Promise<{ text: string; name: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = path.join(work, download.suggestedFilename());
  await download.saveAs(file);
  return { text: fs.readFileSync(file, 'utf8'), name: download.suggestedFilename() };
}

/** As the LMS reads the file: UTF-8 with the byte-order mark dropped, RFC 4180 fields. */
function lmsRows(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

beforeAll(async () => {
  await resetSettings(app);
});

describe('the gradebook for Canvas and Moodle in Chromium', () => {
  let page: Page;
  const exportButton = () => page.getByRole('button', { name: en_t.classroom.gradebook });

  test('four learners work and export; the teacher imports their reports into the class', async () => {
    page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: app_en.nav.teacher }).click();
    await page.getByLabel(en_t.classroom.newClassLabel).fill('7B Python');
    await page.getByRole('button', { name: en_t.classroom.createClass }).click();
    await page.getByTestId('class-select').waitFor();
    const [cls] = await call<{ id: number; name: string }[]>('listClasses');
    const { enrolmentCode } = await call<{ enrolmentCode: string }>('getEnrolment', { classId: cls!.id });

    const files = [
      await learnerReport('王小明', enrolmentCode, 'S1001', [['count-vowels', 'fail']]),
      await learnerReport('Smith, Jo', enrolmentCode, 'S1002', [
        ['count-vowels', 'pass'],
        ['average-of-three', 'pass'],
      ]),
      await learnerReport('Ada', enrolmentCode, 'ada@school.example', [['average-of-three', 'pass']]),
      await learnerReport('Bo', enrolmentCode, undefined, [['count-vowels', 'pass']]),
    ];
    await page.getByLabel(en_t.classroom.chooseFiles).setInputFiles(files);
    await expect
      // Four signature checks and a class view to redraw: slower than one click on a busy machine.
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 60_000 })
      .toBe('4 of 4 files merged into the class.');

    // The class is the same whoever is the current learner: a switch leaves the outcomes shown.
    const teacher = await call<Profile>('currentProfile');
    await call('createProfile', { name: 'Substitute', switchTo: true });
    await expect.poll(() => page.getByTestId('profile-open').innerText()).toContain('Substitute');
    expect(await page.getByTestId('import-summary').innerText()).toBe('4 of 4 files merged into the class.');
    await call('switchProfile', { id: teacher.id });
    await expect
      .poll(() => page.getByTestId('profile-open').innerText())
      .toContain(teacher.name ?? en_p.profiles.defaultName);
  });

  test('exports a Canvas CSV that Canvas matches by SIS User ID or login, and names the learner left out', async () => {
    await page.getByLabel(en_g.gradebook.format).selectOption('canvas');
    expect(await page.getByTestId('gradebook-export').innerText()).toContain(
      en_g.gradebook.formatHelp.canvas,
    );
    const { text, name } = await saveDownload(page, () => exportButton().click());
    expect(name).toMatch(/^gradebook-7B-Python-canvas-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, points, ...rows] = lmsRows(text);
    expect(header).toEqual([
      'Student',
      'ID',
      'SIS User ID',
      'SIS Login ID',
      'Section',
      'Python: Average of three scores',
      'Python: Count the vowels',
    ]);
    expect(points).toEqual(['Points Possible', '', '', '', '', '100', '100']);
    // 王小明's failed check earns partial credit: the starter passes 2 of the 5 tests the backend
    // re-ran. An exercise never checked is blank: no grade.
    expect(rows).toEqual([
      ['Ada', '', '', 'ada@school.example', '7B Python', '100', ''],
      ['Smith, Jo', '', 'S1002', '', '7B Python', '100', '100'],
      ['王小明', '', 'S1001', '', '7B Python', '', '40'],
    ]);
    const warnings = page.getByTestId('gradebook-warnings');
    await expect.poll(() => warnings.innerText()).toContain('Bo');
    expect(await warnings.innerText()).toBe(
      en_g.gradebook.warnings.noStudentIdLeftOut.replace('{{names}}', 'Bo'),
    );
    expect(await page.getByTestId('gradebook-status').innerText()).toContain(name);
  });

  test('exports a Moodle CSV by unit, mapped by ID number, with feedback; the e-mail learner is named', async () => {
    await page.getByLabel(en_g.gradebook.format).selectOption('moodle');
    await page.getByLabel(en_g.gradebook.scores).selectOption('units');
    const { text, name } = await saveDownload(page, () => exportButton().click());
    expect(name).toMatch(/-moodle-/);
    const [header, ...rows] = lmsRows(text);
    expect(header!.slice(0, 3)).toEqual(['ID number', 'Email address', 'Full name']);
    expect(header!.at(-1)).toBe('Feedback');
    const units = header!.slice(3, -1);
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(u).toMatch(/^Python: /);
    // Moodle aborts on a row it cannot map: every row has the ID number.
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['S1002', 'Smith, Jo'],
      ['S1001', '王小明'],
    ]);
    for (const r of rows)
      for (const v of r.slice(3, -1)) expect(v === '' || Number.isFinite(Number(v))).toBe(true);
    expect(rows[0]!.at(-1)).toBe('Lantern: 2 of 2 checked exercises passed; signed report');
    const warnings = await page.getByTestId('gradebook-warnings').innerText();
    expect(warnings).toContain(en_g.gradebook.warnings.moodleGaveEmail.replace('{{names}}', 'Ada'));
    expect(warnings).toContain(en_g.gradebook.warnings.noStudentIdLeftOut.replace('{{names}}', 'Bo'));
  });

  test('the controls read in both languages and themes, in a small and a large window', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const language of ['en', 'zh'] as const)
      for (const theme of ['light', 'dark'] as const) {
        await callApi(app, 'updateSettings', { language, theme, editorFontSize: 14 });
        await page.reload();
        const g = (language === 'zh' ? zh_g : en_g).gradebook;
        const card = page.getByTestId('gradebook-export');
        await card.getByRole('heading', { name: g.title }).waitFor();
        await page.getByLabel(g.format).selectOption('canvas');
        await saveDownload(page, () => card.locator('button[type=submit]').click());
        await expect
          .poll(() => page.getByTestId('gradebook-warnings').innerText())
          .toContain(g.warnings.noStudentIdLeftOut.replace('{{names}}', 'Bo'));
        for (const [width, height] of [
          [1024, 640],
          [1920, 1080],
        ] as const) {
          await page.setViewportSize({ width, height });
          await card.scrollIntoViewIfNeeded();
          // Nothing in the card runs past the window's width.
          const overflow = await card.evaluate((el) => el.scrollWidth - el.clientWidth);
          expect(overflow).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(SHOTS, `gradebook-${language}-${theme}-${width}x${height}.png`),
          });
        }
      }
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await resetSettings(app);
  });
});
