/**
 * Issue 16: with the Chinese interface, every refusal the backend sends reads in Chinese. Each
 * error path is driven through the real page in Chromium (web mode): a report file the teacher
 * cannot import, a class or learner name already taken, a file that is not a backup, a broken
 * enrolment file, an unreadable database moved aside at start. Each test fails if an English
 * word, other than what the message quotes, reaches the page.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import appZh from '../../shared/i18n/locales/zh/app.json';
import profilesZh from '../../shared/i18n/locales/zh/profiles.json';
import teacherZh from '../../shared/i18n/locales/zh/teacher.json';
import classesZh from '../../shared/i18n/locales/zh/classes.json';
import { checkReportFile } from '../../electron/core/reports/class-import.ts';
import type { AppInfo } from '../../shared/api/contract.ts';
import { englishIn } from './latin.ts';
import { callApi, launchBrowser, openPage, screenshot, startApp, useAppAndBrowser } from './harness.ts';

const { app, browser } = useAppAndBrowser();
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-refusals-'));

beforeAll(async () => {
  await callApi(app, 'updateSettings', { language: 'zh' });
});
afterAll(() => fs.rmSync(files, { recursive: true, force: true }));

const fill = (s: string, vars: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k]!);

function write(name: string, content: string | Buffer): string {
  const file = path.join(files, name);
  fs.writeFileSync(file, content);
  return file;
}

async function openZh(page?: Page): Promise<Page> {
  return page ?? (await openPage(browser, app.launchUrl, 'zh-CN'));
}

describe('the Chinese interface words every refusal in Chinese', () => {
  test('Teacher: a class name taken, and each report file that cannot be imported', async () => {
    const page = await openZh();
    await page.getByRole('link', { name: appZh.nav.teacher, exact: true }).click();
    const className = '七年级二班';
    await page.getByLabel(teacherZh.classroom.newClassLabel).fill(className);
    await page.getByRole('button', { name: teacherZh.classroom.createClass }).click();
    await page.getByTestId('class-select').waitFor();

    await page.getByLabel(teacherZh.classroom.newClassLabel).fill(className);
    await page.getByRole('button', { name: teacherZh.classroom.createClass }).click();
    const taken = page.locator('form.new-class [role="alert"]');
    await expect
      .poll(() => taken.textContent())
      .toBe(
        fill(teacherZh.classroom.actionFailed, {
          message: fill(teacherZh.classroom.errors['class-name-taken'], { name: className }),
        }),
      );

    const reports: Record<string, string> = {
      'broken.json': '{\n  "format": "lantern-progress-report",\n  oops\n}',
      'list.json': '[1, 2, 3]',
      'package.json': '{"name": "lantern", "version": "1.0.0"}',
      'deep.json': `{"format": "lantern-progress-report", "extra": ${'['.repeat(40)}${']'.repeat(40)}}`,
      'fields.json': JSON.stringify({
        format: 'lantern-progress-report',
        schemaVersion: 3,
        learner: { name: 'Ada' },
        exportedAt: 'yesterday',
      }),
    };
    // What the message may quote: the file names, the learner's name, and the fields the backend
    // names (asked of the same check the backend runs).
    const quoted: string[] = ['Ada'];
    for (const [name, text] of Object.entries(reports)) {
      quoted.push(name);
      const checked = checkReportFile({ name, text });
      const problem = checked.ok ? undefined : checked.outcome.problem;
      expect(problem, name).toBeDefined();
      if (problem?.code === 'too-deep') quoted.push(problem.field);
      if (problem?.code === 'fields') quoted.push(...problem.issues.map((i) => i.field));
    }
    await page
      .getByLabel(teacherZh.classroom.chooseFiles)
      .setInputFiles(Object.entries(reports).map(([name, text]) => write(name, text)));
    const results = page.getByTestId('import-results');
    await expect.poll(() => results.getByRole('listitem').count(), { timeout: 60_000 }).toBe(5);
    const text = await results.innerText();
    expect(text).toContain(fill(teacherZh.classroom.reportProblem['not-json'], { line: '3', column: '3' }));
    expect(text).toContain(teacherZh.classroom.reportProblem['not-object']);
    expect(text).toContain(teacherZh.classroom.reportProblem['not-report']);
    expect(englishIn(text, quoted)).toEqual([]);
    const section = page.locator('section[aria-labelledby="import-title"]');
    expect(englishIn(await section.innerText(), [...quoted, className])).toEqual([]);
    await screenshot(page, 'zh-refusals-teacher-import');
  });

  test('Settings: files that are not backups are refused in Chinese', async () => {
    const page = await openZh();
    await page.getByRole('link', { name: appZh.nav.settings, exact: true }).click();
    const backup = await callApi<{ data: string }>(app, 'createBackup', {});
    const whole = Buffer.from(backup.data, 'base64');
    const cases = [
      { file: write('notes.txt', 'not a backup'), code: 'restoreNotSqlite' },
      // A backup cut short, as a copy that did not finish leaves it: SQLite's own complaint
      // about it is English and must stay in the log.
      { file: write('half.db', whole.subarray(0, Math.floor(whole.length / 2))), code: undefined },
    ];
    for (const { file, code } of cases) {
      const name = path.basename(file);
      await page.getByTestId('restore-file').setInputFiles(file);
      await page.getByRole('button', { name: profilesZh.data.confirmRestoreYes }).click();
      const status = page.getByTestId('data-status');
      await expect.poll(() => status.textContent()).toContain(name);
      const text = (await status.textContent()) ?? '';
      if (code)
        expect(text).toBe(
          fill(profilesZh.data.failed, {
            message: fill(profilesZh.data.errors[code as 'restoreNotSqlite'], { file: name }),
          }),
        );
      expect(text.startsWith(fill(profilesZh.data.failed, { message: '' })), text).toBe(true);
      expect(englishIn(text, [name]), text).toEqual([]);
    }
    await screenshot(page, 'zh-refusals-restore');
  });

  test('Learners: a name already taken is refused in Chinese', async () => {
    const page = await openZh();
    await page.getByTestId('profile-open').click();
    const status = page.getByTestId('profile-status');
    for (const attempt of [1, 2]) {
      await page.getByTestId('profile-new-name').fill('小明');
      await page.getByRole('dialog').getByRole('button', { name: profilesZh.profiles.create }).click();
      await expect
        .poll(() => status.textContent())
        .toBe(
          attempt === 1
            ? fill(profilesZh.profiles.created, { name: '小明' })
            : fill(profilesZh.profiles.failed, {
                message: fill(profilesZh.profiles.errors['profile-name-taken'], { name: '小明' }),
              }),
        );
    }
    expect(englishIn((await status.textContent()) ?? '')).toEqual([]);
    await page.keyboard.press('Escape');
  });

  test('Your class: a broken enrolment file says where it stops being JSON, in Chinese', async () => {
    const page = await openZh();
    await page.getByRole('link', { name: appZh.nav.settings, exact: true }).click();
    await page
      .getByTestId('enrolment-file')
      .setInputFiles(write('7b.lantern-class.json', '{\n  "format": "lantern-class-enrolment",\n  oops'));
    await page.getByTestId('student-id').fill('S1001');
    await page.getByRole('button', { name: classesZh.myClass.join }).click();
    const status = page.getByTestId('class-status');
    await expect
      .poll(() => status.textContent())
      .toBe(fill(classesZh.myClass.errors['not-json'], { line: '3', column: '3' }));
    expect(englishIn((await status.textContent()) ?? '')).toEqual([]);
  });
});

describe('at start', () => {
  test('an unreadable database moved aside is told in Chinese, naming both files', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-e2e-moved-'));
    fs.writeFileSync(path.join(dataDir, 'lantern.db'), 'these are not the pages of a database');
    const broken = await startApp(dataDir);
    const chromium = await launchBrowser();
    try {
      const info = await callApi<AppInfo>(broken, 'getAppInfo', {});
      const notice = info.notices.find((n) => n.code === 'database-moved-aside');
      expect(notice).toBeDefined();
      // The language follows the system here: the settings were in the unreadable database.
      const page = await openPage(chromium, broken.launchUrl, 'zh-CN');
      const shown = page.locator('.notice[role="alert"] p');
      await expect
        .poll(() => shown.textContent())
        .toBe(fill(appZh.notice['database-moved-aside'], notice!.params as Record<string, string>));
      expect(englishIn((await shown.textContent()) ?? '', Object.values(notice!.params))).toEqual([]);
      await screenshot(page, 'zh-refusals-database-moved-aside');
    } finally {
      await chromium.close();
      await broken.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
