/**
 * Names and report files that cross a boundary, through the real pages: a profile name hiding a
 * direction override is refused in the learner's language, saying which character; on the
 * Teacher page a report with such a name and a file over the size limit are refused one by one,
 * each by file name and reason, and the good report beside them is merged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import app_en from '../../shared/i18n/locales/en/app.json';
import en_p from '../../shared/i18n/locales/en/profiles.json';
import zh_p from '../../shared/i18n/locales/zh/profiles.json';
import en_t from '../../shared/i18n/locales/en/teacher.json';
import { callApi, openPage, resetSettings, useAppAndBrowser } from './harness.ts';
import { MAX_REPORT_BYTES } from '../../shared/api/calls/teacher.ts';

const { app, browser } = useAppAndBrowser();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-hostile-'));

beforeEach(async () => {
  await resetSettings(app);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

async function addLearner(page: Page, name: string, button = en_p.profiles.create) {
  await page.getByTestId('profile-new-name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: button }).click();
}

describe('input that crosses a boundary', () => {
  test('a profile name with a direction override is refused, naming the character, in both languages', async () => {
    const page = await openPage(browser, app.launchUrl);
    await page.getByTestId('profile-open').click();
    await addLearner(page, 'Ada\u202Eeva');
    const vars = { at: 4, char: 'U+202E' };
    await expect
      .poll(() => page.getByTestId('profile-status').textContent())
      .toBe(fill(en_p.profiles.nameProblem.direction, { ...vars, field: en_p.profiles.nameField }));
    expect(await page.getByTestId('profile-new-name').getAttribute('aria-invalid')).toBe('true');

    await callApi(app, 'updateSettings', { language: 'zh' });
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await addLearner(page, 'Ada\u202Eeva', zh_p.profiles.create);
    await expect
      .poll(() => page.getByTestId('profile-status').textContent())
      .toBe(fill(zh_p.profiles.nameProblem.direction, { ...vars, field: zh_p.profiles.nameField }));
    const { profiles } = await callApi<{ profiles: { name: string }[] }>(app, 'listProfiles', {});
    expect(profiles.map((p) => p.name)).not.toContain('Ada\u202Eeva');
  });

  test('the Teacher page refuses a report with a hidden character in its name and one over the size limit, and merges the rest', async () => {
    const { files } = await callApi<{ files: { content: string }[] }>(app, 'exportReport', {
      format: 'json',
      locale: 'en',
    });
    const good = JSON.parse(files[0]!.content) as { learner: { name: string }; signature?: unknown };
    const goodFile = path.join(dir, 'good.json');
    fs.writeFileSync(goodFile, files[0]!.content);
    const { signature: _signature, ...unsigned } = good;
    const badName = path.join(dir, 'bad-name.json');
    fs.writeFileSync(
      badName,
      JSON.stringify({ ...unsigned, learner: { ...unsigned.learner, name: 'Ada\u202Eeva' } }),
    );
    const huge = path.join(dir, 'huge.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, MAX_REPORT_BYTES + 1_000_000);

    const page = await openPage(browser, app.launchUrl);
    await page.getByRole('link', { name: app_en.nav.teacher, exact: true }).click();
    await page.getByLabel(en_t.classroom.newClassLabel).fill('Limits');
    await page.getByRole('button', { name: en_t.classroom.createClass }).click();
    await page.getByLabel(en_t.classroom.chooseFiles).setInputFiles([badName, huge, goodFile]);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText())
      .toBe('1 of 3 files merged into the class.');
    const results = await page.getByTestId('import-results').locator('li').allInnerTexts();
    const rejected = en_t.classroom.results.rejected;
    expect(results).toEqual(
      expect.arrayContaining([
        `huge.json — ${rejected}: ${fill(en_t.classroom.statuses.tooLarge, {
          size: ((MAX_REPORT_BYTES + 1_000_000) / 1e6).toFixed(1),
          max: (MAX_REPORT_BYTES / 1e6).toFixed(0),
        })}`,
        `bad-name.json — ${rejected}: ${fill(en_t.classroom.statuses.badName.direction, { at: 4, char: 'U+202E' })}`,
        expect.stringMatching(/^good\.json \(.+\) — Imported/),
      ]),
    );
  });
});
